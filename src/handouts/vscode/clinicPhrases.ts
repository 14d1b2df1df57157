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
/** Bigger files are not phrases (a phrase is a page or two, and the parser stops at 200,000 characters): not read. */
const MAX_FILE_BYTES = 256 * 1024;
/** Problems shown per file: a file with thousands is named by its first ones, and the count. */
const MAX_PROBLEMS_PER_FILE = 200;
/** A folder deeper than this, or with more files, is not a clinic's phrase folder: the rest is left out. */
const MAX_DEPTH = 4;
const MAX_FILES = 2_000;
/** Files read at once: enough to overlap the reads, few enough not to flood the file service. */
const READ_BATCH = 128;
/** How long after a watcher event a folder is looked through once more (a git checkout writes many files). */
const RESCAN_AFTER_MS = 300;
/** How often a folder without a phrase folder is looked at again when its phrases are asked for. */
const LOOK_AGAIN_AFTER_MS = 2_000;
/**
 * How often a folder's phrase files are looked through again (in the background, when asked for):
 * file watchers lose events (a watcher restarting, the system's limit on watched folders), and
 * a phrase file changed then must still be offered. Files whose size and time are unchanged are
 * not read again.
 */
const LOOK_THROUGH_AFTER_MS = 5_000;

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
  /** Its problems as the Problems view shows them, made once when it is read (its text is not kept). */
  readonly diagnostics: readonly vscode.Diagnostic[];
  /** The first error's line and message, for the notification, and a summary to tell new problems from old. */
  readonly firstError: string | undefined;
  readonly errorSummary: string;
  /** The file's first line's length: where a name used twice is flagged. */
  readonly firstLineLength: number;
  /** The file's stat when read: a look through the folder reads again only files that changed. */
  readonly mtime: number;
  readonly size: number;
}

