// Mocha reporter used by every stage (unit, integration in the extension host, UI):
// prints like `spec` and, when given an output path, writes the counts as JSON so the
// orchestrator (runAll) can add the stages up.
import Mocha from 'mocha';
import { describeError, writeJsonAtomic, type TestResults } from './results';

class CountingReporter extends Mocha.reporters.Spec {
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

// `export =`: mocha's CLI loads a reporter with require() and wants the class itself.
export = CountingReporter;
