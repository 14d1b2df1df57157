// `npm run bench` (through bench/run.sh, which builds the production bundle first): measures
// scanning, hovers, edits, activation and bundle size in one process run, prints a Markdown
// table and writes the same figures to bench/results.json.
//
// Usage: node --expose-gc out/bench/bench/index.js [--starts N] [--no-activation]
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from 'util';
import { loadBuiltInGlossary } from '../src/glossary/entries';
import { codeAndFrontMatterLines, compileGlossary, type TermCount } from '../src/glossary/matcher';
import { TermIndex } from '../src/glossary/termIndex';
import type { GlossaryEntry } from '../src/glossary/types';
import { findDoNotUse } from '../src/handouts/doNotUse';
import { DoNotUseIndex } from '../src/handouts/doNotUseIndex';
import { NoteModel, type LineChange } from '../src/markdown/noteModel';
import { teachableTerms } from '../src/handouts/handouts';
import { lineStartsOf, positionAt } from '../src/markdown/positions';
import { markdownReadingGrades, paragraphToGrade } from '../src/readability/prose';
import { measureActivation } from './activation';
import { ahoCorasickScanner, alternationScanner, countWords, expandForms, singleTermScanner, trieRegexScanner, type Occurrence } from './competitors';
import { generateNote, seededRandom, syntheticEntries } from './inputs';
import { collectGarbage, median, nowMs, percentile, round, timeInterleaved, timeRepeated } from './measure';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const RESULTS_FILE = path.join(repoRoot, 'bench', 'results.json');
const BUNDLE = path.join(repoRoot, 'dist', 'extension.js');

const SEED = 20_240_611;
const MB = 1_000_000;
const HOVER_POSITIONS = 10_000;
const EDITS = 400;
/** Timed scans of each matcher, per glossary size, taking turns. */
const SCAN_ROUNDS = 21;
/** The floor's one term: the shipped glossary's first, the muscle the extension is named after. */
const FLOOR_TERM = 'iliopsoas';

const { values: argv } = parseArgs({
  options: {
    starts: { type: 'string', default: '5' },
    'no-activation': { type: 'boolean', default: false },
  },
});

const log = (line = ''): void => console.log(line);

type GlossarySize = 'shipped' | 'plus200' | 'plus1000';
type Competitor = 'ours' | 'alternation' | 'trie_regex' | 'ahocorasick' | 'floor';

interface Results {
  scan_mbps: Record<Competitor, Record<GlossarySize, number>>;
  hover_us: { p50: number; p99: number; max: number };
  edit_ms: { incremental: number; full: number };
  /** One keystroke in a 1 MB note, every feature's update after it (medians; all_features is the median of the sums; hover_model is the shared note model, once for all). */
  keystroke_ms: { all_features: number; terms: number; do_not_use: number; reading_grade: number; hover_model: number };
  activation_ms?: number;
  markdownit_loaded_at_activation?: boolean;
  glossary_loaded_at_activation?: boolean;
  /** The first hover after activation, median of the starts. */
  first_hover_ms?: number;
  /** The built-in glossary read and its tables built (in the background 200 ms after activation, or by a sooner first hover), median of the starts. */
  glossary_preparation_ms?: number;
  /** The first dot-phrase list with 500 clinic phrase files in the workspace (it reads them), and later lists; medians of the starts. */
  first_dot_phrase_ms?: number;
  /** From the first dot-phrase asked until the list offers all 500 (read in the background). */
  phrases_ready_ms?: number;
  dot_phrase_ms?: number;
  bundle_kb: number;
}

/** Fails loudly, showing the first place where two matchers disagree. */
function assertSameOccurrences(name: string, text: string, expected: readonly Occurrence[], actual: readonly Occurrence[]): void {
  const length = Math.max(expected.length, actual.length);
  for (let i = 0; i < length; i++) {
    const e = expected[i];
    const a = actual[i];
    if (e && a && e.start === a.start && e.end === a.end && e.entry === a.entry) continue;
    const show = (o: Occurrence | undefined) => (o ? `[${o.start}, ${o.end}) "${text.slice(o.start, o.end)}" → ${o.entry.term}` : 'nothing');
    const at = Math.max(0, (e ?? a).start - 60);
    throw new Error(`${name} disagrees with our matcher at occurrence ${i} of ${expected.length}: ours ${show(e)}, ${name} ${show(a)}\n  context: ${JSON.stringify(text.slice(at, at + 160))}`);
  }
}

