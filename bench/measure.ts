/** Timing helpers: repeated runs after warm-up, medians and percentiles. */

/** `global.gc` when node runs with --expose-gc: collecting before each timed run keeps one run's garbage out of the next one's time. */
export const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile (p in 0..100) of unsorted values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('no values');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export interface RepeatOptions {
  readonly warmUps: number;
  readonly minRuns: number;
  readonly maxRuns: number;
  /** Stop adding runs (beyond minRuns) once this much time was spent timing. */
  readonly budgetMs: number;
}

/** Runs `work` warmUps times untimed, then times it between minRuns and maxRuns times; each run's milliseconds. */
export function timeRepeated(work: () => unknown, { warmUps, minRuns, maxRuns, budgetMs }: RepeatOptions): number[] {
  for (let i = 0; i < warmUps; i++) work();
  const times: number[] = [];
  let spent = 0;
  while (times.length < minRuns || (times.length < maxRuns && spent < budgetMs)) {
    collectGarbage();
    const start = nowMs();
    work();
    const elapsed = nowMs() - start;
    times.push(elapsed);
    spent += elapsed;
  }
  return times;
}

/**
 * Times several pieces of work taking turns: each is warmed up `warmUps` times, then every round
 * runs each once (after a collection). Each one's milliseconds, by name.
 */
export function timeInterleaved<Name extends string>(works: Record<Name, () => unknown>, { warmUps, rounds }: { readonly warmUps: number; readonly rounds: number }): Record<Name, number[]> {
  const names = Object.keys(works) as Name[];
  for (const name of names) for (let i = 0; i < warmUps; i++) works[name]();
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<Name, number[]>;
  for (let i = 0; i < rounds; i++) {
    for (const name of names) {
      collectGarbage();
      const start = nowMs();
      works[name]();
      times[name].push(nowMs() - start);
    }
  }
  return times;
}

/** Three significant digits, for results that are read by people. */
export function round(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(value))));
  return Number(value.toFixed(digits));
}
