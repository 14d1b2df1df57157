// Scores glossary hovers against the evaluation set of note lines (test/evaluation/noteLines.json:
// realistic back, hip and pelvic note lines and look-alike lines of other specialties, written
// for this project, each with the spans a clinician wants explained, those where a hover is
// acceptable, and those where one would be wrong). Pure: the integration test feeds it what the
// real host hovers, the unit report what the matcher finds.

export interface NoteLine {
  readonly id: string;
  readonly kind: string;
  readonly line: string;
  /** Spans a hover should explain. */
  readonly hover: readonly string[];
  /** Spans where a hover is fine but not needed. */
  readonly ok?: readonly string[];
  /** Spans where a hover would be wrong (another sense, ordinary English). */
  readonly silent?: readonly string[];
}

/** A hovered range of a line, [start, end) in UTF-16 units, and the term it explained. */
export interface Hovered {
  readonly start: number;
  readonly end: number;
  readonly term: string;
}

export interface Score {
  readonly expected: number;
  readonly hovered: number;
  readonly hovers: number;
  readonly right: number;
  readonly missed: readonly string[];
  readonly wrong: readonly string[];
  readonly recall: number;
  readonly precision: number;
}

interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The spans of a line, each at its first occurrence not yet taken (spans do not overlap). */
function spansOf(line: string, texts: readonly string[] = []): Span[] {
  const taken: Span[] = [];
  for (const text of texts) {
    let at = line.indexOf(text);
    while (at >= 0 && taken.some((span) => at < span.end && span.start < at + text.length)) at = line.indexOf(text, at + 1);
    if (at < 0) throw new Error(`"${text}" is not in the line "${line}"`);
    taken.push({ start: at, end: at + text.length, text });
  }
  return taken;
}

/** Every occurrence of each text in the line, as whole words. */
function everyOccurrence(line: string, texts: readonly string[] = []): Span[] {
  const spans: Span[] = [];
  for (const text of texts) {
    for (let at = line.indexOf(text); at >= 0; at = line.indexOf(text, at + 1)) {
      const before = line[at - 1] ?? ' ';
      const after = line[at + text.length] ?? ' ';
      if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) spans.push({ start: at, end: at + text.length, text });
    }
  }
  return spans;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/**
 * Recall: the share of `hover` spans that some hover overlaps. Precision: the share of hovers that
 * lie on a `hover` or `ok` span and on no `silent` one.
 */
export function scoreHovers(lines: readonly NoteLine[], hoversOf: (line: NoteLine) => readonly Hovered[]): Score {
  let expected = 0;
  let hovered = 0;
  let hovers = 0;
  let right = 0;
  const missed: string[] = [];
  const wrong: string[] = [];
  for (const line of lines) {
    const wanted = spansOf(line.line, line.hover);
    // A listed text is judged alike wherever it recurs in the line ("L4-5 stenosis … L4-5 ILESI").
    const fine = [...everyOccurrence(line.line, line.hover), ...everyOccurrence(line.line, line.ok)];
    const silent = everyOccurrence(line.line, line.silent);
    const found = hoversOf(line);
    expected += wanted.length;
    for (const span of wanted) {
      if (found.some((hover) => overlaps(hover, span))) hovered++;
      else missed.push(`${line.id}: "${span.text}"`);
    }
    for (const hover of found) {
      hovers++;
      const text = line.line.slice(hover.start, hover.end);
      const onWanted = fine.some((span) => overlaps(hover, span));
      if (onWanted && !silent.some((span) => overlaps(hover, span))) right++;
      else wrong.push(`${line.id}: "${text}" → ${hover.term}`);
    }
  }
  return { expected, hovered, hovers, right, missed, wrong, recall: expected === 0 ? 1 : hovered / expected, precision: hovers === 0 ? 1 : right / hovers };
}
