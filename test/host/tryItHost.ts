// The try-it host, as `npm run try` starts it (test/host/try.ts) and as the UI test that checks
// its first screen does (test/ui/tryIt.test.ts): code-server on a fresh copy of the sample
// workspace with the extension (its .vsix, else the development host), and a URL that opens a
// sample note. The small try-it extension in test/host/tryIt/ shows the guide's tree beside it.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot, startCodeServer, type CodeServer } from './codeServer';

/** The note the window opens on: the one with the most glossary terms. */
export const SAMPLE_NOTE = 'notes/2026-11-02-initial-assessment.md';

interface Vsce {
  createVSIX(options: { cwd: string; packagePath: string; dependencies: boolean; allowMissingRepository: boolean; skipLicense: boolean }): Promise<void>;
}

/** Packages test/host/tryIt/ (its manifest and the compiled extension.js beside this file) into `dir`. */
export async function buildTryItVsix(dir: string): Promise<string> {
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'iliopsoas-try-it-'));
  try {
    fs.copyFileSync(path.join(repoRoot, 'test', 'host', 'tryIt', 'package.json'), path.join(staging, 'package.json'));
    const compiled = path.join(__dirname, 'tryIt', 'extension.js');
    if (!fs.existsSync(compiled)) throw new Error(`${compiled} not found: run \`npm run compile-tests\` first`);
    fs.copyFileSync(compiled, path.join(staging, 'extension.js'));
    const vsix = path.join(dir, 'iliopsoas-try-it.vsix');
    const vsce = require('@vscode/vsce') as Vsce;
    // vsce prints the file list: not wanted in the try-it output.
    const log = console.log;
    console.log = () => undefined;
    try {
      await vsce.createVSIX({ cwd: staging, packagePath: vsix, dependencies: false, allowMissingRepository: true, skipLicense: true });
    } finally {
      console.log = log;
    }
    return vsix;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

export interface TryIt {
  readonly server: CodeServer;
  /** The workbench URL: the sample workspace, with SAMPLE_NOTE open. */
  readonly url: string;
  /** How the extension is loaded: its .vsix installed, or the development host (and why). */
  readonly how: string;
  stop(): Promise<void>;
}

/**
 * Starts the try-it host. With `vsix`, the packaged extension is installed (a normal window);
 * without one, or if installing it fails, the extension under development is loaded through the
 * workbench payload.
 */
export async function startTryIt(options: { vsix?: string; port?: number; logFile?: string }): Promise<TryIt> {
  const helperDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iliopsoas-try-it-vsix-'));
  const removeHelper = () => fs.rmSync(helperDir, { recursive: true, force: true });
  try {
    const helper = await buildTryItVsix(helperDir);
    const common = { port: options.port, logFile: options.logFile };
    let server: CodeServer;
    let how: string;
    let development = false;
    try {
      if (!options.vsix) throw new Error('no .vsix given');
      // A window for a person: no smoke-test driver, so notifications show as toasts.
      server = await startCodeServer({ ...common, installVsix: [options.vsix, helper], smokeTestDriver: false });
      how = `Installed ${options.vsix} into a temporary extensions folder.`;
    } catch (err) {
      how = `Using the Extension Development Host instead of a .vsix (${(err as Error).message.split('\n')[0]}).`;
      // The payload's extensionDevelopmentPath needs the smoke-test driver (the notification then waits in the notification center).
      server = await startCodeServer({ ...common, installVsix: [helper] });
      development = true;
    }
    removeHelper();
    const url = server.workbenchUrl({ ...(development ? { extensionDevelopmentPath: repoRoot } : {}), openFile: SAMPLE_NOTE });
    const running = server;
    return { server, url, how, stop: () => running.stop() };
  } catch (err) {
    removeHelper();
    throw err;
  }
}
