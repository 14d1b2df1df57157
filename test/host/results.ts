// Test results as JSON, shared by the stages' reporter, the in-host runner and the summary.
import * as fs from 'fs';
import * as path from 'path';

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
