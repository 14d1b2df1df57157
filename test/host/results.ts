// Test results as JSON, shared by the stages' reporter, the in-host runners (Node and web worker)
// and the summary. No Node built-ins here: the web worker suite (test/web/) bundles this file.

/** Env var through which a driver asks the Node extension host for the results as JSON (code-server passes its env on). */
export const RESULTS_ENV = 'ILIOPSOAS_TEST_RESULTS';

export interface TestResults {
  passed: number;
  failed: number;
  pending: number;
  /** How many tests the run declared before it started (mocha's total, after any grep). */
  declared?: number;
  /** The grep the run was filtered by, if any. */
  grep?: string;
  failures: { title: string; error: string }[];
  tests: { title: string; state: 'passed' | 'failed' | 'pending' }[];
}

/** The part of a mocha Runner (Node or browser build) that results are collected from. */
interface RunnerEvents {
  on(event: string, listener: (test: { fullTitle(): string }, err?: unknown) => void): unknown;
  /** The number of tests the run will run: read when it begins, after mocha applies a grep. */
  readonly total: number;
}

/**
 * Counts a mocha run into `results` as it goes; failing hooks (e.g. a `before` that cannot start)
 * count as failures. Records how many tests the run declared and the grep it ran with, so the
 * summary can fail a stage that ran fewer tests than it declared and name a filter.
 */
export function collectResults(
  runner: RunnerEvents,
  events: { begin: string; pass: string; fail: string; pending: string },
  grep?: string | RegExp,
): TestResults {
  const results: TestResults = { passed: 0, failed: 0, pending: 0, failures: [], tests: [] };
  if (grep) results.grep = String(grep);
  runner.on(events.begin, () => {
    results.declared = runner.total;
  });
  runner.on(events.pass, (test) => {
    results.passed++;
    results.tests.push({ title: test.fullTitle(), state: 'passed' });
  });
  runner.on(events.fail, (test, err) => {
    results.failed++;
    results.tests.push({ title: test.fullTitle(), state: 'failed' });
    results.failures.push({ title: test.fullTitle(), error: describeError(err) });
  });
  runner.on(events.pending, (test) => {
    results.pending++;
    results.tests.push({ title: test.fullTitle(), state: 'pending' });
  });
  return results;
}

export function describeError(err: unknown): string {
  if (err instanceof Error) {
    // Keep the message and a few frames: enough to locate the failure, short enough to print.
    const stack = (err.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 4).join('\n');
    return stack ? `${err.message}\n${stack}` : err.message;
  }
  return String(err);
}

/** A run whose test files could not even be loaded: one failure, so the driver never waits in vain. */
export function loadFailure(err: unknown): TestResults {
  const title = 'loading the integration test files';
  return { passed: 0, failed: 1, pending: 0, failures: [{ title, error: describeError(err) }], tests: [{ title, state: 'failed' }] };
}
