import { html } from 'lit';
import { api, get, Page } from './api';
import { label, sensorState, t, yen } from './i18n';
import { dateTime } from './time';
import { AdminTab } from './admin-tab';

interface Tenant { id: string; name: string; industry?: string; plan: { type: string; endpointCount: number; monthlyFeeYen: number }; createdAt: string }
interface Sensor { id: string; kind: string; name: string; sourceAddress?: string; keyPrefix: string; revokedAt?: string; state: string; lastSeenAt: string | null }

/** The customers, searchable, each with its sensors (when last heard, their state) and a way to revoke a key. */
class AdminTenants extends AdminTab {
  static properties = { ...AdminTab.properties, tenants: { state: true }, query: { state: true }, tenantSensors: { state: true } };
  declare tenants: Tenant[];
  declare query: string;
  declare tenantSensors: Record<string, Sensor[]>;

  constructor() {
    super();
    this.tenants = [];
    this.query = '';
    this.tenantSensors = {};
  }

  async connectedCallback() {
    super.connectedCallback();
    this.tenants = (await get<Page<Tenant>>('ingest/tenants?limit=500')).items;
  }

  render() {
    return html`${this.banners()}${this.tenantList()}`;
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
        <td class="num">${yen(x.plan.monthlyFeeYen)}</td>
        <td>${this.tenantSensors[x.id] ? this.tenantSensors[x.id].map((s) => html`<div class="sensor">${s.name}
            <span class="sub">${label('kindOf', s.kind)} · ${s.keyPrefix}…</span>
            <span class="sub">${t('sensor.lastSeen')}: ${s.lastSeenAt ? dateTime(s.lastSeenAt) : t('sensor.never')}</span>
            ${s.revokedAt ? html`<span class="tag">${t('admin.revoked')}</span>` : html`<span class="tag">${sensorState(s)}</span>
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

}

customElements.define('admin-tenants', AdminTenants);
