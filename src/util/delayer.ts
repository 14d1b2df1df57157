import type * as vscode from 'vscode';
import { logError } from './log';

/**
 * Runs the last task given to it once `delayMs` have passed without another (a debounce), per
 * key: typing in two notes delays each one's own update. Errors in a task reach the log.
 */
export class Delayer<Key = string> implements vscode.Disposable {
  private readonly timers = new Map<Key, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly delayMs: number,
    private readonly what: string,
  ) {}

  trigger(key: Key, task: () => void): void {
    this.cancel(key);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        try {
          task();
        } catch (error) {
          logError(this.what, error);
        }
      }, this.delayMs),
    );
  }

  cancel(key: Key): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  dispose(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
  }
}
