import { html, nothing } from 'lit';
import { AppElement } from './base';
import { ApiError, get, getAll, Page, post, Session } from './api';
import { label, t, yen } from './i18n';
import { live } from './live';
import { countdown, dateTime, minutes } from './time';
import { Incident, PLATFORM, slaState, tenants } from './soc-queue';
import { pickedSkills, skillWords } from './skill-picker';

interface Detail extends Incident {
  description: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  onsite?: {
    jobId: string | null; status: string; eta: string | null; engineerName: string | null; unassignableReason?: string;
    deadline?: string | null; late?: boolean; lateByMinutes?: number;
  };
  claim?: { claimId: string; status: string };
  resolution: string | null;
  resolutionSummary: string | null;
}

/** Who could take the job (dispatch GET /jobs/{id}/candidates), best first; missing skills already in words. */
interface Candidate {
  engineerId: string;
  name: string;
  eta: string | null;
  lateByMinutes: number | null;
  missingSkills: string[];
  missingWords: string;
  distanceKm: number;
}

interface Alert {
  id: string;
  observedAt: string;
  severity: string;
  title: string;
  host: string | null;
  srcIp: string | null;
  dstIp: string | null;
  signature: string | null;
  format: string;
  raw: string | null;
}

interface Entry {
  at: string;
  type: string;
  summary: string;
  visibility: 'INTERNAL' | 'CUSTOMER';
  actor: string | null;
  facts?: { otherIncidentId?: string };
}

interface Tenant {
  id: string;
  name: string;
  site?: { prefecture: string; address: string };
  plan?: { type: string; monthlyFeeYen: number };
}

/** MITRE ATT&CK technique ids a source carries in its record (Wazuh's rule.mitre.id, Suricata metadata, …). */
function techniques(raw: string | null): string[] {
  if (!raw) return [];
  return [...new Set(raw.match(/\bT1\d{3}(?:\.\d{3})?\b/g) ?? [])];
}

/** One incident and everything the SOC does with it; live: it re-reads itself when a notice names it. */
class SocIncident extends AppElement {
  static properties = {
    incidentId: {}, session: {}, incident: { state: true }, alerts: { state: true }, nextAlerts: { state: true },
    timeline: { state: true }, tenant: { state: true }, candidates: { state: true }, picked: { state: true },
    message: { state: true }, messageLink: { state: true }, engineers: { state: true }, error: { state: true },
  };
  declare incidentId: string;
  declare session: Session;
  declare incident: Detail | null;
  declare alerts: Alert[];
  declare nextAlerts: string | null;
  declare timeline: Entry[];
  declare tenant: Tenant | null;
  declare candidates: Incident[];
  declare picked: Set<string>;
  declare message: string;
  /** Where the notice's link goes (the incident a detach opened), if it has one. */
  declare messageLink: string;
  /** The job's candidates once the operator asked to see them. */
  declare engineers: Candidate[] | null;
  declare error: string;
  private unsubscribe: (() => void) | null = null;
  private timer = 0;

  constructor() {
    super();
    this.incident = null;
    this.alerts = [];
    this.nextAlerts = null;
    this.timeline = [];
    this.tenant = null;
    this.candidates = [];
    this.picked = new Set();
    this.message = '';
    this.messageLink = '';
    this.engineers = null;
    this.error = '';
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
    this.unsubscribe = live.subscribe((n) => {
      if (n.incidentId === this.incidentId || n.mergedInto === this.incidentId) this.load();
    }, () => this.load());
    this.timer = window.setInterval(() => this.requestUpdate(), 1000);
  }

  disconnectedCallback() {
    this.unsubscribe?.();
    clearInterval(this.timer);
    super.disconnectedCallback();
  }

  protected languageChanged() {
    super.languageChanged();
    this.load(); // the timeline's lines and the refusals come from the services, in the language asked
  }

    updated(changed: Map<string, unknown>) {
    if (changed.has('incidentId') && changed.get('incidentId') !== undefined) this.load();
  }