function plainCounts(counts: readonly TermCount[]): string {
  return JSON.stringify(counts.map(({ entry, occurrences }) => [entry.term, occurrences.map((o) => [o.start, o.end, o.range.start.line, o.range.start.character, o.range.end.line, o.range.end.character])]));
}

/** MB/s of a loop that only reads each character once (see countWords): printed for reference, not a result. */
function readingSpeed(note: string): number {
  // Called on the whole note only a few times, the loop would run as on-stack-replaced code that
  // each forced collection throws away: warm the function itself up first, on short texts.
  for (let i = 0; i < 1_000; i++) countWords(note.slice(i * 1_000, i * 1_000 + 1_000));
  const times = timeRepeated(() => countWords(note), { warmUps: 3, minRuns: 9, maxRuns: 31, budgetMs: 1_500 });
  return note.length / MB / (median(times) / 1000);
}

function scanRows(glossaries: Record<GlossarySize, GlossaryEntry[]>, note: string): Results['scan_mbps'] {
  const mbps = { ours: {}, alternation: {}, trie_regex: {}, ahocorasick: {}, floor: {} } as Results['scan_mbps'];
  const megabytes = note.length / MB;
  const floor = singleTermScanner(FLOOR_TERM);
  for (const [size, entries] of Object.entries(glossaries) as [GlossarySize, GlossaryEntry[]][]) {
    const glossary = compileGlossary(entries);
    const forms = expandForms(entries);
    log(`  ${size}: ${entries.length} entries, ${forms.length} forms with plurals`);
    const ours = glossary.scan(note);
    // The note has none of the Markdown the matcher skips, so every matcher can see the same prose.
    assertSameOccurrences('scanPlainText', note, ours, glossary.scanPlainText(note));
    const alternation = alternationScanner(forms);
    const trieRegex = trieRegexScanner(forms);
    const ahoCorasick = ahoCorasickScanner(forms);
    assertSameOccurrences('the alternation regex', note, ours, alternation.scan(note));
    assertSameOccurrences('the trie-shaped regex', note, ours, trieRegex.scan(note));
    assertSameOccurrences('modern-ahocorasick', note, ours, ahoCorasick.scan(note));
    const ourStarts = new Set(ours.map((o) => o.start));
    const floorFound = floor.scan(note);
    if (floorFound.length === 0 || !floorFound.every((o) => ourStarts.has(o.start))) throw new Error(`the floor's "${FLOOR_TERM}" occurrences are not all found by our matcher`);
    log(`    ${ours.length} occurrences; the alternation, the trie-shaped regex and modern-ahocorasick find exactly the same (start, end, entry)`);

    // Warm-ups until V8 has optimised what runs once per scan (with three, ours still ran about
    // 25% slower in the first timed runs). Then the five take turns, round after round, so that
    // the shared machine's slow spells fall on all of them alike.
    const times = timeInterleaved(
      {
        ours: () => glossary.scan(note),
        alternation: () => alternation.scan(note),
        trie_regex: () => trieRegex.scan(note),
        ahocorasick: () => ahoCorasick.scan(note),
        floor: () => floor.scan(note),
      },
      { warmUps: 15, rounds: SCAN_ROUNDS },
    );
    for (const competitor of Object.keys(times) as Competitor[]) {
      mbps[competitor][size] = megabytes / (median(times[competitor]) / 1000);
      log(`    ${competitor.padEnd(12)} ${round(mbps[competitor][size])} MB/s (median of ${times[competitor].length}: ${times[competitor].map((t) => round(t)).join(', ')} ms)`);
    }
  }
  return mbps;
}

