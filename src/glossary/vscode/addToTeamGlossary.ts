import * as vscode from 'vscode';
import { quotedForMessage } from '../../util/messageText';
import { isNote } from '../../util/notes';
import { glossaryCategories } from '../entries';
import {
  addToTeamFile,
  categoryOf,
  entryProblems,
  existingTeamEntry,
  PLAIN_TEXT_TARGET_GRADE,
  plainTextGrade,
  termFromSelection,
  type NewTeamEntry,
  type TeamEntryWording,
} from '../teamGlossaryEdit';
import type { GlossaryCategory } from '../types';
import type { GlossaryStore } from './store';
import { teamGlossaryLocation } from './teamGlossaryFile';
import { termGroupWording } from './termsView';

/** The words of teamGlossaryEdit.ts's own messages, in the user's language. */
function teamEntryWording(): TeamEntryWording {
  return {
    selectionIsParagraph: vscode.l10n.t('Select one term, not a paragraph: a term cannot run across a blank line.'),
    selectionIsEmpty: vscode.l10n.t('Select the term to add (a word or a few words) in the note first.'),
    grade: ({ grade, fleschKincaid, smog, term }) => vscode.l10n.t('Reading grade {grade} (Flesch–Kincaid {fleschKincaid}, SMOG {smog}; “{term}” not counted).', { grade, fleschKincaid, smog, term }),
    gradeAboveTarget: ({ grade, fleschKincaid, smog, term, target }) =>
      vscode.l10n.t(
        'Reading grade {grade} (Flesch–Kincaid {fleschKincaid}, SMOG {smog}; “{term}” not counted): above grade {target}. Shorter words and sentences are easier for patients; you can still add it.',
        { grade, fleschKincaid, smog, term, target },
      ),
    fileNotJson: (problem) => vscode.l10n.t('{0}. Nothing was added: correct the file first.', quotedForMessage(problem)),
    fileNotAnObject: (label) => vscode.l10n.t('{0} does not hold a JSON object with an "entries" array. Nothing was added.', label),
    entriesNotAnArray: (label) => vscode.l10n.t('In {0}, "entries" is not an array. Nothing was added.', label),
    entriesTwice: (label) => vscode.l10n.t('{0} has "entries" twice. Nothing was added: keep one.', label),
  };
}

/** What a category is for, in the category pick (the glossary schema's descriptions of its values, in the user's language). */
function categoryDescription(category: GlossaryCategory): string {
  switch (category) {
    case 'anatomy':
      return vscode.l10n.t('A body part: "facet joint", "greater trochanter".');
    case 'condition':
      return vscode.l10n.t('A diagnosis, finding or symptom: "radiculopathy", "spondylolisthesis".');
    case 'examination':
      return vscode.l10n.t('An examination test or sign: "straight leg raise", "FABER test".');
    case 'imaging':
      return vscode.l10n.t('Imaging or another investigation: "MRI", "EMG", "Modic changes".');
    case 'procedure':
      return vscode.l10n.t('An operation, injection or other procedure: "microdiscectomy", "epidural steroid injection".');
    case 'medicine':
      return vscode.l10n.t('A medicine or class of medicines, with its generic and brand names as variants: "gabapentinoid" (gabapentin, Neurontin).');
    case 'exercise':
      return vscode.l10n.t('An exercise or a rehabilitation method: "McKenzie method", "glute bridge".');
  }
}

/** The title of the command's boxes: the term, and which of the three steps this is. */
function stepTitle(term: string, step: number): string {
  return vscode.l10n.t('Add to Team Glossary: “{0}” ({1}/{2})', term, step, 3);
}

/**
 * The command's argument besides a note's URI (which the editor's context menu passes): the note
 * and the term (the code action), and for automation the texts and the category (an empty string:
 * none), and what to do when the file has the term already. Whatever is given is not asked for.
 */
export interface AddToTeamGlossaryArgs {
  readonly uri?: string;
  readonly term?: string;
  readonly definition?: string;
  readonly plain?: string;
  readonly category?: string;
  readonly ifExists?: 'replace' | 'cancel';
}

