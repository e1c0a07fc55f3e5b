import { html, nothing } from 'lit';
import { AppElement, typedIn } from './base';
import { api, ApiError, get, loadSession, Page, post, Problem, Session } from './api';
import { label, lang, setLang, t } from './i18n';
import { cap } from './sme-app';
import { dateTime, fromTokyoInput, shortTime, tokyoInput } from './time';
import { pickedSkills } from './skill-picker';

interface Tenant { id: string; name: string; industry?: string; plan: { type: string; endpointCount: number; monthlyFeeYen: number }; createdAt: string }
interface Sensor { id: string; kind: string; name: string; sourceAddress?: string; keyPrefix: string; revokedAt?: string; state: string; lastSeenAt: string | null }
interface SensorRow { kind: string; name: string; sourceAddress: string }
interface OnCallOverride { id: string; username: string; startsAt: string; endsAt: string; createdBy: string }
interface Schedule { onCallNow: string | null; turnEndsAt: string | null; overrides: OnCallOverride[];
  rotation: { members: string[]; startsAt: string; turnDays: number; updatedBy: string } | null }
interface EscalationLevel { level: number; onCall: boolean; users: string[]; chatWebhooks: number }
interface EscalationPolicy { priority: string; levels: EscalationLevel[] }
interface Shown { password?: string; username?: string; sensors: { name: string; kind: string; apiKey: string; sourceAddress?: string }[]; policy?: string }

const DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

/**
 * The provider's administration (/admin/): a new SME in one sitting (company, site, plan with its cap checked as
 * the fee is typed, first user, sensors, insurance), customers and their sensors, engineers, policies, the SOC's
 * on-call rotation (who is told of a P1 at night) and the escalation policies. Secrets the
 * services hand out once (the first password, sensor keys) are shown once and never kept by the page.
 */
class AdminApp extends AppElement {
  static properties = {
    session: { state: true }, route: { state: true }, plan: { state: true }, fee: { state: true }, endpoints: { state: true },
    sensors: { state: true }, fieldErrors: { state: true }, error: { state: true }, shown: { state: true }, busy: { state: true },
    tenants: { state: true }, query: { state: true }, tenantSensors: { state: true }, policies: { state: true }, message: { state: true },
    schedule: { state: true }, escalation: { state: true },
  };
  declare session: Session | null;
  declare route: string;
  declare plan: string;
  declare fee: number;
  declare endpoints: number;
  declare sensors: SensorRow[];
  declare fieldErrors: Record<string, string>;
  declare error: string;
  declare shown: Shown | null;
  declare busy: boolean;
  declare tenants: Tenant[];
  declare query: string;
  declare tenantSensors: Record<string, Sensor[]>;
  declare policies: any[];
  declare message: string;
  declare schedule: Schedule | null;
  declare escalation: EscalationPolicy[];

  constructor() {
    super();
    this.session = null;
    this.route = location.hash;
    this.plan = 'COMBINED';
    this.fee = 19_800;
    this.endpoints = 5;
    this.sensors = [{ kind: 'NETWORK', name: 'UTM', sourceAddress: '' }];
    this.fieldErrors = {};
    this.error = '';
    this.shown = null;
    this.busy = false;
    this.tenants = [];
    this.query = '';
    this.tenantSensors = {};
    this.policies = [];
    this.message = '';
    this.schedule = null;
    this.escalation = [];
  }

  async connectedCallback() {
    super.connectedCallback();
    document.documentElement.lang = lang();
    window.addEventListener('hashchange', () => {
      this.route = location.hash;
      this.loadTab();
    });
    this.session = await loadSession();
    this.loadTab();
  }

  private tab() {
    return this.route.replace('#/', '') || 'onboard';
  }

