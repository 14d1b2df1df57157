import * as vscode from 'vscode';
import { Delayer } from '../../util/delayer';
import { disposeAll } from '../../util/dispose';
import { logError } from '../../util/log';
import { quotedForMessage } from '../../util/messageText';
import { staysInsideFolder } from '../../util/workspaceFiles';
import { literalFoldersOf, pathInsideFolder } from '../../paths/workspacePaths';
import type { Phrase, PhraseProblem } from '../phrases';
import { phrases } from './phrasesModule';

export const PHRASE_FOLDERS_SETTING = 'iliopsoas.phrases.folders';
export const DEFAULT_PHRASE_FOLDER = '.vscode/iliopsoas-phrases';
/** Bigger files are not phrases (a phrase is a page or two): not read. */
const MAX_FILE_BYTES = 1_000_000;
/** A folder deeper than this, or with more files, is not a clinic's phrase folder: the rest is left out. */
const MAX_DEPTH = 4;
const MAX_FILES = 2_000;
/** Files read at once: enough to overlap the reads, few enough not to flood the file service. */
const READ_BATCH = 128;
/** How long after a watcher event a folder is looked through once more (a git checkout writes many files). */
const RESCAN_AFTER_MS = 300;
/** How often a folder without a phrase folder is looked at again when its phrases are asked for. */
const LOOK_AGAIN_AFTER_MS = 2_000;

/** A clinic's phrase, with the file it comes from. */
export interface ClinicPhrase extends Phrase {
  readonly uri: vscode.Uri;
  /** The file as the workspace names it (`.vscode/iliopsoas-phrases/lbp.md`), for messages. */
  readonly file: string;
}

/** Extra problems for a phrase: the checks of phrases/phraseChecks.ts. */
export type PhraseChecker = (phrase: Phrase, text: string) => readonly PhraseProblem[];

interface ReadFile {
  readonly phrase: ClinicPhrase | undefined;
  readonly problems: readonly PhraseProblem[];
  readonly text: string;
}

/** A folder's `iliopsoas.phrases.folders`, as plain paths inside it (a path that leaves it, or a glob, names none). */
export function phraseFolderPaths(folder: vscode.WorkspaceFolder): { paths: string[]; refused: string[] } {
  const configured = vscode.workspace.getConfiguration(undefined, folder.uri).get<unknown>(PHRASE_FOLDERS_SETTING);
  const given = Array.isArray(configured) ? configured.filter((path): path is string => typeof path === 'string' && path.trim() !== '') : [DEFAULT_PHRASE_FOLDER];
  const paths: string[] = [];
  const refused: string[] = [];
  for (const path of given) {
    const inside = pathInsideFolder(path);
    if (inside === undefined) refused.push(path);
    else if (!paths.includes(inside)) paths.push(inside);
  }
  return { paths, refused };
}

/**
 * Whether a file is a clinic phrase file (a `.md` in a phrase folder of its workspace folder): its
 * fields are meant to be there, and its own checks (the phrase store's, in the Problems view even
 * while it is closed) replace the note checks.
 */
export function isClinicPhraseFile(uri: vscode.Uri): boolean {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder || !uri.path.toLowerCase().endsWith('.md')) return false;
  const base = folder.uri.path.replace(/\/+$/, '');
  return phraseFolderPaths(folder).paths.some((path) => uri.path.startsWith(`${base}/${path}/`));
}

/**
 * The clinic phrases of each workspace folder: Markdown files in its phrase folders
 * (`iliopsoas.phrases.folders`, by default `.vscode/iliopsoas-phrases/`), read in trusted
 * workspaces only, on first use (a dot-phrase, Insert Phrase…, or a phrase file saved), and kept
 * current by file watchers, one file at a time. A broken file is named (Problems view, and one
 * notification per change) and the others still load.
 */
