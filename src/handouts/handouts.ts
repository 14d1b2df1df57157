/**
 * Patient-education handouts (pure: no `vscode`). handouts.json is the one source of their
 * content; the snippet file, the insert command and the dot-phrases are all made from what
 * this module loads. Bodies are written in VS Code snippet syntax (parsed by
 * src/markdown/snippets.ts); the shared warning-sign block and shared sentences are expanded
 * here. The checks of their content are the tests' (test/content/handoutChecks.ts).
 */
import { handoutProse, UNFILLED_WORD } from '../readability/prose';
import { fillTabStops, highestTabStop, shiftTabStops, snippetPlainText } from '../markdown/snippets';
import { markdownLiteral } from '../markdown/literal';
import { patientReadingGrade } from '../readability/grade';
import { CLINIC_FIELDS, isClinicField, type ClinicDetails, type ClinicField } from './clinic';
import { handoutStartMarker, markedRedFlagBlock } from './redFlagMarkers';

export interface Handout {
  /** Short kebab-case id: the snippet prefix is `handout-<id>`, the dot-phrase `.<id>`. */
  readonly id: string;
  readonly title: string;
  /** One line for the QuickPick and the snippet description. */
  readonly description: string;
  /** Who the handout is for, in the words the body uses. */
  readonly audience: string;
  /** Ids of the guide sections the handout draws on. */
  readonly sections: readonly string[];
  /**
   * The medical words the handout explains where it first uses them ("NSAIDs (medicines such
   * as…)"). They are exempt from its reading grade; checkHandout makes sure each is explained.
   */
  readonly teaches: readonly string[];
  /**
   * Snippet-syntax Markdown, lines joined with "\n", with the red-flag block expanded and each
   * clinic field a placeholder (its label) to Tab to. What a note gets is handoutBody's. A body
   * with the red-flag block opens with the handout's marker line, the title after it, and the
   * block sits between its markers (redFlagMarkers.ts).
   */
  readonly body: string;
  /** The tab stop of each clinic field the body names (`{{clinic.phone}}` in the source): the body's last stops. */
  readonly clinicFields: Readonly<Partial<Record<ClinicField, number>>>;
}

/** One entry of a `.code-snippets` file. */
export interface HandoutSnippet {
  readonly prefix: string[];
  readonly description: string;
  readonly body: string[];
  readonly scope: 'markdown';
}

/** A body line that stands for the shared red-flag block. */
export const RED_FLAG_MARKER = '{{red-flags}}';
/** `{{name}}` inside a line: the shared sentence `sharedText.name` of handouts.json. */
const SHARED_TEXT_MARKER = /\{\{([a-z][a-z0-9-]*)\}\}/g;
/** `{{clinic.phone}}` inside a line: a clinic field (clinic.ts), filled in from the settings at insertion. */
const CLINIC_FIELD_MARKER = /\{\{clinic\.([A-Za-z]*)\}\}/g;

/** Patient material should read at grade 6 or below (AMA and NIH advice). */
export const MAX_READING_GRADE = 6;

const HANDOUT_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

// ---------------------------------------------------------------------------------------------
// Loading

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/**
 * Validates the shape of a handout source (as in handouts.json) and expands the red-flag marker.
 * Throws one error listing every problem, so a broken source fails the build with all of them.
 */