/** Paths compared by their characters, not the machine's locale: every clinician sees the same file win. */
function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
  /** When each folder was last looked through. */
  private readonly scannedAt = new Map<string, number>();
  private watchers: vscode.Disposable[] = [];
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('iliopsoas-phrases');
  private readonly didChange = new vscode.EventEmitter<void>();
  private readonly rescan = new Delayer<string>(RESCAN_AFTER_MS, 'reading the clinic phrases again');
  /** The problems last announced per file, so a file is not announced again until they change. */
  private readonly announced = new Map<string, string>();
  private readonly subscriptions: vscode.Disposable[];
  /** Bumped on restart (and dispose): a read started before it is dropped. */
  private generation = 0;
  private disposed = false;
  /** The files changed since the folder's last update, by folder: read together after a pause. */
  private readonly changedFiles = new Map<string, Set<string>>();
  /** The file each duplicate was last flagged against, so only what changed is sent again. */
  private readonly flaggedDuplicates = new Map<string, string>();

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
    const ready = this.load(folder);
    const scanned = this.scannedAt.get(key);
    // Not waited for: this answer has the files as they are known; the next has any change.
    if (scanned !== undefined && Date.now() - scanned > LOOK_THROUGH_AFTER_MS) {
      this.scannedAt.set(key, Date.now());
      this.enqueue(folder, () => this.scan(folder));
    }
    await ready;
    const byName = new Map<string, ClinicPhrase>();
    // By path, as publish() decides which of two files with one name is offered.
    const files = [...(this.files.get(folder.uri.toString()) ?? [])].sort(([a], [b]) => byPath(a, b));
    for (const [, file] of files) {
      if (file.phrase && !byName.has(file.phrase.name)) byName.set(file.phrase.name, file.phrase);
    }
    return [...byName.values()].sort((a, b) => byPath(a.name, b.name));
  }

  /** Resolves once every folder read so far has been read (tests wait on it). */
  async whenLoaded(): Promise<void> {
    await Promise.all(this.loading.values());
  }

  private folderOf(resource: vscode.Uri | undefined): vscode.WorkspaceFolder | undefined {
    const folders = vscode.workspace.workspaceFolders ?? [];
    return (resource && vscode.workspace.getWorkspaceFolder(resource)) ?? (folders.length === 1 ? folders[0] : undefined);
  }

  /** Starts afresh (the setting, the folders or trust changed), reading again the folders read before. */
  private restart(): void {
    this.generation++;
    disposeAll(this.watchers);
    this.watchers = [];
    const wereRead = new Set(this.loading.keys());
    const hadFiles = this.files.size > 0;
    this.files.clear();
    this.loading.clear();
    this.missingSince.clear();
    this.scannedAt.clear();
    this.changedFiles.clear();
    this.flaggedDuplicates.clear();
    this.diagnostics.clear();
    if (hadFiles) this.didChange.fire();
    if (!vscode.workspace.isTrusted) return;
    // (What was announced stays known: a file whose problems did not change is not announced again.)
    for (const folder of vscode.workspace.workspaceFolders ?? []) if (wereRead.has(folder.uri.toString())) void this.load(folder);
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
      // A subfolder deleted or moved away is one event for the folder, none for its files; one
      // moved in, none for its files either.
      const tree = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, `${path}/**`), false, true, false);
      this.watchers.push(
        tree,
        tree.onDidCreate((uri) => {
          if (!uri.path.toLowerCase().endsWith('.md')) this.scheduleRescan(folder);
        }),
        tree.onDidDelete((uri) => this.folderDeleted(folder, uri)),
      );
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
    const known = this.files.get(folder.uri.toString());
    for (let start = 0; start < uris.length; start += READ_BATCH) {
      const batch = uris.slice(start, start + READ_BATCH);
      const results = await Promise.all(batch.map((uri) => this.readFile(uri, known?.get(uri.toString()))));
      results.forEach((result, index) => {
        if (result) read.set(batch[index].toString(), result);
      });
    }
    if (generation !== this.generation) return;
    const key = folder.uri.toString();
    this.scannedAt.set(key, Date.now());
    if (anyFolder) this.missingSince.delete(key);
    else this.missingSince.set(key, Date.now());
    const before = this.files.get(key);
    for (const uri of before?.keys() ?? []) if (!read.has(uri)) this.forget(vscode.Uri.parse(uri));
    this.files.set(key, read);
    // What was read again (or is new) is sent to the Problems view; files unchanged keep theirs.
    this.publish(folder, [...read].filter(([uri, file]) => before?.get(uri) !== file).map(([uri]) => uri));
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
    entries.sort(([a], [b]) => byPath(a, b));
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

  /** Reads a phrase file (or keeps `known`, read before, if its size and time are the same). */
  private async readFile(uri: vscode.Uri, known?: ReadFile): Promise<ReadFile | undefined> {
    let bytes: Uint8Array;
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
      if (stat.type & vscode.FileType.SymbolicLink || !(stat.type & vscode.FileType.File)) return undefined;
      if (known && known.mtime === stat.mtime && known.size === stat.size) return known;
      if (stat.size > MAX_FILE_BYTES) return readFileOf(undefined, [phrases().tooLargeProblem(MAX_FILE_BYTES)], '', stat);
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      return undefined; // deleted meanwhile
    }
    const text = new TextDecoder().decode(bytes);
    const file = vscode.workspace.asRelativePath(uri);
    try {
      const parsed = phrases().parsePhraseFile(text);
      const problems = parsed.phrase ? [...parsed.problems, ...this.check(parsed.phrase, text)] : parsed.problems;
      return readFileOf(parsed.phrase && { ...parsed.phrase, uri, file }, problems, text, stat);
    } catch (error) {
      // One file that trips the parser must not keep the others from loading.
      logError(`reading the clinic phrase ${file}`, error);
      return readFileOf(undefined, [phrases().unreadableProblem(error)], text, stat);
    }
  }

  /**
   * A file saved, created or changed: read with the others that change in the same moment (a git
   * checkout writes hundreds), after a pause, in the folder's queue, so a rescan and this update
   * never overtake each other.
   */
  private fileChanged(folder: vscode.WorkspaceFolder, uri: vscode.Uri): void {
    const key = folder.uri.toString();
    let changed = this.changedFiles.get(key);
    if (!changed) this.changedFiles.set(key, (changed = new Set()));
    changed.add(uri.toString());
    this.rescan.trigger(`files ${key}`, () => this.enqueue(folder, () => this.readChanged(folder)));
  }

  /** Runs an update of a folder after the ones before it. */
  private enqueue(folder: vscode.WorkspaceFolder, update: () => Promise<void>): void {
    const key = folder.uri.toString();
    this.loading.set(key, (this.loading.get(key) ?? this.load(folder)).then(update).catch((error: unknown) => logError('reading the clinic phrases', error)));
  }

  private async readChanged(folder: vscode.WorkspaceFolder): Promise<void> {
    const key = folder.uri.toString();
    const changed = [...(this.changedFiles.get(key) ?? [])];
    this.changedFiles.delete(key);
    const generation = this.generation;
    const results: (ReadFile | undefined)[] = [];
    for (let start = 0; start < changed.length; start += READ_BATCH) {
      results.push(...(await Promise.all(changed.slice(start, start + READ_BATCH).map((uri) => this.readFile(vscode.Uri.parse(uri))))));
    }
    const files = this.files.get(key);
    if (generation !== this.generation || !files) return;
    changed.forEach((uri, index) => {
      const result = results[index];
      if (result) files.set(uri, result);
      else if (files.delete(uri)) this.forget(vscode.Uri.parse(uri));
    });
    this.publish(folder, changed);
  }

  private fileDeleted(folder: vscode.WorkspaceFolder, uri: vscode.Uri): void {
    const files = this.files.get(folder.uri.toString());
    if (!files?.delete(uri.toString())) return;
    this.forget(uri);
    this.publish(folder, []);
  }

  /** Everything under a deleted path goes (a file's own event may never come). */
  private folderDeleted(folder: vscode.WorkspaceFolder, deleted: vscode.Uri): void {
    const files = this.files.get(folder.uri.toString());
    if (!files) return;
    const prefix = `${deleted.toString()}/`;
    const gone = [...files.keys()].filter((key) => key.startsWith(prefix));
    if (gone.length === 0) return;
    for (const key of gone) {
      files.delete(key);
      this.forget(vscode.Uri.parse(key));
    }
    this.publish(folder, []);
  }

  private forget(uri: vscode.Uri): void {
    this.diagnostics.delete(uri);
    this.announced.delete(uri.toString());
    this.flaggedDuplicates.delete(uri.toString());
  }

  /**
   * Sends the problems of the files just read, and of those whose name became (or stopped being)
   * one another file uses, to the Problems view in one update, and announces what newly broke.
   */
  private publish(folder: vscode.WorkspaceFolder, changed: readonly string[]): void {
    if (this.disposed) return;
    const files = this.files.get(folder.uri.toString());
    if (!files) return;
    // A name used by two files: the first by path is offered; the others say so.
    const firstOfName = new Map<string, ClinicPhrase>();
    const duplicateOf = new Map<string, ClinicPhrase>();
    for (const [uri, file] of [...files].sort(([a], [b]) => byPath(a, b))) {
      if (!file.phrase) continue;
      const first = firstOfName.get(file.phrase.name);
      if (first) duplicateOf.set(uri, first);
      else firstOfName.set(file.phrase.name, file.phrase);
    }
    const changedNow = new Set(changed);
    const newlyBroken: { uri: vscode.Uri; file: string; message: string }[] = [];
    const updates: [vscode.Uri, vscode.Diagnostic[] | undefined][] = [];
    for (const [key, file] of files) {
      const first = duplicateOf.get(key);
      const flagged = first?.file;
      if (!changedNow.has(key) && flagged === this.flaggedDuplicates.get(key)) continue;
      if (flagged === undefined) this.flaggedDuplicates.delete(key);
      else this.flaggedDuplicates.set(key, flagged);
      const uri = file.phrase?.uri ?? vscode.Uri.parse(key);
      const diagnostics = [...file.diagnostics];
      let firstError = file.firstError;
      if (first) {
        const problem = phrases().duplicateNameProblem(file.phrase!.name, first.file);
        diagnostics.push(diagnosticOf(problem, file.firstLineLength));
        firstError ??= phrases().describeProblem(problem);
      }
      // A file without problems that had none is left alone.
      if (diagnostics.length > 0 || this.diagnostics.has(uri)) updates.push([uri, diagnostics.length === 0 ? undefined : diagnostics]);
      const summary = `${file.errorSummary}${first ? `\n${first.file}` : ''}`;
      if (summary === (this.announced.get(key) ?? '')) continue;
      this.announced.set(key, summary);
      if (firstError !== undefined) newlyBroken.push({ uri, file: vscode.workspace.asRelativePath(uri), message: firstError });
    }
    if (updates.length > 0) this.diagnostics.set(updates);
    this.didChange.fire();
    if (newlyBroken.length > 0) announce(newlyBroken);
  }

  dispose(): void {
    this.disposed = true;
    this.generation++;
    disposeAll(this.watchers);
    disposeAll(this.subscriptions);
  }
}