/** What the command did (returned to tests). */
export type AddToTeamGlossaryOutcome = 'added' | 'replaced' | 'cancelled' | 'refused';

/** The argument, checked: undefined when it is not one the command understands. */
function argsOf(value: unknown): AddToTeamGlossaryArgs | undefined {
  if (value === undefined || value === null) return {};
  if (value instanceof vscode.Uri) return { uri: value.toString() };
  if (typeof value !== 'object' || Array.isArray(value)) return undefined;
  const args = value as Record<string, unknown>;
  const known = ['uri', 'term', 'definition', 'plain', 'category', 'ifExists'];
  if (Object.keys(args).some((key) => !known.includes(key))) return undefined;
  for (const key of ['uri', 'term', 'definition', 'plain', 'category']) if (args[key] !== undefined && typeof args[key] !== 'string') return undefined;
  if (args.category !== undefined && args.category !== '' && !categoryOf(args.category)) return undefined;
  if (args.ifExists !== undefined && args.ifExists !== 'replace' && args.ifExists !== 'cancel') return undefined;
  return args;
}

/**
 * Whether the workspace may be written to by this command: only a trusted one (a team glossary
 * from an untrusted folder is not even read). Says why not, with the way to trust it.
 */
export function teamGlossaryWritable(isTrusted: boolean): boolean {
  if (isTrusted) return true;
  const manageTrust = vscode.l10n.t('Manage Workspace Trust');
  void vscode.window
    .showWarningMessage(vscode.l10n.t('Add to Team Glossary works only in a trusted workspace: in Restricted Mode, team glossary files are neither read nor written.'), manageTrust)
    .then((choice) => {
      if (choice === manageTrust) void vscode.commands.executeCommand('workbench.trust.manage');
    });
  return false;
}

/** Texts typed for a term and not yet added (the box was closed): offered again the next time, so nothing typed is lost. */
export type Drafts = Map<string, { definition?: string; plain?: string }>;

function offerToOpen(message: string, uri: vscode.Uri, warning = false): void {
  const show = warning ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const openFile = vscode.l10n.t('Open File');
  void show(message, openFile).then((choice) => {
    if (choice === openFile) void vscode.window.showTextDocument(uri);
  });
}

/** The note the command is about: the one named (open, or opened), or the active editor's; undefined if the one named cannot be opened. */
async function noteOf(args: AddToTeamGlossaryArgs): Promise<vscode.TextDocument | undefined> {
  if (args.uri === undefined) return vscode.window.activeTextEditor?.document;
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === args.uri);
  if (open) return open;
  try {
    return await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri, true));
  } catch {
    return undefined;
  }
}

/** The selected text of the note's editor, or the word at its cursor. */
function selectedText(document: vscode.TextDocument): string | undefined {
  const editor = vscode.window.activeTextEditor?.document === document ? vscode.window.activeTextEditor : vscode.window.visibleTextEditors.find((visible) => visible.document === document);
  if (!editor) return undefined;
  const { selection } = editor;
  if (!selection.isEmpty) return document.getText(selection);
  const word = document.getWordRangeAtPosition(selection.active);
  return word ? document.getText(word) : undefined;
}

/** The workspace folder whose team glossary the note's term goes into: the note's, the only one, or the one chosen. */
async function folderOf(document: vscode.TextDocument | undefined): Promise<vscode.WorkspaceFolder | undefined> {
  const own = document && vscode.workspace.getWorkspaceFolder(document.uri);
  if (own) return own;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0];
  if (folders.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder first: a team glossary is a file in the workspace folder.'));
    return undefined;
  }
  return vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('The folder whose team glossary gets the term') });
}

/** The file's text, or undefined when there is no file; refuses (undefined in `refused`) a file with unsaved changes. */
async function readTeamFile(uri: vscode.Uri, label: string): Promise<{ text: string | undefined } | undefined> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open?.isDirty) {
    offerToOpen(vscode.l10n.t('{0} has unsaved changes: save it (or undo them), then add the term again. Nothing was added.', label), uri, true);
    return undefined;
  }
  const exists = await vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
  return { text: exists ? new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) : undefined };
}

