// Entry point of the integration suite inside the extension host: the standard
// `run(): Promise<void>` module that both code-server (payload extensionTestsPath, see
// test/host/runIntegration.ts) and @vscode/test-electron (test/host/runDesktop.ts) load.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import CountingReporter = require('../host/countingReporter');
import { writeJsonAtomic } from '../host/jsonFile';
import { loadFailure, RESULTS_ENV } from '../host/results';
import { networkWatch } from '../network/attempts';
import { watchNodeNetwork } from '../network/nodeGuard';
import { EXTENSION_ID } from './helpers';
import { checkStartupActivation } from './startupActivation';


/**
 * Runs the compiled `*.test.js` files of a folder (out/test/<suite>/) with mocha, inside the
 * extension host; `beforeAnyTest` first, while nothing has touched the extension yet.
 */
export async function runSuite(folder: string, beforeAnyTest?: () => Promise<void>): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (extension) {
    networkWatch.extensionWasActive = extension.isActive;
    watchNodeNetwork([path.join(extension.extensionPath, 'dist') + path.sep]);
  }
  await beforeAnyTest?.();
  const output = process.env[RESULTS_ENV];
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 20_000,
    color: true,
    forbidOnly: true, // an `.only` left in a test file fails the run instead of silently shrinking it
    reporter: CountingReporter,
    reporterOptions: { output },
    // For a quicker loop while developing: ILIOPSOAS_TEST_GREP=handouts npm run test:integration
    ...(process.env.ILIOPSOAS_TEST_GREP ? { grep: process.env.ILIOPSOAS_TEST_GREP } : {}),
  });
  const files = fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js'))
    // privacy.test last: it checks the whole session before it.
    .sort((a, b) => Number(a === 'privacy.test.js') - Number(b === 'privacy.test.js') || a.localeCompare(b));
  for (const f of files) mocha.addFile(path.join(folder, f));
  try {
    await mocha.loadFilesAsync();
  } catch (err) {
    // A test file that throws while loading: report it as a failure rather than leave the driver waiting.
    if (output) writeJsonAtomic(output, loadFailure(err));
    throw err;
  }
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}

export function run(): Promise<void> {
  // This file is out/test/integration/index.js: its folder holds the compiled *.test.js files.
  // Before any test can activate the extension: the window's start must not, a note must (activation.test).
  return runSuite(__dirname, checkStartupActivation);
}
