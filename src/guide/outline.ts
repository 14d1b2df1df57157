import { plainText } from '../markdown/engine';
import { isAtxHeading, markCodeAndFrontMatter } from '../markdown/regions';
import { slugify } from '../markdown/slug';

/** One heading of the guide with the Markdown up to the next heading, and the headings nested under it. */
export interface GuideSection {
  /** Slug of the title, unique within the guide (GitHub style, suffixed -1, -2 on repeats). */
  readonly id: string;
  readonly title: string;
  /** Heading level: 1 for the guide's title, 2 for sections and the quiz, 3 for their parts. */
  readonly level: number;
  /** The section's own Markdown: what follows its heading, without the heading or its subsections. */
  readonly markdown: string;
  readonly children: GuideSection[];
  readonly parent: GuideSection | undefined;
}

export interface GuideOutline {
  /** The `#` title, whose own Markdown is the guide's introduction. */
  readonly root: GuideSection;
  /** Every section below the title, in reading order. */
  readonly sections: readonly GuideSection[];
  get(id: string): GuideSection | undefined;
}

interface MutableSection {
  id: string;
  title: string;
  level: number;
  markdown: string;
  children: MutableSection[];
  parent: MutableSection | undefined;
}

/** Characters that make a heading's text Markdown rather than plain words. */
const INLINE_MARKUP = /[*_`[\]<>&\\!~]/;

/**
 * The text of an ATX heading line: without its `#` marks and closing sequence, its inline
 * Markdown rendered as plain text (markdown-it is loaded only for a heading that has some).
 */
function headingTitle(line: string): string {
  const text = line.replace(/^ {0,3}#{1,6}/, '').replace(/[ \t]+#+[ \t]*$/, '').replace(/^[ \t]+#+[ \t]*$/, '').trim();
  return INLINE_MARKUP.test(text) ? plainText(text) : text;
}

/**
 * Splits the guide at its headings. The guide must start with a single `#` title;
 * a heading that skips a level (## then ####) is attached to the nearest shallower heading.
 * Headings are ATX ones (`## Title`) outside code, found line by line: the first hover's guide
 * links need the outline, and loading markdown-it for it cost the hover about 40 ms. (The
 * guide is ours and has no setext headings; a unit test checks markdown-it finds the same.)
 */
export function parseGuide(markdown: string): GuideOutline {
  const lines = markdown.split(/\r?\n/);
  const inCode = markCodeAndFrontMatter(lines);
  const headings: { level: number; title: string; startLine: number; endLine: number }[] = [];
  lines.forEach((line, index) => {
    if (inCode[index] || !isAtxHeading(line)) return;
    headings.push({ level: /^ {0,3}(#{1,6})/.exec(line)![1].length, title: headingTitle(line), startLine: index, endLine: index + 1 });
  });
  if (headings.length === 0 || headings[0].level !== 1) {
    throw new Error('The guide must begin with a "#" title heading.');
  }
  if (headings.some((heading, index) => index > 0 && heading.level === 1)) {
    throw new Error('The guide must have exactly one "#" title heading.');
  }

  const usedIds = new Map<string, number>();
  const uniqueId = (title: string): string => {
    const base = slugify(title) || 'section';
    const seen = usedIds.get(base) ?? 0;
    usedIds.set(base, seen + 1);
    return seen === 0 ? base : `${base}-${seen}`;
  };

  const all: MutableSection[] = [];
  const stack: MutableSection[] = [];
  headings.forEach((heading, index) => {
    const bodyEnd = index + 1 < headings.length ? headings[index + 1].startLine : lines.length;
    while (stack.length > 0 && stack[stack.length - 1].level >= heading.level) stack.pop();
    const parent = stack[stack.length - 1];
    const section: MutableSection = {
      id: uniqueId(heading.title),
      title: heading.title,
      level: heading.level,
      markdown: lines.slice(heading.endLine, bodyEnd).join('\n').trim(),
      children: [],
      parent,
    };
    parent?.children.push(section);
    stack.push(section);
    all.push(section);
  });

  const byId = new Map(all.map((section) => [section.id, section as GuideSection]));
  return {
    root: all[0],
    sections: all.slice(1),
    get: (id) => byId.get(id),
  };
}

/** The first sentence of a section's text, for tooltips; falls back to its title. */
export function firstSentence(section: GuideSection): string {
  const text = plainText(section.markdown);
  const match = /^.*?[.?!](?=\s|$)/.exec(text);
  return match ? match[0] : text || section.title;
}

/** Reading order: the title page, then every section as it appears in the guide. */
export function readingOrder(outline: GuideOutline): readonly GuideSection[] {
  return [outline.root, ...outline.sections];
}
