// Inserting a patient handout as a clinician would: a dot-phrase typed in a note; then exporting it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { eventually, openNoteFromExplorer, runCommand, saveScreenshot, sharedWorkbench } from './workbench';

describe('handout insertion in the workbench (UI)', function () {
  let page: Page;
  let workspace: string;

  before(async function () {
    this.timeout(180_000);
    const workbench = await sharedWorkbench();
    page = workbench.page;
    workspace = workbench.server.workspace;
  });

  it('offers handouts after ".stre" in a note and inserts the one chosen', async () => {
    await openNoteFromExplorer(page, '2026-11-16-follow-up.md');

    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('.stre');
    const suggestion = page.locator('.suggest-widget .monaco-list-row').filter({ hasText: '.stretching' });
    await suggestion.first().waitFor();
    const title = (await suggestion.first().locator('.details-label, .label-description').first().innerText()).trim();
    assert.ok(title.length > 0, 'the suggestion does not show the handout title');
    await saveScreenshot(page, 'handout-insert');

    await page.keyboard.press('Enter');
    await eventually(async () => assert.ok((await editor.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ').includes(`# ${title}`)));
    await page.keyboard.press('Escape');
  });

  it('shows the reading grade of the selection in the status bar', async () => {
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+A');
    // The book icon renders as a space before the text.
    const grade = page.locator('.statusbar-item').filter({ hasText: /^\s*Grade \d+\.\d$/ });
    await eventually(async () => assert.ok(await grade.isVisible(), `no reading grade among ${JSON.stringify(await page.locator('.statusbar-item').allInnerTexts())}`));
    assert.match(await grade.getAttribute('aria-label') ?? '', /^Reading grade \d+\.\d$/);
  });

  it('exports the handout beside the note, and shows the file in the Explorer from the notification\'s button', async () => {
    const exported = path.join(workspace, 'notes', 'warm-up-and-stretching-program.html');
    fs.rmSync(exported, { force: true });
    try {
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+End'); // in the handout inserted above
      await runCommand(page, 'Iliopsoas: Export Handout as HTML…');
      const input = page.locator('.quick-input-widget input:focus');
      await eventually(async () => assert.strictEqual(await input.inputValue(), exported));
      await page.keyboard.press('Enter');
      await eventually(() => fs.promises.readFile(exported, 'utf8'));
      // In the browser there is no OS file manager: the button shows the file in VS Code's Explorer.
      // As a toast or (if the workbench keeps it quiet) in the notification center.
      const item = page.locator('.notification-list-item').filter({ hasText: /Exported “Warm-Up and Stretching Program” to notes\/warm-up-and-stretching-program\.html/ }).first();
      await eventually(async () => {
        if (!(await item.isVisible())) {
          await runCommand(page, 'Notifications: Show Notifications');
          assert.ok(await item.isVisible(), 'no notification that the handout was exported');
        }
      }, 30_000);
      // Its one labelled button (the others are the item's icons): in the browser, no OS file manager and no browser can reach the file.
      assert.deepStrictEqual((await item.getByRole('button').allInnerTexts()).filter((label) => label.trim() !== ''), ['Reveal in Explorer']);
      await item.getByRole('button', { name: 'Reveal in Explorer' }).click();
      const row = page.getByRole('tree', { name: /Files Explorer/ }).getByRole('treeitem', { name: /^warm-up-and-stretching-program\.html/ });
      await eventually(async () => assert.strictEqual(await row.getAttribute('aria-selected'), 'true'));
    } finally {
      fs.rmSync(exported, { force: true });
    }
  });
});