  private async loadTab() {
    if (this.tab() === 'tenants') this.tenants = (await get<Page<Tenant>>('ingest/tenants?limit=500')).items;
    if (this.tab() === 'policies') this.policies = (await get<Page<any>>('insurance/policies?limit=500')).items;
    if (this.tab() === 'on-call') await this.loadOnCall();
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
      <main class="admin">
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${this.message ? html`<p class="notice" role="status">${this.message}</p>` : nothing}
        ${tab === 'tenants' ? this.tenantList() : tab === 'engineers' ? this.engineerForm() : tab === 'policies' ? this.policyList()
          : tab === 'on-call' ? this.onCallView() : this.shown ? this.once() : this.onboardForm()}
      </main>`;
  }

  private input(name: string, key: string, attrs: { type?: string; required?: boolean; value?: string; step?: string } = {}) {
    const error = this.fieldErrors[name];
    return html`<label for=${name}>${t(key)}</label>
      <input id=${name} name=${name} type=${attrs.type ?? 'text'} step=${attrs.step ?? 'any'} ?required=${attrs.required ?? true}
        .value=${attrs.value ?? ''} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${name}-error` : ''}>
      ${error ? html`<span class="field-error" id="${name}-error">${error}</span>` : nothing}`;
  }

  private onboardForm() {
    const limit = cap({ type: this.plan, endpointCount: this.endpoints, monthlyFeeYen: this.fee });
    const over = this.fee > limit || (this.plan !== 'NETWORK' && this.endpoints < 1);
    const year = new Date().getFullYear();
    return html`<h1>${t('admin.onboard')}</h1>
      <form class="onboard" @submit=${(e: Event) => this.onboard(e)}>
        <fieldset><legend>${t('admin.company')}</legend>
          ${this.input('name', 'admin.name')}${this.input('industry', 'admin.industry', { required: false })}
          ${this.input('contactEmail', 'admin.contactEmail', { type: 'email' })}${this.input('contactPhone', 'admin.contactPhone', { type: 'tel' })}
        </fieldset>
        <fieldset><legend>${t('admin.site')}</legend>
          ${this.input('site.postalCode', 'admin.postalCode')}${this.input('site.prefecture', 'admin.prefecture')}
          ${this.input('site.address', 'admin.address')}
          ${this.input('site.latitude', 'admin.latitude', { type: 'number' })}${this.input('site.longitude', 'admin.longitude', { type: 'number' })}
        </fieldset>
        <fieldset><legend>${t('admin.plan')}</legend>
          <label for="plan.type">${t('admin.planType')}</label>
          <select id="plan.type" name="plan.type" @change=${(e: Event) => (this.plan = (e.target as HTMLSelectElement).value)}>
            ${['NETWORK', 'ENDPOINT', 'COMBINED'].map((p) => html`<option value=${p} ?selected=${p === this.plan}>${label('plan', p)}</option>`)}
          </select>
          <label for="plan.endpointCount">${t('admin.endpointCount')}</label>
          <input id="plan.endpointCount" name="plan.endpointCount" type="number" min="0" .value=${String(this.endpoints)}
            @input=${(e: Event) => (this.endpoints = Number((e.target as HTMLInputElement).value) || 0)}>
          ${this.fieldErrors['plan.endpointCount'] ? html`<span class="field-error">${this.fieldErrors['plan.endpointCount']}</span>` : nothing}
          <label for="plan.monthlyFeeYen">${t('admin.fee')}</label>
          <input id="plan.monthlyFeeYen" name="plan.monthlyFeeYen" type="number" min="0" step="1" .value=${String(this.fee)}
            aria-describedby="fee-cap" @input=${(e: Event) => (this.fee = Number((e.target as HTMLInputElement).value) || 0)}>
          <span id="fee-cap" class=${over ? 'field-error' : 'field-ok'} role="status">${t(over ? 'admin.capOver' : 'admin.capOk',
            { cap: limit.toLocaleString() })}</span>
          ${this.fieldErrors['plan.monthlyFeeYen'] ? html`<span class="field-error server">${this.fieldErrors['plan.monthlyFeeYen']}</span>` : nothing}
        </fieldset>
        <fieldset><legend>${t('admin.firstUser')}</legend>
          ${this.input('admin.email', 'admin.userEmail', { type: 'email' })}${this.input('admin.name', 'admin.userName')}
        </fieldset>
        <fieldset><legend>${t('admin.sensors')}</legend>
          ${this.sensors.map((s, i) => html`<div class="sensor-row">
            <label>${t('admin.sensorKind')} <select name="sensor-kind-${i}" @change=${(e: Event) => this.setSensor(i, { kind: (e.target as HTMLSelectElement).value })}>
              ${['NETWORK', 'ENDPOINT'].map((k) => html`<option value=${k} ?selected=${s.kind === k}>${k}</option>`)}</select></label>
            <label>${t('admin.sensorName')} <input name="sensor-name-${i}" .value=${s.name} required
              @input=${(e: Event) => this.setSensor(i, { name: (e.target as HTMLInputElement).value })}></label>
            <label>${t('admin.sourceAddress')} <input name="sensor-address-${i}" .value=${s.sourceAddress}
              @input=${(e: Event) => this.setSensor(i, { sourceAddress: (e.target as HTMLInputElement).value })}></label></div>`)}
          <button type="button" class="secondary" @click=${() => (this.sensors = [...this.sensors, { kind: 'ENDPOINT', name: '', sourceAddress: '' }])}>
            ${t('admin.addSensor')}</button>
        </fieldset>
        <fieldset><legend>${t('admin.policy')}</legend>
          <label for="policy.insurerId">${t('admin.insurer')}</label>
          <select id="policy.insurerId" name="policy.insurerId"><option value="">—</option><option>INS-A</option><option>INS-B</option></select>
          ${this.input('policy.policyNumber', 'admin.policyNumber', { required: false })}
          ${this.input('policy.startsOn', 'admin.startsOn', { type: 'date', required: false, value: `${year}-01-01` })}
          ${this.input('policy.endsOn', 'admin.endsOn', { type: 'date', required: false, value: `${year}-12-31` })}
          ${this.input('policy.perIncidentLimitYen', 'admin.perIncident', { type: 'number', required: false, value: '300000' })}
          ${this.input('policy.annualAggregateLimitYen', 'admin.annual', { type: 'number', required: false, value: '1000000' })}
          ${this.input('policy.deductibleYen', 'admin.deductible', { type: 'number', required: false, value: '5000' })}
        </fieldset>
        <button type="submit" class="big" ?disabled=${this.busy}>${t('admin.submit')}</button>
      </form>`;
  }

