// Smoke test of the harness itself: we really are in a VS Code extension host with the
// extension under development loaded, and it activates.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';


describe('harness', () => {
  it('runs inside a real extension host with the extension under development', async () => {
    const extension = vscode.extensions.all.find((e) => e.id === EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not among ${vscode.extensions.all.length} loaded extensions`);
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
  });

  it('opens the fixture workspace', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.deepStrictEqual(
      folders.map((f) => f.name),
      ['workspace'],
    );
  });
});
