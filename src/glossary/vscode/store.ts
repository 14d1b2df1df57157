import * as vscode from 'vscode';
import { Delayer } from '../../util/delayer';
import { disposeAll } from '../../util/dispose';
import { logError } from '../../util/log';
import { quotedForMessage } from '../../util/messageText';
import { builtInFormIndexPlan, lineAndColumn, loadBuiltInGlossary, parseGlossaryFile, type GlossaryProblem } from '../entries';
import { mergeGlossaries } from '../merge';
import { isGlobPattern, literalFoldersOf, pathInsideFolder } from '../../paths/workspacePaths';
import { compileGlossary, type CompiledGlossary } from '../matcher';
import type { GlossaryEntry } from '../types';

export const GLOSSARY_FILES_SETTING = 'iliopsoas.glossary.files';
export const DEFAULT_TEAM_GLOSSARY = '.vscode/iliopsoas-glossary.json';
const DEFAULT_GLOSSARY_FILES = [DEFAULT_TEAM_GLOSSARY];
/**
 * How long after activation the built-in glossary is read and compiled, in the background:
 * activation stays light, and the first hover does not pay for it.
 */
const PREPARE_AFTER_MS = 200;
/** How long after a search or a watcher event the team files are looked for once more. */
const RECHECK_AFTER_MS = 1_000;

async function isFile(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.File) !== 0;
  } catch {
    return false; // not there (or not readable): no team file
  }
}

interface TeamFile {
  readonly uri: vscode.Uri;
  readonly entries: readonly GlossaryEntry[];
}

/** A folder's `iliopsoas.glossary.files` patterns (each folder of a multi-root workspace has its own). */
export function glossaryFilePatterns(folder: vscode.WorkspaceFolder): string[] {
  const configured = vscode.workspace.getConfiguration(undefined, folder.uri).get<unknown>(GLOSSARY_FILES_SETTING);
  return Array.isArray(configured) ? configured.filter((pattern): pattern is string => typeof pattern === 'string' && pattern.trim() !== '') : DEFAULT_GLOSSARY_FILES;
}

/**
 * The glossary in force for a note: the built-in entries with the team glossary files of the
 * note's workspace folder merged over them (see {@link GlossaryStore.current} for notes in no folder). Team files are found through each folder's `iliopsoas.glossary.files`
 * patterns, re-read when they are saved, created or deleted, and only in trusted workspaces. A
 * broken file is reported (Problems view and a notification naming the file and the problem)
 * and skips only what is broken: the built-in glossary and the file's good entries keep answering.
 */
export class GlossaryStore implements vscode.Disposable {
  /** Team files by folder (Uri string); a folder without any has no key. */
  private teamFiles = new Map<string, TeamFile[]>();
  /** The built-in glossary compiled, shared by every note whose folder has no team file. */
  private builtIn: CompiledGlossary | undefined;
  private readonly compiledByFolder = new Map<string, CompiledGlossary>();
  private watchers: vscode.Disposable[] = [];
  private loading: Promise<void> = Promise.resolve();
  /** The messages last shown per file, so a file is not reported again until its problems change. */
  private readonly reported = new Map<string, string>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('iliopsoas-glossary');
  private readonly didChange = new vscode.EventEmitter<void>();
  private readonly recheck = new Delayer<undefined>(RECHECK_AFTER_MS, 'reading the team glossaries again');
  private readonly subscriptions: vscode.Disposable[];

  /** How long the first {@link prepare} took: the built-in glossary read and its tables built (`npm run bench` reports it). */
  preparationMs: number | undefined;

  /** Fires when team glossary files were re-read and the glossary in force may differ. */
  readonly onDidChange = this.didChange.event;

