/**
 * The pure entry points that take a note's text (or a team glossary file's), each as the
 * extension calls it. `prepare` does the untimed set-up for one text and returns the timed
 * action; the action can run again and again on the same set-up (an edit is undone by the
 * next one), so the growth check can take the best of several runs.
 */
import MarkdownIt = require('markdown-it');
import { loadBuiltInGlossary, parseGlossaryFile } from '../../src/glossary/entries';
import { glossaryHoverMarkdown, plainExplanationBlock } from '../../src/glossary/hoverContent';
import { compileGlossary, type CompiledGlossary } from '../../src/glossary/matcher';
import { glossaryMarkdownItPlugin } from '../../src/glossary/previewPlugin';
import { TermIndex } from '../../src/glossary/termIndex';
import type { GlossaryEntry } from '../../src/glossary/types';
import { findDoNotUse } from '../../src/handouts/doNotUse';
import { disableCommentEdit } from '../../src/handouts/doNotUseComments';
import { DoNotUseIndex } from '../../src/handouts/doNotUseIndex';
import { handoutHtmlDocument } from '../../src/handouts/exportHtml';
import { teachableTerms } from '../../src/handouts/handouts';
import { checkPhrase } from '../../src/handouts/phrases/phraseChecks';
import { NoteModel, type LineChange } from '../../src/markdown/noteModel';
import { patientReadingGrade } from '../../src/readability/grade';
import { handoutProse, markdownReadingGrades } from '../../src/readability/prose';

export interface EntryPoint {
  /** Short name used in test titles and messages, e.g. "scan". */
  readonly name: string;
  /** What is called, for failure messages. */
  readonly call: string;
  /**
   * N of the growth check, in characters of input: where a run on the slower inputs takes a few
   * milliseconds on a 2-core CI machine (quicker ones are timed over several runs). Fixed, so
   * that every run of the suite checks the same sizes.
   */
  readonly growthChars: number;
  /** Untimed set-up for `text`; returns the timed action, which may be run any number of times. */
  prepare(text: string): () => unknown;
  /** False when the large inputs would only repeat, at seconds each, what another entry point runs on them. */
  readonly largeInputs?: false;
}

let compiled: CompiledGlossary | undefined;
/** The shipped glossary, compiled once per worker (as the extension does once per glossary). */
function glossary(): CompiledGlossary {
  compiled ??= compileGlossary(loadBuiltInGlossary());
  return compiled;
}

// The edits each edit entry point makes, undone at once: typing a letter mid-note, and opening a
// fence at the top (everything below turns into code, then back), which rescans to the end.
const TYPED = 'x';
const FENCE = '```\n';

/** A paragraph of twelve plain words: a handout's text has words around an odd run, and fewer than ten are not graded at all. */
const GRADED_WORDS = '\n\nRest the hip and walk a little each day to ease the pain.\n';

/** A hover's source: an entry of a team glossary whose texts are the input (team files are written by hand). */
function teamEntry(text: string): GlossaryEntry {
  return { term: text, variants: [], abbreviations: [text], definition: text, plain: text, sections: [], origin: text };
}

/** VS Code's Markdown preview: its own markdown-it (html and linkify on, as the preview's defaults), with our plugin. */
function previewRenderer(): MarkdownIt.MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: true });
  md.use(glossaryMarkdownItPlugin, glossary);
  return md;
}
let preview: MarkdownIt.MarkdownIt | undefined;

