import { commandUri, OPEN_SECTION_COMMAND } from '../ids';
import { evidenceNotesFor, type EvidenceNote } from './evidenceNotes';
import { escapeHtml, markdownIt } from '../markdown/engine';
import { readingOrder, type GuideOutline, type GuideSection } from './outline';
import { isQuizPart, quizQuestions } from './quiz';

/** Safe HTML for guide Markdown: raw HTML is shown as text and only http(s), mailto and # links survive. */
export function renderMarkdown(markdown: string): string {
  return markdownIt().render(markdown);
}

/**
 * The reader's own words around the guide's text (which stays as written, in English): English
 * here, the user's language from the glue (vscode/readerLabels.ts). Escaped where they are written.
 */
export interface ReaderLabels {
  /** What a screen reader calls an evidence note, and the words that start one. */
  readonly evidenceNote: string;
  readonly evidenceNoteLead: string;
  /** Before an evidence note's sources. */
  readonly source: string;
  /** The button that shows a quiz answer. */
  readonly showAnswer: string;
  /** The heading (and landmark name) of a section's list of subsections. */
  readonly inThisSection: string;
  /** Landmark names of the link to the parent section and of the previous/next links. */
  readonly breadcrumb: string;
  readonly guidePages: string;
  /** Before the links to the previous and the next section. */
  readonly previous: string;
  readonly next: string;
}

export const READER_LABELS: ReaderLabels = {
  evidenceNote: 'Evidence note',
  evidenceNoteLead: 'Evidence note:',
  source: 'Source:',
  showAnswer: 'Show answer',
  inThisSection: 'In this section',
  breadcrumb: 'Breadcrumb',
  guidePages: 'Guide pages',
  previous: 'Previous:',
  next: 'Next:',
};

/** An evidence note as the reader shows it: an aside marked as a note, every word escaped. */
function renderEvidenceNote(note: EvidenceNote, labels: ReaderLabels): string {
  const sources = note.sources.map(escapeHtml).join('; ');
  return `<aside class="evidence-note" role="note" aria-label="${escapeHtml(labels.evidenceNote)}"><p><strong>${escapeHtml(labels.evidenceNoteLead)}</strong> ${escapeHtml(note.note)}</p><p class="evidence-source">${escapeHtml(labels.source)} ${sources}</p></aside>\n`;
}

/**
 * A section's own Markdown rendered with its evidence notes, each right after the paragraph
 * that contains its phrase (a note whose phrase is not found goes at the end, so none is lost).
 */
export function renderWithEvidenceNotes(markdown: string, notes: readonly EvidenceNote[], labels: ReaderLabels = READER_LABELS): string {
  const rendered = (note: EvidenceNote) => renderEvidenceNote(note, labels);
  if (notes.length === 0) return renderMarkdown(markdown);
  const md = markdownIt();
  const env = {};
  const tokens = md.parse(markdown, env);
  const pending = [...notes];
  let html = '';
  let from = 0;
  tokens.forEach((token, index) => {
    if (token.type !== 'paragraph_close' || token.level !== 0) return;
    const paragraph = tokens[index - 1]?.content ?? '';
    const here = pending.filter((note) => paragraph.includes(note.after));
    if (here.length === 0) return;
    html += md.renderer.render(tokens.slice(from, index + 1), md.options, env) + here.map(rendered).join('');
    from = index + 1;
    for (const note of here) pending.splice(pending.indexOf(note), 1);
  });
  return html + md.renderer.render(tokens.slice(from), md.options, env) + pending.map(rendered).join('');
}

/** A `command:` link that opens a section in the reader; the reader enables only this command. */
export function openSectionHref(sectionId: string): string {
  return commandUri(OPEN_SECTION_COMMAND, sectionId);
}

function sectionLink(section: GuideSection, rel?: 'prev' | 'next'): string {
  const relAttr = rel ? ` rel="${rel}"` : '';
  return `<a href="${escapeHtml(openSectionHref(section.id))}"${relAttr}>${escapeHtml(section.title)}</a>`;
}

