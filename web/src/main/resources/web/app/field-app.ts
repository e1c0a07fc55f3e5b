import { html, nothing } from 'lit';
import { AppElement } from './base';
import { get, loadSession, Page, Session, sessionEnded } from './api';
import { label, lang, setLang, t, yen } from './i18n';
import { live } from './live';
import { Sender } from './sender';
import { cache, outbox, Queued } from './store';
import { Skill, wordsFor } from './skill-picker';
import { countdown, minutes as minutesInWords, shortTime } from './time';

interface Job {
  id: string;
  incidentId: string;
  title: string;
  tenantName?: string;
  category?: string;
  site: { address: string; latitude: number; longitude: number };
  requiredSkills: string[];
  urgency: string;
  deadline: string;
  status: string;
  plannedArrival?: string;
  arrivedAt?: string;
  completedAt?: string;
  cancelledReason?: string;
  /** What the SOC asked the engineer to do there, in its words. */
  reason?: string;
  /** The SME's telephone, to call on the way. */
  contactPhone?: string;
  late?: boolean;
  lateByMinutes?: number;
}


interface Rates {
  laborPerHourYen: number;
  billedPerMinutes: number;
  travelPerKmYen: number;
}

interface Expense {
  type: string;
  amountYen: number;
  note: string;
}

const ORDER = ['UNASSIGNED', 'ASSIGNED', 'ACCEPTED', 'EN_ROUTE', 'ON_SITE', 'COMPLETED'];
const STEP: Record<string, string> = { ACCEPT: 'ACCEPTED', DEPART: 'EN_ROUTE', ARRIVE: 'ON_SITE', COMPLETE: 'COMPLETED' };
const CHECKLISTS: Record<string, number> = { RANSOMWARE: 4, MALWARE: 3, INTRUSION: 3 };