  private async load() {
    const id = this.incidentId;
    try {
      const [incident, alerts, timeline] = await Promise.all([
        get<Detail>(`triage/incidents/${id}`),
        get<Page<Alert>>(`triage/incidents/${id}/alerts?limit=50`),
        getAll<Entry>(`triage/incidents/${id}/timeline`),
      ]);
      this.incident = incident;
      this.alerts = alerts.items;
      this.nextAlerts = alerts.nextCursor;
      this.timeline = timeline;
      this.error = '';
      if (incident.tenantId !== PLATFORM && (!this.tenant || this.tenant.id !== incident.tenantId)) {
        this.tenant = await get<Tenant>(`ingest/tenants/${incident.tenantId}`).catch(() => null);
      }
      const same = await get<Page<Incident>>(`triage/incidents?tenantId=${incident.tenantId}&active=true&limit=100`);
      this.candidates = same.items.filter((i) => i.id !== id && i.kind === 'ALERT');
    } catch (e) {
      this.error = (e as Error).message;
    }
  }

  private async moreAlerts() {
    const page = await get<Page<Alert>>(`triage/incidents/${this.incidentId}/alerts?limit=50&cursor=${this.nextAlerts}`);
    this.alerts = [...this.alerts, ...page.items];
    this.nextAlerts = page.nextCursor;
  }

  /** Runs a step; the answer or the refusal (409's reason, 400's field) is shown where the person acted. */
  private async act(call: () => Promise<unknown>, done = t('action.done')) {
    try {
      await call();
      this.message = done;
      this.messageLink = '';
    this.engineers = null;
      this.error = '';
      await this.load();
      return true;
    } catch (e) {
      const problem = e instanceof ApiError ? e.problem : null;
      this.error = problem?.errors?.length ? problem.errors.map((f) => `${f.field}: ${f.message}`).join('; ')
        : (e as Error).message;
      return false;
    }
  }