// Answers sit in <details> so each stays hidden until the reader opens it, with no script.
function renderQuizPart(part: GuideSection, labels: ReaderLabels): string {
  const questions = quizQuestions(part).map((question) => {
    const options = question.options
      .map((option) => `<li><span class="quiz-letter">(${escapeHtml(option.letter)})</span> ${markdownIt().renderInline(option.text)}</li>`)
      .join('');
    const answer = question.answer
      ? `<details class="quiz-answer"><summary>${escapeHtml(labels.showAnswer)}</summary><p>(${escapeHtml(question.answer.letter)}) ${markdownIt().renderInline(question.answer.text)}</p></details>`
      : '';
    return `<li class="quiz-question"><p>${markdownIt().renderInline(question.prompt)}</p><ul class="quiz-options">${options}</ul>${answer}</li>`;
  });
  return `<ol class="quiz">${questions.join('')}</ol>\n`;
}

/** The body of a section as the reader shows it: its own text (a quiz part as a quiz) and links to its subsections. */
export function renderSectionBody(section: GuideSection, labels: ReaderLabels = READER_LABELS): string {
  const own = isQuizPart(section) ? renderQuizPart(section, labels) : renderWithEvidenceNotes(section.markdown, evidenceNotesFor(section.id), labels);
  if (section.children.length === 0) return own;
  const contents = section.children.map((child) => `<li>${sectionLink(child)}</li>`).join('');
  const heading = escapeHtml(labels.inThisSection);
  return `${own}<nav class="contents" aria-label="${heading}"><h2>${heading}</h2><ul>${contents}</ul></nav>\n`;
}

export interface ReaderPageOptions {
  /** The webview's `cspSource`: the only origin allowed to serve styles and images. */
  readonly cspSource: string;
  /** Webview URI of the reader stylesheet in media/. */
  readonly stylesheetUri: string;
  /** A fresh random value for each page: the one script that may run is the one that carries it. */
  readonly nonce: string;
  /** The page's own words; English if not given. */
  readonly labels?: ReaderLabels;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return `default-src 'none'; style-src ${cspSource}; img-src ${cspSource}; script-src 'nonce-${nonce}';`;
}

/**
 * The reader's one script: it keeps the section on screen in the webview's state, which VS Code
 * hands back after a window reload so the reader reopens there (reader.ts). It reads the id from
 * the page rather than having it written in, so it is the same text on every page.
 */
export const READER_STATE_SCRIPT = "acquireVsCodeApi().setState({ section: document.querySelector('main').dataset.sectionId });";

/** The reader's whole HTML document for one section. Links are command URIs; the one script only saves the section shown. */
export function renderReaderPage(outline: GuideOutline, section: GuideSection, options: ReaderPageOptions): string {
  const labels = options.labels ?? READER_LABELS;
  const order = readingOrder(outline);
  const index = order.indexOf(section);
  const previous = index > 0 ? order[index - 1] : undefined;
  const next = index >= 0 && index + 1 < order.length ? order[index + 1] : undefined;
  const breadcrumb = section.parent
    ? `<nav class="breadcrumb" aria-label="${escapeHtml(labels.breadcrumb)}">${sectionLink(section.parent)}</nav>`
    : '';
  const pager = [
    previous ? `<span class="previous">${escapeHtml(labels.previous)} ${sectionLink(previous, 'prev')}</span>` : '',
    next ? `<span class="next">${escapeHtml(labels.next)} ${sectionLink(next, 'next')}</span>` : '',
  ].join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(options.cspSource, options.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(options.stylesheetUri)}">
<title>${escapeHtml(section.title)}</title>
</head>
<body>
${breadcrumb}
<main data-section-id="${escapeHtml(section.id)}">
<h1>${escapeHtml(section.title)}</h1>
${renderSectionBody(section, labels)}</main>
<nav class="pager" aria-label="${escapeHtml(labels.guidePages)}">${pager}</nav>
<script nonce="${escapeHtml(options.nonce)}">${READER_STATE_SCRIPT}</script>
</body>
</html>
`;
}
