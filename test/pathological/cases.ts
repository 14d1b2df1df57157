/**
 * What the pathological suite runs: generators in families, the large inputs of the functional
 * cases, and the limits. Shared by the mocha file (which declares the tests) and the worker
 * (which finds generators by name), so both agree on every name.
 */
import * as g from './generators';

export type FamilyId = 'punctuation' | 'words' | 'nesting' | 'code' | 'characters' | 'blocks' | 'links';

export interface GeneratorSpec {
  /** How a failure message names it, e.g. "runOf('[')": with n, enough to make the input again. */
  readonly name: string;
  readonly make: g.Generate;
  readonly family: FamilyId;
}

export const FAMILIES: readonly { readonly id: FamilyId; readonly title: string }[] = [
  { id: 'punctuation', title: 'runs of each punctuation mark that Markdown, snippets or the matchers give a meaning' },
  { id: 'words', title: 'long words, runs of sentence marks, abbreviations, units and spaces' },
  { id: 'nesting', title: 'deep nesting: brackets, braces, links, placeholders, quotes and lists' },
  { id: 'code', title: 'code spans, backtick runs, fences and front matter' },
  { id: 'characters', title: 'odd line ends and characters (CR, CRLF, NUL, lone surrogates, emoji), empty lines, long and short paragraphs' },
  { id: 'blocks', title: 'glossary terms, paragraphs, list items, tables, emphasis and whole notes' },
  { id: 'links', title: 'links, autolinks, raw URLs, unclosed HTML-looking tags, comments and entities' },
];

const spec = (family: FamilyId, generators: Record<string, g.Generate>): GeneratorSpec[] =>
  Object.entries(generators).map(([name, make]) => ({ name, make, family }));

export const GENERATORS: readonly GeneratorSpec[] = [
  ...g.PUNCTUATION.map((mark): GeneratorSpec => ({ name: `runOf(${JSON.stringify(mark)})`, make: g.runOf(mark), family: 'punctuation' })),
  ...spec('words', {
    longWord: g.longWord,
    longWordThenSpaceDot: g.longWordThenSpaceDot,
    sentenceMarksThenLetter: g.sentenceMarksThenLetter,
    abbreviationsInOneSentence: g.abbreviationsInOneSentence,
    longRunOfSpaces: g.longRunOfSpaces,
    unitsPerMillilitre: g.unitsPerMillilitre,
  }),
  ...spec('nesting', {
    unclosedSquareBrackets: g.unclosedSquareBrackets,
    unclosedParentheses: g.unclosedParentheses,
    balancedSquareBrackets: g.balancedSquareBrackets,
    balancedParentheses: g.balancedParentheses,
    balancedBraces: g.balancedBraces,
    nestedLinks: g.nestedLinks,
    nestedSnippetPlaceholders: g.nestedSnippetPlaceholders,
    deepBlockquote: g.deepBlockquote,
    nestedListMarkers: g.nestedListMarkers,
  }),
  ...spec('code', {
    manyCodeSpans: g.manyCodeSpans,
    unmatchedGrowingBacktickRuns: g.unmatchedGrowingBacktickRuns,
    manyLoneBackticks: g.manyLoneBackticks,
    unclosedFence: g.unclosedFence,
    unclosedFrontMatter: g.unclosedFrontMatter,
    frontMatterWithBlankLines: g.frontMatterWithBlankLines,
    unclosedFrontMatterWithBlankLines: g.unclosedFrontMatterWithBlankLines,
  }),
  ...spec('characters', {
    crOnlyLines: g.crOnlyLines,
    crlfLines: g.crlfLines,
    nulCharacters: g.nulCharacters,
    loneSurrogates: g.loneSurrogates,
    astralCharacters: g.astralCharacters,
    manyEmptyLines: g.manyEmptyLines,
    paragraphOfManyLines: g.paragraphOfManyLines,
    manyShortParagraphs: g.manyShortParagraphs,
  }),
  ...spec('blocks', {
    repeatedTerm: g.repeatedTerm,
    denseTermsOneLine: g.denseTermsOneLine,
    denseTermsWrapped: g.denseTermsWrapped,
    manyListItems: g.manyListItems,
    manyTableRows: g.manyTableRows,
    unclosedEmphasis: g.unclosedEmphasis,
    clinicalNote: g.clinicalNote,
    clinicalNoteOnOneLine: g.clinicalNoteOnOneLine,
  }),
  ...spec('links', {
    longLinkDestination: g.longLinkDestination,
    longAutolink: g.longAutolink,
    longRawUrl: g.longRawUrl,
    manyLinks: g.manyLinks,
    longUnclosedTag: g.longUnclosedTag,
    manyUnclosedTags: g.manyUnclosedTags,
    manyEntities: g.manyEntities,
    longNumericEntity: g.longNumericEntity,
    manyDisableComments: g.manyDisableComments,
    unclosedDisableComments: g.unclosedDisableComments,
    disableCommentClosings: g.disableCommentClosings,
  }),
];

