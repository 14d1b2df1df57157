import * as vscode from 'vscode';
import { disposeAll } from './dispose';
import { logError } from './log';

export interface PickOptions<T extends vscode.QuickPickItem> {
  readonly title: string;
  readonly placeholder: string;
  readonly items: readonly T[];
  readonly matchOnDescription?: boolean;
  readonly matchOnDetail?: boolean;
  /** New items for what the user typed, for picks that search themselves. */
  readonly onDidChangeValue?: (value: string) => readonly T[];
  /** The item active when the pick opens (else the first). */
  readonly active?: T;
  /** What choosing an item does. */
  readonly accept: (chosen: T) => unknown;
  /** Hide the pick before `accept` runs (the default: an edit lands in the editor, not the pick), or after it. */
  readonly hideBeforeAccept?: boolean;
}

/**
 * Shows a QuickPick and owns its life cycle: accepting runs `accept` and hides it (errors reach
 * the log), hiding disposes it and its listeners. Returned so callers and tests can observe it.
 */
export function showPick<T extends vscode.QuickPickItem>(options: PickOptions<T>): vscode.QuickPick<T> {
  const pick = vscode.window.createQuickPick<T>();
  pick.title = options.title;
  pick.placeholder = options.placeholder;
  pick.matchOnDescription = options.matchOnDescription ?? false;
  pick.matchOnDetail = options.matchOnDetail ?? false;
  pick.items = options.items;
  if (options.active) pick.activeItems = [options.active];
  const { onDidChangeValue } = options;
  const subscriptions: vscode.Disposable[] = [
    pick.onDidAccept(() => {
      const [chosen] = pick.selectedItems;
      const hideFirst = options.hideBeforeAccept ?? true;
      if (hideFirst) pick.hide();
      if (chosen) {
        try {
          void Promise.resolve(options.accept(chosen)).catch((error: unknown) => logError(`running "${options.title}"`, error));
        } catch (error) {
          logError(`running "${options.title}"`, error);
        }
      }
      if (!hideFirst) pick.hide();
    }),
    pick.onDidHide(() => {
      disposeAll(subscriptions);
      pick.dispose();
    }),
  ];
  if (onDidChangeValue) subscriptions.push(pick.onDidChangeValue((value) => (pick.items = onDidChangeValue(value))));
  pick.show();
  return pick;
}
