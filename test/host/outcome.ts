// How a stage's results become its line in the summary, and the summary's last line (pure, so
// the unit tests can hold the harness to its word).
import type { TestResults } from './results';

export interface StageOutcome {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  /** The grep the stage ran with, if any: a filtered run says so on the last line. */
  filter?: string;
  note: string;
}

/**
 * A stage's outcome from its results and exit: a crash after the tests, a run that stopped short
 * of the tests it declared, or no test at all each count as a failure; skipped tests and a grep
 * are noted.
 */
export function stageOutcome(name: string, results: TestResults, status: number | null, exit: string, seconds: string): StageOutcome {
  // A non-zero exit that no failing test explains (e.g. an error after the run) still fails the stage.
  const unexplained = status !== 0 && results.failed === 0;
  const ran = results.passed + results.failed + results.pending;
  if (ran === 0) return { name, passed: 0, failed: 1, skipped: 0, note: `ran no test (${exit}) in ${seconds}s` };
  // Fewer tests than the run declared (a hook that stopped a suite, a crash mid-run) is a failure too.
  const missing = results.declared !== undefined && ran < results.declared ? results.declared - ran : 0;
  const notes = [
    unexplained ? `crashed (${exit})` : '',
    missing > 0 ? `ran ${ran} of the ${results.declared} tests it declared` : '',
    results.pending > 0 ? `${results.pending} skipped` : '',
    results.grep ? `filtered by "${results.grep}"` : '',
    `in ${seconds}s`,
  ];
  return {
    name,
    passed: results.passed,
    failed: results.failed + (unexplained ? 1 : 0) + (missing > 0 ? 1 : 0),
    skipped: results.pending,
    ...(results.grep ? { filter: results.grep } : {}),
    note: notes.filter((note) => note !== '').join(', '),
  };
}

/** The stages added up, and the greps they ran with (each once). */
export function summaryTotals(outcomes: readonly StageOutcome[]): { passed: number; failed: number; skipped: number; filters: string[] } {
  return {
    passed: outcomes.reduce((n, o) => n + o.passed, 0),
    failed: outcomes.reduce((n, o) => n + o.failed, 0),
    skipped: outcomes.reduce((n, o) => n + o.skipped, 0),
    filters: [...new Set(outcomes.flatMap((o) => (o.filter ? [o.filter] : [])))],
  };
}

/**
 * The summary's last line: `N passed, N failed`, then `, N skipped` when a test was skipped (a
 * defect: the run fails) and, in brackets, any grep or other reason the run is not the whole suite.
 */
export function summaryLine(outcomes: readonly StageOutcome[], ...otherMarks: (string | undefined)[]): string {
  const { passed, failed, skipped, filters } = summaryTotals(outcomes);
  const marks = [...(filters.length > 0 ? [`filtered by ${filters.map((f) => `"${f}"`).join(', ')}`] : []), ...otherMarks.filter((m) => m)];
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}${marks.length > 0 ? ` (${marks.join('; ')})` : ''}`;
}
