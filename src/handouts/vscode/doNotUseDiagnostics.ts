import * as vscode from 'vscode';
import { changedLinesOfEvent, type NoteModel } from '../../markdown/noteModel';
import { DoNotUseIndex } from '../doNotUseIndex';
import { disableCommentEdit } from '../doNotUseComments';
import { disableLineTitle, disableRuleTitle, disableScope, isDoNotUseRuleId, ruleLevels, withRuleOff, type DisableWording, type DoNotUseLevel, type DoNotUseRuleId } from '../doNotUseRules';
import { DISABLE_DO_NOT_USE_RULE_COMMAND } from '../../ids';
import { registerCommand } from '../../util/commands';
import { Delayer } from '../../util/delayer';
import { disposeAll } from '../../util/dispose';
import type { NoteModels, NoteModelUpdate } from '../../util/noteModels';
import { affectsNoteLanguages, isNote, registerForNotes } from '../../util/notes';
import { isClinicPhraseFile } from './clinicPhrases';
import { registerDoNotUseRulesPage, rulesPageTarget } from './doNotUseRulesPage';

const SECTION = 'iliopsoas';
const ENABLED_KEY = 'doNotUse.enabled';
const RULES_KEY = 'doNotUse.rules';
/** Both settings, for `affectsConfiguration`. */
const DO_NOT_USE_SETTINGS = `${SECTION}.doNotUse`;
const DIAGNOSTIC_SOURCE = 'Do Not Use';
/** The code of a notice about a disable comment (its target opens the page's part on comments). */
const COMMENT_NOTICE_CODE = 'disable-next-line';
/** The index follows every keystroke; the squiggles are redrawn after a pause in typing. */
const PUBLISH_DELAY_MS = 300;

// (A function, not a table: nothing of `vscode` is read while the bundle loads.)
/** The quick fixes' titles in the user's language (vscode.l10n is read when they are offered, not while the bundle loads). */
export const disableWording: DisableWording = {
  line: (rule) => vscode.l10n.t('Disable “{0}” for this line', rule),
  folder: (rule) => vscode.l10n.t('Disable “{0}” in this folder', rule),
  workspace: (rule) => vscode.l10n.t('Disable “{0}” in this workspace', rule),
  user: (rule) => vscode.l10n.t('Disable “{0}” in your user settings', rule),
};

const severityOf = (level: Exclude<DoNotUseLevel, 'off'>): vscode.DiagnosticSeverity => (level === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);

/** The settings as they apply to one note: read with its scope, so a folder's own values apply to its notes. */
function settingsOf(document: vscode.TextDocument): { readonly enabled: boolean; readonly levels: ReadonlyMap<DoNotUseRuleId, DoNotUseLevel> } {
  const configuration = vscode.workspace.getConfiguration(SECTION, document);
  return { enabled: configuration.get<unknown>(ENABLED_KEY, true) !== false, levels: ruleLevels(configuration.get<unknown>(RULES_KEY)) };
}

function rangeOf(finding: { line: number; character: number; endLine: number; endCharacter: number }): vscode.Range {
  return new vscode.Range(finding.line, finding.character, finding.endLine, finding.endCharacter);
}

/** The rule a diagnostic of ours is about, from its code (undefined for a notice about a comment). */
function ruleOf(diagnostic: vscode.Diagnostic): DoNotUseRuleId | undefined {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return isDoNotUseRuleId(code) ? code : undefined;
}

/**
 * Warns about the Joint Commission "Do Not Use" abbreviations in notes, each with the risk
 * explained, a link to the rule's explanation and, where there is one right answer, a quick fix
 * to the spelled-out form; and quick fixes that silence the rule for the line or the folder. Each
 * note's findings follow its shared model edit by edit: a keystroke rechecks its paragraph.
 */
