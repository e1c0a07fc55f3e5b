import { html, nothing } from 'lit';
import { AppElement } from './base';
import { api, get, Page, Session } from './api';
import { label, t } from './i18n';
import { coalesced, live } from './live';
import { countdown, minutes, shortTime } from './time';

export interface Incident {
  id: string;
  tenantId: string;
  kind: 'ALERT' | 'CONSULTATION' | 'SENSOR_SILENT' | 'OPERATIONS';
  title: string;
  category: string | null;
  priority: string;
  status: string;
  alertCount: number;
  hosts: string[];
  ackDueAt: string;
  acknowledgedAt: string | null;
  openedAt: string;
  slaBreached: boolean;
  assignee: string | null;
  mergedInto?: string;
  /** A consultation's call-back number. */
  contactPhone?: string;
  /** The on-site job as dispatch last reported it (late: the engineer is expected after its deadline). */
  onsite?: { status: string; late?: boolean; lateByMinutes?: number };
}

interface View {
  status: string;
  priority: string;
  tenantId: string;
  category: string;
  sla: string;
  mine: boolean;
}

const DEFAULT_VIEW: View = { status: '', priority: '', tenantId: '', category: '', sla: '', mine: false };
const PRIORITIES = ['P1', 'P2', 'P3', 'P4'];
const STATUSES = ['OPEN', 'ACKNOWLEDGED', 'ONSITE_REQUESTED', 'ONSITE_IN_PROGRESS', 'RESOLVED', 'CLOSED'];
const CATEGORIES = ['MALWARE', 'RANSOMWARE', 'C2', 'INTRUSION', 'RECON', 'BRUTE_FORCE', 'PHISHING', 'EXFILTRATION', 'POLICY', 'OTHER'];

/** On track, at risk past 75% of its acknowledge clock, breached; or acknowledged (the clock stopped). */
export function slaState(i: Incident, now = Date.now()): 'ok' | 'risk' | 'breached' | 'met' {
  if (i.slaBreached) return 'breached';
  if (i.acknowledgedAt) return 'met';
  const due = new Date(i.ackDueAt).getTime();
  if (now >= due) return 'breached';
  const opened = new Date(i.openedAt).getTime();
  return now - opened >= 0.75 * (due - opened) ? 'risk' : 'ok';
}

let tenantNames: Promise<Map<string, string>> | null = null;

/** The tenant id of the platform's own incidents (OPERATIONS: dead letters), which no customer sees. */
export const PLATFORM = '00000000-0000-0000-0000-000000000000';

/**
 * The customers' names (the queue shows names, the API ids), by name; read once per page load, and again when an
 * incident names a customer onboarded since (no sooner than 2 s after the last read, however many incidents ask).
 */
export function tenants(unknown?: string): Promise<Map<string, string>> {
  if (unknown && tenantNames) {
    tenantNames = tenantNames.then((names) => (names.has(unknown) ? names
      : new Promise<void>((r) => setTimeout(r, Math.max(0, tenantNamesAt + 2_000 - Date.now()))).then(fetchTenants)));
  }
  tenantNames ??= fetchTenants();
  return tenantNames;
}

let tenantNamesAt = 0;

function fetchTenants(): Promise<Map<string, string>> {
  tenantNamesAt = Date.now();
  return get<Page<{ id: string; name: string }>>('ingest/tenants?limit=500')
    .then((page) => new Map<string, string>([...page.items].sort((a, b) => a.name.localeCompare(b.name, 'ja')).map((x) => [x.id, x.name])))
    .then((names) => names.set(PLATFORM, t('tenant.platform'))) // operations incidents are the platform's own
    .catch(() => new Map());
}

/** The SOC's open queue: live, filtered, keyboard-driven, with SLA clocks and bulk steps. */
class SocQueue extends AppElement {
  static properties = {
    session: {}, items: { state: true }, view: { state: true }, selected: { state: true }, checked: { state: true },
    names: { state: true }, message: { state: true }, help: { state: true }, error: { state: true },
  };
  declare session: Session;
  declare items: Incident[] | null;
  declare view: View;
  declare selected: number;
  declare checked: Set<string>;
  declare names: Map<string, string>;
  declare message: string;
  declare help: boolean;
  declare error: string;
  private known = new Set<string>();
  private timer = 0;
  private reloadSoon = coalesced(() => this.load());
  private unsubscribe: (() => void) | null = null;
  private onKey = (e: KeyboardEvent) => this.key(e);

