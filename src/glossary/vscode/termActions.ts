import * as vscode from 'vscode';
import {
  ADD_TO_TEAM_GLOSSARY_COMMAND,
  COPY_TERM_DEFINITION_COMMAND,
  FIND_TERM_IN_WORKSPACE_COMMAND,
  INSERT_PLAIN_EXPLANATION_COMMAND,
  INSERT_TERM_EXPLANATION_COMMAND,
  OPEN_SECTION_COMMAND,
  OPEN_TERM_SECTION_COMMAND,
} from '../../ids';
import { registerCommand } from '../../util/commands';
import { disposeAll } from '../../util/dispose';
import { quotedForMessage } from '../../util/messageText';
import type { NoteModels } from '../../util/noteModels';
import { languagesOfAnyFolder, registerForNotes } from '../../util/notes';
import { showPick } from '../../util/quickPick';
import type { GuideSectionLink } from '../hoverContent';
import { definitionAsPlainText, explanationLine, noteFilesPattern, workspaceSearchPattern, type LanguageContribution } from '../termActions';
import { termFromSelection } from '../teamGlossaryEdit';
import type { GlossaryEntry } from '../types';
import { insertPlainExplanation } from './insertExplanation';
import type { GlossaryStore } from './store';
import { isTermRow, type TermsInNoteProvider } from './termsView';

/** A term action's argument from a code action: the term, and the note and line it is on. */
interface TermActionArgs {
  readonly term: string;
  readonly uri?: string;
  readonly line?: number;
}

/** The argument of a term action: a Terms view row, or {@link TermActionArgs}; anything else is refused. */
function termActionArgs(value: unknown): TermActionArgs | undefined {
  if (isTermRow(value)) return { term: value.entry.term };
  const args = value as Partial<TermActionArgs> | undefined;
  if (typeof args?.term !== 'string') return undefined;
  if (args.uri !== undefined && typeof args.uri !== 'string') return undefined;
  if (args.line !== undefined && !(Number.isInteger(args.line) && args.line >= 0)) return undefined;
  return { term: args.term, ...(args.uri === undefined ? {} : { uri: args.uri }), ...(args.line === undefined ? {} : { line: args.line }) };
}

/** The code action kinds, made when first needed (loading the extension touches no `vscode` value). */
const kinds = (() => {
  let made: { readonly term: vscode.CodeActionKind; readonly addToTeamGlossary: vscode.CodeActionKind } | undefined;
  return () =>
    (made ??= {
      /** The term actions: not fixes (nothing is wrong with the term) and not refactorings, so VS Code lists them under "More Actions". */
      term: vscode.CodeActionKind.Empty.append('iliopsoas.term'),
      /** A quick fix for a word the glossary does not explain (offered only when asked for, never as a light bulb). */
      addToTeamGlossary: vscode.CodeActionKind.QuickFix.append('iliopsoas.addToTeamGlossary'),
    });
})();

/**
 * The term actions as code actions, on the term at the cursor in a note, and Add to Team Glossary
 * on a selection or a word without a hover. Offered only when asked for (Ctrl+. or the light
 * bulb's menu): a light bulb on every medical term, or on every other word, would crowd a note.
 */
class NoteTermCodeActions implements vscode.CodeActionProvider {
  constructor(
    private readonly store: GlossaryStore,
    private readonly noteModels: NoteModels,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.triggerKind !== vscode.CodeActionTriggerKind.Invoke) return [];
    const { term: termKind, addToTeamGlossary: addKind } = kinds();
    const wanted = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind);
    const { lines, isExcludedLine } = this.noteModels.get(document);
    const glossary = this.store.current(document.uri);
    const { line, character } = range.start;
    // The cursor just after a term (at the end of a word) counts as on it.
    const found = glossary.termAt(lines, line, character, isExcludedLine) ?? (range.isEmpty && character > 0 ? glossary.termAt(lines, line, character - 1, isExcludedLine) : undefined);
    const actions: vscode.CodeAction[] = [];
    if (found && wanted(termKind)) actions.push(...this.termActions(document, found.entry, found.range.start.line));
    if (vscode.workspace.isTrusted && wanted(addKind) && !isExcludedLine(line)) {
      const selected = range.isEmpty ? (found ? undefined : wordAt(document, range.start)) : document.getText(range);
      const term = selected === undefined ? undefined : termFromSelection(selected);
      if (term && 'term' in term) {
        const action = new vscode.CodeAction(vscode.l10n.t('Add “{0}” to Team Glossary…', term.term), addKind);
        action.command = { command: ADD_TO_TEAM_GLOSSARY_COMMAND, title: action.title, arguments: [{ uri: document.uri.toString(), term: term.term }] };
        actions.push(action);
      }
    }
    return actions;
  }

  private termActions(document: vscode.TextDocument, entry: GlossaryEntry, line: number): vscode.CodeAction[] {
    const args: TermActionArgs = { term: entry.term, uri: document.uri.toString(), line };
    const action = (title: string, command: string, commandArgs: unknown) => {
      const made = new vscode.CodeAction(title, kinds().term);
      made.command = { command, title, arguments: [commandArgs] };
      return made;
    };
    return [
      action(vscode.l10n.t('Insert Patient Explanation of “{0}”', entry.term), INSERT_PLAIN_EXPLANATION_COMMAND, { uri: args.uri, line, term: entry.term }),
      ...(entry.sections.length > 0 ? [action(vscode.l10n.t('Open Guide Section on “{0}”', entry.term), OPEN_TERM_SECTION_COMMAND, args)] : []),
      action(vscode.l10n.t('Find “{0}” in Workspace', entry.term), FIND_TERM_IN_WORKSPACE_COMMAND, args),
      action(vscode.l10n.t('Copy Definition of “{0}”', entry.term), COPY_TERM_DEFINITION_COMMAND, args),
    ];
  }
}

