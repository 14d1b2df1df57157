/**
 * The "Do Not Use" rules as data (pure: no `vscode`): their ids, what each flags and why, and the
 * level a setting gives each. The one source of the explanation page (doNotUseDoc.ts, and
 * docs/do-not-use.md made from it), of the README's table and of the setting's keys.
 */

export type DoNotUseRuleId =
  | 'unit'
  | 'international-unit'
  | 'daily'
  | 'every-other-day'
  | 'trailing-zero'
  | 'leading-zero'
  | 'ms'
  | 'mso4'
  | 'mgso4'
  | 'cc';

/** Where a rule comes from. */
export type DoNotUseSource = 'joint-commission' | 'joint-commission-additional';

/** One rule, as the explanation page and the README show it. Text fields are Markdown: what a note would write stands in code spans. */
export interface DoNotUseRule {
  readonly id: DoNotUseRuleId;
  /** A short name: what is flagged (Markdown). */
  readonly title: string;
  /** The forms the rule flags, as they may be written. */
  readonly forms: readonly string[];
  /** Why it is dangerous. */
  readonly risk: string;
  /** What to write instead. */
  readonly write: string;
  /** One line as a note may have it, and the same line fixed (plain text). */
  readonly example: readonly [written: string, fixed: string];
  /** What the rule leaves alone on purpose. */
  readonly leftAlone: string;
  readonly source: DoNotUseSource;
}

export const DO_NOT_USE_RULES: readonly DoNotUseRule[] = [
  {
    id: 'unit',
    title: '`U` for units',
    forms: ['U', 'u'],
    risk: 'Misread as `0` or `4` (`10 U` read as `100`, a tenfold overdose) or as `cc`.',
    write: 'units',
    example: ['Insulin glargine 10 U at night', 'Insulin glargine 10 units at night'],
    leftAlone:
      'Words and abbreviations that only look alike (`US`, `U.S.`, `UK`, `IUD`, `U-shaped`, `U-100`), and laboratory results: `ALT 40 U/L`, or `CA-125 35 U/mL` with no order word (give, inject, vial, pen, a route) close by.',
    source: 'joint-commission',
  },
  {
    id: 'international-unit',
    title: '`IU` for international units',
    forms: ['IU', 'iu'],
    risk: 'Misread as `IV` (intravenous) or as `10`.',
    write: 'international units (or units)',
    example: ['Vitamin D 1000 IU daily', 'Vitamin D 1000 international units daily'],
    leftAlone:
      '`IUD`, `IUGR`, `mIU`, and laboratory results: anything per litre (`AST 35 IU/L`), or per millilitre with no order word close by (`TSH 2.8 IU/mL`, `RF 20 IU/mL`).',
    source: 'joint-commission',
  },
  {
    id: 'daily',
    title: '`QD` for daily',
    forms: ['Q.D.', 'QD', 'q.d.', 'qd'],
    risk: 'Mistaken for `QOD` (every other day), or for `q.i.d.` (four times a day) when the period after the Q is read as an I.',
    write: 'daily',
    example: ['Aspirin 75 mg QD', 'Aspirin 75 mg daily'],
    leftAlone: '`q.d.s.` and `QDS` (four times a day), `q.i.d.`, and words or identifiers that contain the letters (`QDR`, `QD-12`).',
    source: 'joint-commission',
  },
  {
    id: 'every-other-day',
    title: '`QOD` for every other day',
    forms: ['Q.O.D.', 'QOD', 'q.o.d.', 'qod'],
    risk: 'Mistaken for `QD` (daily), or for `q.i.d.` (four times a day) when the O is read as an I.',
    write: 'every other day',
    example: ['Prednisolone 5 mg QOD', 'Prednisolone 5 mg every other day'],
    leftAlone: 'Words and identifiers that contain the letters.',
    source: 'joint-commission',
  },
  {
    id: 'trailing-zero',
    title: 'A trailing zero in a dose',
    forms: ['1.0 mg', '2.50 mL', '1.0 cc'],
    risk: 'The decimal point is missed: `1.0 mg` is read as `10 mg`, a tenfold overdose.',
    write: 'the number without the trailing zero (`1 mg`, `2.5 mL`)',
    example: ['Kenalog 40.0 mg injected', 'Kenalog 40 mg injected'],
    leftAlone:
      'Values whose precision matters, as the Joint Commission allows: body weight (`70.0 kg`), sizes (`2.0 cm`), laboratory results in any case (`creatinine 1.0 mg/dL`, `CR 1.0 mg/DL`, `glucose 5.0 MMOL/L`, `Hb 14.0 G/DL`, `vitamin D 25.0 ng/mL`), version numbers and times (`1.30 pm`). A drug concentration per millilitre (`Depo-Medrol 40.0 mg/mL`) is a dose and is flagged.',
    source: 'joint-commission',
  },
  {
    id: 'leading-zero',
    title: 'A dose without its leading zero',
    forms: ['.5 mg', '.25 mL', '.5 cc'],
    risk: 'The decimal point is missed: `.5 mg` is read as `5 mg`, a tenfold overdose.',
    write: 'a zero before the decimal point (`0.5 mg`)',
    example: ['Colchicine .5 mg twice a day', 'Colchicine 0.5 mg twice a day'],
    leftAlone: 'Laboratory results, as for trailing zeros (`Cr .9 mg/dL`), and numbers that are not doses (`.5 cm`).',
    source: 'joint-commission',
  },
  {
    id: 'ms',
    title: '`MS` next to a dose',
    forms: ['MS'],
    risk: 'Can mean morphine sulfate or magnesium sulfate.',
    write: 'the drug name in full (morphine sulfate or magnesium sulfate)',
    example: ['MS 4 mg IV for pain', 'Morphine sulfate 4 mg IV for pain'],
    leftAlone:
      '`MS` with no dose or route next to it, since in a history it usually means multiple sclerosis (or mitral stenosis, or a degree): `MS since 2010`, `MS (multiple sclerosis)`. Also `Ms. Lee`, `10 ms` and `MS Contin` (a brand name).',
    source: 'joint-commission',
  },
  {
    id: 'mso4',
    title: '`MSO4`',
    forms: ['MSO4', 'MSO₄'],
    risk: 'Confused with `MgSO4` (magnesium sulfate).',
    write: 'morphine sulfate',
    example: ['MSO4 2 mg IV', 'Morphine sulfate 2 mg IV'],
    leftAlone: 'Nothing: the letters name nothing else.',
    source: 'joint-commission',
  },
  {
    id: 'mgso4',
    title: '`MgSO4`',
    forms: ['MgSO4', 'MgSO₄'],
    risk: 'Confused with `MSO4` (morphine sulfate).',
    write: 'magnesium sulfate',
    example: ['MgSO4 2 g IV', 'Magnesium sulfate 2 g IV'],
    leftAlone: 'Nothing: the letters name nothing else.',
    source: 'joint-commission',
  },
  {
    id: 'cc',
    title: '`cc` for millilitres',
    forms: ['cc', 'c.c.', 'CC'],
    risk: 'Mistaken for `U` (units) when written by hand, or read as `00`.',
    write: 'mL',
    example: ['Lidocaine 1% 2 cc injected', 'Lidocaine 1% 2 mL injected'],
    leftAlone: '`cc` with no number before it (a copy sent to someone, a chief complaint written `CC`).',
    source: 'joint-commission-additional',
  },
];

