import { html } from 'lit';
import { AppElement } from './base';
import { loadSession, Session } from './api';
import { lang, setLang, t } from './i18n';
import { live } from './live';
import './soc-queue';
import './soc-incident';
import './soc-kpis';
import './field-app';
import './sme-app';
import './admin-app';

/** The frame of every app: who is signed in, the live state, the language switch, sign-out; then the app's page. */
class OtasukeApp extends AppElement {
  static properties = { app: {}, session: { state: true }, route: { state: true }, liveState: { state: true } };
  declare app: string;
  declare session: Session | null;
  declare route: string;
  declare liveState: string;

  constructor() {
    super();
    this.session = null;
    this.route = location.hash;
    this.liveState = live.state;
  }

  async connectedCallback() {
    super.connectedCallback();
    if (this.app !== 'soc') return; // the other apps draw their own frame
    document.documentElement.lang = lang();
    window.addEventListener('hashchange', () => (this.route = location.hash));
    live.addEventListener('state', () => (this.liveState = live.state));
    this.session = await loadSession();
    live.start();
  }

  render() {
    if (this.app === 'field') return html`<field-app></field-app>`;
    if (this.app === 'my') return html`<sme-app></sme-app>`;
    if (this.app === 'admin') return html`<admin-app></admin-app>`;
    if (!this.session) return html`<p class="loading">${t('loading')}</p>`;
    return html`
      <header class="top">
        <a class="brand" href="/soc/#">Otasuke SOC <span>${t('app.soc')}</span></a>
        <nav aria-label="main">
          <a href="#" aria-current=${this.route.startsWith('#/kpis') ? 'false' : 'page'}>${t('nav.queue')}</a>
          <a href="#/kpis" aria-current=${this.route.startsWith('#/kpis') ? 'page' : 'false'}>${t('nav.kpis')}</a>
        </nav>
        <span class="live live-${this.liveState}" role="status" aria-live="polite">${t(`live.${this.liveState === 'live'
          ? 'on' : this.liveState === 'offline' ? 'off' : 'connecting'}`)}</span>
        <button class="link" aria-label=${t('lang.label')} @click=${() => setLang(lang() === 'ja' ? 'en' : 'ja')}>
          ${t('lang.switch')}</button>
        <span class="who">${this.session.name}</span>
        <a class="button secondary" href="/logout">${t('signOut')}</a>
      </header>
      <main>${this.page()}</main>`;
  }

  private page() {
    const incident = /^#\/incidents\/([0-9a-f-]{36})/.exec(this.route);
    if (incident) return html`<soc-incident .incidentId=${incident[1]} .session=${this.session}></soc-incident>`;
    if (this.route.startsWith('#/kpis')) return html`<soc-kpis></soc-kpis>`;
    return html`<soc-queue .session=${this.session}></soc-queue>`;
  }
}

customElements.define('otasuke-app', OtasukeApp);