export function parseHandouts(source: unknown): Handout[] {
  const problems: string[] = [];
  const root = (typeof source === 'object' && source !== null ? source : {}) as Record<string, unknown>;
  const redFlagLines = root.redFlagBlock;
  if (!isStringArray(redFlagLines) || redFlagLines.length === 0) problems.push('"redFlagBlock" must be a non-empty array of lines');
  if (!Array.isArray(root.handouts)) problems.push('"handouts" must be an array');
  const blockTeaches = root.redFlagTeaches ?? [];
  if (!isStringArray(blockTeaches)) problems.push('"redFlagTeaches" must be an array of the terms the red-flag block explains');
  // Shared sentences (the NSAID cautions…): one wording for every handout that needs it.
  const sharedText = (root.sharedText ?? {}) as Record<string, unknown>;
  for (const [name, text] of Object.entries(sharedText)) {
    if (typeof text !== 'string' || text.trim() === '') problems.push(`"sharedText.${name}" must be a non-empty string`);
  }

  const handouts: Handout[] = [];
  const seenIds = new Set<string>();
  (Array.isArray(root.handouts) ? root.handouts : []).forEach((entry: unknown, index) => {
    const item = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const where = `handouts[${index}]${typeof item.id === 'string' ? ` (${item.id})` : ''}`;
    const before = problems.length;
    for (const field of ['id', 'title', 'description', 'audience'] as const) {
      if (typeof item[field] !== 'string' || item[field].trim() === '') problems.push(`${where}: "${field}" must be a non-empty string`);
    }
    if (!isStringArray(item.sections)) problems.push(`${where}: "sections" must be an array of guide section ids`);
    if (!isStringArray(item.body)) problems.push(`${where}: "body" must be an array of lines`);
    if (item.teaches !== undefined && !isStringArray(item.teaches)) problems.push(`${where}: "teaches" must be an array of terms`);
    if (typeof item.id === 'string') {
      if (!HANDOUT_ID.test(item.id)) problems.push(`${where}: "id" must be kebab-case (a-z, 0-9, hyphens)`);
      if (seenIds.has(item.id)) problems.push(`${where}: duplicate id "${item.id}"`);
      seenIds.add(item.id);
    }
    if (problems.length > before || !isStringArray(redFlagLines)) return;
    // The block's own fields (the clinic's phone numbers) follow the handout's.
    // Wrapped in its markers, and the body opened by the handout's: in a note, a warning says when the block is gone (redFlagMarkers.ts).
    const blockLines = markedRedFlagBlock(shiftTabStops(redFlagLines.join('\n'), highestTabStop((item.body as string[]).join('\n')))).split('\n');
    const hasBlock = (item.body as string[]).some((line) => line.trim() === RED_FLAG_MARKER);
    const lines = (hasBlock ? [handoutStartMarker(item.id as string)] : []).concat(item.body as string[]).flatMap((line, index) => {
      if (hasBlock && index === 0) return [line];
      if (line.trim() === RED_FLAG_MARKER) return blockLines;
      return [
        line.replace(SHARED_TEXT_MARKER, (marker, name: string) => {
          if (typeof sharedText[name] === 'string') return sharedText[name];
          problems.push(`${where}: unknown shared text "${marker}"`);
          return marker;
        }),
      ];
    });
    const { body, clinicFields } = withClinicFields(lines.join('\n'), (marker) => problems.push(`${where}: unknown clinic field "${marker}"`));
    handouts.push({
      id: item.id as string,
      title: item.title as string,
      description: item.description as string,
      audience: item.audience as string,
      sections: [...(item.sections as string[])],
      // The block explains its own words ("urgent care (a walk-in clinic…)"), in every handout.
      teaches: [...new Set([...((item.teaches as string[] | undefined) ?? []), ...(isStringArray(blockTeaches) ? blockTeaches : [])])],
      body,
      clinicFields,
    });
  });
  if (problems.length > 0) throw new Error(`Invalid handout source:\n- ${problems.join('\n- ')}`);
  return handouts;
}

/**
 * The body with each clinic field mark made a tab stop: numbered after every other stop, in the
 * order the fields first appear, so Tab reaches them last; a field named twice is one stop (typed
 * once, it fills both). The placeholder is the field's label.
 */
function withClinicFields(text: string, unknown: (marker: string) => void): Pick<Handout, 'body' | 'clinicFields'> {
  const clinicFields: Partial<Record<ClinicField, number>> = {};
  let next = highestTabStop(text);
  const body = text.replace(CLINIC_FIELD_MARKER, (marker, field: string) => {
    if (!isClinicField(field)) {
      unknown(marker);
      return marker;
    }
    const stop = (clinicFields[field] ??= ++next);
    return `\${${stop}:${CLINIC_FIELDS[field].label}}`;
  });
  return { body, clinicFields };
}