  private setSensor(index: number, change: Partial<SensorRow>) {
    this.sensors = this.sensors.map((s, i) => (i === index ? { ...s, ...change } : s));
  }

  private showProblem(problem: Problem | null, fallback: string) {
    this.fieldErrors = Object.fromEntries((problem?.errors ?? []).map((f) => [f.field, f.message]));
    this.error = problem?.detail ?? fallback;
  }

  private async onboard(e: Event) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const v = typedIn(form);
    const n = (name: string) => Number(v(name));
    this.busy = true;
    this.fieldErrors = {};
    this.error = '';
    try {
      const tenant = await post<any>('ingest/tenants', {
        name: v('name'), industry: v('industry') || undefined, contactEmail: v('contactEmail'), contactPhone: v('contactPhone'),
        site: { postalCode: v('site.postalCode'), prefecture: v('site.prefecture'), address: v('site.address'),
          latitude: n('site.latitude'), longitude: n('site.longitude') },
        plan: { type: this.plan, endpointCount: this.endpoints, monthlyFeeYen: this.fee },
        admin: { email: v('admin.email'), name: v('admin.name') },
      });
      const shown: Shown = { username: tenant.adminUsername, password: tenant.initialPassword, sensors: [] };
      for (const s of this.sensors.filter((x) => x.name.trim())) {
        const sensor = await post<any>(`ingest/tenants/${tenant.id}/sensors`, { kind: s.kind, name: s.name.trim(),
          sourceAddress: s.sourceAddress.trim() || undefined });
        shown.sensors.push({ name: s.name, kind: s.kind, apiKey: sensor.apiKey, sourceAddress: s.sourceAddress.trim() || undefined });
      }
      if (v('policy.insurerId')) {
        this.message = t('admin.policyRetry');
        shown.policy = await this.addPolicy(tenant.id, v, n);
      }
      this.shown = shown;
      this.message = t('admin.done');
    } catch (err) {
      this.showProblem(err instanceof ApiError ? err.problem : null, (err as Error).message);
    } finally {
      this.busy = false;
    }
  }

  /** insurance learns of a new tenant from the tenants topic a moment later: retried for a while. */
  private async addPolicy(tenantId: string, v: (n: string) => string, n: (n: string) => number): Promise<string> {
    const body = { tenantId, insurerId: v('policy.insurerId'), policyNumber: v('policy.policyNumber'), startsOn: v('policy.startsOn'),
      endsOn: v('policy.endsOn'), perIncidentLimitYen: n('policy.perIncidentLimitYen'),
      annualAggregateLimitYen: n('policy.annualAggregateLimitYen'), deductibleYen: n('policy.deductibleYen'),
      coveredCostTypes: ['LABOR', 'TRAVEL', 'EXPENSE'] };
    for (let attempt = 0; ; attempt++) {
      try {
        const policy = await post<any>('insurance/policies', body);
        return policy.policyNumber ?? body.policyNumber;
      } catch (e) {
        const problem = e instanceof ApiError ? e.problem : null;
        if (attempt > 20 || !problem || (problem.errors?.length && problem.status === 400)) throw e;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  private once() {
    const s = this.shown!;
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
      <button @click=${() => { this.shown = null; this.message = ''; }}>${t('admin.onboard')}</button>`;
  }

  private copy(text: string) {
    return html`<button type="button" class="secondary copy" @click=${async () => {
      await navigator.clipboard?.writeText(text).catch(() => {});
      this.message = t('admin.copied');
    }}>${t('admin.copy')}</button>`;
  }

  private tenantList() {
    const q = this.query.toLowerCase();
    const shown = this.tenants.filter((x) => !q || x.name.toLowerCase().includes(q) || (x.industry ?? '').toLowerCase().includes(q));
    return html`<h1>${t('admin.tenants')}</h1>
      <label>${t('admin.search')} <input type="search" class="search" .value=${this.query}
        @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}></label>
      <table><thead><tr><th scope="col">${t('admin.name')}</th><th scope="col">${t('admin.plan')}</th><th scope="col">${t('admin.fee')}</th>
        <th scope="col">${t('admin.sensors')}</th></tr></thead>
      <tbody>${shown.map((x) => html`<tr data-id=${x.id}><td>${x.name}</td><td>${label('plan', x.plan.type)}</td>
        <td class="num">¥${x.plan.monthlyFeeYen.toLocaleString()}</td>
        <td>${this.tenantSensors[x.id] ? this.tenantSensors[x.id].map((s) => html`<div class="sensor">${s.name} (${s.keyPrefix}…)
            <span class="sub">${t('sensor.lastSeen')}: ${s.lastSeenAt ? dateTime(s.lastSeenAt) : t('sensor.never')}</span>
            ${s.revokedAt ? html`<span class="tag">${t('admin.revoked')}</span>` : html`<span class="tag">${label('sensor', s.state)}</span>
              <button class="secondary revoke"
              @click=${() => this.revoke(x.id, s.id)}>${t('admin.revoke')}</button>`}</div>`)
          : html`<button class="secondary" @click=${() => this.loadSensors(x.id)}>${t('admin.showSensors')}</button>`}</td></tr>`)}</tbody></table>`;
  }

  private async loadSensors(tenantId: string) {
    const page = await get<Page<Sensor>>(`ingest/tenants/${tenantId}/sensors?limit=500`);
    this.tenantSensors = { ...this.tenantSensors, [tenantId]: page.items };
  }

  private async revoke(tenantId: string, sensorId: string) {
    await api('DELETE', `ingest/tenants/${tenantId}/sensors/${sensorId}`);
    await this.loadSensors(tenantId);
  }

  private engineerForm() {
    return html`<h1>${t('admin.engineers')}</h1>
      <form class="onboard" @submit=${(e: Event) => this.onboardEngineer(e)}>
        ${this.input('name', 'admin.userName')}${this.input('email', 'admin.userEmail', { type: 'email' })}
        ${this.input('homeBase.latitude', 'admin.latitude', { type: 'number' })}${this.input('homeBase.longitude', 'admin.longitude', { type: 'number' })}
        <skill-picker checked="endpoint, network, general" legend="admin.skills"></skill-picker>
        <fieldset><legend>${t('admin.shift')}</legend>
          ${DAYS.map((d) => html`<label class="check"><input type="checkbox" name="day" value=${d} ?checked=${d !== 'SAT' && d !== 'SUN'}> ${d}</label>`)}
          ${this.input('shift.start', 'admin.startsOn', { type: 'time', value: '09:00' })}${this.input('shift.end', 'admin.endsOn', { type: 'time', value: '18:00' })}
        </fieldset>
        <button type="submit" class="big">${t('admin.submit')}</button>
      </form>`;
  }

  private async onboardEngineer(e: Event) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const v = typedIn(form);
    this.fieldErrors = {};
    this.error = '';
    try {
      const engineer = await post<any>('dispatch/engineers', {
        name: v('name'), email: v('email'), homeBase: { latitude: Number(v('homeBase.latitude')), longitude: Number(v('homeBase.longitude')) },
        skills: pickedSkills(form),
        shift: { days: [...form.querySelectorAll<HTMLInputElement>('input[name=day]:checked')].map((c) => c.value),
          start: v('shift.start'), end: v('shift.end') },
      });
      this.shown = { username: engineer.username, password: engineer.initialPassword, sensors: [] };
      this.message = t('admin.engineerDone');
      location.hash = '#/onboard';
    } catch (err) {
      this.showProblem(err instanceof ApiError ? err.problem : null, (err as Error).message);
    }
  }

  private policyList() {
    return html`<h1>${t('admin.policies')}</h1>
      <table><thead><tr><th scope="col">${t('admin.policyNumber')}</th><th scope="col">${t('admin.insurer')}</th>
        <th scope="col">${t('admin.startsOn')}</th><th scope="col">${t('admin.endsOn')}</th><th scope="col">${t('admin.deductible')}</th></tr></thead>
      <tbody>${this.policies.map((p) => html`<tr><td>${p.policyNumber}</td><td>${p.insurerId}</td><td>${p.startsOn}</td>
        <td>${p.endsOn}</td><td class="num">¥${Number(p.deductibleYen).toLocaleString()}</td></tr>`)}</tbody></table>`;
  }

  private async loadOnCall() {
    [this.schedule, this.escalation] = await Promise.all([get<Schedule>('notify/on-call'),
      get<EscalationPolicy[]>('notify/escalation-policies')]);
  }

  /** Who is told of a P1/P2 at night: the one on call now, the weekly rotation, the overrides, the escalation levels. */
  private onCallView() {
    const s = this.schedule;
    if (!s) return html`<p class="loading">${t('loading')}</p>`;
    return html`<h1>${t('admin.onCall')}</h1>
      <p class="on-call-now" role="status">${s.onCallNow ? t('admin.onCallNow', { who: s.onCallNow, until: shortTime(s.turnEndsAt) })
        : t('admin.nobodyOnCall')}</p>
      <form class="rotation" @submit=${(e: Event) => this.saveRotation(e)}>
        <fieldset><legend>${t('admin.rotation')}</legend>
          ${this.input('members', 'admin.members', { value: s.rotation?.members.join(', ') ?? '' })}
          ${this.input('startsAt', 'admin.rotationStarts', { type: 'datetime-local', value: tokyoInput(s.rotation?.startsAt) })}
          ${this.input('turnDays', 'admin.turnDays', { type: 'number', value: String(s.rotation?.turnDays ?? 7) })}
        </fieldset>
        <button type="submit">${t('admin.saveRotation')}</button>
      </form>
      <h2>${t('admin.overrides')}</h2>
      ${s.overrides.length === 0 ? html`<p class="empty">${t('admin.noOverrides')}</p>` : html`
        <table class="overrides"><thead><tr><th scope="col">${t('admin.overrideWho')}</th><th scope="col">${t('admin.from')}</th>
          <th scope="col">${t('admin.until')}</th><th scope="col"><span class="sr">${t('admin.removeOverride')}</span></th></tr></thead>
        <tbody>${s.overrides.map((o) => html`<tr data-id=${o.id}><td>${o.username}</td><td>${shortTime(o.startsAt)}</td>
          <td>${shortTime(o.endsAt)}</td><td><button class="secondary" @click=${() => this.removeOverride(o.id)}
            aria-label=${t('admin.removeOverrideOf', { who: o.username })}>${t('admin.removeOverride')}</button></td></tr>`)}</tbody></table>`}
      <form class="override" @submit=${(e: Event) => this.addOverride(e)}>
        <fieldset><legend>${t('admin.addOverride')}</legend>
          ${this.input('override.username', 'admin.overrideWho')}
          ${this.input('override.startsAt', 'admin.from', { type: 'datetime-local' })}
          ${this.input('override.endsAt', 'admin.until', { type: 'datetime-local' })}
        </fieldset>
        <button type="submit">${t('admin.addOverride')}</button>
      </form>
      <h2>${t('admin.escalation')}</h2>
      <p class="hint">${t('admin.escalationHint')}</p>
      ${['P1', 'P2'].map((priority) => {
        const policy = this.escalation.find((p) => p.priority === priority);
        return html`<section class="escalation" data-priority=${priority}><h3>${priority}</h3>
          <ol>${(policy?.levels ?? [{ level: 1, onCall: true, users: [], chatWebhooks: 0 }]).map((l) => html`<li>${this.level(l)}</li>`)}</ol>
        </section>`;
      })}`;
  }

  private level(l: EscalationLevel) {
    const who = [...(l.onCall ? [t('admin.theOneOnCall')] : []), ...l.users,
      ...(l.chatWebhooks > 0 ? [t('admin.teamChats', { n: l.chatWebhooks })] : [])];
    return who.join(lang() === 'ja' ? '、' : ', ');
  }

  private async saveRotation(e: Event) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const v = typedIn(form);
    await this.change(() => api('PUT', 'notify/on-call/rotation', {
      members: v('members').split(/[,、\s]+/).filter((m) => m), startsAt: fromTokyoInput(v('startsAt')), turnDays: Number(v('turnDays')),
    }), 'admin.rotationSaved', '');
  }

  private async addOverride(e: Event) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const v = typedIn(form);
    const added = await this.change(() => post('notify/on-call/overrides', { username: v('override.username'),
      startsAt: fromTokyoInput(v('override.startsAt')), endsAt: fromTokyoInput(v('override.endsAt')) }), 'admin.overrideAdded', 'override.');
    if (added) form.reset();
  }

  private async removeOverride(id: string) {
    await this.change(() => api('DELETE', `notify/on-call/overrides/${id}`), 'admin.overrideRemoved', '');
  }

  /** One change to the schedule: the server's refusal shown at its field (prefixed as the form names it), then re-read. */
  private async change(call: () => Promise<unknown>, done: string, fieldPrefix: string): Promise<boolean> {
    this.fieldErrors = {};
    this.error = '';
    this.message = '';
    try {
      await call();
      this.message = t(done);
      await this.loadOnCall();
      return true;
    } catch (err) {
      const problem = err instanceof ApiError ? err.problem : null;
      this.showProblem(problem && { ...problem, errors: (problem.errors ?? []).map((f) => ({ ...f, field: fieldPrefix + f.field })) },
        (err as Error).message);
      return false;
    }
  }
}

customElements.define('admin-app', AdminApp);
