// The guide as a person meets it in the real workbench: activity-bar entry, tree, reader tab.
import * as assert from 'assert';
import type { Locator, Page } from 'playwright-core';
import { CAUSES_SUBSECTIONS, TOP_LEVEL_SECTIONS } from '../expectedGuide';
import { eventually, frameWithText, runCommand, saveScreenshot, sharedWorkbench, widenSideBar } from './workbench';

/** Visible labels of the tree rows at one depth (rows' aria-labels hold the tooltip, not the label). */
async function rowLabels(rows: Locator): Promise<string[]> {
  return (await rows.locator('.label-name').allInnerTexts()).map((s) => s.trim());
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.mouse.move(640, 700); // no hover tooltip in the picture
  await saveScreenshot(page, name);
}

describe('Iliopsoas Guide in the workbench (UI)', function () {
  let page: Page;
  let tree: Locator;

  before(async function () {
    this.timeout(180_000);
    ({ page } = await sharedWorkbench());
    tree = page.getByRole('tree', { name: 'Sections' });
  });

  it('lists the six top-level sections in order after a click on the activity-bar entry', async () => {
    // The entry appears once the extension host has registered the contribution: click() waits for it.
    await page.getByRole('tablist', { name: 'Active View Switcher' }).getByRole('tab', { name: /^Iliopsoas Guide/ }).click();
    const topRows = tree.locator('[role="treeitem"][aria-level="1"]');
    await eventually(async () => assert.deepStrictEqual(await rowLabels(topRows), TOP_LEVEL_SECTIONS));
    await widenSideBar(page, 120); // for the screenshots: the long section titles fit
  });

  it('expands "2. Causes of Iliopsoas Back Pain" into its four causes', async () => {
    const causes = tree.getByRole('treeitem').filter({ hasText: TOP_LEVEL_SECTIONS[1] });
    // A row with a command opens it on click; expanding is the chevron's job (VS Code's twistie).
    await causes.locator('.monaco-tl-twistie').click();
    await eventually(async () => assert.strictEqual(await causes.getAttribute('aria-expanded'), 'true'));
    const children = tree.locator('[role="treeitem"][aria-level="2"]');
    await eventually(async () => assert.deepStrictEqual(await rowLabels(children), CAUSES_SUBSECTIONS));
    await screenshot(page, 'guide-tree');
  });

  it('opens "Spinal Stenosis" in the reader tab', async () => {
    await tree.locator('[role="treeitem"][aria-level="2"]').filter({ hasText: 'Spinal Stenosis' }).click();
    const tab = page.getByRole('tablist').getByRole('tab', { name: /^Spinal Stenosis\b/ });
    await tab.waitFor();
    // The Causes section mentions spinal stenosis too: check the reader shows the subsection itself.
    const reader = await frameWithText(page, 'narrowing of the spinal canal');
    await eventually(async () => assert.ok(await reader.getByRole('heading', { name: 'Spinal Stenosis' }).isVisible()));
    await screenshot(page, 'reader');
  });

  it('shows the evidence note under the Injections paragraph that current guidelines contradict', async () => {
    const treatment = tree.getByRole('treeitem').filter({ hasText: TOP_LEVEL_SECTIONS[3] });
    await treatment.locator('.monaco-tl-twistie').click();
    await tree.locator('[role="treeitem"][aria-level="2"]').filter({ hasText: 'Injections' }).click();
    await page.getByRole('tablist').getByRole('tab', { name: /^Injections\b/ }).waitFor();
    const reader = await frameWithText(page, 'providing long-term pain relief');
    const note = reader.getByRole('note', { name: 'Evidence note' });
    await eventually(async () => assert.ok(await note.isVisible(), 'the evidence note is not visible'));
    assert.match(await note.innerText(), /^Evidence note: [\s\S]*spinal injections for managing low back pain[\s\S]*Source: NICE NG59/);
    await note.scrollIntoViewIfNeeded();
    await screenshot(page, 'evidence-note');
    await treatment.locator('.monaco-tl-twistie').click(); // as it was, so the rows below stay in view
  });

  it('keeps each quiz answer hidden until "Show answer" is clicked', async () => {
    const quiz = tree.getByRole('treeitem', { name: 'Quiz' });
    await quiz.locator('.monaco-tl-twistie').click();
    await tree.getByRole('treeitem', { name: 'Multiple Choice Questions' }).click();
    await page.getByRole('tablist').getByRole('tab', { name: /^Multiple Choice Questions\b/ }).waitFor();
    const reader = await frameWithText(page, 'Which type of arthritis commonly affects the hip joint');
    const firstAnswer = reader.locator('details.quiz-answer').first();
    // The answer is on the page, only hidden: a missing answer would also be "not visible".
    assert.strictEqual(await firstAnswer.getByText('(b) Hip flexion').count(), 1);
    assert.strictEqual(await firstAnswer.getByText('(b) Hip flexion').isVisible(), false);
    await firstAnswer.getByText('Show answer').click();
    await eventually(async () => assert.ok(await firstAnswer.getByText('(b) Hip flexion').isVisible()));
    const secondAnswer = reader.locator('details.quiz-answer').nth(1).getByText('(b) Osteoarthritis');
    assert.strictEqual(await secondAnswer.count(), 1);
    assert.strictEqual(await secondAnswer.isVisible(), false);
  });

  it('reopens the reader on the section it showed when the window reloads', async function () {
    this.timeout(120_000);
    // The reader shows the quiz's first part (the test above).
    await page.getByRole('tablist').getByRole('tab', { name: /^Multiple Choice Questions\b/ }).waitFor();
    // As a person reloads (the command saves the workbench's state first; a browser reload may not).
    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    await runCommand(page, 'Developer: Reload Window');
    await reloaded;
    // VS Code restores the tab and hands it to the reader's serializer with the section the page saved.
    await page.getByRole('tablist').getByRole('tab', { name: /^Multiple Choice Questions\b/ }).waitFor({ timeout: 60_000 });
    const reader = await eventually(async () => {
      for (const frame of page.frames()) if ((await frame.locator('main[data-section-id="multiple-choice-questions"]').count()) > 0) return frame;
      throw new Error('no frame shows the restored section');
    }, 60_000);
    await eventually(async () => assert.ok(await reader.getByRole('heading', { name: 'Multiple Choice Questions', level: 1 }).isVisible()));
  });
});