export function generatorSpec(name: string): GeneratorSpec {
  const found = GENERATORS.find((generator) => generator.name === name);
  if (!found) throw new Error(`no generator "${name}"`);
  return found;
}

/** A large input of the functional cases: one generator at one n. */
export interface LargeInput {
  readonly generator: string;
  readonly n: number;
  /** For the test title, e.g. "a 10 MB note". */
  readonly label: string;
}

// Dearest first, so the two workers finish the large inputs at about the same time.
export const LARGE_INPUTS: readonly LargeInput[] = [
  { generator: 'repeatedTerm', n: 1_000_000, label: "1,000,000 × 'psoas '" },
  { generator: 'clinicalNote', n: 10_000_000, label: 'a 10 MB clinical note' },
  { generator: 'manyShortParagraphs', n: 150_000, label: '150,000 paragraphs' },
  { generator: 'clinicalNoteOnOneLine', n: 5_000_000, label: 'a 5 MB line' },
  { generator: 'unclosedFrontMatter', n: 100_000, label: 'unclosed front matter over 100,000 lines' },
  { generator: 'denseTermsWrapped', n: 2_000_000, label: 'a 2 MB paragraph of glossary terms' },
  { generator: 'manyEmptyLines', n: 1_000_000, label: '1,000,000 empty lines' },
  { generator: 'crOnlyLines', n: 100_000, label: '100,000 CR-only lines' },
  { generator: 'paragraphOfManyLines', n: 100_000, label: 'a paragraph of 100,000 lines without a term' },
  { generator: 'unclosedFence', n: 100_000, label: 'an unclosed fence over 100,000 lines' },
  { generator: 'longRawUrl', n: 170_000, label: 'a 1 MB raw URL' },
  { generator: 'unclosedSquareBrackets', n: 100_000, label: "100,000 '['" },
  { generator: 'balancedBraces', n: 100_000, label: 'braces nested 100,000 deep' },
  { generator: 'deepBlockquote', n: 50_000, label: 'a quote 50,000 levels deep' },
  { generator: 'nestedListMarkers', n: 50_000, label: 'list items nested 50,000 deep' },
];

/** Time limits: past them a case's worker is ended and the case fails (a hang, not a slow run). */
export const FUNCTIONAL_LIMIT_MS = 10_000;
export const GROWTH_LIMIT_MS = 10_000;

/** The growth check fails when time(4N) ÷ time(N) exceeds this: linear gives about 4, quadratic 16. */
export const MAX_GROWTH_RATIO = 6;

/** One measurement for a worker to make. */
export interface CaseSpec {
  readonly id: number;
  readonly kind: 'growth' | 'functional';
  readonly generator: string;
  readonly entry: string;
  /** Functional cases: the n to run at (growth cases choose their own). */
  readonly n?: number;
  readonly limitMs: number;
}

export interface GrowthMeasurement {
  readonly n: number;
  readonly chars: number;
  readonly chars4: number;
  /** How often the action ran per timing, when one run at the largest N was too quick to time. */
  readonly reps: number;
  readonly timeN: number;
  readonly time4N: number;
  readonly ratio: number;
  /** Whether a first ratio over the limit was measured again. */
  readonly remeasured: boolean;
  /** When the ratio stayed over the limit: the same check one size up, from 4N to 16N. */
  readonly next?: { readonly chars: number; readonly time: number; readonly ratio: number };
}

export type CaseOutcome =
  | { readonly ok: true; readonly ms: number; readonly chars: number; readonly growth?: GrowthMeasurement }
  | { readonly ok: false; readonly error: string; readonly ms?: number; readonly growth?: GrowthMeasurement };

export interface CaseResult {
  readonly spec: CaseSpec;
  readonly outcome: CaseOutcome;
}