/** The category pick: the glossary's categories, as the Terms view names them, and none. */
async function pickCategory(term: string, current: GlossaryCategory | undefined): Promise<{ category: GlossaryCategory | undefined } | undefined> {
  type Item = vscode.QuickPickItem & { category: GlossaryCategory | undefined };
  const items: Item[] = [
    ...glossaryCategories().map((category): Item => ({ label: termGroupWording.name(category), description: categoryDescription(category), category })),
    { label: vscode.l10n.t('No category'), description: vscode.l10n.t('Listed under “Other” in Terms in this Note'), category: undefined },
  ];
  const chosen = await vscode.window.showQuickPick(
    items.map((item) => ({ ...item, picked: item.category === current })),
    { title: stepTitle(term, 3), placeHolder: vscode.l10n.t('Its category: Terms in this Note groups a note’s terms by it'), ignoreFocusOut: true },
  );
  return chosen && { category: chosen.category };
}

/**
 * Adds a term to the team glossary of the note's workspace folder: the selected term (or the one
 * given), its definition and plain-language text as typed (the text's reading grade shown as it is
 * typed; above grade 6 is a warning, not a refusal) and a category if wanted. The file is created
 * if missing and otherwise changed only where the new entry goes; an entry with the same term is
 * replaced only if the clinician says so. Trusted workspaces only, and only inside the folder.
 */
