// Runs the integration suite (out/test/integration/index.js) inside a real VS Code extension
// host: code-server + headless Chromium, the extension under development loaded through the
// workbench `payload`. The extension host writes its mocha results to a JSON file
// (ILIOPSOAS_TEST_RESULTS, inherited from code-server's environment); we wait for that file.
//
// With --web, the extension runs from its browser bundle in the workbench's web worker extension
// host, and the suite is test/web/index.ts bundled for the browser. (The workbench ignores the
// payload's extensionDevelopmentKind in this build; the `remote.extensionKind` setting is what
// moves an extension to the web worker host, and the tests module follows the extension.)
//
// With --fixture NAME, the workbench opens test/fixtures/NAME (a fresh copy) instead of the sample
// workspace, at --open (a folder or a .code-workspace file inside it).
//
// Usage: node out/test/host/runIntegration.js [--web] [--out FILE] [--extension DIR] [--tests FILE] [--fixture NAME --open PATH] [--timeout SECONDS]
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { exitOnSignals, launchChromium, openWorkbench, repoRoot, resultsDir, startCodeServer, type Chromium, type CodeServer } from './codeServer';
import { RESULTS_ENV, type TestResults } from './results';
import { buildWebTestBundle } from './webTestBundle';

const { values: argv } = parseArgs({
  options: {
    out: { type: 'string', default: '' },
    extension: { type: 'string', default: repoRoot },
    tests: { type: 'string', default: path.join(repoRoot, 'out', 'test', 'integration', 'index.js') },
    timeout: { type: 'string', default: '300' },
    web: { type: 'boolean', default: false },
    fixture: { type: 'string', default: '' },
    open: { type: 'string', default: '.' },
  },
});
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { publisher: string; name: string };
const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
const hostName = argv.web ? 'web' : argv.fixture ? `integration-${argv.fixture}` : 'integration';
const defaultOut = path.join(resultsDir, `${hostName}.json`);

async function waitForResults(file: string, timeoutMs: number, failFast: Promise<never>): Promise<TestResults> {
  const deadline = Date.now() + timeoutMs;
  const poll = async (): Promise<TestResults> => {
    while (Date.now() < deadline) {
      if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as TestResults; // written atomically
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`no test results after ${timeoutMs / 1000}s (the extension host never finished the suite)`);
  };
  return Promise.race([poll(), failFast]);
}

function printResults(results: TestResults): void {
  for (const test of results.tests) {
    const mark = test.state === 'passed' ? '  ✔' : test.state === 'failed' ? '  ✘' : '  -';
    console.log(`${mark} ${test.title}${test.state === 'pending' ? ' (pending)' : ''}`);
  }
  results.failures.forEach((failure, i) => {
    console.log(`\n  ${i + 1}) ${failure.title}\n     ${failure.error.replace(/\n/g, '\n     ')}`);
  });
  console.log(`\n  ${hostName}: ${results.passed} passing, ${results.failed} failing, ${results.pending} pending`);
}

/** The workbench's console errors, without the expected noise of a machine with no internet. */
function consoleErrors(file: string, lines = 30): string {
  const entries = fs.readFileSync(file, 'utf8').split(/\n(?=\[)/);
  return entries
    .filter((e) => e.startsWith('[error]') && !/ENOTFOUND|ERR_NAME_NOT_RESOLVED|authentication provider/.test(e))
    .slice(-lines)
    .join('\n');
}

async function main(): Promise<number> {
  exitOnSignals();
  const out = path.resolve(argv.out || defaultOut);
  fs.rmSync(out, { force: true }); // never mistake a previous run's file for this one's
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const testsModule = argv.web ? (await buildWebTestBundle(out, process.env.ILIOPSOAS_TEST_GREP)).file : path.resolve(argv.tests);
  if (!fs.existsSync(testsModule)) throw new Error(`${testsModule} not found: run \`npm run compile-tests\` first`);

  let server: CodeServer | undefined;
  let chromium: Chromium | undefined;
  const started = Date.now();
  try {
    server = await startCodeServer({
      env: { [RESULTS_ENV]: out },
      ...(argv.web ? { settings: { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } } } : {}),
      logFile: path.join(path.dirname(out), `code-server-${hostName}.log`),
      ...(argv.fixture ? { fixture: { folder: path.join(repoRoot, 'test', 'fixtures', argv.fixture), open: argv.open } } : {}),
    });
    console.log(`code-server ${server.origin} (pid ${server.pid}, log ${path.relative(repoRoot, server.logFile)})`);
    chromium = await launchChromium();
    const url = server.workbenchUrl({ extensionDevelopmentPath: argv.extension, extensionTestsPath: testsModule });
    const page = await openWorkbench(chromium.browser, url);
    // The workbench console (extension host output included) is noisy: keep it in a file for failures.
    const consoleLog = path.join(path.dirname(out), `workbench-console-${hostName}.log`);
    fs.writeFileSync(consoleLog, '');
    page.on('console', (msg) => fs.appendFileSync(consoleLog, `[${msg.type()}] ${msg.text()}\n`));
    console.log(`workbench restored after ${((Date.now() - started) / 1000).toFixed(1)}s; running the suite in the extension host`);

    const running = server;
    const failFast = new Promise<never>((_, reject) => {
      void running.exited.then((how) => reject(new Error(`code-server exited during the run (${how})`)));
      page.once('crash', () => reject(new Error('the workbench page crashed')));
      // The extension host exits once run() settles; results are written before that. If the
      // tests module could not even be loaded, this is the only sign: don't wait for the timeout.
      void running.waitForOutput(/Extension Host Process exited/).then(async () => {
        await new Promise((resolve) => setTimeout(resolve, 3000));
        if (!fs.existsSync(out)) reject(new Error('the extension host exited without writing test results (see the workbench console below)'));
      });
    });
    let results: TestResults;
    try {
      results = await waitForResults(out, Number(argv.timeout) * 1000, failFast);
    } catch (err) {
      console.error(`--- workbench console errors (tail of ${consoleLog}) ---\n${consoleErrors(consoleLog)}`);
      throw err;
    }
    printResults(results);
    console.log(`  (${((Date.now() - started) / 1000).toFixed(1)}s including code-server start)`);
    return results.failed > 0 || results.passed + results.failed === 0 ? 1 : 0;
  } catch (err) {
    console.error(`\n${hostName} run failed: ${(err as Error).message}`);
    if (server) console.error(`--- code-server log (tail of ${server.logFile}) ---\n${server.logTail(60)}`);
    return 1;
  } finally {
    await chromium?.close();
    await server?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
