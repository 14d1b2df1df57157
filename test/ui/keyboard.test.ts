// Every feature from the keyboard alone, as a clinician who does not use a mouse works: no click
// and no mouse move in this file. Commands by the Command Palette (F1), notes by Quick Open.
import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { CAUSES_SUBSECTIONS, TOP_LEVEL_SECTIONS } from '../expectedGuide';
import { eventually, frameWithText, sharedWorkbench } from './workbench';

describe('keyboard only (UI)', function () {
  let page: Page;

  before(async function () {
    this.timeout(180_000);
    ({ page } = await sharedWorkbench());
    // Start as a person sitting down would: close whatever the tests before left open.
    await focusWorkbench();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
  });

  /**
   * Keys sent while a webview (the reader) has the focus stay in its frame under Playwright here,
   * where VS Code would pass them on to the workbench: hands the focus back to the workbench.
   */
  async function focusWorkbench(): Promise<void> {
    await page.evaluate('document.activeElement instanceof HTMLIFrameElement && document.activeElement.blur()');
  }

  /** Presses `keys`, then types `text` once the input they open has the focus (keys typed sooner are lost). */
  async function typeInto(keys: string, input: string, text: string): Promise<void> {
    await focusWorkbench();
    // F1 and Ctrl+P toggle: a palette left open would close instead.
    if (await page.locator('.quick-input-widget').isVisible()) await page.keyboard.press('Escape');
    await page.keyboard.press(keys);
    await page.locator(`${input}:focus`).waitFor();
    await page.keyboard.type(text);
  }

  /** Runs a command by its title from the Command Palette. */
  async function runCommand(title: string): Promise<void> {
    await typeInto('F1', '.quick-input-widget input', title);
    await page.locator('.quick-input-list .monaco-list-row.focused').filter({ hasText: title }).waitFor();
    await page.keyboard.press('Enter');
  }

  /** The accessible name of what has the keyboard focus: in a list or tree, its active row. */
  const focusedLabel = () =>
    page.evaluate<string>(`(() => {
      const focused = document.activeElement;
      const row = focused?.getAttribute('aria-activedescendant');
      return ((row && document.getElementById(row)) || focused)?.getAttribute('aria-label') ?? '';
    })()`);

  it('walks the Sections tree with the arrow keys and opens a section with Enter', async () => {
    await runCommand('Iliopsoas Guide: Focus on Sections View');
    // The command shows the view; Focus into Primary Side Bar (Ctrl+0) puts the keyboard in its tree.
    await page.keyboard.press('Control+0');
    // Screen readers announce each row by its title (not its tooltip sentence).
    await eventually(async () => {
      await page.keyboard.press('Home'); // again until the tree has the focus and its rows
      assert.strictEqual(await focusedLabel(), TOP_LEVEL_SECTIONS[0]);
    });
    await page.keyboard.press('ArrowDown');
    await eventually(async () => assert.strictEqual(await focusedLabel(), TOP_LEVEL_SECTIONS[1]));
    const tree = page.getByRole('tree', { name: 'Sections' });
    // Right arrow expands "Causes…", or moves into it if an earlier test left it expanded.
    if ((await tree.getByRole('treeitem', { name: TOP_LEVEL_SECTIONS[1] }).getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('ArrowRight');
    await tree.getByRole('treeitem', { name: CAUSES_SUBSECTIONS[0] }).waitFor();
    await page.keyboard.press('ArrowDown');
    await eventually(async () => assert.strictEqual(await focusedLabel(), CAUSES_SUBSECTIONS[0]));
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: new RegExp(`^${CAUSES_SUBSECTIONS[0]}\\b`) }).waitFor();
  });

  it('follows the reader’s links with Tab and Enter', async () => {
    await runCommand('View: Focus Active Editor Group');
    const reader = await frameWithText(page, 'Overexertion and repetitive use');
    // Tab through the reader's links until the one to the next page.
    await eventually(async () => {
      await page.keyboard.press('Tab');
      const focused = await reader.evaluate<string>('document.activeElement?.textContent ?? ""');
      assert.ok(focused.includes(CAUSES_SUBSECTIONS[1]), `the focus is on "${focused}", not on the link to "${CAUSES_SUBSECTIONS[1]}"`);
    }, 10_000);
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: new RegExp(`^${CAUSES_SUBSECTIONS[1]}\\b`) }).waitFor();
  });

  it('shows a term’s explanation with the Show Hover keys', async () => {
    await typeInto('Control+P', '.quick-input-widget input', '2026-11-02-initial-assessment.md');
    await page.locator('.quick-input-list .monaco-list-row.focused').filter({ hasText: 'initial-assessment' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: /^2026-11-02-initial-assessment\.md/ }).waitFor();
    await page.locator('.editor-instance .monaco-editor.focused').waitFor();
    await typeInto('Control+F', '.find-widget textarea', 'spinal stenosis');
    await page.keyboard.press('Escape'); // back in the note, the match selected
    await page.keyboard.press('ArrowLeft'); // the cursor at its start
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover:visible').filter({ hasText: 'For patients' });
    await hover.waitFor();
    assert.match(await hover.innerText(), /Narrowing of the spinal canal/);
    await page.keyboard.press('Escape');
  });

  it('inserts a handout from the Command Palette and its pick list', async () => {
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await runCommand('Iliopsoas: Insert Handout…');
    await page.locator('.quick-input-widget').filter({ hasText: 'Insert Patient Handout' }).waitFor();
    await page.locator('.quick-input-widget input:focus').waitFor();
    await page.keyboard.type('stretch');
    await page.locator('.quick-input-list .monaco-list-row.focused').waitFor();
    await page.keyboard.press('Enter');
    const lines = page.locator('.editor-instance .monaco-editor .view-lines').first();
    await eventually(async () => assert.match((await lines.innerText()).replace(/\u00a0/g, ' '), /# .*[Ss]tretch/));
    await page.keyboard.press('Escape');
    await runCommand('File: Revert File'); // the sample note as it was, for the tests after this one
  });
});