export async function addToTeamGlossary(store: GlossaryStore, drafts: Drafts, value: unknown, isTrusted = vscode.workspace.isTrusted): Promise<AddToTeamGlossaryOutcome> {
  if (!teamGlossaryWritable(isTrusted)) return 'refused';
  const args = argsOf(value);
  if (!args) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Add to Team Glossary was given an argument it does not understand; nothing was added.'));
    return 'refused';
  }
  const note = await noteOf(args);
  if (args.uri !== undefined && !note) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Add to Team Glossary could not open the note it was given; nothing was added.'));
    return 'refused';
  }
  if (args.term === undefined && (!note || !isNote(note))) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select a term in a note first, then run Add to Team Glossary.'));
    return 'refused';
  }
  const wording = teamEntryWording();
  const selected = args.term ?? (note && selectedText(note));
  const read = termFromSelection(selected ?? '', wording);
  if ('problem' in read) {
    void vscode.window.showInformationMessage(vscode.l10n.t({ message: 'Add to Team Glossary: {0}', args: [quotedForMessage(read.problem)], comment: 'What is wrong with the selected text as a term: a sentence.' }));
    return 'refused';
  }
  const { term } = read;
  const folder = await folderOf(note);
  if (!folder) return 'cancelled';
  const location = await teamGlossaryLocation(folder);
  if ('refusal' in location) {
    void vscode.window.showWarningMessage(location.refusal);
    return 'refused';
  }
  const { uri } = location;
  // From the setting, which a cloned repository may set: quoted so that it forms no link in a message.
  const label = quotedForMessage(vscode.workspace.asRelativePath(uri));

  // Checked before anything is asked: a broken file, or the term already there.
  const before = await readTeamFile(uri, label);
  if (!before) return 'refused';
  let replace = args.ifExists === 'replace';
  const askToReplace = async (existing: string): Promise<boolean> => {
    if (args.ifExists !== undefined) return args.ifExists === 'replace';
    const replaceEntry = vscode.l10n.t('Replace');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} already has “{1}”. Replace its entry with the one you write now?', label, quotedForMessage(existing)),
      { modal: true },
      replaceEntry,
    );
    return choice === replaceEntry;
  };
  const check = addToTeamFile(before.text, { term, definition: 'definition', plain: 'plain text' }, { label, replace, wording });
  if (check.kind === 'unreadable') {
    offerToOpen(check.message, uri, true);
    return 'refused';
  }
  if (check.kind === 'exists') {
    if (!(await askToReplace(check.term))) return 'cancelled';
    replace = true;
  }

  // The boxes start from what was typed last time, else the team file's entry, else the glossary's.
  const key = term.toLowerCase();
  const draft = drafts.get(key) ?? {};
  drafts.set(key, draft);
  const known = existingTeamEntry(before.text, term) ?? store.current(note?.uri ?? folder.uri).entries.find((entry) => entry.term.toLowerCase() === key);
  const problemOf = (entry: NewTeamEntry, field: string): vscode.InputBoxValidationMessage | undefined => {
    const problem = entryProblems(entry).find((message) => message.startsWith(field));
    return problem === undefined ? undefined : { message: problem, severity: vscode.InputBoxValidationSeverity.Error };
  };

  const definition =
    args.definition ??
    (await vscode.window.showInputBox({
      title: stepTitle(term, 1),
      prompt: vscode.l10n.t('The clinical definition, in one or two sentences (shown in the hover).'),
      value: draft.definition ?? known?.definition ?? '',
      ignoreFocusOut: true,
      validateInput: (text) => {
        draft.definition = text;
        if (text.trim() === '') return { message: vscode.l10n.t('Write the definition.'), severity: vscode.InputBoxValidationSeverity.Error };
        return problemOf({ term, definition: text, plain: 'plain text' }, 'The definition');
      },
    }));
  if (definition === undefined) return 'cancelled';

  const plain =
    args.plain ??
    (await vscode.window.showInputBox({
      title: stepTitle(term, 2),
      prompt: vscode.l10n.t('“{0}” explained for patients: short words and short sentences, grade {1} or below.', term, PLAIN_TEXT_TARGET_GRADE),
      value: draft.plain ?? known?.plain ?? '',
      ignoreFocusOut: true,
      validateInput: (text) => {
        draft.plain = text;
        if (text.trim() === '') return { message: vscode.l10n.t('Write the explanation for patients.'), severity: vscode.InputBoxValidationSeverity.Error };
        const problem = problemOf({ term, definition, plain: text }, 'The text for patients');
        if (problem) return problem;
        const { aboveTarget, message } = plainTextGrade(text, term, wording);
        return { message, severity: aboveTarget ? vscode.InputBoxValidationSeverity.Warning : vscode.InputBoxValidationSeverity.Info };
      },
    }));
  if (plain === undefined) return 'cancelled';

  const picked = args.category !== undefined ? { category: categoryOf(args.category) } : await pickCategory(term, known?.category);
  if (!picked) return 'cancelled';
  const entry: NewTeamEntry = { term, definition, plain, ...(picked.category ? { category: picked.category } : {}) };
  const [problem] = entryProblems(entry);
  if (problem !== undefined) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t({ message: 'Add to Team Glossary: {0}. Nothing was added.', args: [quotedForMessage(problem)], comment: 'What is wrong with the entry, by the team glossary rules (in English).' }),
    );
    return 'refused';
  }

  // Read again: the file may have changed while the boxes were open. The place is checked again just before writing.
  const now = await readTeamFile(uri, label);
  if (!now) return 'refused';
  let change = addToTeamFile(now.text, entry, { label, replace, wording });
  if (change.kind === 'exists') {
    if (!(await askToReplace(change.term))) return 'cancelled';
    change = addToTeamFile(now.text, entry, { label, replace: true, wording });
  }
  if (change.kind === 'unreadable') {
    offerToOpen(change.message, uri, true);
    return 'refused';
  }
  if (change.kind !== 'write') return 'cancelled';
  const recheck = await teamGlossaryLocation(folder);
  if ('refusal' in recheck || recheck.uri.toString() !== uri.toString()) {
    void vscode.window.showWarningMessage('refusal' in recheck ? recheck.refusal : vscode.l10n.t('The team glossary setting changed while the term was being written; nothing was added.'));
    return 'refused';
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(change.text));
  drafts.delete(key);
  offerToOpen(
    change.replaced
      ? vscode.l10n.t('Replaced “{0}” in {1}; its hover follows in a moment.', quotedForMessage(term), label)
      : vscode.l10n.t('Added “{0}” in {1}; its hover follows in a moment.', quotedForMessage(term), label),
    uri,
  );
  return change.replaced ? 'replaced' : 'added';
}
