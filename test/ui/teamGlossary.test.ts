// The team glossary as a clinic lead meets it: the Command Palette opens it with an example entry,
// and the empty "Terms in this Note" view offers it too. The screenshot illustrates the walkthrough.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { eventually, runCommand, saveScreenshot, sharedWorkbench } from './workbench';

describe('team glossary in the workbench (UI)', function () {
  let page: Page;
  let glossaryFile: string;
  let createdByTest: string | undefined;

  before(async function () {
    this.timeout(180_000);
    const workbench = await sharedWorkbench();
    page = workbench.page;
    // The command creates the file in the sample workspace if it is missing: remove what this test created.
    const vscodeDir = path.join(workbench.server.workspace, '.vscode');
    glossaryFile = path.join(vscodeDir, 'iliopsoas-glossary.json');
    createdByTest = fs.existsSync(glossaryFile) ? undefined : fs.existsSync(vscodeDir) ? glossaryFile : vscodeDir;
  });

  after(() => {
    if (createdByTest) fs.rmSync(createdByTest, { recursive: true, force: true });
  });

  it('opens the team glossary with its example entry from the Command Palette', async () => {
    await page.mouse.move(640, 700); // away from any hover left by an earlier test
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('>Iliopsoas: Open Team Glossary');
    await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Iliopsoas: Open Team Glossary' }).first().waitFor();
    await page.keyboard.press('Enter');

    await page.getByRole('tablist').getByRole('tab', { name: /^iliopsoas-glossary\.json/ }).waitFor();
    const lines = page.locator('.editor-instance .monaco-editor .view-lines').first();
    await eventually(async () => assert.match((await lines.innerText()).replace(/\u00a0/g, ' '), /"term": "sacroiliac joint"/));
    assert.ok(fs.existsSync(glossaryFile), 'the team glossary file was not created in the workspace');
  });

  it('quotes a hostile team file in its warning without letting it form a command link', async () => {
    // A cloned repository's glossary whose unknown property is written as a command link.
    const hostile = '[Repair glossary](command:workbench.action.files.newUntitledFile)';
    fs.writeFileSync(glossaryFile, JSON.stringify({ entries: [], [hostile]: 1 }, null, 2));
    // The warning, as a toast or (if the workbench keeps it quiet) in the notification center.
    const item = page.locator('.notification-list-item').filter({ hasText: 'Repair glossary' }).first();
    await eventually(async () => {
      if (!(await item.isVisible())) {
        await runCommand(page, 'Notifications: Show Notifications');
        assert.ok(await item.isVisible(), 'no warning about the team glossary');
      }
    }, 30_000);
    const message = item.locator('.notification-list-item-message');
    assert.match(await message.innerText(), /unknown property "［Repair glossary］\(command:workbench\.action\.files\.newUntitledFile\)"/);
    assert.strictEqual(await message.locator('a').count(), 0, 'the file\'s text became a link');
    await runCommand(page, 'Notifications: Clear All Notifications');
    fs.writeFileSync(glossaryFile, JSON.stringify({ entries: [] }, null, 2));
  });

  it('offers "Open Team Glossary" and "Insert Handout…" in "Terms in this Note" when no note is active', async () => {
    const guideTab = page.getByRole('tablist', { name: 'Active View Switcher' }).getByRole('tab', { name: /^Iliopsoas Guide/ });
    // A click on the active view's icon would close the side bar.
    if (!(await page.getByRole('tree', { name: 'Sections' }).isVisible())) await guideTab.click();
    const welcome = page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: 'Terms in this Note' }) }).locator('.welcome-view-content');
    await eventually(async () => {
      assert.match(await welcome.innerText(), /Open a Markdown note to see the glossary terms it uses/);
      assert.ok(await welcome.getByRole('button', { name: 'Open Team Glossary' }).isVisible());
      assert.ok(await welcome.getByRole('button', { name: 'Insert Handout…' }).isVisible());
    });
    await page.mouse.move(640, 700); // no tooltip in the picture
    await saveScreenshot(page, 'team-glossary');
  });
});
