import { html, nothing } from 'lit';
import { AppElement, typedIn } from './base';
import { get, getAll, loadSession, Page, post, Session, ApiError } from './api';
import { label, lang, sensorState, setLang, t, yen } from './i18n';
import { coalesced, live } from './live';
import { dateTime, minutes, shortTime } from './time';

/** While the engineer is still to arrive: their ETA is news; after it, it is history and is not shown. */
const ARRIVING = ['ASSIGNED', 'ACCEPTED', 'EN_ROUTE'];

interface Incident {
  id: string;
  kind: 'ALERT' | 'CONSULTATION' | 'SENSOR_SILENT' | 'OPERATIONS';
  title: string;
  status: string;
  openedAt: string;
  consultationId?: string;
  /** Where a case merged into another went: the SME follows that one. */
  mergedInto?: string;
  onsite?: {
    status: string; eta: string | null; engineerName: string | null;
    deadline?: string | null; late?: boolean; lateByMinutes?: number;
  };
}

interface Entry { at: string; type: string; summary: string; facts?: Record<string, unknown> }

interface ClaimLine { type: string; description: string; claimedYen: number; coveredYen: number; note: string }

interface Claim {
  id: string;
  claimNumber: string;
  incidentId: string;
  status: string;
  lines: ClaimLine[];
  claimedTotalYen: number;
  payableYen: number;
  paidYen: number | null;
  explanation: string[];
  notCoveredReasons?: string[];
}

interface Consultation { id: string; subject: string; body: string; status: string; createdAt: string }

interface Sensor { id: string; kind: string; name: string; state: 'LIVE' | 'SILENT' | 'REVOKED'; lastSeenAt: string | null }

interface Tenant {
  id: string;
  name: string;
  site: { prefecture: string; address: string };
  plan: { type: string; endpointCount: number; monthlyFeeYen: number };
  createdAt: string;
}

/**
 * The story as the SME reads it: "we told you by mail" is not a step of its own each time, but a mark on the step it
 * told about (its words kept as the mark's title).
 */
export function history(entries: Entry[]): (Entry & { told?: string })[] {
  const shown: (Entry & { told?: string })[] = [];
  for (const e of entries) {
    if (e.type !== 'notice.sent') {
      shown.push(e);
      continue;
    }
    const about = TOLD_ABOUT[String(e.facts?.about ?? '')];
    let at = shown.length - 1;
    for (let i = shown.length - 1; i >= 0 && about; i--) {
      if (shown[i].type === about) {
        at = i;
        break;
      }
    }
    if (at >= 0) shown[at] = { ...shown[at], told: e.summary };
    else shown.push(e);
  }
  return shown;
}

/** Which step of the story a mail to the SME was about (notify's reasons), to put the mark on it. */
const TOLD_ABOUT: Record<string, string> = {
  'sme.opened': 'incident.opened', 'sme.opened.on-hosts': 'incident.opened', 'sme.sensor-silent': 'incident.opened',
  'sme.claim-opened': 'claim.opened', 'sme.claim-not-covered': 'claim.opened', 'sme.soc-wrote': 'comment',
  'sme.consultation-answered': 'comment', 'sme.engineer-en-route': 'dispatch.job-en-route',
  'sme.engineer-arrived': 'dispatch.job-arrived', 'sme.visit-done': 'dispatch.job-completed', 'sme.claim-paid': 'claim.paid',
};

/** Where the SME's case stands, in six steps a non-expert follows (MISSION.md: someone is on it, and when they come). */
export function step(i: Incident): number {
  if (i.status === 'RESOLVED' || i.status === 'CLOSED') return 5;
  const job = i.onsite?.status;
  if (job === 'COMPLETED') return 5;
  if (job === 'ON_SITE') return 4;
  if (job === 'ACCEPTED' || job === 'EN_ROUTE') return 3;
  if (i.status === 'ONSITE_REQUESTED' || i.status === 'ONSITE_IN_PROGRESS') return 2;
  return i.status === 'OPEN' ? 0 : 1;
}

/** The Otasuke-tai price cap of a plan (tax excluded; API.md). */
export function cap(plan: Tenant['plan']): number {
  if (plan.type === 'NETWORK') return 10_000;
  if (plan.type === 'ENDPOINT') return 2_000 * plan.endpointCount;
  return 10_000 + 2_000 * plan.endpointCount;
}

