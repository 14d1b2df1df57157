/**
 * A worker of the pathological suite: loads the compiled modules from out/ itself, then runs
 * the cases it is sent, one after the other, posting when each starts (so the pool can time it
 * and end this thread when it hangs) and what it found.
 */
import * as fs from 'fs';
import { performance } from 'perf_hooks';
import { parentPort } from 'worker_threads';
import { generatorSpec, MAX_GROWTH_RATIO, type CaseOutcome, type CaseSpec, type GrowthMeasurement } from './cases';
import { entryPoint, type EntryPoint } from './entryPoints';
import type { Generate } from './generators';

/** A message to the pool. */
export type WorkerMessage = { readonly type: 'start'; readonly id: number } | { readonly type: 'done'; readonly id: number; readonly outcome: CaseOutcome };

// The growth check's sizes: N is doubled from MIN_CHARS up to the entry point's growthChars, so
// that each run of the suite checks the same sizes. It stops sooner where a path is slow, and so
// still affordable at 4N: at a run of STOP_MS, or of SLOW_MS when the last doubling more than
// tripled the time (a superlinear path, which fails at 4N anyway). A run under TARGET_MS at N is
// repeated, as often at 4N, to be long enough to time.
const MIN_CHARS = 250;
const STOP_MS = 25;
const SLOW_MS = 2;
const TARGET_MS = 3;
const MAX_REPS = 64;
// A ratio over the limit is measured again; if it stays over, the check is made one size up too
// (4N to 16N), when that costs at most NEXT_SIZE_BUDGET_MS: a step in cache or collector cost
// between two sizes (seen up to about 14 here, between 120 and 480 thousand characters of a
// linear scan) passes there, a quadratic path (16) does not. Over PLAIN_RATIO one more run is
// taken before that (no disturbance seen here slows a run fourfold).
const PLAIN_RATIO = 12;
const NEXT_SIZE_BUDGET_MS = 1_500;

// ---------------------------------------------------------------------------------------------
// The clock: this thread's time on a CPU. Wall time counts whatever else the machine runs (the
// other worker, other jobs), which made linear cases look quadratic; Linux reports how long the
// thread waited for a CPU (schedstat's run delay, exact to the nanosecond), so that is taken off.

const SCHEDSTAT = '/proc/thread-self/schedstat';
const waitedMs = (): number => Number(fs.readFileSync(SCHEDSTAT, 'latin1').split(' ')[1]) / 1e6;
const hasSchedstat = ((): boolean => {
  try {
    return Number.isFinite(waitedMs());
  } catch {
    return false;
  }
})();

/** Milliseconds on a CPU so far (an arbitrary origin); wall time where the kernel does not tell. */
function cpuNow(): number {
  if (!hasSchedstat) return performance.now();
  let before = waitedMs();
  for (let attempt = 0; attempt < 5; attempt++) {
    const wall = performance.now();
    const after = waitedMs();
    // Unchanged: the thread was not switched out between the readings, so they agree.
    if (after === before) return wall - after;
    before = after;
  }
  return performance.now() - waitedMs();
}

/** Where results go, so no optimiser drops a call whose result is unused. */
let sink: unknown;

/** Milliseconds for `reps` runs of the action. */
function timed(action: () => unknown, reps: number): number {
  const start = cpuNow();
  for (let k = 0; k < reps; k++) sink = action();
  return cpuNow() - start;
}

// ---------------------------------------------------------------------------------------------

/** The texts of the current generator by n: the entry points of one generator share them. */
let texts: { generator: string; byN: Map<number, string> } = { generator: '', byN: new Map() };
function textOf(generator: string, make: Generate, n: number): string {
  if (texts.generator !== generator) texts = { generator, byN: new Map() };
  let text = texts.byN.get(n);
  if (text === undefined) {
    text = make(n);
    texts.byN.set(n, text);
  }
  return text;
}

/** An error with the step it happened in (which size, preparing or running) in its message. */
class StepError extends Error {}

function step<T>(what: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw new StepError(`${what}: ${describeError(error)}`);
  }
}

