// A clinic phrase as a clinician uses it, from the keyboard alone: the clinic's template file is
// in the workspace; the dot-phrase inserts it, Tab walks its fields, a choice is made and the
// blanks typed, and Check Note Is Complete says nothing is left.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { eventually, focusWorkbench, runCommand, saveScreenshot, sharedWorkbench, typeInto } from './workbench';

const PHRASE = [
  '---',
  'name: ui-visit',
  'title: Short visit',
  'description: A short visit note',
  'kind: template',
  '---',
  '## Short visit, @DATE@',
  '',
  '**Side:** {left|right}',
  '',
  '**Eases it:** ***',
  '',
  '**Plan:** ***',
].join('\n');

describe('clinic phrases from the keyboard (UI)', function () {
  let page: Page;
  let phraseFile: string;
  // A sample note (Quick Open finds the files the workspace started with), reverted at the end.
  const NOTE = '2026-11-20-hip-arthritis-screen.md';

  before(async function () {
    this.timeout(180_000);
    const workbench = await sharedWorkbench();
    page = workbench.page;
    const { workspace } = workbench.server;
    phraseFile = path.join(workspace, '.vscode', 'iliopsoas-phrases', 'ui-visit.md');
    fs.mkdirSync(path.dirname(phraseFile), { recursive: true });
    fs.writeFileSync(phraseFile, PHRASE);
    await focusWorkbench(page);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
  });

  after(() => {
    fs.rmSync(phraseFile, { force: true });
  });

  const editorText = async () => (await page.locator('.editor-instance .monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');

  it('inserts a clinic template by dot-phrase, walks its fields with Tab, and finds the note complete once filled', async () => {
    // Quick Open, as a person opens a note without the mouse.
    await typeInto(page, 'Control+P', '.quick-input-widget input', NOTE);
    await page.locator('.quick-input-list .monaco-list-row.focused').filter({ hasText: NOTE }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tab.active').filter({ hasText: NOTE }).waitFor();
    // Keys pressed before the editor has the focus would be lost (or land in Quick Open).
    await page.locator('.editor-instance .monaco-editor.focused').waitFor();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');

    await page.keyboard.type('.ui-vis');
    const suggestion = page.locator('.suggest-widget .monaco-list-row').filter({ hasText: '.ui-visit' });
    // The phrase file, written a moment ago, reaches the extension through the file watcher: until
    // then, ask again as a person would (Escape, then Ctrl+Space: a new list for what is typed).
    await eventually(async () => {
      if (!(await suggestion.first().isVisible())) {
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+Space');
        await page.locator('.suggest-widget .monaco-list-row').first().waitFor({ timeout: 3_000 }).catch(() => undefined);
      }
      assert.ok(await suggestion.first().isVisible(), 'no .ui-visit among the dot-phrases');
    }, 20_000);
    await saveScreenshot(page, 'clinic-phrase');
    await page.keyboard.press('Enter');

    // The first field, the side, is a choice: its list opens; the first entry is the list as written.
    await eventually(async () => assert.match(await editorText(), /\*\*Side:\*\* \{left\|right\}/));
    const today = await eventually(async () => {
      const match = /## Short visit, (\d{4}-\d{2}-\d{2})/.exec(await editorText());
      assert.ok(match, 'the date is not filled in');
      return match[1];
    });
    const choice = page.locator('.suggest-widget .monaco-list-row').filter({ hasText: /^right/ });
    await choice.first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await eventually(async () => assert.match(await editorText(), /\*\*Side:\*\* right/));

    // Choosing an option moves on to the next field, the first blank.
    await page.keyboard.type('Heat and walking');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Review in 2 weeks');
    await page.keyboard.press('Escape');
    await eventually(async () => {
      const text = await editorText();
      assert.match(text, /\*\*Eases it:\*\* Heat and walking/);
      assert.match(text, /\*\*Plan:\*\* Review in 2 weeks/);
      assert.ok(text.includes(`## Short visit, ${today}`));
    });

    await runCommand(page, 'Iliopsoas: Check Note Is Complete');
    const complete = page.locator('.notification-list-item').filter({ hasText: /This note is complete/ }).first();
    // As a toast or (if the workbench keeps it quiet) in the notification center.
    await eventually(async () => {
      if (!(await complete.isVisible())) {
        await runCommand(page, 'Notifications: Show Notifications');
        assert.ok(await complete.isVisible(), 'no "This note is complete" message');
      }
    }, 30_000);
    await runCommand(page, 'Notifications: Clear All Notifications');
    await page.keyboard.press('Escape');
    await runCommand(page, 'File: Revert File');
  });
});