export class ClinicPhraseStore implements vscode.Disposable {
  /** Per folder (Uri string): its files read, by Uri string; no key until first needed. */
  private readonly files = new Map<string, Map<string, ReadFile>>();
  private readonly loading = new Map<string, Promise<void>>();
  /**
   * Folders none of whose phrase folders existed at their last scan, with when that was. A phrase
   * folder that appears from outside (a git pull making .vscode/ anew) can reach no watcher: such
   * a folder is looked at again when its phrases are asked for, at most every few seconds.
   */
  private readonly missingSince = new Map<string, number>();
  private watchers: vscode.Disposable[] = [];
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('iliopsoas-phrases');
  private readonly didChange = new vscode.EventEmitter<void>();
  private readonly rescan = new Delayer<string>(RESCAN_AFTER_MS, 'reading the clinic phrases again');
  /** The problems last announced per file, so a file is not announced again until they change. */
  private readonly announced = new Map<string, string>();
  private readonly subscriptions: vscode.Disposable[];
  /** Bumped on restart: a read started before it is dropped. */
  private generation = 0;

  readonly onDidChange = this.didChange.event;

  constructor(private readonly check: PhraseChecker = () => []) {
    this.subscriptions = [
      this.diagnostics,
      this.didChange,
      this.rescan,
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(PHRASE_FOLDERS_SETTING)) this.restart();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.restart()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.restart()),
    ];
    this.restart();
  }

  /**
   * The clinic phrases for a note: its folder's (a note in no folder gets the only folder's in a
   * one-folder window), each name once (the first file by path wins), in name order. None in
   * Restricted Mode. Reads the folder's phrase files the first time.
   */
  async phrasesFor(resource: vscode.Uri | undefined): Promise<readonly ClinicPhrase[]> {
    const folder = this.folderOf(resource);
    if (!folder || !vscode.workspace.isTrusted) return [];
    const key = folder.uri.toString();
    const missing = this.missingSince.get(key);
    if (missing !== undefined && Date.now() - missing > LOOK_AGAIN_AFTER_MS) {
      this.missingSince.delete(key);
      this.loading.set(key, (this.loading.get(key) ?? Promise.resolve()).then(() => this.scan(folder)).catch((error: unknown) => logError('reading the clinic phrases', error)));
    }
    await this.load(folder);
    const byName = new Map<string, ClinicPhrase>();
    // By path, as publish() decides which of two files with one name is offered.
    const files = [...(this.files.get(folder.uri.toString()) ?? [])].sort(([a], [b]) => a.localeCompare(b));
    for (const [, file] of files) {
      if (file.phrase && !byName.has(file.phrase.name)) byName.set(file.phrase.name, file.phrase);
    }
    return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Resolves once every folder read so far has been read (tests wait on it). */
  async whenLoaded(): Promise<void> {
    await Promise.all(this.loading.values());
  }

  private folderOf(resource: vscode.Uri | undefined): vscode.WorkspaceFolder | undefined {
    const folders = vscode.workspace.workspaceFolders ?? [];
    return (resource && vscode.workspace.getWorkspaceFolder(resource)) ?? (folders.length === 1 ? folders[0] : undefined);
  }

  private restart(): void {
    this.generation++;
    disposeAll(this.watchers);
    this.watchers = [];
    const hadFiles = this.files.size > 0;
    this.files.clear();
    this.loading.clear();
    this.missingSince.clear();
    this.diagnostics.clear();
    this.announced.clear();
    if (hadFiles) this.didChange.fire();
  }

  /**
   * Watches a folder's phrase folders: from its first read on, not at activation (a phrase file
   * opened in an editor is a note, and so is read, and watched, from then on).
   */
  private watch(folder: vscode.WorkspaceFolder): void {
    for (const path of phraseFolderPaths(folder).paths) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, `${path}/**/*.md`));
      const changed = (uri: vscode.Uri) => this.fileChanged(folder, uri);
      this.watchers.push(watcher, watcher.onDidCreate(changed), watcher.onDidChange(changed), watcher.onDidDelete((uri) => this.fileDeleted(folder, uri)));
      // The phrase folder itself arriving (git pull creating .vscode/) may reach no file watcher.
      for (const parent of literalFoldersOf(`${path}/x.md`)) {
        // A folder deleted and made again in one moment may be reported as changed.
        const folderWatcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, parent));
        const rescan = () => this.scheduleRescan(folder);
        this.watchers.push(folderWatcher, folderWatcher.onDidCreate(rescan), folderWatcher.onDidChange(rescan), folderWatcher.onDidDelete(rescan));
      }
    }
  }

  private load(folder: vscode.WorkspaceFolder): Promise<void> {
    const key = folder.uri.toString();
    let loading = this.loading.get(key);
    if (!loading) {
      this.watch(folder);
      loading = this.scan(folder).catch((error: unknown) => logError('reading the clinic phrases', error));
      this.loading.set(key, loading);
    }
    return loading;
  }

  private scheduleRescan(folder: vscode.WorkspaceFolder): void {
    const key = folder.uri.toString();
    // A folder nobody has asked for yet is read when first asked.
    if (!this.loading.has(key)) return;
    this.rescan.trigger(key, () => {
      const previous = this.loading.get(key) ?? Promise.resolve();
      this.loading.set(
        key,
        previous.then(() => this.scan(folder)).catch((error: unknown) => logError('reading the clinic phrases', error)),
      );
    });
  }

  /** Reads every phrase file of a folder afresh. */
  private async scan(folder: vscode.WorkspaceFolder): Promise<void> {
    const generation = this.generation;
    const uris: vscode.Uri[] = [];
    let anyFolder = false;
    for (const path of phraseFolderPaths(folder).paths) {
      const root = vscode.Uri.joinPath(folder.uri, path);
      // A phrase folder reached through a link could be anywhere: not read.
      if (!(await staysInsideFolder(folder.uri, root))) continue;
      if (await this.listMarkdown(root, 0, uris)) anyFolder = true;
    }
    const read = new Map<string, ReadFile>();
    for (let start = 0; start < uris.length; start += READ_BATCH) {
      const batch = uris.slice(start, start + READ_BATCH);
      const results = await Promise.all(batch.map((uri) => this.readFile(uri)));
      results.forEach((result, index) => {
        if (result) read.set(batch[index].toString(), result);
      });
    }
    if (generation !== this.generation) return;
    const key = folder.uri.toString();
    if (anyFolder) this.missingSince.delete(key);
    else this.missingSince.set(key, Date.now());
    const before = this.files.get(key);
    for (const uri of before?.keys() ?? []) if (!read.has(uri)) this.forget(vscode.Uri.parse(uri));
    this.files.set(key, read);
    this.publish(folder, [...read.keys()]);
  }

  /** Adds the folder's Markdown files to `into`; false if there is no such folder. */
  private async listMarkdown(folder: vscode.Uri, depth: number, into: vscode.Uri[]): Promise<boolean> {
    if (depth > MAX_DEPTH || into.length >= MAX_FILES) return true;
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(folder);
    } catch {
      return false; // no such folder: no phrases
    }
    entries.sort(([a], [b]) => a.localeCompare(b));
    for (const [name, type] of entries) {
      if (into.length >= MAX_FILES) return true;
      // Links are not followed: a cloned repository's link could point anywhere.
      if (type & vscode.FileType.SymbolicLink) continue;
      const uri = vscode.Uri.joinPath(folder, name);
      if (type & vscode.FileType.Directory) await this.listMarkdown(uri, depth + 1, into);
      else if (type & vscode.FileType.File && name.toLowerCase().endsWith('.md')) into.push(uri);
    }
    return true;
  }

  private async readFile(uri: vscode.Uri): Promise<ReadFile | undefined> {
    let bytes: Uint8Array;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type & vscode.FileType.SymbolicLink || !(stat.type & vscode.FileType.File)) return undefined;
      if (stat.size > MAX_FILE_BYTES) {
        return { phrase: undefined, text: '', problems: [phrases().tooLargeProblem(MAX_FILE_BYTES)] };
      }
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      return undefined; // deleted meanwhile
    }
    const text = new TextDecoder().decode(bytes);
    const file = vscode.workspace.asRelativePath(uri);
    try {
      const parsed = phrases().parsePhraseFile(text);
      const problems = parsed.phrase ? [...parsed.problems, ...this.check(parsed.phrase, text)] : parsed.problems;
      return { phrase: parsed.phrase && { ...parsed.phrase, uri, file }, problems, text };
    } catch (error) {
      // One file that trips the parser must not keep the others from loading.
      logError(`reading the clinic phrase ${file}`, error);
      return { phrase: undefined, text, problems: [phrases().unreadableProblem(error)] };
    }
  }

  private async fileChanged(folder: vscode.WorkspaceFolder, uri: vscode.Uri): Promise<void> {
    const key = folder.uri.toString();
    // The folder was read again from scratch since this watcher was made (a restart): read it whole.
    if (!this.loading.has(key)) {
      await this.load(folder);
      return;
    }
    const generation = this.generation;
    await this.loading.get(key);
    const result = await this.readFile(uri);
    const files = this.files.get(key);
    if (generation !== this.generation || !files) return;
    if (result) files.set(uri.toString(), result);
    else files.delete(uri.toString());
    this.publish(folder, [uri.toString()]);
  }

  private fileDeleted(folder: vscode.WorkspaceFolder, uri: vscode.Uri): void {
    const files = this.files.get(folder.uri.toString());
    if (!files?.delete(uri.toString())) return;
    this.forget(uri);
    this.publish(folder, []);
  }

  private forget(uri: vscode.Uri): void {
    this.diagnostics.delete(uri);
    this.announced.delete(uri.toString());
  }

  /** Sets the problems of the files just read, names a name used twice, and announces what newly broke. */
  private publish(folder: vscode.WorkspaceFolder, changed: readonly string[]): void {
    const files = this.files.get(folder.uri.toString());
    if (!files) return;
    // A name used by two files: the first by path is offered; the others say so.
    const firstOfName = new Map<string, ClinicPhrase>();
    const duplicateOf = new Map<string, ClinicPhrase>();
    for (const [uri, file] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
      if (!file.phrase) continue;
      const first = firstOfName.get(file.phrase.name);
      if (first) duplicateOf.set(uri, first);
      else firstOfName.set(file.phrase.name, file.phrase);
    }
    const newlyBroken: { uri: vscode.Uri; file: string; message: string; count: number }[] = [];
    // One update of the Problems view for the lot: 500 files are one message, not 500.
    const updates: [vscode.Uri, vscode.Diagnostic[] | undefined][] = [];
    for (const [key, file] of files) {
      const first = duplicateOf.get(key);
      const problems: PhraseProblem[] = [...file.problems];
      if (first) problems.push(phrases().duplicateNameProblem(file.phrase!.name, first.file));
      const uri = file.phrase?.uri ?? vscode.Uri.parse(key);
      // A file without problems that had none is left alone.
      if (problems.length > 0 || this.diagnostics.has(uri)) updates.push([uri, problems.length === 0 ? undefined : problems.map((problem) => diagnosticOf(problem, file.text))]);
      const errors = problems.filter((problem) => problem.severity === 'error');
      const summary = errors.map((problem) => problem.message).join('\n');
      if (summary === (this.announced.get(key) ?? '')) continue;
      this.announced.set(key, summary);
      if (errors.length > 0 && (changed.includes(key) || first)) {
        newlyBroken.push({ uri, file: vscode.workspace.asRelativePath(uri), message: phrases().describeProblem(errors[0]), count: errors.length });
      }
    }
    this.diagnostics.set(updates);
    this.didChange.fire();
    if (newlyBroken.length > 0) announce(newlyBroken);
  }

  dispose(): void {
    disposeAll(this.watchers);
    disposeAll(this.subscriptions);
  }
}