/** The SME's page (/my/): its incidents in plain words, the insurance, the consultation desk, the contract. Live. */
class SmeApp extends AppElement {
  static properties = {
    session: { state: true }, route: { state: true }, incidents: { state: true }, timelines: { state: true },
    claims: { state: true }, consultations: { state: true }, tenant: { state: true }, message: { state: true }, error: { state: true },
    missing: { state: true }, sensors: { state: true },
  };
  declare session: Session | null;
  declare route: string;
  declare incidents: Incident[];
  declare timelines: Record<string, Entry[]>;
  declare claims: Claim[];
  declare consultations: Consultation[];
  declare tenant: Tenant | null;
  declare message: string;
  declare error: string;
  /** Incident ids asked for by URL that the services say do not exist for this company. */
  declare missing: Set<string>;
  declare sensors: Sensor[];
  /** Incidents named by notices since the last re-read: only their timelines are read again. */
  private changed = new Set<string>();
  private reloadSoon = coalesced(() => {
    const named = this.changed;
    this.changed = new Set();
    this.load(named);
  });

  constructor() {
    super();
    this.session = null;
    this.route = location.hash;
    this.incidents = [];
    this.timelines = {};
    this.claims = [];
    this.consultations = [];
    this.tenant = null;
    this.message = '';
    this.error = '';
    this.missing = new Set();
    this.sensors = [];
  }

  async connectedCallback() {
    super.connectedCallback();
    document.documentElement.lang = lang();
    window.addEventListener('hashchange', () => {
      this.route = location.hash;
      this.lookUp();
      if (this.route === '#/contract') this.readSensors(); // when each was last heard from moves with the clock
    });
    window.addEventListener('otasuke-lang', () => this.load()); // the services' own lines come in the language asked
    this.session = await loadSession();
    live.start();
    live.subscribe((n) => {
      if (n.incidentId) this.changed.add(n.incidentId);
      this.reloadSoon();
    }, () => this.load());
    await this.load();
  }

  /** Everything (at first, after a re-sync, in another language), or the lists and the timelines of {@code named}. */
  private async load(named?: Set<string>) {
    try {
      const [incidents, claims, consultations] = await Promise.all([
        get<Page<Incident>>('triage/incidents?limit=100'),
        get<Page<Claim>>('insurance/claims?limit=100'),
        get<Page<Consultation>>('ingest/consultations?limit=100'),
      ]);
      this.incidents = incidents.items;
      this.claims = claims.items;
      this.consultations = consultations.items;
      const timelines: Record<string, Entry[]> = named ? { ...this.timelines } : {};
      await Promise.all(this.incidents.filter((i) => !named || named.has(i.id) || !(i.id in timelines)).map(async (i) => {
        timelines[i.id] = await getAll<Entry>(`triage/incidents/${i.id}/timeline`).catch(() => []);
      }));
      this.timelines = timelines;
      if (this.session?.tenantId) {
        this.tenant ??= await get<Tenant>(`ingest/tenants/${this.session.tenantId}`);
        await this.readSensors();
      }
      this.error = '';
      await this.lookUp();
    } catch (e) {
      this.error = (e as Error).message;
    }
  }

  private async readSensors() {
    if (!this.session?.tenantId) return;
    try {
      this.sensors = (await get<Page<Sensor>>(`ingest/tenants/${this.session.tenantId}/sensors?limit=100`)).items;
    } catch (e) {
      this.error = (e as Error).message;
    }
  }

  /** An incident named by the URL (#/incidents/<id>) that is not in the list: ask for it, so an answer of 404 says so. */
  private async lookUp() {
    const id = this.incidentInRoute();
    if (!id || this.incidents.some((i) => i.id === id) || this.missing.has(id)) return;
    try {
      const incident = await get<Incident>(`triage/incidents/${encodeURIComponent(id)}`);
      this.incidents = [...this.incidents, incident];
      this.timelines = { ...this.timelines, [id]: await getAll<Entry>(`triage/incidents/${encodeURIComponent(id)}/timeline`) };
    } catch (e) {
      if (e instanceof ApiError && (e.problem.status === 404 || e.problem.status === 400)) this.missing = new Set([...this.missing, id]);
      else this.error = (e as Error).message;
    }
  }

  private incidentInRoute(): string | null {
    const match = /^#\/incidents\/([^/]+)$/.exec(this.route);
    return match ? decodeURIComponent(match[1]) : null;
  }

  render() {
    if (!this.session) return html`<p class="loading">${t('loading')}</p>`;
    const one = this.incidentInRoute();
    const tab = one ? 'incidents' : this.route.replace('#/', '') || 'incidents';
    const link = (name: string, text: string) =>
      html`<a href="#/${name}" aria-current=${tab === name ? 'page' : 'false'}>${text}</a>`;
    return html`
      <header class="top my-top">
        <span class="brand">${t('my.brand')}<span>${t('my.titleRest')}</span></span>
        <nav aria-label="main">${link('incidents', t('my.incidents'))}${link('insurance', t('my.insurance'))}
          ${link('desk', t('my.desk'))}${link('contract', t('my.contract'))}</nav>
        <span class="live live-${live.state}" role="status">${t(`live.${live.state === 'live' ? 'on' : live.state === 'offline' ? 'off' : 'connecting'}`)}</span>
        <button class="link" aria-label=${t('lang.label')} @click=${() => setLang(lang() === 'ja' ? 'en' : 'ja')}>${t('lang.switch')}</button>
        <span class="who">${this.tenant?.name ?? ''}</span>
        <a class="button secondary" href="/logout">${t('signOut')}</a>
      </header>
      <main class="my">
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${this.message ? html`<p class="notice" role="status">${this.message}</p>` : nothing}
        ${one ? this.oneCase(one) : tab === 'insurance' ? this.insurance() : tab === 'desk' ? this.desk()
          : tab === 'contract' ? this.contract() : this.cases()}
      </main>`;
  }

