// The first screen of `npm run try`, as a newcomer meets it: the try-it host started as try.ts
// starts it (test/host/tryItHost.ts, with the packaged extension), opened at the URL it prints.
// Its screenshot is the README's picture of the try-it window.
import * as assert from 'assert';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { launchChromium, resultsDir, VIEWPORT, type Chromium } from '../host/codeServer';
import { buildVsix, type BuiltVsix } from '../host/packageVsix';
import { SAMPLE_NOTE, startTryIt, type TryIt } from '../host/tryItHost';
import { TOP_LEVEL_SECTIONS } from '../expectedGuide';
import { eventually, runCommand, saveScreenshot } from './workbench';

async function rowLabels(rows: Locator): Promise<string[]> {
  return (await rows.locator('.label-name').allInnerTexts()).map((s) => s.trim());
}

describe('the try-it window (UI)', function () {
  let built: BuiltVsix | undefined;
  let tryIt: TryIt | undefined;
  let chromium: Chromium | undefined;
  let page: Page;

  before(async function () {
    this.timeout(240_000);
    built = await buildVsix();
    tryIt = await startTryIt({ vsix: built.vsix, logFile: path.join(resultsDir, 'code-server-try-it.log') });
    assert.match(tryIt.how, /^Installed /, 'the try-it host fell back to the development host');
    chromium = await launchChromium();
    // As a person's browser opens it: no smoke-test driver in this window (see startTryIt), so no
    // window.driver to wait on; the tests below wait for what they look for.
    const context = await chromium.browser.newContext({ viewport: VIEWPORT });
    page = await context.newPage();
    await page.goto(tryIt.url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
  });

  after(async () => {
    await chromium?.close();
    await tryIt?.stop();
    built?.remove();
  });

  it('opens on a sample note, with the guide’s sections in the side bar and the walkthrough offered', async () => {
    const noteName = path.basename(SAMPLE_NOTE);
    const tab = page.getByRole('tablist').getByRole('tab', { name: new RegExp(`^${noteName.replace(/[.]/g, '\\.')}`) });
    await tab.waitFor();
    assert.strictEqual(await tab.getAttribute('aria-selected'), 'true', `${noteName} is open but not the active tab`);
    const lines = page.locator('.editor-instance .monaco-editor .view-lines').first();
    await eventually(async () => assert.match((await lines.innerText()).replace(/\u00a0/g, ' '), /Initial assessment — 2 Nov 2026/));

    const tree = page.getByRole('tree', { name: 'Sections' });
    await eventually(async () => assert.deepStrictEqual(await rowLabels(tree.locator('[role="treeitem"][aria-level="1"]')), TOP_LEVEL_SECTIONS));
    const offer = page.locator('.notifications-toasts').getByRole('button', { name: 'Take the Tour' });
    await offer.waitFor();
    await page.mouse.move(640, 700); // no hover tooltip in the picture
    await saveScreenshot(page, 'try-it');
  });

  it('opens the walkthrough from the notification', async () => {
    // A toast hides after a while: then the notification is in the notification center, as for a person who looked away.
    const toast = page.locator('.notifications-toasts').getByRole('button', { name: 'Take the Tour' });
    if (!(await toast.isVisible())) await runCommand(page, 'Notifications: Show Notifications');
    await page.locator('.notifications-toasts, .notifications-center').getByRole('button', { name: 'Take the Tour' }).first().click();
    // The walkthrough's first step (installed.test follows its button).
    await page.getByRole('checkbox', { name: /^Read the patient guide: / }).waitFor();
  });
});
