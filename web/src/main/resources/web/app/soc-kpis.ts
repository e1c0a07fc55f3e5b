import { html, nothing } from 'lit';
import { AppElement } from './base';
import { get } from './api';
import { label, t } from './i18n';
import { seconds } from './time';

interface Kpis {
  from: string;
  to: string;
  byPriority: { priority: string; opened: number; acknowledged: number; resolved: number;
    timeToAcknowledge: { p50: number | null; p90: number | null }; timeToResolve: { p50: number | null; p90: number | null };
    slaMet: number; slaBreached: number; slaCompliance: number | null }[];
  byCategory: { key: string; count: number }[];
  byTenant: { tenantId: string; name: string | null; count: number }[];
  onsite: { requested: number; completed: number };
  claims: { opened: number; paid: number };
}

/**
 * Horizontal bars drawn by the page (no chart library to ship): each row is its label and its value as text, at the
 * page's own size, so it reads at a glance, zooms with the page and is read out by a screen reader; the bar itself is
 * decoration.
 */
function bars(rows: { label: string; value: number; text: string }[]) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return html`<ul class="bars">${rows.map((r) => html`<li>
    <span class="bar-label">${r.label}</span>
    <span class="bar-track" aria-hidden="true"><span class="bar" style="width: ${Math.max(1, (r.value / max) * 100)}%"></span></span>
    <span class="bar-value">${r.text}</span></li>`)}</ul>`;
}

/** The SOC's KPIs over a period (computed by triage over its database). */
class SocKpis extends AppElement {
  static properties = { kpis: { state: true }, error: { state: true } };
  declare kpis: Kpis | null;
  declare error: string;

  constructor() {
    super();
    this.kpis = null;
    this.error = '';
  }

  connectedCallback() {
    super.connectedCallback();
    this.load('', '');
  }

  private async load(from: string, to: string) {
    const q = new URLSearchParams();
    if (from) q.set('from', new Date(`${from}T00:00:00+09:00`).toISOString());
    if (to) q.set('to', new Date(`${to}T00:00:00+09:00`).toISOString());
    try {
      this.kpis = await get<Kpis>(`triage/incidents/kpis?${q}`);
      this.error = '';
    } catch (e) {
      this.error = (e as Error).message;
    }
  }

  render() {
    const k = this.kpis;
    return html`
      <section class="kpis">
        <h1>${t('kpi.title')}</h1>
        <form class="filters" @submit=${(e: Event) => {
          e.preventDefault();
          const form = e.target as HTMLFormElement;
          this.load((form.elements.namedItem('from') as HTMLInputElement).value, (form.elements.namedItem('to') as HTMLInputElement).value);
        }}>
          <label>${t('kpi.from')} <input type="date" name="from"></label>
          <label>${t('kpi.to')} <input type="date" name="to"></label>
          <button type="submit">${t('kpi.show')}</button>
        </form>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${!k ? html`<p class="loading">${t('loading')}</p>` : html`
        <table class="kpi-table">
          <thead><tr><th scope="col">${t('col.priority')}</th><th scope="col">${t('kpi.opened')}</th>
            <th scope="col">${t('kpi.ack')} p50 / p90</th><th scope="col">${t('kpi.resolve')} p50 / p90</th>
            <th scope="col">${t('kpi.compliance')}</th></tr></thead>
          <tbody>${k.byPriority.map((p) => html`<tr>
            <td><span class="priority ${p.priority}">${p.priority}</span></td><td class="num">${p.opened}</td>
            <td>${seconds(p.timeToAcknowledge.p50)} / ${seconds(p.timeToAcknowledge.p90)}</td>
            <td>${seconds(p.timeToResolve.p50)} / ${seconds(p.timeToResolve.p90)}</td>
            <td>${p.slaCompliance === null ? '—' : `${Math.round(p.slaCompliance * 100)}%`}</td></tr>`)}</tbody>
        </table>
        <div class="charts">
          <figure><figcaption>${t('kpi.compliance')}</figcaption>
            ${bars(k.byPriority.map((p) => ({ label: p.priority, value: p.slaCompliance ?? 0,
              text: p.slaCompliance === null ? '—' : `${Math.round(p.slaCompliance * 100)}%` })))}</figure>
          <figure><figcaption>${t('kpi.byCategory')}</figcaption>
            ${bars(k.byCategory.map((c) => ({ label: label('category', c.key), value: c.count, text: String(c.count) })))}</figure>
          <figure><figcaption>${t('kpi.byTenant')}</figcaption>
            ${bars(k.byTenant.slice(0, 10).map((c) => ({ label: c.name ?? c.tenantId.substring(0, 8), value: c.count, text: String(c.count) })))}</figure>
        </div>
        <p>${t('kpi.onsite')}: ${t('kpi.onsiteDone', k.onsite as any)} · ${t('kpi.claims')}: ${t('kpi.claimsPaid', k.claims as any)}</p>`}
      </section>`;
  }
}

customElements.define('soc-kpis', SocKpis);