function hoverTimes(entries: readonly GlossaryEntry[], note: string, seed: number): { p50: number; p99: number; max: number; found: number } {
  const glossary = compileGlossary(entries);
  const lines = note.split('\n');
  const isExcludedLine = codeAndFrontMatterLines(lines); // once per document version, as the hover provider does
  const lineStarts = lineStartsOf(note);
  const random = seededRandom(seed);
  const positions = (count: number): { line: number; character: number }[] =>
    Array.from({ length: count }, () => positionAt(lineStarts, Math.floor(random() * note.length)));
  for (const { line, character } of positions(2_000)) glossary.termAt(lines, line, character, isExcludedLine); // warm-up
  const micros: number[] = [];
  let found = 0;
  for (const { line, character } of positions(HOVER_POSITIONS)) {
    const start = process.hrtime.bigint();
    const term = glossary.termAt(lines, line, character, isExcludedLine);
    micros.push(Number(process.hrtime.bigint() - start) / 1000);
    if (term) found++;
  }
  return { p50: percentile(micros, 50), p99: percentile(micros, 99), max: Math.max(...micros), found };
}

/**
 * One-character edits at random places: a letter typed, then deleted again, so the note stays as
 * generated. Each as the line change VS Code reports, with the note's text after it (flattened:
 * the harness makes a 1 MB string per edit, and that is not the features' cost).
 */
function* oneCharacterEdits(note: string, seed: number, count: number): Generator<{ text: string; change: LineChange }> {
  const random = seededRandom(seed);
  let text = note;
  let typedAt = 0;
  for (let i = 0; i < count; i++) {
    const typing = i % 2 === 0;
    if (typing) typedAt = Math.floor(random() * text.length);
    const edit = typing ? { start: typedAt, end: typedAt, text: 'e' } : { start: typedAt, end: typedAt + 1, text: '' };
    const lineStarts = lineStartsOf(text);
    const from = positionAt(lineStarts, edit.start);
    const to = positionAt(lineStarts, edit.end);
    text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    text.indexOf('\u0000');
    yield { text, change: { startLine: from.line, startCharacter: from.character, endLine: to.line, endCharacter: to.character, text: edit.text } };
  }
}

/** One-character edits of the Terms index, as the view follows them: the note model takes the change, the index updates from it. */
function editTimes(entries: readonly GlossaryEntry[], note: string): { incremental: number; full: number; rescannedLines: number } {
  const glossary = compileGlossary(entries);
  const model = new NoteModel(note);
  const index = new TermIndex(glossary, model);
  const incremental: number[] = [];
  const rescannedLines: number[] = [];
  const textsForFull: string[] = [];
  let i = -1;
  for (const { text, change } of oneCharacterEdits(note, SEED + 3, EDITS + 20)) {
    i++;
    // The last edit's garbage is collected untimed.
    collectGarbage();
    const start = nowMs();
    const changed = model.applyChange(change);
    if (!changed) throw new Error(`the note model refused edit ${i}`);
    index.update(model, [changed]);
    index.terms();
    const elapsed = nowMs() - start;
    if (i < 20) continue; // warm-up
    incremental.push(elapsed);
    rescannedLines.push(index.lastRescan.toLine - index.lastRescan.fromLine);
    if (i % 25 === 0) {
      textsForFull.push(text);
      if (plainCounts(index.terms()) !== plainCounts(glossary.countTerms(model.text))) throw new Error(`the term index differs from countTerms after edit ${i}`);
    }
  }
  if (index.wholeNoteScans !== 1) throw new Error(`the term index rescanned the whole note ${index.wholeNoteScans - 1} times`);
  glossary.countTerms(textsForFull[0]); // warm-up
  const full = textsForFull.map((fullText) => {
    collectGarbage();
    const start = nowMs();
    glossary.countTerms(fullText);
    return nowMs() - start;
  });
  return { incremental: median(incremental), full: median(full), rescannedLines: median(rescannedLines) };
}

/**
 * What one keystroke costs every feature that follows edits, as the glue does it: the shared
 * note model follows the change, once for every feature (the hover reads it, with no whole-note
 * work); the Terms index and the Do Not Use index update from it; the status bar grades the paragraph at the cursor.
 */