  private cases() {
    // the desk's questions have their own tab; a case merged into another is followed there (it says so when opened)
    const alerts = this.incidents.filter((i) => i.kind !== 'CONSULTATION' && i.status !== 'MERGED');
    return html`<h1>${t('my.incidents')}</h1>
      ${alerts.length === 0 ? html`<p class="empty">${t('my.noIncidents')}</p>` : alerts.map((i) => this.caseCard(i))}`;
  }

  /** One incident on a page of its own (a link someone was sent); another company's or an unknown one is "not found". */
  private oneCase(id: string) {
    const incident = this.incidents.find((i) => i.id === id);
    if (incident) return html`<p><a href="#/incidents">${t('my.allIncidents')}</a></p>${this.caseCard(incident)}`;
    if (this.missing.has(id)) {
      return html`<h1>${t('my.notFound')}</h1><p class="not-found" role="alert">${t('my.notFoundText')}</p>
        <p><a href="#/incidents">${t('my.allIncidents')}</a></p>`;
    }
    return html`<p class="loading">${t('loading')}</p>`;
  }

  private caseCard(i: Incident) {
        const current = step(i);
        return html`<article class="case" data-id=${i.id}>
          <h2><a href="#/incidents/${i.id}">${i.title}</a></h2>
          ${i.status === 'MERGED' ? html`<p class="merged" role="status">${t('my.mergedInto')}
            <a href="#/incidents/${i.mergedInto}">${t('my.openMergedInto')}</a></p>` : html`
          <ol class="steps" aria-label=${label('status', i.status)}>
            ${[0, 1, 2, 3, 4, 5].map((s) => html`<li class=${s < current ? 'done' : s === current ? 'current' : ''}
              aria-current=${s === current ? 'step' : 'false'}>${t(`my.step.${s}`)}</li>`)}
          </ol>`}
          ${i.onsite?.engineerName ? html`<p class="engineer">${t('my.engineer')}: <strong>${i.onsite.engineerName}</strong>
            ${i.onsite.eta && ARRIVING.includes(i.onsite.status)
              ? html` · ${t('my.eta')}: <strong>${dateTime(i.onsite.eta)}</strong>` : nothing}</p>
            ${i.onsite.late && i.onsite.lateByMinutes && i.onsite.deadline ? html`<p class="late" role="status">${t('my.late',
              { deadline: shortTime(i.onsite.deadline), late: minutes(i.onsite.lateByMinutes) })}</p>` : nothing}` : nothing}
          <h3>${t('my.history')}</h3>
          <ul class="history">${history(this.timelines[i.id] ?? []).map((e) => html`<li><time>${dateTime(e.at)}</time> ${e.summary}${e.told
            ? html` <span class="told" title=${e.told}>✉ ${t('my.told')}</span>` : nothing}</li>`)}</ul>
        </article>`;
  }

  private insurance() {
    return html`<h1>${t('my.insurance')}</h1>
      ${this.claims.length === 0 ? html`<p class="empty">${t('my.noClaims')}</p>` : this.claims.map((c) => html`
        <article class="case claim">
          <h2>${c.claimNumber}</h2>
          <p class="for-incident">${t('my.claimFor')} <a href="#/incidents/${c.incidentId}">${this.incidents.find((i) => i.id
            === c.incidentId)?.title ?? t('my.claimForCase')}</a></p>
          <p>${t('my.claimStatus')}: <strong>${label('claim', c.status)}</strong></p>
          <p>${c.paidYen !== null && c.paidYen !== undefined ? html`${t('my.paid')}: <strong>${yen(c.paidYen)}</strong>`
            : html`${t('my.payable')}: <strong>${yen(c.payableYen)}</strong>`}</p>
          <table class="claim-lines"><caption>${t('my.costs')}</caption>
            <thead><tr><th scope="col">${t('my.costItem')}</th><th scope="col">${t('my.claimed')}</th>
              <th scope="col">${t('my.covered')}</th><th scope="col">${t('my.note')}</th></tr></thead>
            <tbody>${c.lines.map((l) => html`<tr><td>${label('cost', l.type)}<span class="sub"> ${l.description}</span></td>
              <td class="num">${yen(l.claimedYen)}</td><td class="num">${yen(l.coveredYen)}</td>
              <td>${l.note}</td></tr>`)}</tbody>
          </table>
          <h3>${t('my.why')}</h3><ul class="explanation">${c.explanation.map((x) => html`<li>${x}</li>`)}</ul>
          ${c.notCoveredReasons?.length ? html`<h3>${t('my.notCovered')}</h3>
            <ul class="not-covered">${c.notCoveredReasons.map((x) => html`<li>${x}</li>`)}</ul>` : nothing}
        </article>`)}`;
  }