  constructor() {
    super();
    this.items = null;
    this.view = { ...DEFAULT_VIEW };
    this.selected = 0;
    this.checked = new Set();
    this.names = new Map();
    this.message = '';
    this.help = false;
    this.error = '';
  }

  private viewKey() {
    return `otasuke.soc.view.${this.session.username}`;
  }

  connectedCallback() {
    super.connectedCallback();
    const saved = localStorage.getItem(this.viewKey());
    if (saved) this.view = { ...DEFAULT_VIEW, ...JSON.parse(saved) };
    tenants().then((names) => (this.names = names));
    this.load();
    this.unsubscribe = live.subscribe((n) => n.incidentId && this.reloadSoon(), () => this.load());
    this.timer = window.setInterval(() => this.requestUpdate(), 1000);
    document.addEventListener('keydown', this.onKey);
  }

  disconnectedCallback() {
    this.unsubscribe?.();
    clearInterval(this.timer);
    this.reloadSoon.cancel();
    document.removeEventListener('keydown', this.onKey);
    super.disconnectedCallback();
  }

  private async load() {
    const q = new URLSearchParams({ limit: '200' });
    if (this.view.status) q.set('status', this.view.status);
    else q.set('active', 'true');
    if (this.view.priority) q.set('priority', this.view.priority);
    if (this.view.tenantId) q.set('tenantId', this.view.tenantId);
    if (this.view.category) q.set('category', this.view.category);
    if (this.view.mine) q.set('assignee', this.session.username);
    try {
      const page = await get<Page<Incident>>(`triage/incidents?${q}`);
      const fresh = page.items.filter((i) => this.items !== null && !this.known.has(i.id));
      page.items.forEach((i) => this.known.add(i.id));
      if (fresh.length > 0) this.message = t('queue.newArrived');
      this.items = page.items;
      const unknown = page.items.find((i) => !this.names.has(i.tenantId));
      if (unknown && this.names.size > 0) tenants(unknown.tenantId).then((names) => (this.names = names));
      this.error = '';
      this.selected = Math.min(this.selected, Math.max(0, this.shown().length - 1));
    } catch (e) {
      this.error = (e as Error).message;
    }
  }

  private shown(): Incident[] {
    const now = Date.now();
    return (this.items ?? []).filter((i) => !this.view.sla || slaState(i, now) === this.view.sla);
  }

  /**
   * The customer filter is typed (forty names do not fit a list to scroll): the name picked from the suggestions, or the
   * one customer whose name holds what was typed; nothing typed is every customer.
   */
  private pickTenant(input: HTMLInputElement) {
    const typed = input.value.trim().toLowerCase();
    if (!typed) {
      this.setView({ tenantId: '' });
      return;
    }
    const entries = [...this.names].filter(([id]) => id !== PLATFORM || typed === (this.names.get(PLATFORM) ?? '').toLowerCase());
    const exact = entries.find(([, name]) => name.toLowerCase() === typed);
    const partial = entries.filter(([, name]) => name.toLowerCase().includes(typed));
    const found = exact ?? (partial.length === 1 ? partial[0] : undefined);
    if (found) {
      input.value = found[1];
      this.message = '';
      this.setView({ tenantId: found[0] });
    } else {
      this.message = t(partial.length ? 'filter.tenantMany' : 'filter.tenantNone', { n: partial.length });
    }
  }

  private setView(change: Partial<View>) {
    this.view = { ...this.view, ...change };
    this.selected = 0;
    this.load();
  }

  private key(e: KeyboardEvent) {
    const target = e.target as HTMLElement;
    if (e.ctrlKey || e.metaKey || e.altKey || ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON'].includes(target.tagName)) {
      // on a button (the help dialog's own, focused while it is open), ? and Escape still open and close the help
      if ((e.key !== '?' && e.key !== 'Escape') || target.tagName !== 'BUTTON') return;
    }
    const shown = this.shown();
    const current = shown[this.selected];
    switch (e.key) {
      case 'j':
        this.selected = Math.min(this.selected + 1, shown.length - 1);
        break;
      case 'k':
        this.selected = Math.max(this.selected - 1, 0);
        break;
      case 'Enter':
        if (current) location.hash = `#/incidents/${current.id}`;
        break;
      case 'a':
        if (current) this.step([current], (i) => api('POST', `triage/incidents/${i.id}/acknowledge`));
        break;
      case 's':
        if (current) this.step([current], (i) => api('POST', `triage/incidents/${i.id}/assign`, { assignee: this.session.username }));
        break;
      case '?':
        this.help = !this.help;
        break;
      case 'Escape':
        this.help = false;
        break;
      default:
        return;
    }
    e.preventDefault();
    this.updateComplete.then(() => this.querySelector<HTMLElement>('tr.selected')?.scrollIntoView({ block: 'nearest' }));
  }

