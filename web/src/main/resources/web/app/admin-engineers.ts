import { html } from 'lit';
import { typedIn } from './base';
import { ApiError, post } from './api';
import { label, t } from './i18n';
import { pickedSkills } from './skill-picker';
import { AdminTab, Shown } from './admin-tab';

const DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

/** An engineer joins: home base, skills from the one catalogue, shift; then their first password, shown once. */
class AdminEngineers extends AdminTab {
  static properties = { ...AdminTab.properties, shown: { state: true } };
  declare shown: Shown | null;

  constructor() {
    super();
    this.shown = null;
  }

  render() {
    return html`${this.banners()}${this.shown ? this.once(this.shown, { label: t('admin.engineers'), start: () => (this.shown = null) })
      : this.engineerForm()}`;
  }

  private engineerForm() {
    return html`<h1>${t('admin.engineers')}</h1>
      <form class="onboard" @submit=${(e: Event) => this.onboardEngineer(e)}>
        ${this.input('name', 'admin.userName')}${this.input('email', 'admin.userEmail', { type: 'email' })}
        ${this.input('homeBase.latitude', 'admin.latitude', { type: 'number' })}${this.input('homeBase.longitude', 'admin.longitude', { type: 'number' })}
        <skill-picker checked="endpoint, network, general" legend="admin.skills"></skill-picker>
        <fieldset><legend>${t('admin.shift')}</legend>
          ${DAYS.map((d) => html`<label class="check"><input type="checkbox" name="day" value=${d} ?checked=${d !== 'SAT' && d !== 'SUN'}> ${label('day', d)}</label>`)}
          ${this.input('shift.start', 'admin.shiftStart', { type: 'time', value: '09:00' })}${this.input('shift.end', 'admin.shiftEnd', { type: 'time', value: '18:00' })}
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
    } catch (err) {
      this.showProblem(err instanceof ApiError ? err.problem : null, (err as Error).message);
    }
  }

}

customElements.define('admin-engineers', AdminEngineers);