function diagnosticOf(problem: PhraseProblem, lineLength: number): vscode.Diagnostic {
  const start = problem.character ?? 0;
  const end = problem.endCharacter ?? Math.max(start, lineLength);
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(problem.line, start, problem.line, end),
    problem.message,
    problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
  );
  diagnostic.source = 'Iliopsoas Notes';
  return diagnostic;
}

/** A file read: its problems made Diagnostics once (at most MAX_PROBLEMS_PER_FILE, and the count of the rest), its text let go. */
function readFileOf(phrase: ClinicPhrase | undefined, problems: readonly PhraseProblem[], text: string, stat: vscode.FileStat): ReadFile {
  // Each line's length from one pass over the text, not one search per problem.
  const lineLengths: number[] = [];
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', lineStart)) {
    lineLengths.push(index - lineStart - (text.charCodeAt(index - 1) === 0x0d ? 1 : 0));
    lineStart = index + 1;
  }
  lineLengths.push(text.length - lineStart);
  const shown = problems.slice(0, MAX_PROBLEMS_PER_FILE);
  const diagnostics = shown.map((problem) => diagnosticOf(problem, lineLengths[problem.line] ?? 0));
  if (problems.length > shown.length) diagnostics.push(diagnosticOf(phrases().moreProblems(problems.length - shown.length), lineLengths[0]));
  const errors = problems.filter((problem) => problem.severity === 'error');
  return {
    phrase,
    diagnostics,
    firstError: errors.length > 0 ? phrases().describeProblem(errors[0]) : undefined,
    errorSummary: errors.map((problem) => `${problem.line}:${problem.message}`).join('\n'),
    firstLineLength: lineLengths[0],
    mtime: stat.mtime,
    size: stat.size,
  };
}

/** One notification for the files that just broke: the first named with its first problem, the rest counted. */
function announce(broken: readonly { uri: vscode.Uri; file: string; message: string }[]): void {
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