function opId(type: string, jobId: string) {
  return `${type.toLowerCase()}-${jobId}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The cost lines dispatch will compute from the report (dispatch's Costs: labour per started 30 minutes, km, expenses). */
export function costLines(rates: Rates, minutes: number, km: number, expenses: Expense[]) {
  const blocks = Math.ceil(minutes / rates.billedPerMinutes);
  const lines = [
    { type: 'LABOR', text: t('field.laborLine', { time: minutesInWords(minutes), per: rates.billedPerMinutes, blocks }), yen: Math.floor((blocks * rates.laborPerHourYen * rates.billedPerMinutes) / 60) },
    { type: 'TRAVEL', text: `${km} km × ${yen(rates.travelPerKmYen)}`, yen: Math.round(km * rates.travelPerKmYen) },
    ...expenses.filter((e) => e.amountYen > 0).map((e) => ({ type: 'EXPENSE', text: `${label('expense', e.type)}${e.note ? `: ${e.note}` : ''}`, yen: e.amountYen })),
  ];
  return { lines, total: lines.reduce((sum, l) => sum + l.yen, 0) };
}

/**
 * The field engineer's app (/field/): today's jobs, each action first into the on-device outbox, then sent in
 * order when there is a network. Readable and usable with no signal; installable (manifest, service worker).
 */
class FieldApp extends AppElement {
  static properties = {
    session: { state: true }, jobs: { state: true }, queued: { state: true }, online: { state: true },
    open: { state: true }, notes: { state: true }, signedOut: { state: true }, expenses: { state: true },
    declining: { state: true }, minutes: { state: true }, km: { state: true },
  };
  declare session: Session | null;
  declare jobs: Job[];
  declare queued: Queued[];
  declare online: boolean;
  declare open: string | null;
  declare notes: string[];
  declare signedOut: boolean;
  declare expenses: Expense[];
  declare declining: string | null;
  declare minutes: number;
  declare km: number;
  private rates: Rates = { laborPerHourYen: 8000, billedPerMinutes: 30, travelPerKmYen: 50 };
  /** The skill catalogue, kept on the phone like the jobs, so skills read as words with no signal too. */
  private catalogue: Skill[] = [];
  private sender = new Sender();
  private timer = 0;

  constructor() {
    super();
    this.session = null;
    this.jobs = [];
    this.queued = [];
    this.online = navigator.onLine;
    this.open = null;
    this.notes = [];
    this.signedOut = false;
    this.expenses = [];
    this.declining = null;
    this.minutes = 0;
    this.km = 0;
  }

  async connectedCallback() {
    super.connectedCallback();
    document.documentElement.lang = lang();
    if ('serviceWorker' in navigator) navigator.serviceWorker.register('/field/sw.js', { scope: '/field/' }).catch(() => {});
    sessionEnded.handle = () => {
      this.signedOut = true;
      this.sender.signedOut = true;
    };
    this.sender.addEventListener('change', () => this.refreshOutbox());
    window.addEventListener('online', () => this.reconnect());
    window.addEventListener('offline', () => (this.online = false));
    // what was last loaded first, so the page is usable at once and with no signal
    this.session = (await cache.get<Session>('session')) ?? null;
    this.jobs = (await cache.get<Job[]>('jobs')) ?? [];
    this.rates = (await cache.get<Rates>('rates')) ?? this.rates;
    this.catalogue = (await cache.get<Skill[]>('skills')) ?? [];
    await this.refreshOutbox();
    this.timer = window.setInterval(() => {
      this.requestUpdate();
      if (this.online) this.sender.flush();
      else this.reconnect();
    }, 10_000);
    await this.reconnect();
    live.subscribe((n) => n.jobId && this.loadJobs(), () => this.loadJobs());
  }

  disconnectedCallback() {
    clearInterval(this.timer);
    super.disconnectedCallback();
  }

  private async reconnect() {
    this.online = navigator.onLine;
    if (!this.online) return;
    try {
      // on a slow link every round trip is seconds: the session, the jobs, the rates and the skills are asked at once
      const [session, rates, catalogue] = await Promise.all([loadSession(), get<Rates>('dispatch/cost-rates'),
        get<Skill[]>('dispatch/skills'), this.loadJobs()]);
      this.session = session;
      this.rates = rates;
      this.catalogue = catalogue;
      live.start();
      await Promise.all([cache.put('session', { ...session, csrfToken: '' }), cache.put('rates', rates),
        cache.put('skills', catalogue)]);
      // what waited in the outbox goes now (the server answers each as it did the first time); then the list again
      if ((await outbox.all()).some((q) => q.state === 'waiting')) {
        await this.sender.flush();
        await this.loadJobs();
      }
    } catch (e) {
      // a fetch that fails outright means no network, whatever navigator.onLine claims
      this.online = navigator.onLine && !(e instanceof TypeError);
    }
  }

  private async loadJobs() {
    try {
      // the day's finished jobs too: the list leaves them out, and a phone signed in today has not seen them
      const since = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
      const [page, done] = await Promise.all([get<Page<Job>>('dispatch/me/jobs?limit=100'),
        get<Page<Job>>(`dispatch/jobs?status=COMPLETED&completedSince=${encodeURIComponent(since)}&limit=50`)]);
      const kept: Job[] = done.items.filter((d) => !this.jobs.some((j) => j.id === d.id));
      const notes: string[] = [];
      const dayAgo = Date.now() - 24 * 3600 * 1000;
      for (const j of this.jobs.filter((known) => !page.items.some((n) => n.id === known.id))) {
        // the list leaves out done and cancelled jobs, and jobs given to someone else (no longer ours to read: 404)
        const now = j.status === 'COMPLETED' ? j : await get<Job>(`dispatch/jobs/${j.id}`).catch(() => null);
        if (now?.status === 'COMPLETED') {
          if (new Date(now.completedAt ?? Date.now()).getTime() > dayAgo) kept.push({ ...j, ...now, tenantName: j.tenantName });
        } else if (this.status(j) === 'DECLINED') {
          // declined here: gone, as asked
        } else if (now?.status === 'CANCELLED') {
          notes.push(t('field.cancelled', { title: j.tenantName ?? j.title, reason: now.cancelledReason ?? '' }));
        } else {
          notes.push(t('field.moved', { title: j.tenantName ?? j.title }));
        }
      }
      if (page.items.some((n) => !this.jobs.some((j) => j.id === n.id)) && this.jobs.length) notes.push(t('field.newJob'));
      if (notes.length) this.notes = notes;
      this.jobs = [...page.items, ...kept];
      await cache.put('jobs', this.jobs);
    } catch {
      // offline or away: keep what is shown
    }
  }

  private async refreshOutbox() {
    this.queued = await outbox.all();
  }

  /** The job's status as the engineer sees it: the server's, moved on by the actions still waiting to be sent. */
  private status(job: Job): string {
    let status = job.status;
    for (const q of this.queued) {
      if (q.jobId !== job.id || q.state === 'refused') continue;
      if (q.type === 'DECLINE') return 'DECLINED';
      const next = STEP[q.type];
      if (ORDER.indexOf(next) > ORDER.indexOf(status)) status = next;
    }
    return status;
  }

  private async act(job: Job, type: Queued['type'], extra: Record<string, unknown> = {}) {
    const entry: Queued = {
      opId: opId(type, job.id), jobId: job.id, jobTitle: job.tenantName ?? job.title, type, state: 'waiting',
      body: { type, at: new Date().toISOString(), ...extra },
    };
    entry.body.opId = entry.opId;
    await outbox.add(entry);
    await this.refreshOutbox();
    this.sender.flush();
  }

  private async arrive(job: Job) {
    const position = await new Promise<GeolocationPosition | null>((resolve) => {
      if (!navigator.geolocation) return resolve(null);
      navigator.geolocation.getCurrentPosition(resolve, () => resolve(null), { timeout: 5000, maximumAge: 60_000 });
    });
    await this.act(job, 'ARRIVE', position ? { latitude: position.coords.latitude, longitude: position.coords.longitude } : {});
  }

  private arrivedAt(job: Job): number | null {
    const queued = this.queued.find((q) => q.jobId === job.id && q.type === 'ARRIVE' && q.state !== 'refused');
    const at = (queued?.body.at as string | undefined) ?? job.arrivedAt;
    return at ? new Date(at).getTime() : null;
  }

  private openReport(job: Job) {
    const since = this.arrivedAt(job);
    this.minutes = since ? Math.max(1, Math.round((Date.now() - since) / 60000)) : 60;
    this.km = 0;
    this.expenses = [];
    this.open = job.id;
  }

  private async sendReport(job: Job, form: HTMLFormElement) {
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    const checklist = [...form.querySelectorAll<HTMLInputElement>('input[name=check]:checked')].map((c) => c.value);
    const canvas = form.querySelector('canvas') as HTMLCanvasElement;
    const signed = canvas.dataset.signed === 'true';
    await this.act(job, 'COMPLETE', {
      report: {
        summary: value('summary'), laborMinutes: Number(value('minutes')), travelKm: Number(value('km')),
        expenses: this.expenses.filter((e) => e.amountYen > 0).map((e) => ({ type: e.type, amountYen: e.amountYen, note: e.note || undefined })),
        checklist, confirmedBy: value('confirmedBy') || undefined, signature: signed ? canvas.toDataURL('image/png') : undefined,
      },
    });
    this.open = null;
  }

  render() {
    const waiting = this.queued.filter((q) => q.state === 'waiting');
    const refused = this.queued.filter((q) => q.state === 'refused');
    const shown = this.jobs.filter((j) => this.status(j) !== 'DECLINED');
    return html`
      <header class="field-top">
        <span class="brand">${t('field.title')}</span>
        <span class="outbox-count ${waiting.length ? 'waiting' : ''}" role="status" aria-live="polite">
          ${waiting.length ? t('field.outbox', { n: waiting.length }) : t('field.outboxEmpty')}</span>
        <button class="link" aria-label=${t('lang.label')} @click=${() => setLang(lang() === 'ja' ? 'en' : 'ja')}>${t('lang.switch')}</button>
      </header>
      ${this.online ? nothing : html`<p class="offline" role="alert">${t('field.offline')}</p>`}
      ${this.signedOut ? html`<p class="error" role="alert">${t('field.signInAgain')}
        <a class="button" href="/field/">${t('field.signIn')}</a></p>` : nothing}
      ${this.notes.map((n) => html`<p class="notice" role="status">${n}</p>`)}
      ${refused.length ? html`<section class="refused"><h2>${t('field.refused')}</h2>
        ${refused.map((q) => html`<p class="error">${q.jobTitle}: ${label('op', q.type)} — ${q.reason}
          <button class="secondary" @click=${async () => { await outbox.remove(q.seq!); this.refreshOutbox(); }}>${t('field.dismiss')}</button></p>`)}
        </section>` : nothing}
      <main class="field">
        <h1>${t('field.today')}${this.session ? html` <span class="sub">${this.session.name}</span>` : nothing}</h1>
        ${shown.length === 0 ? html`<p class="empty">${t('field.none')}</p>` : shown.map((j) => this.card(j))}
        ${waiting.length ? html`<ol class="outbox">${waiting.map((q) => html`<li>${q.jobTitle}: ${label('op', q.type)} · ${shortTime(q.body.at as string)}</li>`)}</ol>` : nothing}
      </main>`;
  }

  private card(job: Job) {
    const status = this.status(job);
    const left = new Date(job.deadline).getTime() - Date.now();
    const maps = `https://www.google.com/maps/search/?api=1&query=${job.site.latitude},${job.site.longitude}`;
    return html`
      <article class="job" data-job=${job.id}>
        <h2>${job.tenantName ?? label('category', job.category)}</h2>
        <p class="job-status">${label('status', status)} · <span class="urgency">${label('urgency', job.urgency)}</span></p>
        <p class="what"><strong>${label('category', job.category)}</strong> <span class="sensor-title">${job.title}</span></p>
        ${job.reason ? html`<p class="reason"><span class="sub">${t('field.reason')}</span> ${job.reason}</p>` : nothing}
        ${job.contactPhone ? html`<p class="contact"><span class="sub">${t('field.contact')}</span>
          <a class="button secondary" href="tel:${job.contactPhone}">${job.contactPhone}</a></p>` : nothing}
        <p class="address">${job.site.address}<br>
          <a class="button secondary" href="geo:${job.site.latitude},${job.site.longitude}?q=${encodeURIComponent(job.site.address)}">${t('field.navigate')}</a>
          <a class="button secondary" href=${maps} target="_blank" rel="noreferrer noopener">${t('field.mapLink')}</a></p>
        <dl>${this.times(job, status, left)}
          <dt>${t('field.skills')}</dt><dd>${wordsFor(job.requiredSkills, this.catalogue)}</dd>
        </dl>
        <div class="job-actions">${this.actions(job, status)}</div>
        ${this.open === job.id ? this.report(job) : nothing}
      </article>`;
  }

  /** When: the plan and the deadline while on the way; the arrival once there; the end once done (no countdown after). */
  private times(job: Job, status: string, left: number) {
    // a step recorded offline is not on the server yet: its moment is the one the phone recorded
    const recorded = (type: string) => this.queued.find((q) => q.jobId === job.id && q.type === type)?.body.at as string | undefined;
    if (status === 'COMPLETED') {
      return html`<dt>${t('field.completedAt')}</dt><dd>${shortTime(job.completedAt ?? recorded('COMPLETE'))}</dd>`;
    }
    if (status === 'ON_SITE') {
      return html`<dt>${t('field.arrivedAt')}</dt><dd>${shortTime(job.arrivedAt ?? recorded('ARRIVE'))}</dd>`;
    }
    return html`<dt>${t('field.arrival')}</dt><dd>${shortTime(job.plannedArrival)}</dd>
      <dt>${t('field.deadline')}</dt><dd>${shortTime(job.deadline)} (${left >= 0 ? t('field.left', { t: countdown(job.deadline) })
        : t('field.overdue', { t: countdown(job.deadline).slice(1) })})</dd>`;
  }

  private actions(job: Job, status: string) {
    if (status === 'UNASSIGNED' || status === 'ASSIGNED') {
      if (this.declining === job.id) {
        return html`<form @submit=${(e: Event) => {
          e.preventDefault();
          const reason = ((e.target as HTMLFormElement).elements.namedItem('reason') as HTMLInputElement).value;
          this.declining = null;
          this.act(job, 'DECLINE', { reason });
        }}><label>${t('field.declineReason')} <input name="reason" required></label>
          <button type="submit">${t('field.decline')}</button>
          <button type="button" class="secondary" @click=${() => (this.declining = null)}>${t('field.cancel')}</button></form>`;
      }
      return html`<button class="big" @click=${() => this.act(job, 'ACCEPT')}>${t('field.accept')}</button>
        <button class="big secondary" @click=${() => (this.declining = job.id)}>${t('field.decline')}</button>`;
    }
    if (status === 'ACCEPTED') return html`<button class="big" @click=${() => this.act(job, 'DEPART')}>${t('field.depart')}</button>`;
    if (status === 'EN_ROUTE') return html`<button class="big" @click=${() => this.arrive(job)}>${t('field.arrive')}</button>
      <p class="sub">${t('field.needLocation')}</p>`;
    if (status === 'ON_SITE' && this.open !== job.id) return html`<button class="big" @click=${() => this.openReport(job)}>${t('field.report')}</button>`;
    return nothing;
  }

  private report(job: Job) {
    const costs = costLines(this.rates, this.minutes, this.km, this.expenses);
    const checks = CHECKLISTS[job.category ?? ''] ?? 0;
    const items = [...Array.from({ length: checks }, (_, i) => `check.${job.category}.${i + 1}`), 'check.ANY.1', 'check.ANY.2'];
    return html`
      <form class="report" aria-label=${t('field.report')} @submit=${(e: Event) => {
        e.preventDefault();
        this.sendReport(job, e.target as HTMLFormElement);
      }}>
        <h3>${t('field.report')}</h3>
        <label for="summary">${t('field.summary')}</label>
        <textarea id="summary" name="summary" rows="3" required></textarea>
        <label for="minutes">${t('field.minutes')}</label>
        <input id="minutes" name="minutes" type="number" min="0" max="1440" inputmode="numeric" .value=${String(this.minutes)}
          @input=${(e: Event) => (this.minutes = Number((e.target as HTMLInputElement).value) || 0)} required>
        <label for="km">${t('field.km')}</label>
        <input id="km" name="km" type="number" min="0" max="2000" step="0.1" inputmode="decimal" .value=${String(this.km)}
          @input=${(e: Event) => (this.km = Number((e.target as HTMLInputElement).value) || 0)} required>
        <fieldset><legend>${t('field.expenses')}</legend>
          ${this.expenses.map((x, i) => html`<div class="expense">
            <label>${t('field.expenseType')} <select name="expense-type-${i}" @change=${(e: Event) => this.setExpense(i, { type: (e.target as HTMLSelectElement).value })}>
              ${['PARKING', 'TRANSPORT', 'PARTS', 'OTHER'].map((k) => html`<option value=${k} ?selected=${x.type === k}>${label('expense', k)}</option>`)}</select></label>
            <label>${t('field.expenseYen')} <input name="expense-yen-${i}" type="number" min="0" inputmode="numeric" .value=${String(x.amountYen)}
              @input=${(e: Event) => this.setExpense(i, { amountYen: Number((e.target as HTMLInputElement).value) || 0 })}></label>
            <label>${t('field.expenseNote')} <input name="expense-note-${i}" .value=${x.note}
              @input=${(e: Event) => this.setExpense(i, { note: (e.target as HTMLInputElement).value })}></label></div>`)}
          <button type="button" class="secondary" @click=${() => (this.expenses = [...this.expenses, { type: 'PARKING', amountYen: 0, note: '' }])}>${t('field.addExpense')}</button>
        </fieldset>
        <fieldset><legend>${t('field.checklist')}</legend>
          ${items.map((key) => html`<label class="check"><input type="checkbox" name="check" value=${t(key)}> ${t(key)}</label>`)}
        </fieldset>
        <label for="confirmedBy">${t('field.confirmedBy')}</label>
        <input id="confirmedBy" name="confirmedBy" autocomplete="name">
        <label>${t('field.signature')}</label>
        <canvas class="signature" width="320" height="140" aria-label=${t('field.signature')}
          @pointerdown=${(e: PointerEvent) => this.draw(e, 'down')} @pointermove=${(e: PointerEvent) => this.draw(e, 'move')}
          @pointerup=${(e: PointerEvent) => this.draw(e, 'up')}></canvas>
        <button type="button" class="secondary" @click=${(e: Event) => {
          const canvas = (e.target as HTMLElement).previousElementSibling as HTMLCanvasElement;
          canvas.getContext('2d')!.clearRect(0, 0, canvas.width, canvas.height);
          canvas.dataset.signed = 'false';
        }}>${t('field.clearSignature')}</button>
        <h3>${t('field.costs')}</h3>
        <table class="costs">${costs.lines.map((l) => html`<tr><td>${label('cost', l.type)}</td><td>${l.text}</td><td class="num">${yen(l.yen)}</td></tr>`)}
          <tr class="total"><td colspan="2">${t('field.total')}</td><td class="num">${yen(costs.total)}</td></tr></table>
        <button type="submit" class="big">${t('field.send')}</button>
        <button type="button" class="secondary" @click=${() => (this.open = null)}>${t('field.cancel')}</button>
      </form>`;
  }

  private setExpense(index: number, change: Partial<Expense>) {
    this.expenses = this.expenses.map((x, i) => (i === index ? { ...x, ...change } : x));
  }

  private drawing = false;

  private draw(e: PointerEvent, phase: 'down' | 'move' | 'up') {
    const canvas = e.target as HTMLCanvasElement;
    const context = canvas.getContext('2d')!;
    const box = canvas.getBoundingClientRect();
    const x = ((e.clientX - box.left) * canvas.width) / box.width;
    const y = ((e.clientY - box.top) * canvas.height) / box.height;
    if (phase === 'down') {
      this.drawing = true;
      canvas.setPointerCapture(e.pointerId);
      context.lineWidth = 2.5;
      context.lineCap = 'round';
      context.beginPath();
      context.moveTo(x, y);
    } else if (phase === 'move' && this.drawing) {
      context.lineTo(x, y);
      context.stroke();
      canvas.dataset.signed = 'true';
    } else if (phase === 'up') {
      this.drawing = false;
    }
  }
}

customElements.define('field-app', FieldApp);
