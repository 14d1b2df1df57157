// Mocha reporter used by every stage (unit, integration in the extension host, UI):
// prints like `spec` and, when given an output path, writes the counts as JSON so the
// orchestrator (runAll) can add the stages up.
import Mocha from 'mocha';
import { writeJsonAtomic } from './jsonFile';
import { collectResults } from './results';

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
    super(runner, options);
    const { EVENT_RUN_BEGIN, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END } = Mocha.Runner.constants;
    const output: unknown = options.reporterOptions?.output;
    const grep = (options as { grep?: string | RegExp }).grep;
    const results = collectResults(runner, { begin: EVENT_RUN_BEGIN, pass: EVENT_TEST_PASS, fail: EVENT_TEST_FAIL, pending: EVENT_TEST_PENDING }, grep);
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
