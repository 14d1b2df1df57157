/**
 * The clinic's details a handout names (pure: no `vscode`): its name, its phone and its
 * after-hours phone, from the settings `iliopsoas.clinic.*`. A handout's source marks where each
 * goes (`{{clinic.phone}}`); loaded, the mark is a tab stop with the field's label as its
 * placeholder, which insertion fills from the note's folder's settings (see handoutBody) and
 * leaves to Tab to where a setting is unset.
 *
 * The values are text to print, nothing else: trimmed, on one line, without invisible
 * characters, short. Written into a note they are escaped for Markdown (markdown/literal.ts)
 * and for snippet syntax; in the export footer, for HTML.
 */
import { withoutInvisibles } from '../util/messageText';

export type ClinicField = 'name' | 'phone' | 'afterHoursPhone';

export interface ClinicFieldInfo {
  /** The setting under `iliopsoas.`, e.g. `clinic.phone`. */
  readonly setting: string;
  /** The placeholder a handout shows until the field is filled in. */
  readonly label: string;
  /** Longest value used, in characters; a longer one is most likely pasted by mistake. */
  readonly maxLength: number;
}

export const CLINIC_FIELDS: Readonly<Record<ClinicField, ClinicFieldInfo>> = {
  name: { setting: 'clinic.name', label: 'clinic name', maxLength: 80 },
  phone: { setting: 'clinic.phone', label: 'clinic phone', maxLength: 40 },
  afterHoursPhone: { setting: 'clinic.afterHoursPhone', label: 'after-hours phone', maxLength: 40 },
};

export function isClinicField(name: string): name is ClinicField {
  return Object.prototype.hasOwnProperty.call(CLINIC_FIELDS, name);
}

/** The clinic's details that are set and usable; a missing one stays a placeholder. */
export type ClinicDetails = Readonly<Partial<Record<ClinicField, string>>>;

export interface ClinicSettings {
  readonly details: ClinicDetails;
  /** One sentence per setting that is set but not used, naming the setting and why. */
  readonly problems: readonly string[];
}

// Control characters (line breaks, tabs…) and the line and paragraph separators.
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

/**
 * The clinic's details from the settings, validated: a value is trimmed; empty means unset; a
 * value that is not text, spans lines, holds control or invisible characters (a bidirectional
 * override could show a phone number's digits in another order) or is longer than its field
 * allows is not used, and a problem says so. A value is never shortened or altered: a wrong
 * phone number on a handout is worse than a blank.
 */
export function readClinicSettings(read: (setting: string) => unknown): ClinicSettings {
  const details: Partial<Record<ClinicField, string>> = {};
  const problems: string[] = [];
  for (const [field, info] of Object.entries(CLINIC_FIELDS) as [ClinicField, ClinicFieldInfo][]) {
    const value = read(info.setting);
    if (value === undefined || value === null) continue;
    const name = `iliopsoas.${info.setting}`;
    if (typeof value !== 'string') {
      problems.push(`The setting ${name} is not text: write it in quotes.`);
      continue;
    }
    const trimmed = value.trim();
    if (trimmed === '') continue;
    if (CONTROL.test(trimmed)) problems.push(`The setting ${name} has a line break or a control character.`);
    else if (withoutInvisibles(trimmed) !== trimmed) problems.push(`The setting ${name} has an invisible character.`);
    else if ([...trimmed].length > info.maxLength) problems.push(`The setting ${name} is longer than ${info.maxLength} characters.`);
    else details[field] = trimmed;
  }
  return { details, problems };
}
