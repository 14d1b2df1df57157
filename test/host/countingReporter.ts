// Mocha reporter used by every stage (unit, integration in the extension host, UI):
// prints like `spec` and, when given an output path, writes the counts as JSON so the
// orchestrator (runAll) can add the stages up.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export interface TestResults {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
  tests: { title: string; state: 'passed' | 'failed' | 'pending' }[];
}

/** Write JSON atomically (tmp + rename): a poller must never read half a file. */
export function writeJsonAtomic(file: string, data: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(data, null, 2));
  fs.renameSync(tmp, file);
}

export function describeError(err: unknown): string {
  if (err instanceof Error) {
    // Keep the message and a few frames: enough to locate the failure, short enough to print.
    const stack = (err.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 4).join('\n');
    return stack ? `${err.message}\n${stack}` : err.message;
  }
  return String(err);
}

export default class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
    super(runner, options);
    const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END } = Mocha.Runner.constants;
    const output: unknown = options.reporterOptions?.output;
    const results: TestResults = { passed: 0, failed: 0, pending: 0, failures: [], tests: [] };

    runner.on(EVENT_TEST_PASS, (test) => {
      results.passed++;
      results.tests.push({ title: test.fullTitle(), state: 'passed' });
    });
    // Fires for failing hooks too (e.g. a `before` that cannot start the workbench): those count as failures.
    runner.on(EVENT_TEST_FAIL, (test, err) => {
      results.failed++;
      results.tests.push({ title: test.fullTitle(), state: 'failed' });
      results.failures.push({ title: test.fullTitle(), error: describeError(err) });
    });
    runner.on(EVENT_TEST_PENDING, (test) => {
      results.pending++;
      results.tests.push({ title: test.fullTitle(), state: 'pending' });
    });
    // Synchronous write before mocha's run callback: the file is complete when run() settles.
    runner.once(EVENT_RUN_END, () => {
      if (typeof output === 'string' && output) {
        writeJsonAtomic(output, results);
      }
    });
  }
}
