/**
 * The page that explains the Do Not Use rules, and the README's table of them, made from
 * DO_NOT_USE_RULES (pure: no `vscode`). The extension shows the page from memory (a diagnostic's
 * code opens it at the rule), so it works offline and in the browser; docs/do-not-use.md is the
 * same text for the repository (a unit test keeps both, and the README's table, in step).
 */
import { DISABLE_NEXT_LINE } from './doNotUseComments';
import { DO_NOT_USE_RULES, type DoNotUseRule, type DoNotUseRuleId, type DoNotUseSource } from './doNotUseRules';

/** The heading of the page's part on settings and disable comments (what a notice's code opens). */
export const SETTINGS_SECTION = 'Settings and comments';

const SOURCES: Record<DoNotUseSource, string> = {
  'joint-commission': 'The Joint Commission, Official “Do Not Use” List (Information Management standard IM.02.02.01, elements of performance 2 and 3).',
  'joint-commission-additional':
    'The Joint Commission’s list of abbreviations reviewed for possible inclusion in the official list; the Institute for Safe Medication Practices (ISMP), List of Error-Prone Abbreviations, Symbols, and Dose Designations.',
};

const code = (text: string): string => `\`${text}\``;
// In a code span: `mso4` and `mgso4` are forms too. (GitHub's anchor is still the id.)
const ruleHeading = (id: DoNotUseRuleId): string => code(id);

function ruleSection(rule: DoNotUseRule): string[] {
  return [
    `## ${ruleHeading(rule.id)}`,
    '',
    `**${rule.title}.** Flags ${rule.forms.map(code).join(', ')}.`,
    '',
    `- **Risk:** ${rule.risk}`,
    `- **Write instead:** ${rule.write}.`,
    `- **Example:** ${code(rule.example[0])} → ${code(rule.example[1])}`,
    `- **Left alone:** ${rule.leftAlone}`,
    `- **Source:** ${SOURCES[rule.source]}`,
    '',
  ];
}

/** The explanation page, in Markdown. Everything a note would write stands in code spans, so the page itself raises no finding. */
export function doNotUseRulesMarkdown(): string {
  return [
    '# “Do Not Use” abbreviations',
    '',
    'Iliopsoas Notes warns about these abbreviations and dose notations in notes: each can be misread, and a misread dose can harm a patient.',
    'The rules follow The Joint Commission’s Official “Do Not Use” List, plus `cc`, which The Joint Commission reviews for inclusion in it.',
    'The list covers orders and medication-related documentation, so laboratory results and measurements are left alone (see each rule).',
    '',
    `## ${SETTINGS_SECTION}`,
    '',
    '- `iliopsoas.doNotUse.enabled` turns every rule on or off.',
    '- `iliopsoas.doNotUse.rules` sets each rule to `off`, `warning` or `error`, for example `{ "cc": "off", "trailing-zero": "error" }`. Set in a folder’s settings, it applies to the notes in that folder.',
    `- A comment alone on the line above a line silences it: ${code(`<!-- ${DISABLE_NEXT_LINE} -->`)} every rule, ${code(`<!-- ${DISABLE_NEXT_LINE} daily trailing-zero -->`)} only the rules it names (the ids below).`,
    '  The comment does not show in the rendered note. A name that is not a rule is reported, and silences nothing.',
    '- Each warning’s quick fixes include *Disable … for this line*, which writes the comment, and *Disable … in this folder*, which sets the rule to `off` in the folder’s settings.',
    '',
    ...DO_NOT_USE_RULES.flatMap(ruleSection),
  ].join('\n');
}

/** The 0-based line of a rule's heading in the page (or of the settings part), 0 when it has none. */
export function headingLine(markdown: string, heading: DoNotUseRuleId | typeof SETTINGS_SECTION): number {
  const line = markdown.split('\n').indexOf(`## ${heading === SETTINGS_SECTION ? heading : ruleHeading(heading)}`);
  return line === -1 ? 0 : line;
}

/** The README's table of the rules. */
export function doNotUseReadmeTable(): string {
  return [
    '| Rule | Flags | Write instead |',
    '| --- | --- | --- |',
    ...DO_NOT_USE_RULES.map((rule) => `| [\`${rule.id}\`](docs/do-not-use.md#${rule.id}) | ${rule.forms.map(code).join(', ')} | ${rule.write} |`),
  ].join('\n');
}