  /** One step on several incidents: each on its own, so one refusal does not stop the others. */
  private async step(incidents: Incident[], call: (i: Incident) => Promise<unknown>) {
    let ok = 0;
    let failed = 0;
    let lastError = '';
    for (const incident of incidents) {
      try {
        await call(incident);
        ok++;
      } catch (e) {
        failed++;
        lastError = (e as Error).message;
      }
    }
    this.message = t('bulk.done', { ok, failed }) + (lastError ? ` — ${lastError}` : '');
    this.checked = new Set();
    await this.load();
  }

  private checkedIncidents() {
    return this.shown().filter((i) => this.checked.has(i.id));
  }

  private toggle(id: string) {
    const next = new Set(this.checked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.checked = next;
  }

  render() {
    const shown = this.shown();
    const now = Date.now();
    return html`
      <section class="queue">
        <h1>${t('queue.title')} <span class="count">${this.items ? t('queue.count', { n: shown.length }) : ''}</span></h1>
        ${this.filters()}
        <div class="bulk" role="toolbar" aria-label="bulk">
          <button ?disabled=${this.checked.size === 0}
            @click=${() => this.step(this.checkedIncidents(), (i) => api('POST', `triage/incidents/${i.id}/acknowledge`))}>
            ${t('bulk.ack')}</button>
          <label>${t('bulk.assignTo')} <input id="bulk-assignee" .value=${this.session.username} size="10"></label>
          <button ?disabled=${this.checked.size === 0} @click=${() => {
            const to = (this.querySelector('#bulk-assignee') as HTMLInputElement).value.trim();
            this.step(this.checkedIncidents(), (i) => api('POST', `triage/incidents/${i.id}/assign`, { assignee: to }));
          }}>${t('bulk.assign')}</button>
          <button class="link" @click=${() => (this.help = true)} aria-keyshortcuts="?">? ${t('keys.title')}</button>
        </div>
        ${this.message ? html`<p class="notice" role="status">${this.message}</p>` : nothing}
        ${this.error ? html`<p class="error" role="alert">${this.error} <button @click=${() => this.load()}>${t('retry')}</button></p>` : nothing}
        ${this.items === null ? html`<p class="loading">${t('loading')}</p>` : shown.length === 0
          ? html`<p class="empty">${t('queue.empty')}</p>` : html`
        <table class="incidents" aria-label=${t('queue.title')}>
          <thead><tr>
            <th scope="col"><span class="sr">${t('col.select')}</span></th>
            <th scope="col">${t('col.priority')}</th><th scope="col">${t('col.title')}</th>
            <th scope="col">${t('col.tenant')}</th><th scope="col">${t('col.status')}</th>
            <th scope="col">${t('col.sla')}</th><th scope="col">${t('col.assignee')}</th><th scope="col">${t('col.alerts')}</th>
          </tr></thead>
          <tbody>${shown.map((i, index) => this.row(i, index, now))}</tbody>
        </table>`}
        ${this.help ? this.keys() : nothing}
      </section>`;
  }

  private row(i: Incident, index: number, now: number) {
    const sla = slaState(i, now);
    return html`
      <tr class=${index === this.selected ? 'selected' : ''} aria-selected=${index === this.selected ? 'true' : 'false'}
        data-id=${i.id} @click=${() => (this.selected = index)} @dblclick=${() => (location.hash = `#/incidents/${i.id}`)}>
        <td><input type="checkbox" aria-label="${t('col.select')}: ${i.title}" .checked=${this.checked.has(i.id)}
          @change=${() => this.toggle(i.id)}></td>
        <td><span class="priority ${i.priority}">${i.priority}</span></td>
        <td><a href="#/incidents/${i.id}">${i.title}</a>
          ${i.kind === 'CONSULTATION' ? html`<span class="tag consultation">${t('kind.consultation')}</span>`
            : i.kind === 'SENSOR_SILENT' || i.kind === 'OPERATIONS' ? html`<span class="tag operations">${label('kind', i.kind)}</span>` : nothing}
          <div class="sub">${label('category', i.category)} · ${i.hosts.join(', ')}</div></td>
        <td>${this.names.get(i.tenantId) ?? i.tenantId.substring(0, 8)}</td>
        <td class="nowrap">${label('status', i.status)}${i.onsite?.late ? html` <strong class="tag late"
          title=${t('job.late', { late: minutes(i.onsite.lateByMinutes ?? 0) })}>${t('queue.late')}</strong>` : nothing}</td>
        <td class="nowrap"><span class="sla ${sla}" title=${shortTime(i.ackDueAt)}>${t(`sla.${sla}`)}
          ${sla === 'met' || i.acknowledgedAt ? nothing : html`<span class="clock">${countdown(i.ackDueAt, now)}</span>`}</span></td>
        <td class="nowrap">${i.assignee ?? '—'}</td>
        <td class="num">${i.alertCount}</td>
      </tr>`;
  }

  private filters() {
    const v = this.view;
    const option = (value: string, text: string, current: string) =>
      html`<option value=${value} ?selected=${value === current}>${text}</option>`;
    return html`
      <form class="filters" @submit=${(e: Event) => e.preventDefault()}>
        <label>${t('filter.status')}
          <select @change=${(e: Event) => this.setView({ status: (e.target as HTMLSelectElement).value })}>
            ${option('', t('filter.active'), v.status)}${STATUSES.map((s) => option(s, label('status', s), v.status))}
          </select></label>
        <label>${t('filter.priority')}
          <select @change=${(e: Event) => this.setView({ priority: (e.target as HTMLSelectElement).value })}>
            ${option('', t('filter.all'), v.priority)}${PRIORITIES.map((p) => option(p, p, v.priority))}
          </select></label>
        <label>${t('filter.tenant')}
          <input type="search" list="tenant-names" class="tenant-filter" placeholder=${t('filter.tenantSearch')}
            .value=${v.tenantId ? this.names.get(v.tenantId) ?? '' : ''} @change=${(e: Event) => this.pickTenant(e.target as HTMLInputElement)}
            @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && (e.target as HTMLElement).blur() /* back to the queue's keys */}>
          <datalist id="tenant-names">${[...this.names.values()].map((name) => html`<option value=${name}></option>`)}</datalist></label>
        <label>${t('filter.category')}
          <select @change=${(e: Event) => this.setView({ category: (e.target as HTMLSelectElement).value })}>
            ${option('', t('filter.all'), v.category)}${CATEGORIES.map((c) => option(c, label('category', c), v.category))}
          </select></label>
        <label>${t('filter.sla')}
          <select @change=${(e: Event) => this.setView({ sla: (e.target as HTMLSelectElement).value })}>
            ${option('', t('filter.all'), v.sla)}${['ok', 'risk', 'breached', 'met'].map((s) => option(s, t(`sla.${s}`), v.sla))}
          </select></label>
        <label class="check"><input type="checkbox" .checked=${v.mine}
          @change=${(e: Event) => this.setView({ mine: (e.target as HTMLInputElement).checked })}> ${t('filter.mine')}</label>
        <button type="button" class="secondary" @click=${() => {
          localStorage.setItem(this.viewKey(), JSON.stringify(this.view));
          this.message = t('filter.saved');
        }}>${t('filter.saveDefault')}</button>
      </form>`;
  }

  /** The help dialog takes the focus when it opens and gives it back when it closes. */
  updated(changed: Map<string, unknown>) {
    super.updated(changed);
    if (!changed.has('help')) return;
    if (this.help) {
      this.beforeHelp = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      this.querySelector<HTMLElement>('.dialog button')?.focus();
    } else if (changed.get('help') === true) {
      this.beforeHelp?.focus();
    }
  }

  private beforeHelp: HTMLElement | null = null;

  private keys() {
    return html`
      <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="keys-title">
        <h2 id="keys-title">${t('keys.title')}</h2>
        <dl class="keys">
          <dt><kbd>j</kbd> / <kbd>k</kbd></dt><dd>${t('keys.jk')}</dd>
          <dt><kbd>Enter</kbd></dt><dd>${t('keys.enter')}</dd>
          <dt><kbd>a</kbd></dt><dd>${t('keys.a')}</dd>
          <dt><kbd>s</kbd></dt><dd>${t('keys.s')}</dd>
          <dt><kbd>?</kbd></dt><dd>${t('keys.help')}</dd>
        </dl>
        <button @click=${() => (this.help = false)}>${t('keys.close')}</button>
      </div>`;
  }
}

customElements.define('soc-queue', SocQueue);
