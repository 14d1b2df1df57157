// When the extension starts: with a note, its views, its commands or a team glossary in the
// folder, never merely because a window opened (that would cost every window, notes or not).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';
import { FIRST_NOTE, startupActivation } from './startupActivation';

describe('activation', () => {
  it('does not activate when the window starts, and activates when a note is opened', () => {
    // Checked by the runner before the first test (index.ts), while nothing had used the extension.
    assert.strictEqual(startupActivation.error, undefined, `the startup check could not run: ${startupActivation.error}`);
    assert.deepStrictEqual(startupActivation.result, { activeAfterStartup: false, activeAfterNoteOpened: true }, `opened: ${FIRST_NOTE}`);
  });

  it('activates on Markdown and on the default team glossary file, never at startup', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      activationEvents: string[];
      contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
    };
    const events = manifest.activationEvents;
    const [defaultGlossary] = manifest.contributes.configuration.properties['iliopsoas.glossary.files'].default as string[];
    assert.deepStrictEqual(events.filter((event) => event === '*' || event === 'onStartupFinished'), []);
    // Its views and commands activate it implicitly (VS Code 1.74 and later); the walkthrough
    // needs no activation (it is static, and its buttons are commands).
    for (const event of ['onLanguage:markdown', `workspaceContains:${defaultGlossary}`]) assert.ok(events.includes(event), `no ${event} in ${JSON.stringify(events)}`);
  });
});