function diagnosticOf(problem: PhraseProblem, text: string): vscode.Diagnostic {
  const lineText = text.split('\n', problem.line + 1)[problem.line] ?? '';
  const start = problem.character ?? 0;
  const end = problem.endCharacter ?? Math.max(start, lineText.replace(/\r$/, '').length);
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(problem.line, start, problem.line, end),
    problem.message,
    problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
  );
  diagnostic.source = 'Iliopsoas Notes';
  return diagnostic;
}

/** One notification for the files that just broke: the first named with its first problem, the rest counted. */
function announce(broken: readonly { uri: vscode.Uri; file: string; message: string; count: number }[]): void {
  const [first] = broken;
  // The problem quotes the file (a name, a key): it must not become a link.
  const problem = quotedForMessage(`${first.file}, ${first.message}`);
  const message =
    broken.length === 1
      ? vscode.l10n.t({ message: 'Clinic phrase {0} The other phrases are still offered; the Problems view lists the rest.', args: [problem], comment: '{0}: the file, the line and its problem, in English' })
      : vscode.l10n.t({
          message: 'Clinic phrase {0} ({1} more phrase files have problems: see the Problems view.) The other phrases are still offered.',
          args: [problem, broken.length - 1],
          comment: '{0}: the file, the line and its problem, in English; {1}: how many more files',
        });
  const openFile = vscode.l10n.t('Open File');
  void vscode.window.showWarningMessage(message, openFile).then((choice) => {
    if (choice === openFile) void vscode.window.showTextDocument(first.uri);
  });
}
