import { LitElement } from 'lit';

/**
 * The apps' elements render into the page itself (no shadow DOM): one stylesheet styles them all, and what a
 * person sees is what a test reads. They redraw when the language changes.
 */
export class AppElement extends LitElement {
  private onLang = () => this.requestUpdate();

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener('otasuke-lang', this.onLang);
  }

  disconnectedCallback() {
    window.removeEventListener('otasuke-lang', this.onLang);
    super.disconnectedCallback();
  }
}
