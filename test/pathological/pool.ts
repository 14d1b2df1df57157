/**
 * A small pool of workers for the pathological suite. Batches (the cases of one input, which
 * share its text) go to the first free worker in the order given, phase by phase: no batch of a
 * phase starts before every case of the phases before it has finished, so the timings of one
 * phase are not disturbed by the heavy work of another. Each case must finish within
 * its limit: past it, or when the worker dies (out of memory, say), the worker is ended, the
 * case fails with what happened, and the rest of its batch goes to a fresh worker. So no input
 * can freeze the suite, and every case gets an answer.
 */
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { CaseOutcome, CaseResult, CaseSpec } from './cases';
import type { WorkerMessage } from './worker';

// About the V8 stack of Node's main thread, where the extension host runs extensions (a worker
// gets 4 MB by default): a recursion or argument spread that overflows there overflows here.
const STACK_SIZE_MB = 1.15;

interface Slot {
  worker: Worker;
  /** The batch it runs, and the index in it of the case under way. */
  batch?: readonly CaseSpec[];
  current: number;
  timer?: NodeJS.Timeout;
  /** Whether it ever reported: a worker that dies before that could not even load the modules. */
  reported: boolean;
}

/** A batch waiting for a worker, with the phase it belongs to. */
interface Queued {
  readonly phase: number;
  readonly batch: readonly CaseSpec[];
}

export class WorkerPool {
  private readonly queue: Queued[] = [];
  /** Cases not finished yet, by phase. */
  private readonly unfinished: number[] = [];
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, { spec: CaseSpec; phase: number; resolve: (result: CaseResult) => void; started: number }>();
  private closed = false;

  constructor(private readonly size: number) {}

  /** Queues the phases' batches and returns each case's result, by id, as a promise that never rejects. */
  run(phases: readonly (readonly (readonly CaseSpec[])[])[]): Map<number, Promise<CaseResult>> {
    const results = new Map<number, Promise<CaseResult>>();
    phases.forEach((batches, phase) => {
      for (const batch of batches) {
        for (const spec of batch) results.set(spec.id, new Promise((resolve) => this.pending.set(spec.id, { spec, phase, resolve, started: 0 })));
        this.unfinished[phase] = (this.unfinished[phase] ?? 0) + batch.length;
        this.queue.push({ phase, batch });
      }
    });
    while (this.slots.length < this.size) this.slots.push(this.spawn());
    for (const slot of this.slots) this.dispatch(slot);
    return results;
  }

  /** Ends the workers; cases not yet run fail as not run. */
  async close(): Promise<void> {
    this.closed = true;
    for (const [id, { spec }] of this.pending) this.finish(id, { spec, outcome: { ok: false, error: 'not run: the pool was closed' } });
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(path.join(__dirname, 'worker.js'), { resourceLimits: { stackSizeMb: STACK_SIZE_MB } });
    const slot: Slot = { worker, current: 0, reported: false };
    worker.on('message', (message: WorkerMessage) => this.onMessage(slot, message));
    worker.on('error', (error) => this.onDeath(slot, `its worker died: ${error.name}: ${error.message}`));
    worker.on('exit', (code) => this.onDeath(slot, `its worker exited with code ${code}`));
    return slot;
  }

  private dispatch(slot: Slot): void {
    if (this.closed || slot.batch || this.queue.length === 0) return;
    const { phase, batch } = this.queue[0];
    if (this.unfinished.slice(0, phase).some((left) => left > 0)) return; // an earlier phase is still running
    this.queue.shift();
    slot.batch = batch;
    slot.current = 0;
    slot.worker.postMessage(batch);
  }

  private onMessage(slot: Slot, message: WorkerMessage): void {
    slot.reported = true;
    const batch = slot.batch;
    if (!batch) return;
    if (message.type === 'start') {
      slot.current = batch.findIndex((spec) => spec.id === message.id);
      const spec = batch[slot.current];
      const pending = this.pending.get(spec.id);
      if (pending) pending.started = Date.now();
      slot.timer = setTimeout(() => this.onTimeout(slot, spec), spec.limitMs);
      return;
    }
    clearTimeout(slot.timer);
    this.finish(message.id, { spec: batch[slot.current], outcome: message.outcome });
    if (slot.current === batch.length - 1) {
      slot.batch = undefined;
      this.dispatch(slot);
    }
  }

  private onTimeout(slot: Slot, spec: CaseSpec): void {
    this.replace(slot, { ok: false, error: `did not finish within its limit of ${spec.limitMs / 1000} s (a hang, or far slower than linear)`, ms: spec.limitMs });
  }

  private onDeath(slot: Slot, error: string): void {
    if (this.closed || !this.slots.includes(slot)) return;
    if (!slot.reported) {
      // Every fresh worker would die the same way: fail everything rather than respawn per case.
      for (const [id, { spec }] of this.pending) this.finish(id, { spec, outcome: { ok: false, error: `a worker could not start: ${error}` } });
      void this.close();
      return;
    }
    this.replace(slot, { ok: false, error });
  }

  /** Fails the slot's current case, ends its worker and gives the rest of its batch to a fresh one. */
  private replace(slot: Slot, outcome: CaseOutcome): void {
    clearTimeout(slot.timer);
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    const batch = slot.batch;
    const fresh = this.spawn();
    this.slots[index] = fresh;
    slot.worker.removeAllListeners();
    // Listen again for errors: an ended worker may still emit one, which must not go unhandled.
    slot.worker.on('error', () => undefined);
    void slot.worker.terminate();
    if (batch) {
      const spec = batch[slot.current];
      const pending = this.pending.get(spec.id);
      const ms = outcome.ms ?? (pending && pending.started > 0 ? Date.now() - pending.started : undefined);
      this.finish(spec.id, { spec, outcome: outcome.ok ? outcome : { ...outcome, ms } });
      const rest = batch.slice(slot.current + 1);
      if (rest.length > 0 && pending) this.queue.unshift({ phase: pending.phase, batch: rest });
    }
    this.dispatch(fresh);
  }

  private finish(id: number, result: CaseResult): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    pending.resolve(result);
    // The last case of a phase lets the next one start on every idle worker.
    if (--this.unfinished[pending.phase] === 0) for (const slot of this.slots) this.dispatch(slot);
  }
}