/** The word at a position, as the note's language counts words, if the position is on one. */
function wordAt(document: vscode.TextDocument, position: vscode.Position): string | undefined {
  const range = document.getWordRangeAtPosition(position);
  return range ? document.getText(range) : undefined;
}

/** What Find in Workspace asked VS Code's search for (returned to tests). */
export interface WorkspaceSearch {
  readonly query: string;
  readonly isRegex: true;
  readonly matchWholeWord: true;
  readonly isCaseSensitive: false;
  readonly filesToInclude?: string;
  readonly triggerSearch: true;
}

/** A Uri from an argument's text, or undefined if it is none. */
function parsedUri(text: string): vscode.Uri | undefined {
  try {
    return vscode.Uri.parse(text, true);
  } catch {
    return undefined;
  }
}

/** The term actions: commands for the Terms view's rows and the note's code actions, and the code action provider. */
export function registerTermActions(
  store: GlossaryStore,
  noteModels: NoteModels,
  termsView: TermsInNoteProvider,
  guideSection: (id: string) => GuideSectionLink | undefined,
): vscode.Disposable {
  /** The entry an action is about, or undefined with a message (the glossary may have changed since the row or action was made). */
  const entryOf = (value: unknown): { entry: GlossaryEntry; args: TermActionArgs } | undefined => {
    const args = termActionArgs(value);
    if (!args) return undefined;
    // The note's folder's glossary: a row is about the note the view shows, the active one.
    const note = (args.uri !== undefined ? parsedUri(args.uri) : undefined) ?? vscode.window.activeTextEditor?.document.uri;
    const entry = store.current(note).entries.find((candidate) => candidate.term === args.term);
    if (!entry) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The glossary no longer has "{0}".', quotedForMessage(args.term)));
      return undefined;
    }
    return { entry, args };
  };

  const insertExplanation = (value: unknown) => {
    const found = entryOf(value);
    if (!found) return false;
    const { entry, args } = found;
    if (args.uri !== undefined && args.line !== undefined) return insertPlainExplanation(store, noteModels, { uri: args.uri, line: args.line, term: entry.term });
    // From the Terms view: below the paragraph of the occurrence nearest above the cursor in its note.
    const note = termsView.note;
    const count = termsView.terms.find((candidate) => candidate.entry.term === entry.term);
    if (!note || !count) return false;
    const editor = vscode.window.visibleTextEditors.find((visible) => visible.document === note);
    const line = explanationLine(
      count.occurrences.map((occurrence) => occurrence.range.start.line),
      editor?.selection.active.line,
    );
    return line === undefined ? false : insertPlainExplanation(store, noteModels, { uri: note.uri.toString(), line, term: entry.term });
  };

  const openSection = (value: unknown) => {
    const found = entryOf(value);
    if (!found) return undefined;
    const sections = found.entry.sections.map(guideSection).filter((section): section is GuideSectionLink => section !== undefined);
    if (sections.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The guide has no section on "{0}".', quotedForMessage(found.entry.term)));
      return undefined;
    }
    if (sections.length === 1) return vscode.commands.executeCommand(OPEN_SECTION_COMMAND, sections[0].id);
    // Returned so that tests can choose in it.
    return showPick({
      title: vscode.l10n.t('Guide Sections on “{0}”', found.entry.term),
      placeholder: vscode.l10n.t('Choose a section to read'),
      items: sections.map((section) => ({ label: section.title, id: section.id })),
      accept: (chosen) => vscode.commands.executeCommand(OPEN_SECTION_COMMAND, chosen.id),
    });
  };

  const findInWorkspace = async (value: unknown): Promise<WorkspaceSearch | undefined> => {
    const found = entryOf(value);
    if (!found) return undefined;
    const languages = vscode.extensions.all.flatMap((extension) => {
      const contributed = (extension.packageJSON as { contributes?: { languages?: unknown } } | undefined)?.contributes?.languages;
      return Array.isArray(contributed) ? (contributed as LanguageContribution[]) : [];
    });
    const filesToInclude = noteFilesPattern(languagesOfAnyFolder(), languages);
    const search: WorkspaceSearch = {
      query: workspaceSearchPattern(found.entry),
      isRegex: true,
      matchWholeWord: true,
      isCaseSensitive: false,
      ...(filesToInclude ? { filesToInclude } : {}),
      triggerSearch: true,
    };
    await vscode.commands.executeCommand('workbench.action.findInFiles', search);
    return search;
  };

  const copyDefinition = async (value: unknown): Promise<string | undefined> => {
    const found = entryOf(value);
    if (!found) return undefined;
    const text = definitionAsPlainText(found.entry);
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the definition of “{0}”.', found.entry.term), 3000);
    return text;
  };

  const codeActions = new NoteTermCodeActions(store, noteModels);
  const subscriptions = [
    registerCommand(INSERT_TERM_EXPLANATION_COMMAND, insertExplanation),
    registerCommand(OPEN_TERM_SECTION_COMMAND, openSection),
    registerCommand(FIND_TERM_IN_WORKSPACE_COMMAND, findInWorkspace),
    registerCommand(COPY_TERM_DEFINITION_COMMAND, copyDefinition),
    registerForNotes((selector) => vscode.languages.registerCodeActionsProvider(selector, codeActions, { providedCodeActionKinds: [kinds().term, kinds().addToTeamGlossary] })),
  ];
  return new vscode.Disposable(() => disposeAll(subscriptions));
}
