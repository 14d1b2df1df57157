// Text from files (a glossary term, a property name, a handout title) quoted in a VS Code
// notification. Notifications turn `[label](command:…)` into a link that runs the command, so
// file text must never be able to form one: its square brackets are shown as full-width ones,
// and bidirectional controls (which can make text read differently from what it is) dropped.
// No `vscode` import: unit-tested in plain Node.

const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/** File text made safe to quote in a notification message: it can form no link. */
export function quotedForMessage(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(/\[/g, '［').replace(/\]/g, '］');
}