/**
 * The handout as a note gets it: each clinic field that is set written in as text (escaped so
 * that it reads as itself in Markdown and in snippet syntax), the others left as placeholders;
 * the remaining tab stops renumbered in order.
 */
export function handoutBody(handout: Pick<Handout, 'body' | 'clinicFields'>, clinic: ClinicDetails): string {
  const values = new Map<number, string>();
  for (const [field, stop] of Object.entries(handout.clinicFields) as [ClinicField, number][]) {
    const value = clinic[field];
    if (value !== undefined) values.set(stop, markdownLiteral(value));
  }
  return fillTabStops(handout.body, values);
}

/**
 * handouts.json, required on first use rather than imported: activation should not pay for it,
 * and the production build loads it from its own file in dist/ (see esbuild.js).
 */
function handoutSource(): typeof import('./handouts.json') {
  return require('./handouts.json') as typeof import('./handouts.json');
}

/** The shipped handouts, in the order of handouts.json. */
export function loadHandouts(): Handout[] {
  return parseHandouts(handoutSource());
}

let teachable: readonly string[] | undefined;

/** Every term a shipped handout teaches: what the reading grade of a note may exempt where the note explains it. */
export function teachableTerms(): readonly string[] {
  return (teachable ??= [...new Set(loadHandouts().flatMap((handout) => handout.teaches))]);
}

/** A shared sentence of the shipped source (`{{name}}` in a handout), e.g. "nsaid-cautions". */
export function sharedText(name: string): string | undefined {
  return (handoutSource() as { sharedText?: Record<string, string> }).sharedText?.[name];
}

/**
 * The shared red-flag block of the shipped source, with its own tab stop numbers (a handout
 * shifts them after its own) and its clinic fields as placeholders.
 */
export function redFlagBlock(): string {
  return withClinicFields(handoutSource().redFlagBlock.join('\n'), () => undefined).body;
}

/** The shared red-flag block as a note gets it (a clinic handout's `{{red-flags}}`): the clinic's details written in where set. */
export function redFlagBlockFor(clinic: ClinicDetails): string {
  return handoutBody(withClinicFields(handoutSource().redFlagBlock.join('\n'), () => undefined), clinic);
}

/**
 * The shared red-flag block as plain Markdown (no snippet syntax, no markers): the clinic's
 * details that are set written in, the others as their label ("clinic phone"). What the quick
 * fix puts back in a note, where a snippet cannot be inserted.
 */
export function redFlagBlockText(clinic: ClinicDetails): string {
  return snippetPlainText(redFlagBlockFor(clinic));
}

// ---------------------------------------------------------------------------------------------
// Plain text and reading level

/**
 * What a patient reads: the body with its blanks at their defaults, without Markdown syntax (as
 * the status bar and export read it). A clinic field is one short word, like a snippet
 * variable: its value is the clinic's, not the handout's writing.
 */
export function handoutPlainText(handout: Handout): string {
  const fields = new Map(Object.values(handout.clinicFields).map((stop) => [stop, UNFILLED_WORD]));
  return handoutProse(fillTabStops(handout.body, fields));
}

/** The handout's reading grade by the one rule (the higher of Flesch–Kincaid and SMOG, its taught terms exempted). */
export function handoutReadingGrade(handout: Handout): number {
  return patientReadingGrade(handoutPlainText(handout), handout.teaches);
}

// ---------------------------------------------------------------------------------------------
// Snippets file

/** The contents of snippets/handouts.code-snippets: one snippet per handout, in source order. */
export function handoutSnippets(handouts: readonly Handout[]): Record<string, HandoutSnippet> {
  const snippets: Record<string, HandoutSnippet> = {};
  for (const handout of handouts) {
    const name = `Handout: ${handout.title}`;
    if (name in snippets) throw new Error(`Two handouts share the title "${handout.title}"`);
    snippets[name] = {
      prefix: [`handout-${handout.id}`],
      description: `${handout.description} (grade ${handoutReadingGrade(handout).toFixed(1)})`,
      body: handout.body.split('\n'),
      scope: 'markdown',
    };
  }
  return snippets;
}
