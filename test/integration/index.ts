// Entry point of the integration suite inside the extension host: the standard
// `run(): Promise<void>` module that both code-server (payload extensionTestsPath, see
// test/host/runIntegration.ts) and @vscode/test-electron (test/host/runDesktop.ts) load.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import CountingReporter = require('../host/countingReporter');
import { writeJsonAtomic } from '../host/jsonFile';
import { loadFailure } from '../host/results';

/** Env var through which a driver asks for the results as JSON (code-server passes its env on). */
export const RESULTS_ENV = 'ILIOPSOAS_TEST_RESULTS';

export async function run(): Promise<void> {
  const output = process.env[RESULTS_ENV];
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 20_000,
    color: true,
    reporter: CountingReporter,
    reporterOptions: { output },
    // For a quicker loop while developing: ILIOPSOAS_TEST_GREP=handouts npm run test:integration
    ...(process.env.ILIOPSOAS_TEST_GREP ? { grep: process.env.ILIOPSOAS_TEST_GREP } : {}),
  });
  // This file is out/test/integration/index.js: its folder holds the compiled *.test.js files.
  const files = fs
    .readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
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
