import { plainText } from '../markdown/engine';
import type { GuideOutline, GuideSection } from './outline';

export interface SectionMatch {
  readonly section: GuideSection;
  /** Words around the first hit in the section's text; undefined when only the title matched. */
  readonly snippet: string | undefined;
}

interface IndexedSection {
  readonly section: GuideSection;
  readonly title: string;
  readonly text: string;
}

export interface GuideSearchIndex {
  find(query: string): SectionMatch[];
}

const SNIPPET_RADIUS = 60;

function queryWords(query: string): string[] {
  return query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

// A word matches at the start of a word in the text: "sten" finds "stenosis", "hip" not "worship".
function wordPattern(word: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${word}`, 'iu');
}

function snippetAround(text: string, at: number, length: number): string {
  const start = Math.max(0, at - SNIPPET_RADIUS);
  const end = Math.min(text.length, at + length + SNIPPET_RADIUS);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

/** Indexes every section's title and text once; `find` returns the sections containing every word of a query. */
export function buildSearchIndex(outline: GuideOutline): GuideSearchIndex {
  const indexed: IndexedSection[] = outline.sections.map((section) => ({
    section,
    title: section.title,
    text: plainText(section.markdown),
  }));
  return {
    find(query) {
      const patterns = queryWords(query).map(wordPattern);
      if (patterns.length === 0) return indexed.map(({ section }) => ({ section, snippet: undefined }));
      const ranked: { match: SectionMatch; titleHits: number }[] = [];
      for (const entry of indexed) {
        if (!patterns.every((pattern) => pattern.test(entry.title) || pattern.test(entry.text))) continue;
        const titleHits = patterns.filter((pattern) => pattern.test(entry.title)).length;
        const firstHit = patterns.map((pattern) => pattern.exec(entry.text)).find((hit) => hit !== null);
        ranked.push({
          match: { section: entry.section, snippet: firstHit ? snippetAround(entry.text, firstHit.index, firstHit[0].length) : undefined },
          titleHits,
        });
      }
      // Title hits first; otherwise keep the guide's order (sort is stable).
      return ranked.sort((a, b) => b.titleHits - a.titleHits).map(({ match }) => match);
    },
  };
}
