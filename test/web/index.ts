// Entry point of the integration suite in VS Code for the Web's extension host: a web worker,
// where the extension runs from its `browser` bundle (dist/web/extension.js). The web worker
// can load only one file, so `node out/test/host/runIntegration.js --web` bundles this module
// with mocha's browser build and the integration test files (test/host/webTestBundle.ts), and
// opens code-server with the extension moved to the web worker host (`remote.extensionKind`).
// A worker has no file system of its own: the results go through vscode.workspace.fs to the
// path the runner baked into the bundle.
import * as vscode from 'vscode';
import { collectResults, loadFailure, type TestResults } from '../host/results';
import { networkWatch } from '../network/attempts';
import { watchWebNetwork } from '../network/webGuard';
import { EXTENSION_ID } from '../integration/helpers';

/** esbuild `define`s of the runner: where the results go (a path on the code-server machine), and a grep. */
declare const ILIOPSOAS_WEB_RESULTS_PATH: string;
declare const ILIOPSOAS_TEST_GREP: string;

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (extension) {
    networkWatch.extensionWasActive = extension.isActive;
    watchWebNetwork(['/dist/web/extension.js']);
  }
  // The browser build of mocha, which sets the globals `mocha` and `Mocha` (no Node built-ins).
  require('mocha/mocha.js');
  let results: TestResults | undefined;
  mocha.setup({
    ui: 'bdd',
    timeout: 20_000,
    forbidOnly: true,
    reporter: function WebReporter(runner: Mocha.Runner) {
      const { EVENT_RUN_BEGIN, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;
      const events = { begin: EVENT_RUN_BEGIN, pass: EVENT_TEST_PASS, fail: EVENT_TEST_FAIL, pending: EVENT_TEST_PENDING };
      results = collectResults(runner, events, ILIOPSOAS_TEST_GREP || undefined);
    } as unknown as Mocha.ReporterConstructor,
    ...(ILIOPSOAS_TEST_GREP ? { grep: ILIOPSOAS_TEST_GREP } : {}),
  });
  try {
    // After setup, which defines describe/it. The Node host's files, but preview.test (see webHost.test).
    require('./webHost.test');
    require('../integration/harness.test');
    require('../integration/guide.test');
    require('../integration/glossary.test');
    require('../integration/handouts.test');
    require('../integration/doNotUse.test');
    require('../integration/redFlagGuard.test');
    require('../integration/onboarding.test');
    require('../integration/util.test');
    require('../integration/evaluation.test');
    require('../integration/termActions.test');
    require('../integration/phrasesCompleteness.test');
    require('../integration/clinicPhrases.test');
    require('../integration/privacy.test'); // last: it checks the whole session before it
  } catch (err) {
    await writeResults(loadFailure(err));
    throw err;
  }
  await new Promise<void>((resolve) => mocha.run(() => resolve()));
  if (!results) throw new Error('mocha ran without its reporter');
  await writeResults(results);
  if (results.failed > 0) throw new Error(`${results.failed} web integration test(s) failed`);
}

/** Written beside, then renamed: the runner polls for the file and must never read half of it. */
async function writeResults(results: TestResults): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder: cannot tell the code-server machine from the URI');
  const target = folder.uri.with({ path: ILIOPSOAS_WEB_RESULTS_PATH });
  const partial = folder.uri.with({ path: `${ILIOPSOAS_WEB_RESULTS_PATH}.partial` });
  await vscode.workspace.fs.writeFile(partial, new TextEncoder().encode(JSON.stringify(results, null, 2)));
  await vscode.workspace.fs.rename(partial, target, { overwrite: true });
}