  private value(selector: string): string {
    return (this.querySelector(selector) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;
  }

  render() {
    const i = this.incident;
    if (!i) return html`${this.error ? html`<p class="error" role="alert">${this.error}</p>` : html`<p class="loading">${t('loading')}</p>`}`;
    const sla = slaState(i);
    const path = `triage/incidents/${i.id}`;
    return html`
      <p><a href="#">${t('incident.back')}</a></p>
      <article class="incident">
        <header>
          <h1><span class="priority ${i.priority}">${i.priority}</span> ${i.title}</h1>
          <p class="status">${label('status', i.status)} · ${label('category', i.category ?? (i.kind === 'CONSULTATION' ? 'CONSULTATION' : null))}
            · <span class="sla ${sla}">${t(`sla.${sla}`)} ${sla === 'met' || i.acknowledgedAt ? nothing : countdown(i.ackDueAt)}</span></p>
        </header>
        ${this.message ? html`<p class="notice" role="status">${this.message}${this.messageLink
          ? html` <a href=${this.messageLink}>${t('incident.openIt')}</a>` : nothing}</p>` : nothing}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <dl class="facts">
          <dt>${t('incident.tenant')}</dt><dd>${i.tenantId === PLATFORM ? t('tenant.platform') : this.tenant?.name ?? i.tenantId}</dd>
          <dt>${t('incident.site')}</dt><dd>${this.tenant?.site ? `${this.tenant.site.prefecture} ${this.tenant.site.address}` : '—'}</dd>
          ${i.contactPhone ? html`<dt>${t('incident.callBack')}</dt><dd class="call-back"><a href="tel:${i.contactPhone}">${i.contactPhone}</a></dd>` : nothing}
          <dt>${t('incident.plan')}</dt><dd>${this.tenant?.plan ? `${label('plan', this.tenant.plan.type)} (${yen(this.tenant.plan.monthlyFeeYen)})` : '—'}</dd>
          <dt>${t('incident.hosts')}</dt><dd>${i.hosts.join(', ') || '—'}</dd>
          <dt>${t('incident.ackDue')}</dt><dd>${dateTime(i.ackDueAt)}</dd>
          <dt>${t('incident.firstSeen')}</dt><dd>${dateTime(i.firstSeenAt)}</dd>
          <dt>${t('incident.lastSeen')}</dt><dd>${dateTime(i.lastSeenAt)}</dd>
          <dt>${t('incident.assignee')}</dt><dd>${i.assignee ?? '—'}</dd>
          ${i.mergedInto ? html`<dt>${t('incident.mergedInto')}</dt><dd><a href="#/incidents/${i.mergedInto}">${t('incident.openIt')}</a></dd>` : nothing}
          ${i.onsite ? html`<dt>${t('incident.onsite')}</dt><dd class="onsite">${label('job', i.onsite.status)}
            ${i.onsite.engineerName ? html` · ${t('incident.engineer')}: ${i.onsite.engineerName}` : nothing}
            ${i.onsite.eta ? html` · ${t('incident.eta')}: ${dateTime(i.onsite.eta)}` : nothing}
            ${i.onsite.deadline ? html` · ${t('job.deadline')}: ${dateTime(i.onsite.deadline)}` : nothing}
            ${i.onsite.late && i.onsite.lateByMinutes ? html` <strong class="tag late">${t('job.late',
              { late: minutes(i.onsite.lateByMinutes) })}</strong>` : nothing}
            ${i.onsite.unassignableReason ? html`<p class="error unassignable" role="alert">${t('incident.unassignable')}:
              ${i.onsite.unassignableReason}</p>` : nothing}</dd>` : nothing}
          ${i.claim ? html`<dt>${t('incident.claim')}</dt><dd class="claim">${label('claim', i.claim.status)}</dd>` : nothing}
        </dl>
        ${i.description ? html`<p class="description">${i.description}</p>` : nothing}
        ${i.onsite?.jobId && ['UNASSIGNED', 'ASSIGNED'].includes(i.onsite.status) ? this.choosing(i.onsite.jobId) : nothing}

        <section class="actions" aria-label="actions">
          <button @click=${() => this.act(() => post(`${path}/acknowledge`))} ?disabled=${i.status !== 'OPEN'}>${t('action.acknowledge')}</button>
          <button class="secondary" @click=${() => this.act(() => post(`${path}/assign`, { assignee: this.session.username }))}>${t('action.assignMe')}</button>
          <button class="secondary" @click=${() => this.act(() => post(`${path}/close`))} ?disabled=${i.status !== 'RESOLVED'}>${t('action.close')}</button>
        </section>

        <div class="forms">
          <form class="card" aria-label=${t('action.comment')} @submit=${(e: Event) => {
            e.preventDefault();
            this.act(() => post(`${path}/comments`, { text: this.value('#comment-text'), visibility: this.value('#comment-visibility') }))
              .then((ok) => ok && ((this.querySelector('#comment-text') as HTMLTextAreaElement).value = ''));
          }}>
            <h2>${t('action.comment')}</h2>
            <label for="comment-text">${t('action.commentText')}</label>
            <textarea id="comment-text" rows="3" required></textarea>
            <label for="comment-visibility">${t('action.visibility')}</label>
            <select id="comment-visibility">
              <option value="INTERNAL">${t('incident.internal')}</option>
              <option value="CUSTOMER">${t('incident.customer')}</option>
            </select>
            <button type="submit">${t('action.send')}</button>
          </form>

          <form class="card" aria-label=${t('action.onsite')} @submit=${(e: Event) => {
            e.preventDefault();
            const skills = pickedSkills(e.target as HTMLFormElement);
            this.act(() => post(`${path}/onsite-requests`, { reason: this.value('#onsite-reason'), urgency: this.value('#onsite-urgency'),
              requiredSkills: skills.length ? skills : undefined }));
          }}>
            <h2>${t('action.onsite')}</h2>
            <label for="onsite-reason">${t('action.reason')}</label>
            <input id="onsite-reason" required>
            <label for="onsite-urgency">${t('action.urgency')}</label>
            <select id="onsite-urgency">
              <option value="IMMEDIATE">${t('urgency.IMMEDIATE')}</option>
              <option value="NEXT_BUSINESS_DAY">${t('urgency.NEXT_BUSINESS_DAY')}</option>
            </select>
            <skill-picker legend="action.skills"></skill-picker>
            <button type="submit">${t('action.onsite')}</button>
          </form>

          <form class="card" aria-label=${t('action.resolve')} @submit=${(e: Event) => {
            e.preventDefault();
            this.act(() => post(`${path}/resolve`, { resolution: this.value('#resolution'), summary: this.value('#resolution-summary') }));
          }}>
            <h2>${t('action.resolve')}</h2>
            <label for="resolution">${t('action.resolution')}</label>
            <select id="resolution">
              ${['REMOTE_REMEDIATION', 'ONSITE_REMEDIATION', 'FALSE_POSITIVE', 'BENIGN'].map((r) => html`<option value=${r}>${label('resolution', r)}</option>`)}
            </select>
            <label for="resolution-summary">${t('action.summary')}</label>
            <textarea id="resolution-summary" rows="2" required></textarea>
            <button type="submit">${t('action.resolve')}</button>
          </form>

          <form class="card" aria-label=${t('action.merge')} @submit=${(e: Event) => {
            e.preventDefault();
            this.act(() => post(`${path}/merge`, { incidentId: this.value('#merge-which') }), t('action.merged'));
          }}>
            <h2>${t('action.merge')}</h2>
            ${this.candidates.length === 0 ? html`<p class="empty">${t('action.mergeNone')}</p>` : html`
            <label for="merge-which">${t('action.mergeWhich')}</label>
            <select id="merge-which">
              ${this.candidates.map((c) => html`<option value=${c.id}>${c.priority} ${c.title} (${c.hosts.join(', ')})</option>`)}
            </select>
            <button type="submit">${t('action.merge')}</button>`}
          </form>
        </div>

        <section class="alerts">
          <h2>${t('incident.alerts')} (${i.alertCount})</h2>
          <div class="detach" role="toolbar" aria-label=${t('action.detach')}>
            ${[...new Set(i.hosts)].length > 1 ? html`
              <label for="detach-host">${t('action.detachHost')}</label>
              <select id="detach-host">${i.hosts.map((h) => html`<option value=${h}>${h}</option>`)}</select>
              <button class="secondary" @click=${() => this.detach({ host: this.value('#detach-host') })}>${t('action.detach')}</button>` : nothing}
            <button class="secondary" ?disabled=${this.picked.size === 0}
              @click=${() => this.detach({ alertIds: [...this.picked] })}>${t('action.detachSelected')}</button>
          </div>
          <table class="alert-list">
            <thead><tr><th scope="col"><span class="sr">${t('col.select')}</span></th><th scope="col">${t('incident.lastSeen')}</th>
              <th scope="col">${t('col.title')}</th><th scope="col">${t('incident.hosts')}</th><th scope="col">${t('incident.technique')}</th>
              <th scope="col">${t('incident.raw')}</th></tr></thead>
            <tbody>${this.alerts.map((a) => html`
              <tr>
                <td><input type="checkbox" aria-label="${t('col.select')}: ${a.title}" .checked=${this.picked.has(a.id)}
                  @change=${() => this.pick(a.id)}></td>
                <td>${dateTime(a.observedAt)}</td>
                <td>${a.title} <span class="sub">${a.severity} · ${a.format}${a.signature ? ` · ${a.signature}` : ''}</span></td>
                <td>${a.host ?? a.dstIp ?? a.srcIp ?? '—'}</td>
                <td>${techniques(a.raw).map((x) => html`<a class="tag" href="https://attack.mitre.org/techniques/${x.replace('.', '/')}/"
                  rel="noreferrer noopener" target="_blank">${x}</a>`)}</td>
                <td><details><summary>${t('incident.raw')}</summary><pre>${a.raw ?? ''}</pre></details></td>
              </tr>`)}</tbody>
          </table>
          ${this.nextAlerts ? html`<button class="secondary" @click=${() => this.moreAlerts()}>${t('incident.moreAlerts')}</button>` : nothing}
        </section>

        <section class="timeline">
          <h2>${t('incident.timeline')}</h2>
          <ol>${this.timeline.map((e) => html`
            <li class=${e.visibility === 'CUSTOMER' ? 'customer' : 'internal'} data-type=${e.type}>
              <time datetime=${e.at}>${dateTime(e.at)}</time>
              <span class="tag ${e.visibility === 'CUSTOMER' ? 'customer' : 'internal'}">${e.visibility === 'CUSTOMER'
                ? t('incident.customer') : t('incident.internal')}</span>
              <span class="summary">${e.summary}</span>${e.facts?.otherIncidentId
                ? html` <a href="#/incidents/${e.facts.otherIncidentId}">${t('incident.openIt')}</a>` : nothing}${e.actor ? html` <span class="actor">— ${e.actor}</span>` : nothing}
            </li>`)}</ol>
        </section>
      </article>`;
  }

  /** The SOC overrides the planner: the candidates with their arrival, lateness and missing skills, and a button each. */
  private choosing(jobId: string) {
    return html`<section class="card choose" aria-label=${t('job.chooseTitle')}>
      <h2>${t('job.chooseTitle')}</h2>
      ${this.engineers === null
        ? html`<button class="secondary" @click=${() => this.showCandidates(jobId)}>${t('job.showCandidates')}</button>`
        : html`<table class="candidates">
          <thead><tr><th scope="col">${t('job.candidate')}</th><th scope="col">${t('job.candidateEta')}</th>
            <th scope="col">${t('job.candidateLate')}</th><th scope="col">${t('job.candidateMissing')}</th>
            <th scope="col">${t('job.candidateDistance')}</th><th></th></tr></thead>
          <tbody>${this.engineers.map((c) => html`<tr>
            <td>${c.name}</td>
            <td class="nowrap">${c.eta ? dateTime(c.eta) : t('job.noShift')}</td>
            <td class="nowrap">${c.lateByMinutes ? html`<strong class="late">${minutes(c.lateByMinutes)}</strong>` : t('job.onTime')}</td>
            <td>${c.missingWords || '—'}</td>
            <td class="num">${c.distanceKm.toLocaleString(undefined, { maximumFractionDigits: 1 })} km</td>
            <td><button class=${c.missingSkills.length ? 'secondary' : ''} ?disabled=${!c.eta}
              @click=${() => this.choose(jobId, c)}>${c.missingSkills.length
                ? t('job.chooseDropping', { skills: c.missingWords }) : t('job.choose')}</button></td>
          </tr>`)}</tbody>
        </table>`}
    </section>`;
  }

  private async showCandidates(jobId: string) {
    try {
      const found = await get<Omit<Candidate, 'missingWords'>[]>(`dispatch/jobs/${jobId}/candidates`);
      this.engineers = await Promise.all(found.map(async (c) => ({ ...c, missingWords: await skillWords(c.missingSkills) })));
    } catch (e) {
      this.error = (e as Error).message;
    }
  }

  private async choose(jobId: string, candidate: Candidate) {
    const ok = await this.act(() => post(`dispatch/jobs/${jobId}/assign`,
      { engineerId: candidate.engineerId, dropSkills: candidate.missingSkills }), t('job.chosen', { engineer: candidate.name }));
    if (ok) this.engineers = null;
  }

  private pick(id: string) {
    const next = new Set(this.picked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.picked = next;
  }

  private async detach(body: { host?: string; alertIds?: string[] }) {
    let created: { id: string } | null = null;
    const ok = await this.act(async () => {
      created = await post<{ id: string }>(`triage/incidents/${this.incidentId}/detach`, body);
    }, t('action.detached'));
    if (ok && created) {
      this.picked = new Set();
      this.message = t('action.detached');
      this.messageLink = `#/incidents/${(created as { id: string }).id}`;
    }
  }
}

customElements.define('soc-incident', SocIncident);
