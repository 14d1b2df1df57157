import * as vscode from 'vscode';
import { logError } from './log';

/**
 * Disposes every item, even when one of them throws; the errors reach the log, so one broken
 * registration cannot keep the others alive.
 */
export function disposeAll(disposables: Iterable<vscode.Disposable | undefined>): void {
  for (const disposable of disposables) {
    try {
      disposable?.dispose();
    } catch (error) {
      logError('disposing a registration', error);
    }
  }
}

/** A disposable made of others, disposed together and once (as markdown-language-features' Disposable). */
export class DisposableStore implements vscode.Disposable {
  private readonly items = new Set<vscode.Disposable>();
  private disposed = false;

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Keeps `disposable` until the store is disposed; one added after that is disposed at once. */
  add<T extends vscode.Disposable>(disposable: T): T {
    if (this.disposed) disposable.dispose();
    else this.items.add(disposable);
    return disposable;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    disposeAll([...this.items].reverse());
    this.items.clear();
  }
}
