import { html, nothing } from 'lit';
import { typedIn } from './base';
import { ApiError, post } from './api';
import { label, t, yen } from './i18n';
import { cap } from './sme-app';
import { AdminTab, Shown } from './admin-tab';

interface SensorRow { kind: string; name: string; sourceAddress: string }

/**
 * A new SME in one sitting: company, site, plan with its cap checked as the fee is typed, first user, sensors,
 * insurance; then the first password and the sensor keys, shown once.
 */
class AdminOnboard extends AdminTab {
  static properties = {
    ...AdminTab.properties,
    plan: { state: true }, fee: { state: true }, endpoints: { state: true }, sensors: { state: true }, shown: { state: true },
    busy: { state: true },
  };
  declare plan: string;
  declare fee: number;
  declare endpoints: number;
  declare sensors: SensorRow[];
  declare shown: Shown | null;
  declare busy: boolean;

  constructor() {
    super();
    this.plan = 'COMBINED';
    this.fee = 19_800;
    this.endpoints = 5;
    this.sensors = [{ kind: 'NETWORK', name: 'UTM', sourceAddress: '' }];
    this.shown = null;
    this.busy = false;
  }

  render() {
    return html`${this.banners()}${this.shown ? this.once(this.shown, { label: t('admin.onboard'), start: () => (this.shown = null) })
      : this.onboardForm()}`;
  }

  /** A network plan monitors no endpoints: no count is asked or kept for it, shown or hidden. */
  private endpointCount(): number {
    return this.plan === 'NETWORK' ? 0 : this.endpoints;
  }

  private onboardForm() {
    const limit = cap({ type: this.plan, endpointCount: this.endpointCount(), monthlyFeeYen: this.fee });
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
          ${this.plan === 'NETWORK' ? nothing : html`
            <label for="plan.endpointCount">${t('admin.endpointCount')}</label>
            <input id="plan.endpointCount" name="plan.endpointCount" type="number" min="0" .value=${String(this.endpoints)}
              @input=${(e: Event) => (this.endpoints = Number((e.target as HTMLInputElement).value) || 0)}>
            ${this.fieldErrors['plan.endpointCount'] ? html`<span class="field-error">${this.fieldErrors['plan.endpointCount']}</span>` : nothing}`}
          <label for="plan.monthlyFeeYen">${t('admin.fee')}</label>
          <input id="plan.monthlyFeeYen" name="plan.monthlyFeeYen" type="number" min="0" step="1" .value=${String(this.fee)}
            aria-describedby="fee-cap" @input=${(e: Event) => this.feeTyped(Number((e.target as HTMLInputElement).value) || 0)}>
          ${this.fieldErrors['plan.monthlyFeeYen']
            // the service's refusal replaces the live check until the fee is changed: one message at the field
            ? html`<span id="fee-cap" class="field-error server" role="alert">${this.fieldErrors['plan.monthlyFeeYen']}</span>`
            : html`<span id="fee-cap" class=${over ? 'field-error' : 'field-ok'} role="status">${t(over ? 'admin.capOver'
              : 'admin.capOk', { cap: yen(limit) })}</span>`}
        </fieldset>
        <fieldset><legend>${t('admin.firstUser')}</legend>
          ${this.input('admin.email', 'admin.userEmail', { type: 'email' })}${this.input('admin.name', 'admin.userName')}
        </fieldset>
        <fieldset><legend>${t('admin.sensors')}</legend>
          ${this.sensors.map((s, i) => html`<div class="sensor-row">
            <label>${t('admin.sensorKind')} <select name="sensor-kind-${i}" @change=${(e: Event) => this.setSensor(i, { kind: (e.target as HTMLSelectElement).value })}>
              ${['NETWORK', 'ENDPOINT'].map((k) => html`<option value=${k} ?selected=${s.kind === k}>${label('kindOf', k)}</option>`)}</select></label>
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

  private feeTyped(fee: number) {
    this.fee = fee;
    if (this.fieldErrors['plan.monthlyFeeYen']) {
      const { ['plan.monthlyFeeYen']: _answered, ...others } = this.fieldErrors;
      this.fieldErrors = others;
    }
  }

    private setSensor(index: number, change: Partial<SensorRow>) {
    this.sensors = this.sensors.map((s, i) => (i === index ? { ...s, ...change } : s));
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
        plan: { type: this.plan, endpointCount: this.endpointCount(), monthlyFeeYen: this.fee },
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

}

customElements.define('admin-onboard', AdminOnboard);