class DoNotUseDiagnostics implements vscode.CodeActionProvider, vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('iliopsoas-do-not-use');
  private readonly indexes = new Map<string, { readonly model: NoteModel; readonly index: DoNotUseIndex }>();
  private readonly pending = new Delayer(PUBLISH_DELAY_MS, 'showing "Do Not Use" warnings');

  constructor(private readonly noteModels: NoteModels) {}

  /** Checks a note now (or clears it when it is not a note or the check is off for it). */
  check(document: vscode.TextDocument): void {
    this.pending.cancel(document.uri.toString());
    // A clinic phrase file's Do Not Use findings are among its own checks (clinicPhrases.ts).
    const settings = isNote(document) && !isClinicPhraseFile(document.uri) ? settingsOf(document) : undefined;
    if (!settings?.enabled) {
      this.forget(document);
      return;
    }
    this.publish(document, settings.levels);
  }

  /** Follows an edit of a note whose findings are kept; shows them after a pause in typing. */
  follow({ document, model, changes }: NoteModelUpdate): void {
    const key = document.uri.toString();
    const known = this.indexes.get(key);
    if (!known) return;
    // The event's changes as windows of the final lines: each change's lines are those the change
    // before it left, while the model read here is the note after all of them.
    const windows = changes && known.model === model ? changedLinesOfEvent(changes) : undefined;
    if (!windows) this.indexes.set(key, { model, index: new DoNotUseIndex(model) });
    else for (const changed of windows) known.index.update(model, changed);
    this.pending.trigger(key, () => this.check(document));
  }

  forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.pending.cancel(key);
    this.indexes.delete(key);
    this.collection.delete(document.uri);
  }

  recheckAll(): void {
    vscode.workspace.textDocuments.forEach((document) => this.check(document));
  }

  /** Rechecks the open notes a configuration change reaches (each by its own scope). */
  settingsChanged(event: vscode.ConfigurationChangeEvent): void {
    if (affectsNoteLanguages(event)) return this.recheckAll();
    for (const document of vscode.workspace.textDocuments) if (event.affectsConfiguration(DO_NOT_USE_SETTINGS, document)) this.check(document);
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE && ruleOf(diagnostic) !== undefined);
    if (ours.length === 0) return [];
    const fixes: vscode.CodeAction[] = [];
    const silencers: vscode.CodeAction[] = [];
    const findings = this.index(document).findings;
    const model = this.noteModels.get(document);
    const offered = new Set<string>();
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const scope = disableScope(folder !== undefined, vscode.workspace.workspaceFolders !== undefined);
    for (const diagnostic of ours) {
      const rule = ruleOf(diagnostic)!;
      const finding = findings.find((candidate) => candidate.rule === rule && rangeOf(candidate).isEqual(diagnostic.range));
      if (finding?.replacement !== undefined) {
        const action = new vscode.CodeAction(vscode.l10n.t('Write “{0}” instead of “{1}”', finding.replacement, finding.text), vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, diagnostic.range, finding.replacement);
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        fixes.push(action);
      }
      const line = diagnostic.range.start.line;
      const lineEdit = disableCommentEdit(model.lines, line, rule, model.isExcludedLine);
      if (lineEdit && !offered.has(`${rule} ${line}`)) {
        offered.add(`${rule} ${line}`);
        const action = new vscode.CodeAction(disableLineTitle(rule, disableWording), vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, new vscode.Range(lineEdit.line, lineEdit.startCharacter, lineEdit.line, lineEdit.endCharacter), lineEdit.text);
        action.diagnostics = ours.filter((other) => ruleOf(other) === rule && other.range.start.line === line);
        silencers.push(action);
      }
      if (!offered.has(rule)) {
        offered.add(rule);
        const action = new vscode.CodeAction(disableRuleTitle(rule, scope, disableWording), vscode.CodeActionKind.QuickFix);
        action.command = { command: DISABLE_DO_NOT_USE_RULE_COMMAND, title: action.title, arguments: [rule, document.uri] };
        action.diagnostics = ours.filter((other) => ruleOf(other) === rule);
        silencers.push(action);
      }
    }
    // The spelled-out forms first: they fix the note; silencing it comes after.
    return fixes.concat(silencers);
  }

  private publish(document: vscode.TextDocument, levels: ReadonlyMap<DoNotUseRuleId, DoNotUseLevel>): void {
    const index = this.index(document);
    const diagnostics: vscode.Diagnostic[] = [];
    for (const finding of index.findings) {
      const level = levels.get(finding.rule)!;
      if (level === 'off') continue;
      const diagnostic = new vscode.Diagnostic(rangeOf(finding), finding.message, severityOf(level));
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = { value: finding.rule, target: rulesPageTarget(finding.rule) };
      diagnostics.push(diagnostic);
    }
    for (const notice of index.notices) {
      const diagnostic = new vscode.Diagnostic(rangeOf({ ...notice, endLine: notice.line }), notice.message, vscode.DiagnosticSeverity.Information);
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = { value: COMMENT_NOTICE_CODE, target: rulesPageTarget('settings') };
      diagnostics.push(diagnostic);
    }
    this.collection.set(document.uri, diagnostics);
  }

  /** The index of a note (made from the shared model on first use). */
  private index(document: vscode.TextDocument): DoNotUseIndex {
    const key = document.uri.toString();
    const model = this.noteModels.get(document);
    let known = this.indexes.get(key);
    if (!known || known.model !== model) {
      known = { model, index: new DoNotUseIndex(model) };
      this.indexes.set(key, known);
    }
    return known.index;
  }

  dispose(): void {
    disposeAll([this.pending, this.collection]);
    this.indexes.clear();
  }
}

