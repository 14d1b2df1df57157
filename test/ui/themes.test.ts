// The reader takes every colour from the theme: switching the workbench to a light theme, as a
// person would from the Command Palette, must turn the page light with dark text.
import * as assert from 'assert';
import type { Frame, Page } from 'playwright-core';
import { eventually, frameWithText, saveScreenshot, sharedWorkbench } from './workbench';

async function runCommand(page: Page, title: string): Promise<void> {
  await page.mouse.move(640, 700);
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

// Switches between the preferred light and dark themes (Light Modern and Dark Modern by default).
const TOGGLE_THEME = 'Preferences: Toggle between Light/Dark Themes';

/** Relative luminance (0 black … 1 white) of a CSS `rgb(…)` colour. */
function luminance(cssColor: string): number {
  const [r, g, b] = (cssColor.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((part) => {
    const channel = Number(part) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

async function readerColours(reader: Frame): Promise<{ text: number; background: number }> {
  const [text, background] = await reader.evaluate<[string, string]>('[getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor]');
  return { text: luminance(text), background: luminance(background) };
}

describe('themes (UI)', function () {
  let page: Page;
  let switchedToLight = false;

  before(async function () {
    this.timeout(180_000);
    ({ page } = await sharedWorkbench());
  });

  after(async () => {
    if (switchedToLight) await runCommand(page, TOGGLE_THEME);
  });

  it('shows the reader light on dark in the dark theme and dark on light in the light theme', async () => {
    await runCommand(page, 'Iliopsoas: Open Guide');
    const reader = await frameWithText(page, 'A Journey Towards Relief');
    const dark = await readerColours(reader);
    assert.ok(dark.background < 0.2 && dark.text > 0.4, `dark theme: ${JSON.stringify(dark)}`);

    await runCommand(page, TOGGLE_THEME);
    switchedToLight = true;
    await eventually(async () => {
      const light = await readerColours(reader);
      assert.ok(light.background > 0.8 && light.text < 0.2, `light theme: ${JSON.stringify(light)}`);
    });
    await page.mouse.move(640, 700);
    await saveScreenshot(page, 'reader-light');
  });
});