export const ENTRY_POINTS: readonly EntryPoint[] = [
  {
    name: 'scan',
    call: 'compileGlossary(builtIn).scan(text)',
    growthChars: 256_000,
    prepare: (text) => () => glossary().scan(text),
  },
  {
    name: 'scanPlainText',
    call: 'compileGlossary(builtIn).scanPlainText(text)',
    growthChars: 256_000,
    prepare: (text) => () => glossary().scanPlainText(text),
  },
  {
    name: 'termAt',
    call: 'termAt(model.lines, line, character, model.isExcludedLine) at 64 places',
    // Far past the few kilobytes a hover looks at. From 64,000 chars on, a hover on one line of
    // backticks (each pairs every backtick run of its paragraph) outgrows the CPU caches, and 4×
    // the line costs about 6× (linear, but on the limit).
    growthChars: 16_000,
    prepare: (text) => {
      // As the hover calls it: lines and classification from the shared note model, built beforehand.
      const model = new NoteModel(text);
      const { lines, isExcludedLine } = model;
      const places: [number, number][] = [];
      for (let k = 0; k < 64; k++) {
        const line = Math.floor(((k + 0.5) / 64) * lines.length);
        // A fraction of the line that varies with k (the golden ratio spreads them evenly).
        places.push([line, Math.floor(((k * 0.618034) % 1) * lines[line].length)]);
      }
      return () => places.map(([line, character]) => glossary().termAt(lines, line, character, isExcludedLine));
    },
  },
  {
    name: 'TermIndex build',
    call: 'new TermIndex(glossary, new NoteModel(text)).terms()',
    growthChars: 256_000,
    prepare: (text) => () => new TermIndex(glossary(), new NoteModel(text)).terms(),
  },
  {
    name: 'TermIndex edits',
    call: 'NoteModel.applyChange then TermIndex.update: type a letter mid-note and delete it, open a fence on line 0 and delete it',
    growthChars: 64_000,
    prepare: (text) => {
      const model = new NoteModel(text);
      const index = new TermIndex(glossary(), model);
      const line = model.lines.length >> 1;
      const character = model.lines[line].length >> 1;
      const change = (startLine: number, startCharacter: number, endLine: number, endCharacter: number, inserted: string): void => {
        const changed = model.applyChange({ startLine, startCharacter, endLine, endCharacter, text: inserted });
        if (!changed) throw new Error('the model refused a change that fits the note');
        index.update(model, [changed]);
      };
      return () => {
        const scans = index.wholeNoteScans;
        change(line, character, line, character, TYPED);
        index.terms();
        change(line, character, line, character + TYPED.length, '');
        change(0, 0, 0, 0, FENCE);
        index.terms();
        change(0, 0, 1, 0, '');
        const terms = index.terms();
        if (index.wholeNoteScans !== scans) throw new Error('the index fell out of step with the note and rescanned it whole');
        return terms;
      };
    },
  },
  {
    name: 'NoteModel build',
    call: 'new NoteModel(text)',
    growthChars: 512_000,
    prepare: (text) => () => new NoteModel(text),
  },
  {
    name: 'NoteModel and DoNotUseIndex edits',
    call: 'NoteModel.applyChange then DoNotUseIndex.update: type a letter mid-note and delete it, open a fence on line 0 and delete it',
    growthChars: 256_000,
    prepare: (text) => {
      const model = new NoteModel(text);
      const index = new DoNotUseIndex(model);
      const line = model.lines.length >> 1;
      const character = model.lines[line].length >> 1;
      const change = (change: LineChange): void => {
        const changed = model.applyChange(change);
        if (!changed) throw new Error(`the model refused a change that fits the note: ${JSON.stringify({ ...change, text: change.text.slice(0, 20) })}`);
        index.update(model, changed);
      };
      const at = (startLine: number, startCharacter: number, endLine: number, endCharacter: number, inserted: string): LineChange => ({
        startLine,
        startCharacter,
        endLine,
        endCharacter,
        text: inserted,
      });
      return () => {
        change(at(line, character, line, character, TYPED));
        change(at(line, character, line, character + TYPED.length, ''));
        change(at(0, 0, 0, 0, FENCE));
        change(at(0, 0, 1, 0, ''));
        return index.findings;
      };
    },
  },
  {
    name: 'findDoNotUse',
    call: 'findDoNotUse(text)',
    growthChars: 512_000,
    prepare: (text) => () => findDoNotUse(text),
  },
  {
    name: 'disableCommentEdit',
    call: 'disableCommentEdit(lines, the last list item (else the last line), "unit", isExcludedLine): the quick fix "Disable for this line"',
    growthChars: 512_000,
    prepare: (text) => {
      const model = new NoteModel(text);
      // A list item's fix reads the lines above it (at most a thousand); any other line's, only itself.
      const items = model.lines.flatMap((line, index) => (/^[ \t>]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/.test(line) ? [index] : []));
      const last = items.length > 0 ? items[items.length - 1] : model.lines.length - 1;
      return () => disableCommentEdit(model.lines, last, 'unit', model.isExcludedLine);
    },
  },
  {
    name: 'markdownReadingGrades',
    call: 'markdownReadingGrades(text + a paragraph of twelve words, teachableTerms())',
    growthChars: 16_000,
    prepare: (text) => {
      const graded = text + GRADED_WORDS;
      return () => markdownReadingGrades(graded, teachableTerms());
    },
  },
  {
    name: 'patientReadingGrade',
    call: 'patientReadingGrade(text, teachableTerms())',
    growthChars: 32_000,
    prepare: (text) => () => patientReadingGrade(text, teachableTerms()),
    // markdownReadingGrades grades the large inputs with the same functions (about 5 s for 10 MB).
    largeInputs: false,
  },
  {
    name: 'checkPhrase',
    call: "checkPhrase of a handout about hip pain whose body is the text + a paragraph of twelve words",
    growthChars: 16_000,
    prepare: (text) => {
      const body = text + GRADED_WORDS;
      const phrase = { name: 'hip', title: 'Hip pain', description: '', kind: 'handout', sections: [], teaches: [], body, bodyLine: 5 } as const;
      const fileText = `---\nname: hip\ntitle: Hip pain\nkind: handout\n---\n${body}`;
      return () => checkPhrase(phrase, fileText, handoutProse);
    },
    // A phrase file over 200 KB is never read (phraseFile.ts MAX_PHRASE_FILE_LENGTH): the large inputs are not its.
    largeInputs: false,
  },
  {
    name: 'preview',
    call: 'new MarkdownIt({ html: true, linkify: true }).use(glossaryMarkdownItPlugin).render(text)',
    growthChars: 32_000,
    prepare: (text) => {
      preview ??= previewRenderer();
      const md = preview;
      return () => md.render(text);
    },
  },
  {
    name: 'HTML export',
    call: "handoutHtmlDocument(text, { title: 'Handout', stylesheet: '' })",
    growthChars: 64_000,
    prepare: (text) => () => handoutHtmlDocument(text, { title: 'Handout', stylesheet: '' }),
  },
  {
    name: 'hover text',
    call: 'glossaryHoverMarkdown and plainExplanationBlock of a team entry whose term, abbreviation, definition and plain text are the text',
    growthChars: 32_000,
    prepare: (text) => {
      const entry = teamEntry(text);
      return () => glossaryHoverMarkdown(entry, [{ id: 'anatomy', title: text }]) + plainExplanationBlock(entry);
    },
  },
  {
    name: 'team glossary parse',
    call: "parseGlossaryFile(text, 'team.json')",
    growthChars: 256_000,
    prepare: (text) => () => parseGlossaryFile(text, 'team.json'),
  },
];

export function entryPoint(name: string): EntryPoint {
  const found = ENTRY_POINTS.find((entry) => entry.name === name);
  if (!found) throw new Error(`no entry point "${name}"`);
  return found;
}
