import * as vscode from 'vscode';

/** The languages whose documents are notes: hovers, the Terms view, Do Not Use, the reading grade and dot-phrases. */
export const NOTE_LANGUAGES_SETTING = 'iliopsoas.hover.languages';

/** The language ids of notes (`iliopsoas.hover.languages`, Markdown unless changed). */
export function noteLanguages(): string[] {
  const languages = vscode.workspace.getConfiguration().get<unknown>(NOTE_LANGUAGES_SETTING);
  return Array.isArray(languages) ? languages.filter((id): id is string => typeof id === 'string') : ['markdown'];
}

/** The one answer to "is this document a note?", used by every feature. */
export function isNote(document: vscode.TextDocument): boolean {
  return noteLanguages().includes(document.languageId);
}

/** A selector of notes, for providers registered by language. */
function noteSelector(): vscode.DocumentSelector {
  return noteLanguages().map((language) => ({ language }));
}

/** Whether a configuration change changes which documents are notes. */
export function affectsNoteLanguages(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(NOTE_LANGUAGES_SETTING);
}

/**
 * Registers something for notes (a hover, completions, code actions) with the note selector, and
 * again whenever the note languages change; `enabled` can switch it off by a setting.
 */
export function registerForNotes(
  register: (selector: vscode.DocumentSelector) => vscode.Disposable,
  enabled: { readonly isOn: () => boolean; readonly setting: string } | undefined = undefined,
): vscode.Disposable {
  let registration: vscode.Disposable | undefined;
  const update = () => {
    registration?.dispose();
    registration = !enabled || enabled.isOn() ? register(noteSelector()) : undefined;
  };
  update();
  const onSettings = vscode.workspace.onDidChangeConfiguration((event) => {
    if (affectsNoteLanguages(event) || (enabled && event.affectsConfiguration(enabled.setting))) update();
  });
  return new vscode.Disposable(() => {
    onSettings.dispose();
    registration?.dispose();
  });
}

/** The context key that holds the note languages, for menus: `editorLangId in iliopsoas.noteLanguages`. */
const NOTE_LANGUAGES_CONTEXT = 'iliopsoas.noteLanguages';

/** Keeps the {@link NOTE_LANGUAGES_CONTEXT} context key equal to the note languages. */
export function registerNoteLanguagesContext(): vscode.Disposable {
  const update = () => void vscode.commands.executeCommand('setContext', NOTE_LANGUAGES_CONTEXT, noteLanguages());
  update();
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (affectsNoteLanguages(event)) update();
  });
}
