import * as vscode from 'vscode';

/** The languages whose documents are notes: hovers, the Terms view, Do Not Use, the reading grade and dot-phrases. */
export const NOTE_LANGUAGES_SETTING = 'iliopsoas.noteLanguages';
/** The setting that said so before `iliopsoas.noteLanguages`: deprecated, still honoured where the new one is not set. */
export const DEPRECATED_NOTE_LANGUAGES_SETTING = 'iliopsoas.hover.languages';
const DEFAULT_NOTE_LANGUAGES = ['markdown'];

/** The value a setting was given anywhere (folder, workspace or user), or undefined if only its default applies. */
function explicitValue<T>(configuration: vscode.WorkspaceConfiguration, setting: string): T | undefined {
  const inspected = configuration.inspect<T>(setting);
  return inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
}

/**
 * The language ids of notes for a document or folder (`iliopsoas.noteLanguages`, or the
 * deprecated `iliopsoas.hover.languages` where only that one is set; Markdown otherwise).
 * Without a scope: the window's value, as for a file outside every folder.
 */
export function noteLanguages(scope?: vscode.ConfigurationScope): string[] {
  const configuration = vscode.workspace.getConfiguration(undefined, scope);
  const languages = explicitValue<unknown>(configuration, NOTE_LANGUAGES_SETTING) ?? explicitValue<unknown>(configuration, DEPRECATED_NOTE_LANGUAGES_SETTING);
  if (!Array.isArray(languages)) return DEFAULT_NOTE_LANGUAGES;
  return languages.filter((id): id is string => typeof id === 'string' && id.trim() !== '');
}

/** The one answer to "is this document a note?", used by every feature: by the note languages of its folder. */
export function isNote(document: vscode.TextDocument): boolean {
  return noteLanguages(document).includes(document.languageId);
}

/**
 * A selector of every language that is a note somewhere in the window (each folder may say
 * otherwise), for providers registered by language. Providers still ask {@link isNote}: a
 * language that is a note in one folder is not one in another.
 */
function noteSelector(): vscode.DocumentSelector {
  return languagesOfAnyFolder().map((language) => ({ language }));
}

/** Every language that is a note in the window or in one of its folders. */
export function languagesOfAnyFolder(): string[] {
  const languages = new Set(noteLanguages());
  for (const folder of vscode.workspace.workspaceFolders ?? []) noteLanguages(folder).forEach((language) => languages.add(language));
  return [...languages];
}

/** Whether a configuration change changes which documents are notes (in any folder). */
export function affectsNoteLanguages(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(NOTE_LANGUAGES_SETTING) || event.affectsConfiguration(DEPRECATED_NOTE_LANGUAGES_SETTING);
}

/**
 * Registers something for notes (a hover, completions, code actions) with the note selector, and
 * again whenever the note languages or the workspace folders change.
 */
export function registerForNotes(register: (selector: vscode.DocumentSelector) => vscode.Disposable): vscode.Disposable {
  let registration: vscode.Disposable | undefined;
  let registeredFor = '';
  const update = () => {
    const selector = noteSelector();
    const key = JSON.stringify(selector);
    if (registration && key === registeredFor) return;
    registration?.dispose();
    registration = register(selector);
    registeredFor = key;
  };
  update();
  const subscriptions = [
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsNoteLanguages(event)) update();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(update),
  ];
  return new vscode.Disposable(() => {
    subscriptions.forEach((subscription) => subscription.dispose());
    registration?.dispose();
  });
}

/** The context key that holds the note languages, for menus: `editorLangId in iliopsoas.noteLanguages`. */
const NOTE_LANGUAGES_CONTEXT = 'iliopsoas.noteLanguages';

/** Keeps the {@link NOTE_LANGUAGES_CONTEXT} context key equal to the note languages of any folder (a menu cannot ask per folder). */
export function registerNoteLanguagesContext(): vscode.Disposable {
  const update = () => void vscode.commands.executeCommand('setContext', NOTE_LANGUAGES_CONTEXT, languagesOfAnyFolder());
  update();
  const subscriptions = [
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsNoteLanguages(event)) update();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(update),
  ];
  return new vscode.Disposable(() => subscriptions.forEach((subscription) => subscription.dispose()));
}
