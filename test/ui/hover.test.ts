// A glossary hover as a person meets it: open a note, rest the mouse on a term, follow its guide link.
import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { eventually, openNoteFromExplorer, frameWithText, saveScreenshot, sharedWorkbench } from './workbench';

/** Centre of the first on-screen occurrence of `text` in the editor (strings: the test tsconfig has no DOM lib). */
async function editorTextCentre(page: Page, text: string): Promise<{ x: number; y: number }> {
  const box = await page.evaluate(`(() => {
    const walker = document.createTreeWalker(document.querySelector('.editor-instance .view-lines'), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent.replace(/\\u00a0/g, ' ').indexOf(${JSON.stringify(text)});
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + ${text.length});
      const rect = range.getBoundingClientRect();
      return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    }
    return null;
  })()`);
  assert.ok(box, `"${text}" is not on screen in the editor`);
  return box as { x: number; y: number };
}

describe('glossary hover in the workbench (UI)', function () {
  let page: Page;

  before(async function () {
    this.timeout(180_000);
    ({ page } = await sharedWorkbench());
  });

  it('explains "spinal stenosis" when the mouse rests on it in a note', async () => {
    await openNoteFromExplorer(page, '2026-11-02-initial-assessment.md');

    const hover = page.locator('.monaco-hover:visible').filter({ hasText: 'For patients' });
    await eventually(async () => {
      const { x, y } = await editorTextCentre(page, 'spinal stenosis');
      await page.mouse.move(x - 30, y + 40);
      await page.mouse.move(x, y, { steps: 4 });
      await hover.waitFor({ timeout: 3000 });
    });
    const text = await hover.innerText();
    assert.match(text, /spinal stenosis/);
    assert.match(text, /Narrowing of the spinal canal/);
    assert.match(text, /Spinal stenosis means the tunnel inside your spine has become too narrow/);
    assert.match(text, /Insert patient explanation/);
    await saveScreenshot(page, 'hover');
  });

  it('opens the guide section from the hover’s link', async () => {
    const hover = page.locator('.monaco-hover:visible').filter({ hasText: 'For patients' });
    await hover.getByRole('link', { name: 'Spinal Stenosis' }).click();
    await page.getByRole('tablist').getByRole('tab', { name: /^Spinal Stenosis\b/ }).waitFor();
    const reader = await frameWithText(page, 'The spinal canal is the passageway within the spine');
    assert.ok(await reader.getByRole('heading', { name: 'Spinal Stenosis' }).isVisible());
  });
});