  private desk() {
    return html`<h1>${t('my.desk')}</h1>
      <form class="card" aria-label=${t('my.newConsultation')} @submit=${(e: Event) => this.ask(e)}>
        <h2>${t('my.newConsultation')}</h2>
        <label for="subject">${t('my.subject')}</label><input id="subject" name="subject" required maxlength="200">
        <label for="body">${t('my.body')}</label><textarea id="body" name="body" rows="4" required></textarea>
        <label for="phone">${t('my.phone')}</label><input id="phone" name="phone" type="tel" autocomplete="tel">
        <button type="submit">${t('my.send')}</button>
      </form>
      <h2>${t('my.consultations')}</h2>
      ${this.consultations.map((c) => {
        const incident = this.incidents.find((i) => i.consultationId === c.id);
        const answers = (this.timelines[incident?.id ?? ''] ?? []).slice(1);
        return html`<article class="case consultation" data-id=${c.id}>
          <h3>${c.subject} <span class="tag">${label('consultation', answers.length ? 'ANSWERED' : c.status)}</span></h3>
          <p class="sub">${dateTime(c.createdAt)}</p><p>${c.body}</p>
          ${answers.length ? html`<div class="answer"><strong>${t('my.answer')}</strong>
            ${answers.map((a) => html`<p><time>${dateTime(a.at)}</time> ${a.summary}</p>`)}</div>`
            : html`<p class="sub">${t('my.waiting')}</p>`}
        </article>`;
      })}`;
  }

  private async ask(e: Event) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const value = typedIn(form);
    try {
      await post('ingest/consultations', { subject: value('subject'), body: value('body'), contactPhone: value('phone') || undefined });
      form.reset();
      this.message = t('my.sent');
      await this.load();
    } catch (err) {
      const problem = err instanceof ApiError ? err.problem : null;
      this.error = problem?.errors?.length ? problem.errors.map((f) => `${f.field}: ${f.message}`).join('; ') : (err as Error).message;
    }
  }

  private contract() {
    const tenant = this.tenant;
    if (!tenant) return html`<p class="loading">${t('loading')}</p>`;
    const limit = cap(tenant.plan);
    const since = new Intl.DateTimeFormat(lang() === 'ja' ? 'ja-JP' : 'en-GB', { timeZone: 'Asia/Tokyo', dateStyle: 'long' })
      .format(new Date(tenant.createdAt));
    return html`<h1>${t('my.contract')}</h1>
      <dl class="facts contract">
        <dt>${t('my.plan')}</dt><dd>${label('plan', tenant.plan.type)}${tenant.plan.type !== 'NETWORK' && tenant.plan.endpointCount ? ` (${t('my.devices', { n: tenant.plan.endpointCount })})` : ''}</dd>
        <dt>${t('my.fee')}</dt><dd class="fee">${yen(tenant.plan.monthlyFeeYen)} — ${t('my.cap')} ${yen(limit)}
          ${tenant.plan.monthlyFeeYen <= limit ? html`（${t('my.within')}）` : nothing}</dd>
        <dt>${t('my.site')}</dt><dd>${tenant.site.prefecture} ${tenant.site.address}</dd>
        <dt>${t('my.since')}</dt><dd>${since}</dd>
        <dt>${t('my.sensors')}</dt><dd><ul class="sensors">${this.sensors.length === 0 ? html`<li>${t('my.noSensors')}</li>`
          : this.sensors.map((x) => html`<li class="sensor sensor-${x.state.toLowerCase()}">${x.name}
            <span class="sub">${label('kindOf', x.kind)}</span> <span class="tag">${sensorState(x)}</span>
            <span class="sub">${t('sensor.lastSeen')}: ${x.lastSeenAt ? dateTime(x.lastSeenAt) : t('sensor.never')}</span></li>`)}</ul></dd>
      </dl>
      <section class="certificate" aria-label=${t('my.certificate')}>
        <h2>${t('my.certificate')}</h2>
        <p class="seal">${t('my.certificateText', { name: tenant.name, plan: label('plan', tenant.plan.type), since })}</p>
      </section>`;
  }
}

customElements.define('sme-app', SmeApp);