/** The error's name and message, and its first frames (where in src/ or a dependency it happened). */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 3)
    .map((line) => line.trim().replace(/\/\S*\/(out|node_modules)\//, '$1/'));
  return `${error.name}: ${error.message.slice(0, 200)}${frames.length > 0 ? ` [${frames.join(' ← ')}]` : ''}`;
}

const count = (n: number): string => n.toLocaleString('en-US');
const size = (n: number, text: string): string => `n = ${count(n)} (${count(text.length)} chars)`;

/** A prepared action at one n of the generator. */
interface Sized {
  readonly n: number;
  readonly text: string;
  readonly action: () => unknown;
  readonly label: string;
}

function growth(generator: string, make: Generate, entry: EntryPoint): GrowthMeasurement {
  const at = (n: number, label: string): Sized => {
    const text = step(`generating at n = ${count(n)}`, () => textOf(generator, make, n));
    return { n, text, action: step(`preparing at ${label}, ${size(n, text)}`, () => entry.prepare(text)), label };
  };
  const run = (sized: Sized, reps: number): number => step(`running at ${sized.label}, ${size(sized.n, sized.text)}`, () => timed(sized.action, reps));

  // N: doubled up to the entry point's size (the first, small runs warm the code up). A run that
  // may stop the doubling is run again first: a first call of cold code can be slow at any size.
  const unitChars = Math.max(1e-6, make(64).length / 64);
  const largest = Math.max(1, Math.floor(entry.growthChars / unitChars));
  let small = at(Math.min(largest, Math.ceil(MIN_CHARS / unitChars)), 'N');
  let previous = Infinity;
  let first = run(small, 1);
  const stops = (): boolean => first >= STOP_MS || (first >= SLOW_MS && first > 3 * previous);
  for (;;) {
    if (stops()) first = Math.min(first, run(small, 1));
    if (stops() || small.n * 2 > largest) break;
    small = at(small.n * 2, 'N');
    previous = first;
    first = run(small, 1);
  }
  // Still too quick at the largest N: time several runs together, as many at N as at 4N.
  const reps = first >= TARGET_MS ? 1 : Math.min(MAX_REPS, Math.ceil(TARGET_MS / Math.max(first, 0.01)));
  const big = at(4 * small.n, '4N');
  const timesN = reps === 1 ? [first] : [run(small, reps)];
  const times4N = [run(big, reps)];
  timesN.push(run(small, reps));
  // The best of the runs is the one least disturbed by anything else. Disturbance only ever
  // slows a run down, so one run at 4N within the limit settles it; over it, more runs are taken.
  const best = (times: readonly number[]): number => Math.min(...times);
  const ratio = (): number => best(times4N) / Math.max(best(timesN), 1e-3);

  // Over the limit: more runs (one more for a plain ratio: no disturbance seen here slows a run
  // fourfold). No collection is forced between runs: after one, V8 lowers its heap limits, and
  // the next large run pays for more collections than it would in the extension host.
  let remeasured = false;
  if (ratio() > MAX_GROWTH_RATIO) {
    remeasured = true;
    for (let k = ratio() < PLAIN_RATIO ? 3 : 1; k > 0; k--) {
      times4N.push(run(big, reps));
      timesN.push(run(small, reps));
    }
  }
  let next: GrowthMeasurement['next'];
  // At 16N a quarter of the runs (if several) take as long as at 4N, were it linear.
  const reps16N = Math.ceil(reps / 4);
  const nextSizeCost = (best(times4N) / reps) * ratio() * reps16N;
  if (ratio() > MAX_GROWTH_RATIO && nextSizeCost <= NEXT_SIZE_BUDGET_MS) {
    try {
      const bigger = at(16 * small.n, '16N');
      const times16N = [run(bigger, reps16N)];
      const nextRatio = (): number => best(times16N) / reps16N / (best(times4N) / reps);
      while (nextRatio() > MAX_GROWTH_RATIO && times16N.length < 3) times16N.push(run(bigger, reps16N));
      next = { chars: bigger.text.length, time: best(times16N) / reps16N, ratio: nextRatio() };
    } catch (error) {
      // Say what sent the check one size up.
      const grown = `time(4N) ÷ time(N) = ${ratio().toFixed(1)} from ${count(small.text.length)} to ${count(big.text.length)} chars`;
      throw new StepError(`${error instanceof Error ? error.message : String(error)}, after ${grown}`);
    }
  }
  return {
    n: small.n,
    chars: small.text.length,
    chars4: big.text.length,
    reps,
    timeN: best(timesN) / reps,
    time4N: best(times4N) / reps,
    ratio: ratio(),
    remeasured,
    next,
  };
}

function runCase(spec: CaseSpec): CaseOutcome {
  const started = performance.now();
  const ms = (): number => performance.now() - started;
  try {
    const { make } = generatorSpec(spec.generator);
    const entry = entryPoint(spec.entry);
    if (spec.kind === 'growth') {
      const measured = growth(spec.generator, make, entry);
      const linear = measured.ratio <= MAX_GROWTH_RATIO || (measured.next !== undefined && measured.next.ratio <= MAX_GROWTH_RATIO);
      if (linear) return { ok: true, ms: ms(), chars: measured.chars4, growth: measured };
      const nextSize = measured.next ? `, and ${measured.next.ratio.toFixed(1)} from 4N to 16N` : '';
      return { ok: false, error: `grows faster than linear: time(4N) ÷ time(N) = ${measured.ratio.toFixed(1)} > ${MAX_GROWTH_RATIO}${nextSize}`, ms: ms(), growth: measured };
    }
    const n = spec.n!;
    const text = step(`generating at n = ${count(n)}`, () => textOf(spec.generator, make, n));
    const action = step(`preparing at ${size(n, text)}`, () => entry.prepare(text));
    step(`running at ${size(n, text)}`, () => (sink = action()));
    return { ok: true, ms: ms(), chars: text.length };
  } catch (error) {
    return { ok: false, error: error instanceof StepError ? error.message : describeError(error), ms: ms() };
  }
}

const port = parentPort;
if (!port) throw new Error('worker.js runs as a worker of the pathological suite');
port.on('message', (batch: readonly CaseSpec[]) => {
  for (const spec of batch) {
    port.postMessage({ type: 'start', id: spec.id } satisfies WorkerMessage);
    const outcome = runCase(spec);
    port.postMessage({ type: 'done', id: spec.id, outcome } satisfies WorkerMessage);
  }
  // The next batch is another input's: these texts are no longer needed.
  texts = { generator: '', byN: new Map() };
  void sink;
});
