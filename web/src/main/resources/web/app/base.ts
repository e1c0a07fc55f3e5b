import { LitElement } from 'lit';

/**
 * The apps' elements render into the page itself (no shadow DOM): one stylesheet styles them all, and what a
 * person sees is what a test reads. They redraw when the language changes.
 */
export class AppElement extends LitElement {
  private onLang = () => this.languageChanged();

  /** Redraws in the new language; a page that shows the services' own words reads them again too. */
  protected languageChanged() {
    this.requestUpdate();
  }

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

/** What a person typed in a form's named field, without surrounding spaces. */
export function typedIn(form: HTMLFormElement): (name: string) => string {
  return (name) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
}