export const DO_NOT_USE_RULE_IDS: readonly DoNotUseRuleId[] = DO_NOT_USE_RULES.map((rule) => rule.id);

export function isDoNotUseRuleId(value: unknown): value is DoNotUseRuleId {
  return typeof value === 'string' && (DO_NOT_USE_RULE_IDS as readonly string[]).includes(value);
}

export function doNotUseRule(id: DoNotUseRuleId): DoNotUseRule {
  return DO_NOT_USE_RULES.find((rule) => rule.id === id)!;
}

/** How a rule's findings are shown: not at all, as warnings or as errors (`iliopsoas.doNotUse.rules`). */
export type DoNotUseLevel = 'off' | 'warning' | 'error';
export const DO_NOT_USE_LEVELS: readonly DoNotUseLevel[] = ['off', 'warning', 'error'];
export const DEFAULT_LEVEL: DoNotUseLevel = 'warning';

/**
 * Each rule's level from the setting's value as VS Code gives it (any JSON): a rule the value
 * does not name, or names with anything but a level, keeps the default, so a typo in
 * settings.json never switches a rule off.
 */
export function ruleLevels(value: unknown): ReadonlyMap<DoNotUseRuleId, DoNotUseLevel> {
  const levels = new Map<DoNotUseRuleId, DoNotUseLevel>(DO_NOT_USE_RULE_IDS.map((id) => [id, DEFAULT_LEVEL]));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return levels;
  for (const [key, level] of Object.entries(value as Record<string, unknown>)) {
    if (isDoNotUseRuleId(key) && (DO_NOT_USE_LEVELS as readonly unknown[]).includes(level)) levels.set(key, level as DoNotUseLevel);
  }
  return levels;
}

/** Where "Disable this rule" writes: the note's folder's settings, else the workspace's, else the user's (a window with no folder). */
export type DisableScope = 'folder' | 'workspace' | 'user';

export function disableScope(inWorkspaceFolder: boolean, workspaceOpen: boolean): DisableScope {
  return inWorkspaceFolder ? 'folder' : workspaceOpen ? 'workspace' : 'user';
}

/**
 * The quick fixes' titles, a whole sentence each (the glue passes them in the user's language;
 * English by default). The rule is an id of ours, not text from a file.
 */
export interface DisableWording {
  readonly line: (rule: DoNotUseRuleId) => string;
  readonly folder: (rule: DoNotUseRuleId) => string;
  readonly workspace: (rule: DoNotUseRuleId) => string;
  readonly user: (rule: DoNotUseRuleId) => string;
}

export const DISABLE_WORDING: DisableWording = {
  line: (rule) => `Disable “${rule}” for this line`,
  folder: (rule) => `Disable “${rule}” in this folder`,
  workspace: (rule) => `Disable “${rule}” in this workspace`,
  user: (rule) => `Disable “${rule}” in your user settings`,
};

export function disableRuleTitle(rule: DoNotUseRuleId, scope: DisableScope, wording: DisableWording = DISABLE_WORDING): string {
  return wording[scope](rule);
}

export function disableLineTitle(rule: DoNotUseRuleId, wording: DisableWording = DISABLE_WORDING): string {
  return wording.line(rule);
}

/**
 * The setting's new value at one level (folder, workspace or user) with `rule` off: what that
 * level held is kept as it is, even names that are not rules (the user's to fix, not ours to drop).
 */
export function withRuleOff(current: unknown, rule: DoNotUseRuleId): Record<string, unknown> {
  const kept = typeof current === 'object' && current !== null && !Array.isArray(current) ? (current as Record<string, unknown>) : {};
  return { ...kept, [rule]: 'off' };
}
