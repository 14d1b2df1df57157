/**
 * Pathological inputs against every pure entry point that takes a note's text, in the spirit of
 * markdown-it's own pathological tests. Two kinds of case, each run in a worker with a time limit
 * (see pool.ts), so a hang or a stack overflow fails its case with a clear message instead of
 * freezing mocha:
 * - functional: a large input (a 10 MB note, a 5 MB line, 1,000,000 terms, deep nesting…) must
 *   be handled without throwing within FUNCTIONAL_LIMIT_MS;
 * - growth: for every generator and entry point, the time at N and at 4N (the best of a few runs
 *   after a warm-up; N fixed per entry point where a run takes a few milliseconds, smaller where
 *   a path is slow) must not grow by more than MAX_GROWTH_RATIO, so a quadratic path fails. Only
 *   ratios are checked, never absolute times (see worker.ts for how the times are taken).
 *
 * The cases are queued to the pool in the order the tests are declared, before the first test
 * runs, so both workers stay busy while mocha waits for one test's cases: the large inputs
 * first, then (once they are all done, so they disturb no timing) the growth checks.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { FAMILIES, FUNCTIONAL_LIMIT_MS, GENERATORS, GROWTH_LIMIT_MS, LARGE_INPUTS, MAX_GROWTH_RATIO, type CaseResult, type CaseSpec } from './cases';
import { ENTRY_POINTS } from './entryPoints';
import { WorkerPool } from './pool';

const POOL_SIZE = 2;
// Set to a file name to get every case's measurements as JSON lines (for reports and tuning).
const REPORT_FILE = process.env.ILIOPSOAS_PATHOLOGICAL_REPORT;

const count = (n: number): string => n.toLocaleString('en-US');

/** One line per failed case: which input, which entry point, and what happened (with the ratio or the error). */
function describeFailure({ spec, outcome }: CaseResult): string {
  const input = spec.kind === 'functional' ? `${spec.generator}(${count(spec.n!)})` : spec.generator;
  const growth = outcome.growth;
  const measured = growth
    ? ` [N: n = ${count(growth.n)}, ${count(growth.chars)} chars, ${growth.timeN.toFixed(2)} ms; 4N: ${count(growth.chars4)} chars, ${growth.time4N.toFixed(2)} ms` +
      `${growth.reps > 1 ? `; ${growth.reps} runs per timing` : ''}${growth.remeasured ? '; measured again' : ''}` +
      `${growth.next ? `; 16N: ${count(growth.next.chars)} chars, ${growth.next.time.toFixed(2)} ms` : ''}]`
    : '';
  return `${spec.entry} on ${input}: ${outcome.ok ? 'passed' : outcome.error}${measured}`;
}

async function expectAllPass(results: readonly Promise<CaseResult>[]): Promise<void> {
  const settled = await Promise.all(results);
  if (REPORT_FILE) fs.appendFileSync(REPORT_FILE, settled.map((result) => `${JSON.stringify(result)}\n`).join(''));
  const failed = settled.filter((result) => !result.outcome.ok);
  if (failed.length > 0) assert.fail(`${failed.length} of ${settled.length} cases failed:\n${failed.map(describeFailure).join('\n')}`);
}

describe('pathological inputs', function () {
  const pool = new WorkerPool(POOL_SIZE);
  const phases: CaseSpec[][][] = [];
  let results: Map<number, Promise<CaseResult>> | undefined;
  let nextId = 0;
  const resultsOf = (specs: readonly CaseSpec[]): Promise<CaseResult>[] => specs.map((spec) => results!.get(spec.id)!);

  before(function () {
    results = pool.run(phases);
  });
  after(async function () {
    await pool.close();
  });

  /** The cases of one group of tests (one batch per input) in a phase, and a timeout no queue of them can exceed. */
  const group = (phase: number, make: () => CaseSpec[][]): { specs: CaseSpec[]; timeoutMs: number } => {
    const made = make();
    (phases[phase] ??= []).push(...made);
    const specs = made.flat();
    // Every case ends by its limit (the pool ends its worker), and this group's cases are all that
    // can still be queued when its first test starts: the earlier groups' tests awaited theirs.
    return { specs, timeoutMs: specs.reduce((sum, spec) => sum + spec.limitMs, 0) + 30_000 };
  };

  describe(`large inputs, each within ${FUNCTIONAL_LIMIT_MS / 1000} s: ${LARGE_INPUTS.map((input) => input.label).join(', ')}`, function () {
    const entries = ENTRY_POINTS.filter((entry) => entry.largeInputs !== false);
    const { specs, timeoutMs } = group(0, () =>
      LARGE_INPUTS.map((input) =>
        entries.map((entry): CaseSpec => ({ id: nextId++, kind: 'functional', generator: input.generator, n: input.n, entry: entry.name, limitMs: FUNCTIONAL_LIMIT_MS })),
      ),
    );
    for (const entry of entries) {
      it(`${entry.name} handles each of the ${LARGE_INPUTS.length} without throwing`, async function () {
        this.timeout(timeoutMs);
        await expectAllPass(resultsOf(specs.filter((spec) => spec.entry === entry.name)));
      });
    }
  });

  for (const family of FAMILIES) {
    describe(family.title, function () {
      const generators = GENERATORS.filter((generator) => generator.family === family.id);
      const { specs, timeoutMs } = group(1, () =>
        generators.map((generator) => ENTRY_POINTS.map((entry): CaseSpec => ({ id: nextId++, kind: 'growth', generator: generator.name, entry: entry.name, limitMs: GROWTH_LIMIT_MS }))),
      );
      for (const entry of ENTRY_POINTS) {
        it(`${entry.name} stays linear on each of ${generators.length}: time at 4N ≤ ${MAX_GROWTH_RATIO} × time at N, N up to ${count(entry.growthChars)} chars`, async function () {
          this.timeout(timeoutMs);
          await expectAllPass(resultsOf(specs.filter((spec) => spec.entry === entry.name)));
        });
      }
    });
  }
});
