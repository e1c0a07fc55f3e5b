import { html } from 'lit';
import { AppElement } from './base';
import { get } from './api';
import { lang, t } from './i18n';

export interface Skill { code: string; labelJa: string; labelEn: string }

let catalogue: Promise<Skill[]> | null = null;

/** The skill catalogue (dispatch GET /skills), read once per page. */
export function skills(): Promise<Skill[]> {
  catalogue ??= get<Skill[]>('dispatch/skills').catch((e) => {
    catalogue = null;
    throw e;
  });
  return catalogue;
}

/** Skill codes as a person reads them in the page's language, from a catalogue at hand (a code it lacks as it is). */
export function wordsFor(codes: string[], known: Skill[]): string {
  return codes.map((code) => {
    const skill = known.find((k) => k.code === code);
    return skill ? (lang() === 'ja' ? skill.labelJa : skill.labelEn) : code;
  }).join(lang() === 'ja' ? '、' : ', ');
}

/** The same, reading the catalogue first (once per page). */
export async function skillWords(codes: string[]): Promise<string> {
  return wordsFor(codes, await skills().catch(() => [] as Skill[]));
}

/** The codes ticked in a form's skill picker. */
export function pickedSkills(form: HTMLFormElement): string[] {
  return [...form.querySelectorAll<HTMLInputElement>('input[name=skill]:checked')].map((c) => c.value);
}

/**
 * Skills as boxes to tick, from the one catalogue, so nobody types a skill no engineer or job will ever match.
 * {@code checked}: the codes ticked at first (comma separated); {@code legend}: the i18n key of its caption.
 */
class SkillPicker extends AppElement {
  static properties = { checked: {}, legend: {}, available: { state: true } };
  declare checked: string;
  declare legend: string;
  declare available: Skill[];

  constructor() {
    super();
    this.checked = '';
    this.legend = 'admin.skills';
    this.available = [];
  }

  async connectedCallback() {
    super.connectedCallback();
    this.available = await skills();
  }

  render() {
    const ticked = new Set(this.checked.split(',').map((s) => s.trim()));
    return html`<fieldset class="skills"><legend>${t(this.legend)}</legend>
      ${this.available.map((s) => html`<label class="check"><input type="checkbox" name="skill" value=${s.code}
        ?checked=${ticked.has(s.code)}> ${lang() === 'ja' ? s.labelJa : s.labelEn}</label>`)}
    </fieldset>`;
  }
}

customElements.define('skill-picker', SkillPicker);
