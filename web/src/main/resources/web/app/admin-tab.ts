import { html, nothing } from 'lit';
import { AppElement } from './base';
import { explain, Problem, Session } from './api';
import { t } from './i18n';

/** What the services hand out once (a first password, sensor keys): shown once, never kept by the page. */
export interface Shown { password?: string; username?: string; sensors: { name: string; kind: string; apiKey: string; sourceAddress?: string }[]; policy?: string }

/**
 * One tab of the administration: its forms name their fields as the API does, so a refusal (problem+json with
 * `errors`) is shown at the field it names, and its banner says what happened.
 */
export class AdminTab extends AppElement {
  static properties = {
    session: { attribute: false }, fieldErrors: { state: true }, error: { state: true }, message: { state: true },
  };
  declare session: Session | null;
  declare fieldErrors: Record<string, string>;
  declare error: string;
  declare message: string;

  constructor() {
    super();
    this.session = null;
    this.fieldErrors = {};
    this.error = '';
    this.message = '';
  }

  protected banners() {
    return html`${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.message ? html`<p class="notice" role="status">${this.message}</p>` : nothing}`;
  }

  protected input(name: string, key: string, attrs: { type?: string; required?: boolean; value?: string; step?: string } = {}) {
    const error = this.fieldErrors[name];
    return html`<label for=${name}>${t(key)}</label>
      <input id=${name} name=${name} type=${attrs.type ?? 'text'} step=${attrs.step ?? 'any'} ?required=${attrs.required ?? true}
        .value=${attrs.value ?? ''} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${name}-error` : ''}>
      ${error ? html`<span class="field-error" id="${name}-error">${error}</span>` : nothing}`;
  }

  /**
   * A refusal is said once, where the person can fix it: a rule refused at one field is shown at that field in the
   * reader's words (not again in a banner); invalid fields each show their own message (the services answer in the
   * language the page asks), with one line above the form saying to look at them; anything else in the banner.
   */
  protected showProblem(problem: Problem | null, fallback: string) {
    const errors = problem?.errors ?? [];
    const refusedAtField = problem?.type?.startsWith('urn:otasuke:problem:') && errors.length === 1
      && this.querySelector(`[id="${CSS.escape(errors[0].field)}"]`) !== null; // a field this form shows
    this.fieldErrors = Object.fromEntries(errors.map((f) => [f.field, refusedAtField ? explain(problem!) : f.message]));
    this.error = !problem ? fallback : refusedAtField ? '' : errors.length ? t('form.checkFields') : explain(problem);
  }

  /** The secrets of what was just made, each once, with how a sensor sends; {@code again} starts another. */
  protected once(s: Shown, again: { label: string; start: () => void }) {
    const origin = this.session?.intakeUrl ?? '';
    return html`<h1>${t('admin.done')}</h1>
      <p class="error" role="alert">${t('admin.onceOnly')}</p>
      <dl class="facts secrets">
        <dt>${t('admin.userEmail')}</dt><dd class="username">${s.username}</dd>
        ${s.password ? html`<dt>${t('admin.password')}</dt><dd><code class="password">${s.password}</code>
          ${this.copy(s.password)}</dd>` : nothing}
        ${s.policy ? html`<dt>${t('admin.policy')}</dt><dd class="policy">${s.policy}</dd>` : nothing}
      </dl>
      ${s.sensors.map((x) => html`<section class="card sensor-key">
        <h2>${x.name} (${x.kind})</h2>
        <p>${t('admin.key')}: <code class="api-key">${x.apiKey}</code> ${this.copy(x.apiKey)}</p>
        <h3>${t('admin.setupHttp')}</h3>
        <pre class="setup">curl -X POST ${origin}/api/v1/alerts -H 'X-Sensor-Key: ${x.apiKey}' -H 'Content-Type: application/x-ndjson' --data-binary @eve.json</pre>
        ${x.sourceAddress ? html`<h3>${t('admin.setupSyslog')}</h3>
          <pre class="setup">*.* action(type="omfwd" target="${this.session?.syslogHost}" port="5514" protocol="tcp")  # from ${x.sourceAddress}</pre>` : nothing}
      </section>`)}
      <button @click=${() => { again.start(); this.message = ''; }}>${again.label}</button>`;
  }

  private copy(text: string) {
    return html`<button type="button" class="secondary copy" @click=${async () => {
      await navigator.clipboard?.writeText(text).catch(() => {});
      this.message = t('admin.copied');
    }}>${t('admin.copy')}</button>`;
  }

}
