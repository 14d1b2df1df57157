// Text from files (a glossary term, a property name, a handout title) quoted in a VS Code
// notification. Notifications turn `[label](command:…)` into a link that runs the command, so
// file text must never be able to form one: its square brackets are shown as full-width ones,
// and bidirectional controls (which can make text read differently from what it is) and
// zero-width characters (which hide in text that looks the same) dropped.
// No `vscode` import: unit-tested in plain Node, and used by pure modules.

const INVISIBLES = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060\ufeff]/g;

/** The text without bidirectional controls and zero-width characters. */
export function withoutInvisibles(text: string): string {
  return text.replace(INVISIBLES, '');
}

/** File text made safe to quote in a notification message: it can form no link. */
export function quotedForMessage(text: string): string {
  return withoutInvisibles(text).replace(/\[/g, '［').replace(/\]/g, '］');
}
