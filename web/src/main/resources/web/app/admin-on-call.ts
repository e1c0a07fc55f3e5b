import { html } from 'lit';
import { typedIn } from './base';
import { api, ApiError, get, post } from './api';
import { lang, t } from './i18n';
import { fromTokyoInput, shortTime, tokyoInput } from './time';
import { AdminTab } from './admin-tab';

interface OnCallOverride { id: string; username: string; startsAt: string; endsAt: string; createdBy: string }
interface Schedule { onCallNow: string | null; turnEndsAt: string | null; overrides: OnCallOverride[];
  rotation: { members: string[]; startsAt: string; turnDays: number; updatedBy: string } | null }
interface EscalationLevel { level: number; onCall: boolean; users: string[]; chatWebhooks: number }
interface EscalationPolicy { priority: string; levels: EscalationLevel[] }

/** The SOC's on-call: who is told of a P1 at night, the weekly rotation, the overrides, the escalation levels. */
class AdminOnCall extends AdminTab {
  static properties = { ...AdminTab.properties, schedule: { state: true }, escalation: { state: true } };
  declare schedule: Schedule | null;
  declare escalation: EscalationPolicy[];

  constructor() {
    super();
    this.schedule = null;
    this.escalation = [];
  }

  async connectedCallback() {
    super.connectedCallback();
    await this.loadOnCall();
  }

  render() {
    return html`${this.banners()}${this.onCallView()}`;
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

customElements.define('admin-on-call', AdminOnCall);
