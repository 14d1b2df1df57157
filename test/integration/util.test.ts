// The VS Code helpers every feature shares (src/util/), in the real extension host.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { registerCommand } from '../../src/util/commands';
import { Delayer } from '../../src/util/delayer';
import { disposeAll, DisposableStore } from '../../src/util/dispose';
import { isNote, NOTE_LANGUAGES_SETTING } from '../../src/util/notes';
import { showPick } from '../../src/util/quickPick';
import { newNote, waitFor } from './helpers';

describe('shared VS Code helpers', () => {
  it('disposes a store once, newest first, and at once what is added after', () => {
    const order: string[] = [];
    const store = new DisposableStore();
    store.add({ dispose: () => order.push('first') });
    store.add({ dispose: () => order.push('second') });
    store.dispose();
    store.dispose();
    assert.deepStrictEqual(order, ['second', 'first']);
    assert.ok(store.isDisposed);
    store.add({ dispose: () => order.push('late') });
    assert.deepStrictEqual(order, ['second', 'first', 'late']);
  });

  it('disposes the rest when one registration throws', () => {
    const disposed: number[] = [];
    disposeAll([{ dispose: () => disposed.push(1) }, { dispose: () => { throw new Error('broken'); } }, undefined, { dispose: () => disposed.push(3) }]);
    assert.deepStrictEqual(disposed, [1, 3]);
  });

  it('runs only the last task given to a delayer, per key', async () => {
    const ran: string[] = [];
    const delayer = new Delayer(30, 'a test');
    delayer.trigger('a', () => ran.push('a1'));
    delayer.trigger('a', () => ran.push('a2'));
    delayer.trigger('b', () => ran.push('b1'));
    await waitFor('both keys to run', () => ran.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.deepStrictEqual(ran.sort(), ['a2', 'b1']);
    delayer.trigger('a', () => ran.push('never'));
    delayer.dispose();
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.ok(!ran.includes('never'), 'a disposed delayer still ran its task');
  });

  it('decides which documents are notes by one setting', async () => {
    const markdown = await newNote('A note.');
    const plain = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'A plain note.' });
    assert.ok(isNote(markdown));
    assert.ok(!isNote(plain));
    const settings = vscode.workspace.getConfiguration();
    await settings.update(NOTE_LANGUAGES_SETTING, ['markdown', 'plaintext'], vscode.ConfigurationTarget.Global);
    try {
      assert.ok(isNote(plain));
    } finally {
      await settings.update(NOTE_LANGUAGES_SETTING, undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('answers a failing command with undefined, not an unseen rejection', async () => {
    const registration = registerCommand('iliopsoas.test.failing', () => {
      throw new Error('on purpose');
    });
    try {
      assert.strictEqual(await vscode.commands.executeCommand('iliopsoas.test.failing'), undefined);
    } finally {
      registration.dispose();
    }
  });

  it('owns a pick\'s life cycle: accepting runs the action once and closes the pick', async () => {
    const chosen: string[] = [];
    const pick = showPick({ title: 'Test pick', placeholder: 'choose', items: [{ label: 'alpha' }, { label: 'beta' }], accept: (item) => chosen.push(item.label) });
    // Accept once VS Code has narrowed the list to what was typed (it echoes the active item back).
    const narrowed = new Promise<void>((resolve) => {
      const subscription = pick.onDidChangeActive((active) => {
        if (active[0]?.label === 'beta') {
          subscription.dispose();
          resolve();
        }
      });
    });
    pick.value = 'beta';
    await Promise.race([narrowed, new Promise((_, reject) => setTimeout(() => reject(new Error('the pick did not narrow')), 5000))]);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await waitFor('the action', () => chosen.length === 1);
    // Hidden and disposed: accepting again does nothing.
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepStrictEqual(chosen, ['beta']);
  });
});