/**
 * Sets a rule to "off" where the quick fix said: the note's folder's settings, else the
 * workspace's, else the user's. Only that level's value changes, and only that rule in it.
 */
async function disableRule(rule: unknown, note: unknown): Promise<vscode.ConfigurationTarget | undefined> {
  // Only from our quick fix: a rule id and a real Uri (a command link's JSON is a plain object).
  if (!isDoNotUseRuleId(rule) || !(note instanceof vscode.Uri)) return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(note);
  const scope = disableScope(folder !== undefined, vscode.workspace.workspaceFolders !== undefined);
  const configuration = vscode.workspace.getConfiguration(SECTION, folder?.uri ?? null);
  const held = configuration.inspect<unknown>(RULES_KEY);
  const [target, current] =
    scope === 'folder'
      ? [vscode.ConfigurationTarget.WorkspaceFolder, held?.workspaceFolderValue]
      : scope === 'workspace'
        ? [vscode.ConfigurationTarget.Workspace, held?.workspaceValue]
        : [vscode.ConfigurationTarget.Global, held?.globalValue];
  await configuration.update(RULES_KEY, withRuleOff(current, rule), target);
  // (No folder name in it: the status bar would render a name's `$(icon)` syntax.)
  const done =
    scope === 'folder'
      ? vscode.l10n.t('Do Not Use: “{0}” is off in this folder’s settings.', rule)
      : scope === 'workspace'
        ? vscode.l10n.t('Do Not Use: “{0}” is off in the workspace settings.', rule)
        : vscode.l10n.t('Do Not Use: “{0}” is off in your user settings.', rule);
  vscode.window.setStatusBarMessage(done, 5000);
  return target;
}

export function registerDoNotUseDiagnostics(noteModels: NoteModels): vscode.Disposable {
  const diagnostics = new DoNotUseDiagnostics(noteModels);
  const subscriptions = [
    diagnostics,
    registerDoNotUseRulesPage(),
    registerCommand(DISABLE_DO_NOT_USE_RULE_COMMAND, (rule?: unknown, note?: unknown) => disableRule(rule, note)),
    registerForNotes((selector) =>
      vscode.languages.registerCodeActionsProvider(selector, diagnostics, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    ),
    vscode.workspace.onDidOpenTextDocument((document) => diagnostics.check(document)),
    // After the shared model has followed the edit: listening to the document event could read it stale.
    noteModels.onDidUpdate((update) => diagnostics.follow(update)),
    vscode.workspace.onDidCloseTextDocument((document) => diagnostics.forget(document)),
    vscode.workspace.onDidChangeConfiguration((event) => diagnostics.settingsChanged(event)),
  ];
  // The notes already open, just after activation rather than inside it: opening a note is what
  // activates the extension, and activate() stays light.
  const firstCheck = setTimeout(() => diagnostics.recheckAll(), 0);
  return new vscode.Disposable(() => {
    clearTimeout(firstCheck);
    disposeAll(subscriptions);
  });
}
