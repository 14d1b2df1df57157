import { inlineText, markdownIt, type Token } from '../markdown/engine';
import type { GuideSection } from './outline';

export interface QuizOption {
  /** The option's letter as the guide writes it: "a", "b"… */
  readonly letter: string;
  readonly text: string;
}

export interface QuizQuestion {
  readonly number: number;
  readonly prompt: string;
  readonly options: readonly QuizOption[];
  /** The answer key's entry for this question, when the key has one. */
  readonly answer: QuizOption | undefined;
}

const QUIZ_TITLE = 'Quiz';
const ANSWER_KEY_TITLE = 'Answer Key';

/** Whether a section is the quiz itself (its parts and answer key are below it). */
export function isQuiz(section: GuideSection): boolean {
  return section.title === QUIZ_TITLE;
}
const OPTION = /^\(([a-z])\)\s+(.+)$/;

export function isQuizPart(section: GuideSection): boolean {
  return section.parent?.title === QUIZ_TITLE && section.title !== ANSWER_KEY_TITLE;
}

function parseOption(text: string): QuizOption | undefined {
  const match = OPTION.exec(text.trim());
  return match ? { letter: match[1], text: match[2] } : undefined;
}

interface ListItem {
  text: string;
  readonly nested: string[];
}

/** The top-level items of the lists between two token indexes, each with the texts of its nested items. */
function orderedListItems(tokens: Token[], from: number, to: number): ListItem[] {
  const items: ListItem[] = [];
  let depth = 0;
  let current: ListItem | undefined;
  for (let i = from; i < to; i++) {
    const token = tokens[i];
    if (token.type === 'ordered_list_open' || token.type === 'bullet_list_open') depth++;
    else if (token.type === 'ordered_list_close' || token.type === 'bullet_list_close') depth--;
    else if (token.type === 'list_item_open' && depth === 1) {
      current = { text: '', nested: [] };
      items.push(current);
    } else if (token.type === 'inline' && current) {
      if (depth === 1 && current.text === '') current.text = inlineText(token);
      else if (depth > 1) current.nested.push(inlineText(token));
    }
  }
  return items;
}

/** The answer key, by quiz part title: "Multiple Choice Questions" → answers in question order. */
function parseAnswerKey(markdown: string): Map<string, QuizOption[]> {
  const tokens = markdownIt().parse(markdown, {});
  const key = new Map<string, QuizOption[]>();
  let part: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    // Each part's answers follow a top-level paragraph naming it, such as **Multiple Choice Questions**.
    if (token.type === 'paragraph_open' && token.level === 0) {
      part = inlineText(tokens[i + 1]).trim();
    } else if (token.type === 'ordered_list_open' && part) {
      const close = tokens.findIndex((t, j) => j > i && t.type === 'ordered_list_close' && t.level === token.level);
      const answers = orderedListItems(tokens, i, close + 1)
        .map((item) => parseOption(item.text))
        .filter((option): option is QuizOption => option !== undefined);
      key.set(part, answers);
      i = close;
    }
  }
  return key;
}

/** The questions of a quiz part, each joined with its answer from the guide's answer key. */
export function quizQuestions(part: GuideSection): QuizQuestion[] {
  const answerKey = part.parent?.children.find((child) => child.title === ANSWER_KEY_TITLE);
  const answers = answerKey ? parseAnswerKey(answerKey.markdown).get(part.title) ?? [] : [];
  const tokens = markdownIt().parse(part.markdown, {});
  return orderedListItems(tokens, 0, tokens.length).map((item, index) => ({
    number: index + 1,
    prompt: item.text,
    options: item.nested.map(parseOption).filter((option): option is QuizOption => option !== undefined),
    answer: answers[index],
  }));
}