function keystrokeTimes(entries: readonly GlossaryEntry[], note: string): Results['keystroke_ms'] {
  const glossary = compileGlossary(entries);
  const model = new NoteModel(note);
  const index = new TermIndex(glossary, model);
  const doNotUse = new DoNotUseIndex(model);
  const teachable = teachableTerms();
  const parts = { terms: [] as number[], do_not_use: [] as number[], reading_grade: [] as number[], hover_model: [] as number[], all: [] as number[] };
  const KEYSTROKES = 200;
  let text = note;
  let i = -1;
  for (const edit of oneCharacterEdits(note, SEED + 6, KEYSTROKES + 20)) {
    i++;
    const { change } = edit;
    text = edit.text;
    collectGarbage();
    const t0 = nowMs();
    const changed = model.applyChange(change);
    if (!changed) throw new Error(`the note model refused keystroke ${i}`);
    const t1 = nowMs();
    index.update(model, [changed]);
    index.terms();
    const t2 = nowMs();
    doNotUse.update(model, changed);
    const t3 = nowMs();
    markdownReadingGrades(paragraphToGrade(model.lines, change.startLine, change.startCharacter), teachable);
    const t4 = nowMs();
    if (i < 20) continue; // warm-up
    parts.hover_model.push(t1 - t0);
    parts.terms.push(t2 - t1);
    parts.do_not_use.push(t3 - t2);
    parts.reading_grade.push(t4 - t3);
    parts.all.push(t4 - t0);
  }
  // The indexes must still agree with a fresh look at the note.
  const fresh = findDoNotUse(text).map(({ rule, line, character }) => [rule, line, character].join());
  if (fresh.join('|') !== doNotUse.findings.map(({ rule, line, character }) => [rule, line, character].join()).join('|')) {
    throw new Error('the Do Not Use index differs from a fresh check after the keystrokes');
  }
  if (plainCounts(index.terms()) !== plainCounts(glossary.countTerms(model.text))) throw new Error('the term index differs from countTerms after the keystrokes');
  const freshLines = codeAndFrontMatterLines(text.split(/\r?\n/));
  if (model.lines.some((_, line) => model.isExcludedLine(line) !== freshLines(line))) throw new Error('the note model differs from a fresh classification');
  return {
    all_features: median(parts.all),
    terms: median(parts.terms),
    do_not_use: median(parts.do_not_use),
    reading_grade: median(parts.reading_grade),
    hover_model: median(parts.hover_model),
  };
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} cores (nproc ${os.availableParallelism()}), ${cpu}, Node ${process.version}, ${os.platform()} ${os.arch()}`;
}

function times(ratio: number): string {
  return ratio >= 10 ? `${Math.round(ratio)}×` : `${round(ratio)}×`;
}

function table(results: Results, forms: Record<GlossarySize, number>, extra: { readingMbps: number; hover1MbP99: number; rescannedLines: number; activationRuns: number }): string {
  const { scan_mbps: scan } = results;
  const sizes: GlossarySize[] = ['shipped', 'plus200', 'plus1000'];
  const row = (label: string, cells: string[]) => `| ${label} | ${cells.join(' | ')} |`;
  const mbps = (competitor: Competitor) => sizes.map((size) => `${round(scan[competitor][size])}`);
  const lines = [
    row('Whole-note scan, 1 MB of prose (MB/s)', sizes.map((size) => `${size === 'shipped' ? 'shipped' : size === 'plus200' ? '+200 terms' : '+1,000 terms'} (${forms[size]} forms)`)),
    row('---', sizes.map(() => '---:')),
    row('**ours** (`scan`)', mbps('ours').map((cell) => `**${cell}**`)),
    row('one alternation regex', mbps('alternation')),
    row('one trie-shaped regex', mbps('trie_regex')),
    row('modern-ahocorasick + word filter', mbps('ahocorasick')),
    row('floor: one term, one regex', mbps('floor')),
    row('for reference: reading each character once, no matching', sizes.map(() => `${round(extra.readingMbps)}`)),
    row('ours ÷ modern-ahocorasick (target ≥ 10×)', sizes.map((size) => times(scan.ours[size] / scan.ahocorasick[size]))),
    row('ours ÷ alternation (target ≥ 1×; ≥ 100× at +1,000)', sizes.map((size) => times(scan.ours[size] / scan.alternation[size]))),
    row('ours ÷ trie-shaped regex (target ≥ 1×)', sizes.map((size) => times(scan.ours[size] / scan.trie_regex[size]))),
    row('ours time ÷ floor time (target ≤ 3×)', sizes.map((size) => times(scan.floor[size] / scan.ours[size]))),
    '',
    '| Other figures | measured | target |',
    '| --- | ---: | ---: |',
    `| Hover, 10 MB note, 10,000 random positions: p50 / p99 / max | ${round(results.hover_us.p50)} / ${round(results.hover_us.p99)} / ${round(results.hover_us.max)} µs | p99 ≤ 100 µs |`,
    `| Hover p99 on the 1 MB note, for comparison | ${round(extra.hover1MbP99)} µs | same as 10 MB |`,
    `| One-character edit, 1 MB note: note model and Terms index update (median; ${extra.rescannedLines} lines rescanned) | ${round(results.edit_ms.incremental)} ms | ≥ 50× faster |`,
    `| … full rescan (\`countTerms\`) | ${round(results.edit_ms.full)} ms (${times(results.edit_ms.full / results.edit_ms.incremental)} slower) | |`,
    `| One keystroke, 1 MB note, every feature (median): Terms ${round(results.keystroke_ms.terms)}, Do Not Use ${round(results.keystroke_ms.do_not_use)}, reading grade ${round(results.keystroke_ms.reading_grade)}, shared note model ${round(results.keystroke_ms.hover_model)} ms | ${round(results.keystroke_ms.all_features)} ms | ≤ 1 ms |`,
    results.activation_ms === undefined
      ? '| `activate()` in code-server | not measured | ≤ 10 ms |'
      : `| \`activate()\` in code-server, median of ${extra.activationRuns} fresh starts | ${round(results.activation_ms)} ms | ≤ 10 ms |`,
    results.markdownit_loaded_at_activation === undefined
      ? '| markdown-it loaded at activation | not measured | no |'
      : `| markdown-it loaded at activation | ${results.markdownit_loaded_at_activation ? 'yes' : 'no'} | no |`,
    results.glossary_loaded_at_activation === undefined
      ? '| glossary loaded at activation | not measured | no |'
      : `| glossary loaded at activation | ${results.glossary_loaded_at_activation ? 'yes' : 'no'} | no |`,
    results.first_hover_ms === undefined
      ? '| first hover after activation | not measured | ≤ 50 ms |'
      : `| first hover after activation, median of ${extra.activationRuns} starts | ${round(results.first_hover_ms)} ms | ≤ 50 ms |`,
    results.glossary_preparation_ms === undefined
      ? '| glossary read and its tables built (paid by the first hover if it comes within 200 ms of activation) | not measured | ≤ 50 ms |'
      : `| glossary read and its tables built (in the background, or paid by the first hover if it comes within 200 ms of activation), median | ${round(results.glossary_preparation_ms)} ms | ≤ 50 ms |`,
    results.first_dot_phrase_ms === undefined || results.dot_phrase_ms === undefined
      ? '| dot-phrase list with 500 clinic phrase files | not measured | ≤ 50 ms |'
      : `| dot-phrase list with 500 clinic phrase files in the workspace: the first answer (our provider's), median of ${extra.activationRuns} starts | ${round(results.first_dot_phrase_ms)} ms | ≤ 50 ms |`,
    results.phrases_ready_ms === undefined ? '' : `| … all 500 offered, from the first ask (read in the background) | ${round(results.phrases_ready_ms)} ms | |`,
    results.dot_phrase_ms === undefined ? '' : `| … every later list (our provider's answer), median | ${round(results.dot_phrase_ms)} ms | ≤ 50 ms |`,
    `| \`dist/extension.js\` (production, minified) | ${round(results.bundle_kb)} KB | ≤ 175 KB |`,
  ];
  return lines.filter((line) => line !== '').join('\n');
}