  constructor() {
    this.subscriptions = [
      this.recheck,
      this.diagnostics,
      this.didChange,
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(GLOSSARY_FILES_SETTING)) this.restart();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.restart()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.restart()),
    ];
    this.restart();
    const preparing = setTimeout(() => {
      try {
        this.prepare();
      } catch (error) {
        logError('preparing the glossary', error);
      }
    }, PREPARE_AFTER_MS);
    this.subscriptions.push({ dispose: () => clearTimeout(preparing) });
  }

  /**
   * The compiled glossary in force for a note: its folder's. A note in no folder (untitled, or a
   * file from elsewhere) gets the only folder's in a one-folder window, as its settings do, and
   * the built-in glossary alone in a multi-root one, as does no note. Cheap: compiling defers all
   * real work to the first lookup.
   */
  current(resource?: vscode.Uri): CompiledGlossary {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const folder = resource && (vscode.workspace.getWorkspaceFolder(resource) ?? (folders.length === 1 ? folders[0] : undefined));
    const files = folder && this.teamFiles.get(folder.uri.toString());
    if (!files) return (this.builtIn ??= compileGlossary(loadBuiltInGlossary(), builtInFormIndexPlan));
    const key = folder.uri.toString();
    let compiled = this.compiledByFolder.get(key);
    if (!compiled) {
      compiled = compileGlossary(mergeGlossaries(loadBuiltInGlossary(), files.map((file) => file.entries)));
      this.compiledByFolder.set(key, compiled);
    }
    return compiled;
  }

  /**
   * Reads the glossary in force and builds its tables now, if not yet done: in the background
   * just after activation, or by the first hover if it comes sooner.
   */
  prepare(): void {
    if (this.preparationMs !== undefined) {
      this.current().prepare();
      return;
    }
    const started = performance.now();
    this.current().prepare();
    this.preparationMs = performance.now() - started;
  }

  /** Resolves once the team glossary files known so far have been read. */
  whenLoaded(): Promise<void> {
    return this.loading;
  }

  /**
   * Resolves once the team files have been read, or after `ms` if that takes longer (the search
   * for them can take a few hundred milliseconds after the window opens): a hover then answers
   * from what is in force, and follows the team files once they are read.
   */
  whenLoadedOrAfter(ms: number): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
    return Promise.race([this.loading, waited]).finally(() => clearTimeout(timer));
  }

  private restart(): void {
    disposeAll(this.watchers);
    this.watchers = [];
    if (vscode.workspace.isTrusted) {
      const reload = () => this.reloadAndRecheck();
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        for (const pattern of glossaryFilePatterns(folder)) {
          const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, pattern));
          this.watchers.push(watcher, watcher.onDidCreate(reload), watcher.onDidChange(reload), watcher.onDidDelete(reload));
          // A file that lands in a folder that is new itself (git pull creating .vscode/) may reach
          // no watcher of the file: the folder's arrival is seen, and prompts a search.
          for (const parent of literalFoldersOf(pattern)) {
            const folderWatcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, parent), false, true, true);
            this.watchers.push(folderWatcher, folderWatcher.onDidCreate(reload));
          }
        }
      }
    }
    this.reloadAndRecheck();
  }

  /**
   * Reads the team files now, and once more when things have settled: a file written while the
   * search ran, or just after its folder appeared, or before the watchers were listening, would
   * otherwise stay unseen until its next change.
   */
  private reloadAndRecheck(): void {
    this.reload();
    this.recheck.trigger(undefined, () => this.reload());
  }

  private reload(): void {
    // Chained so that overlapping saves are read in order and the last one wins.
    this.loading = this.loading.then(() => this.readTeamFiles()).catch((error: unknown) => {
      logError('reading the team glossaries', error);
      void vscode.window.showErrorMessage(vscode.l10n.t('Iliopsoas Notes could not read the team glossaries: {0}', quotedForMessage(error instanceof Error ? error.message : String(error))));
    });
  }

  private async readTeamFiles(): Promise<void> {
    const byFolder = new Map<string, TeamFile[]>();
    const read: vscode.Uri[] = [];
    for (const folder of vscode.workspace.isTrusted ? (vscode.workspace.workspaceFolders ?? []) : []) {
      const files: TeamFile[] = [];
      for (const uri of await this.findTeamFiles(folder)) {
        const label = vscode.workspace.asRelativePath(uri);
        let text: string;
        try {
          text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        } catch {
          continue; // deleted between the search and the read
        }
        // One file that trips the parser must not keep the others from loading.
        let parsed: ReturnType<typeof parseGlossaryFile>;
        try {
          parsed = parseGlossaryFile(text, label);
        } catch (error) {
          logError(`reading the team glossary ${label}`, error);
          const message = vscode.l10n.t('{0}: could not be read ({1}); its entries are not in use', label, error instanceof Error ? error.message : String(error));
          parsed = { entries: [], problems: [{ file: label, message }] };
        }
        files.push({ uri, entries: parsed.entries });
        read.push(uri);
        this.report(uri, text, parsed.problems);
      }
      if (files.length > 0) byFolder.set(folder.uri.toString(), files);
    }
    // Each file read has just had its problems set; a file no longer read loses its own. (Not
    // cleared up front: a check while the files are read again would find no problems at all.)
    const readNow = new Set(read.map((uri) => uri.toString()));
    const stale: vscode.Uri[] = [];
    this.diagnostics.forEach((uri) => {
      if (!readNow.has(uri.toString())) stale.push(uri);
    });
    stale.forEach((uri) => this.diagnostics.delete(uri));
    for (const key of [...this.reported.keys()]) {
      if (!readNow.has(key)) this.reported.delete(key);
    }
    // No team files before or after (the usual case): the compiled glossaries in force stay, with
    // the lookup tables a hover or the background preparation may have built already.
    if (byFolder.size === 0 && this.teamFiles.size === 0) return;
    this.teamFiles = byFolder;
    this.compiledByFolder.clear();
    this.didChange.fire();
  }

  /** A folder's team files, in a stable order. */
  private async findTeamFiles(folder: vscode.WorkspaceFolder): Promise<vscode.Uri[]> {
    const found = new Map<string, vscode.Uri>();
    for (const pattern of glossaryFilePatterns(folder)) {
      // A plain path (the default is one) is looked at directly: a search waits for the search
      // service, which can take a few hundred milliseconds after the window opens, and the
      // first hover waits for the team files.
      const literal = pathInsideFolder(pattern);
      if (literal !== undefined) {
        const uri = vscode.Uri.joinPath(folder.uri, literal);
        if (await isFile(uri)) found.set(uri.toString(), uri);
        continue;
      }
      // A plain path that leaves the folder names no team file.
      if (!isGlobPattern(pattern)) continue;
      // No exclude (null): .vscode/ and other usually-excluded folders are where these files live.
      for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, pattern), null)) {
        found.set(uri.toString(), uri);
      }
    }
    return [...found.values()].sort((a, b) => a.toString().localeCompare(b.toString()));
  }

  private report(uri: vscode.Uri, text: string, problems: readonly GlossaryProblem[]): void {
    this.diagnostics.set(
      uri,
      problems.map((problem) => {
        // The entry, property or character at fault (the start of the file only if nothing is known).
        const positionOf = (offset: number) => {
          const at = lineAndColumn(text, offset);
          return new vscode.Position(at.line - 1, at.column - 1);
        };
        const start = problem.offset ?? 0;
        const range = new vscode.Range(positionOf(start), positionOf(start + (problem.length ?? 0)));
        const diagnostic = new vscode.Diagnostic(range, problem.message, vscode.DiagnosticSeverity.Warning);
        diagnostic.source = 'Iliopsoas Notes';
        return diagnostic;
      }),
    );
    const summary = problems.map((problem) => problem.message).join('\n');
    if (summary === (this.reported.get(uri.toString()) ?? '')) return;
    this.reported.set(uri.toString(), summary);
    if (problems.length === 0) return;
    // The problem quotes the file (a term, a property name): it must not become a link.
    const first = quotedForMessage(problems[0].message);
    const others = problems.length - 1;
    // {0} starts with the file's name: "Team glossary .vscode/iliopsoas-glossary.json: not valid JSON: …".
    const message =
      others === 0
        ? vscode.l10n.t({ message: "Team glossary {0}. The built-in glossary and the file's valid entries are still in use.", args: [first], comment: '{0}: the file and its problem, in English' })
        : others === 1
          ? vscode.l10n.t({
              message: "Team glossary {0} (and 1 more problem, in the Problems view). The built-in glossary and the file's valid entries are still in use.",
              args: [first],
              comment: '{0}: the file and its first problem, in English',
            })
          : vscode.l10n.t({
              message: "Team glossary {0} (and {1} more problems, in the Problems view). The built-in glossary and the file's valid entries are still in use.",
              args: [first, others],
              comment: '{0}: the file and its first problem, in English; {1}: how many more',
            });
    const openFile = vscode.l10n.t('Open File');
    void vscode.window.showWarningMessage(message, openFile).then((choice) => {
      if (choice === openFile) void vscode.window.showTextDocument(uri);
    });
  }

  dispose(): void {
    disposeAll(this.watchers);
    disposeAll(this.subscriptions);
  }
}
