import { html } from 'lit';
import { AppElement } from './base';
import { loadSession, Session } from './api';
import { lang, setLang, t } from './i18n';
import './admin-onboard';
import './admin-tenants';
import './admin-engineers';
import './admin-policies';
import './admin-on-call';

/**
 * The provider's administration (/admin/), a tab an element: a new SME in one sitting (admin-onboard), customers and
 * their sensors (admin-tenants), engineers (admin-engineers), policies (admin-policies), the SOC's on-call rotation
 * and escalation (admin-on-call). Secrets the services hand out once are shown once and never kept by the page.
 */
class AdminApp extends AppElement {
  static properties = { session: { state: true }, route: { state: true } };
  declare session: Session | null;
  declare route: string;

  constructor() {
    super();
    this.session = null;
    this.route = location.hash;
  }

  async connectedCallback() {
    super.connectedCallback();
    document.documentElement.lang = lang();
    window.addEventListener('hashchange', () => (this.route = location.hash));
    this.session = await loadSession();
  }

  private tab() {
    return this.route.replace('#/', '') || 'onboard';
  }

  render() {
    if (!this.session) return html`<p class="loading">${t('loading')}</p>`;
    const tab = this.tab();
    const link = (name: string, text: string) => html`<a href="#/${name}" aria-current=${tab === name ? 'page' : 'false'}>${text}</a>`;
    return html`
      <header class="top">
        <span class="brand">Otasuke SOC <span>${t('admin.title')}</span></span>
        <nav aria-label="main">${link('onboard', t('admin.onboard'))}${link('tenants', t('admin.tenants'))}
          ${link('engineers', t('admin.engineers'))}${link('policies', t('admin.policies'))}${link('on-call', t('admin.onCall'))}</nav>
        <button class="link" aria-label=${t('lang.label')} @click=${() => setLang(lang() === 'ja' ? 'en' : 'ja')}>${t('lang.switch')}</button>
        <span class="who">${this.session.name}</span>
        <a class="button secondary" href="/logout">${t('signOut')}</a>
      </header>
      <main class="admin">${this.tabElement(tab)}</main>`;
  }

  private tabElement(tab: string) {
    switch (tab) {
      case 'tenants': return html`<admin-tenants .session=${this.session}></admin-tenants>`;
      case 'engineers': return html`<admin-engineers .session=${this.session}></admin-engineers>`;
      case 'policies': return html`<admin-policies .session=${this.session}></admin-policies>`;
      case 'on-call': return html`<admin-on-call .session=${this.session}></admin-on-call>`;
      default: return html`<admin-onboard .session=${this.session}></admin-onboard>`;
    }
  }
}

customElements.define('admin-app', AdminApp);