async function main(): Promise<number> {
  const started = nowMs();
  if (!fs.existsSync(BUNDLE)) throw new Error(`${BUNDLE} not found: run \`npm run bundle\` first (bench/run.sh does)`);
  const bundleKb = fs.statSync(BUNDLE).size / 1024;
  log(`Machine: ${machine()}`);
  log(`Bundle: dist/extension.js ${round(bundleKb)} KB`);

  const shipped = loadBuiltInGlossary();
  const synthetic = syntheticEntries(1_000, shipped, SEED);
  const glossaries: Record<GlossarySize, GlossaryEntry[]> = { shipped, plus200: [...shipped, ...synthetic.slice(0, 200)], plus1000: [...shipped, ...synthetic] };
  const sprinkled = [...shipped, ...synthetic];
  const proseNote = generateNote({ length: MB, seed: SEED, entries: sprinkled, markup: false });
  const markdownNote = generateNote({ length: MB, seed: SEED + 1, entries: sprinkled, markup: true });
  const bigMarkdownNote = generateNote({ length: 10 * MB, seed: SEED + 2, entries: sprinkled, markup: true });
  log(`Inputs: notes of ${proseNote.length} (prose), ${markdownNote.length} and ${bigMarkdownNote.length} (Markdown) characters; ${synthetic.length} synthetic entries`);

  log('\n1. Whole-note scan');
  const scan = scanRows(glossaries, proseNote);
  const readingMbps = readingSpeed(proseNote);
  log(`  for reference, reading each character once: ${round(readingMbps)} MB/s`);

  log('\n2. Hover');
  const hover = hoverTimes(shipped, bigMarkdownNote, SEED + 4);
  log(`  10 MB: p50 ${round(hover.p50)} µs, p99 ${round(hover.p99)} µs, max ${round(hover.max)} µs (${hover.found} of ${HOVER_POSITIONS} positions on a term)`);
  const hoverSmall = hoverTimes(shipped, markdownNote, SEED + 5);
  log(`  1 MB:  p50 ${round(hoverSmall.p50)} µs, p99 ${round(hoverSmall.p99)} µs, max ${round(hoverSmall.max)} µs`);

  log('\n3. Edit');
  const edit = editTimes(shipped, markdownNote);
  log(`  incremental ${round(edit.incremental)} ms (median of ${EDITS}, ${edit.rescannedLines} lines rescanned), full rescan ${round(edit.full)} ms`);
  const keystroke = keystrokeTimes(shipped, markdownNote);
  log(
    `  one keystroke, every feature: ${round(keystroke.all_features)} ms (Terms ${round(keystroke.terms)}, Do Not Use ${round(keystroke.do_not_use)}, ` +
      `reading grade ${round(keystroke.reading_grade)}, shared note model ${round(keystroke.hover_model)})`,
  );

  const results: Results = {
    scan_mbps: scan,
    hover_us: { p50: hover.p50, p99: hover.p99, max: hover.max },
    edit_ms: { incremental: edit.incremental, full: edit.full },
    keystroke_ms: keystroke,
    bundle_kb: bundleKb,
  };

  let activationFailure: string | undefined;
  const starts = Number(argv.starts);
  if (!argv['no-activation']) {
    log(`\n4. Activation: ${starts} fresh starts in code-server`);
    try {
      const runs = await measureActivation(starts, log);
      results.activation_ms = median(runs.map((run) => run.activationMs));
      // Loaded in any start counts: the target is that it never is.
      results.markdownit_loaded_at_activation = runs.some((run) => run.markdownItLoadedAtActivation);
      results.glossary_loaded_at_activation = runs.some((run) => run.glossaryLoadedAtActivation);
      results.first_hover_ms = median(runs.map((run) => run.firstHoverMs));
      results.glossary_preparation_ms = median(runs.map((run) => run.glossaryPreparationMs));
      results.first_dot_phrase_ms = median(runs.map((run) => run.firstDotPhraseMs));
      results.phrases_ready_ms = median(runs.map((run) => run.phrasesReadyMs));
      results.dot_phrase_ms = median(runs.map((run) => run.dotPhraseMs));
    } catch (error) {
      activationFailure = (error as Error).message;
      console.error(`  activation not measured: ${activationFailure}`);
    }
  }

  const rounded = JSON.parse(JSON.stringify(results, (_key, value: unknown) => (typeof value === 'number' ? round(value) : value))) as Results;
  fs.writeFileSync(RESULTS_FILE, JSON.stringify(rounded, null, 2) + '\n');
  const forms = Object.fromEntries(Object.entries(glossaries).map(([size, entries]) => [size, expandForms(entries).length])) as Record<GlossarySize, number>;
  log(`\n${table(results, forms, { readingMbps, hover1MbP99: hoverSmall.p99, rescannedLines: edit.rescannedLines, activationRuns: starts })}`);
  log(`\nMachine: ${machine()}. Wrote ${path.relative(repoRoot, RESULTS_FILE)} in ${round((nowMs() - started) / 1000)} s.`);
  return activationFailure ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
