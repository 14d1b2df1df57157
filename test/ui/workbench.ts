// Fixture for the UI tests: one code-server + Chromium (the shared launcher in
// test/host/codeServer.ts) showing the workbench with the extension under development.
// UI tests run in plain Node under mocha; they act on the page as a person would.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { exitOnSignals, launchChromium, openWorkbench, repoRoot, resultsDir, startCodeServer, type Chromium, type CodeServer } from '../host/codeServer';

/**
 * `npm run screenshots` (ILIOPSOAS_UPDATE_SCREENSHOTS=1) refreshes the README's screenshots and
 * the walkthrough's images in media/. Other runs (CI's too) keep theirs in .test-results/, so a
 * test run never modifies the clone.
 */
const UPDATE_SCREENSHOTS = process.env.ILIOPSOAS_UPDATE_SCREENSHOTS === '1';
const screenshotsDir = UPDATE_SCREENSHOTS ? path.join(repoRoot, 'media', 'screenshots') : path.join(resultsDir, 'screenshots');
const walkthroughDir = UPDATE_SCREENSHOTS ? path.join(repoRoot, 'media', 'walkthrough') : path.join(resultsDir, 'walkthrough');
/** Screenshots that also illustrate a walkthrough step (package.json `walkthroughs`). */
const WALKTHROUGH_IMAGES = new Set(['reader', 'hover', 'handout-insert', 'team-glossary']);
const WALKTHROUGH_SIZE = { width: 800, height: 500 };

/** Saves `<name>.png` of the workbench and, for a walkthrough step's picture, a smaller `<name>.jpg` (the .vsix ships those). */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotsDir, { recursive: true });
  const png = await page.screenshot({ path: path.join(screenshotsDir, `${name}.png`) });
  if (!WALKTHROUGH_IMAGES.has(name)) return;
  // Scaled down by Chromium itself, in a page of its own: no image library needed.
  fs.mkdirSync(walkthroughDir, { recursive: true });
  const scaler = await page.context().newPage();
  try {
    await scaler.setViewportSize(WALKTHROUGH_SIZE);
    await scaler.setContent(`<body style="margin:0"><img style="display:block;width:100vw;height:100vh" src="data:image/png;base64,${png.toString('base64')}"></body>`);
    await scaler.screenshot({ path: path.join(walkthroughDir, `${name}.jpg`), type: 'jpeg', quality: 80 });
  } finally {
    await scaler.close();
  }
}

export interface Workbench {
  readonly page: Page;
  readonly server: CodeServer;
  close(): Promise<void>;
}

export async function openExtensionWorkbench(): Promise<Workbench> {
  exitOnSignals();
  const server = await startCodeServer({ logFile: path.join(resultsDir, 'code-server-ui.log') });
  let chromium: Chromium | undefined;
  try {
    chromium = await launchChromium();
    // No extensionTestsPath: a test run ends by shutting its extension host down.
    const page = await openWorkbench(chromium.browser, server.workbenchUrl({ extensionDevelopmentPath: repoRoot }));
    const browser = chromium;
    return {
      page,
      server,
      async close() {
        await browser.close();
        await server.stop();
      },
    };
  } catch (err) {
    await chromium?.close();
    await server.stop();
    throw new Error(`${(err as Error).message}\n--- code-server log (tail) ---\n${server.logTail()}`);
  }
}

let shared: Promise<Workbench> | undefined;

/** One workbench for every UI test file (starting one takes most of a UI run); closed after the last. */
export function sharedWorkbench(): Promise<Workbench> {
  return (shared ??= openExtensionWorkbench());
}

/** Mocha root hooks (loaded through .mocharc's `require`). */
export const mochaHooks = {
  /** A failed test leaves a picture of the shared workbench as it was, in .test-results/failures/. */
  async afterEach(this: Mocha.Context): Promise<void> {
    if (this.currentTest?.state !== 'failed' || !shared) return;
    const workbench = await shared.catch(() => undefined);
    if (!workbench) return;
    const dir = path.join(resultsDir, 'failures');
    fs.mkdirSync(dir, { recursive: true });
    const name = this.currentTest.fullTitle().replace(/[^\w-]+/g, '-').slice(0, 120);
    await workbench.page.screenshot({ path: path.join(dir, `${name}.png`) }).catch(() => undefined);
  },
  async afterAll(): Promise<void> {
    await shared?.then(
      (workbench) => workbench.close(),
      () => undefined,
    );
  },
};

/**
 * Retries an assertion until it passes or the timeout ends, then rethrows its last error:
 * waits on the condition itself, never for a fixed time.
 */
export async function eventually<T>(assertion: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** The text of the focused element (buttons named by their text have no aria-label). */
export function focusedElementText(page: Page): Promise<string> {
  return page.evaluate<string>('document.activeElement?.textContent?.trim() ?? ""');
}

/** Presses `key` until `read` (what has the focus) gives `wanted`, as a person moves through a list by ear; at most `presses` times. */
export async function pressKeyUntil(page: Page, key: string, read: () => Promise<string>, wanted: string | RegExp, presses = 25): Promise<void> {
  const seen = new Set<string>();
  for (let i = 0; i < presses; i++) {
    const current = await read();
    if (typeof wanted === 'string' ? current === wanted : wanted.test(current)) return;
    seen.add(current);
    await page.keyboard.press(key);
    // One step at a time: wait for the focus to move. A key sent while the workbench was still
    // placing the focus is lost, so with no move the key is pressed again (at a list's end it never moves).
    await eventually(async () => assert.notStrictEqual(await read(), current), 1000).catch(() => undefined);
  }
  assert.fail(`${key} never brought the focus to ${String(wanted)}; it went through ${JSON.stringify([...seen])}`);
}

/**
 * Opens the "Get started with Iliopsoas Notes" walkthrough from the Command Palette and returns
 * once one of its steps has the keyboard focus. The walkthrough places that focus a moment after
 * it appears (keys sent before are lost), and once in a while on a loaded machine it stays on the
 * page around the steps, where Tab goes nowhere: then choosing the walkthrough again, as a person
 * would, sets it.
 */
export async function openWalkthroughFocused(page: Page): Promise<void> {
  const stepFocused = () => page.evaluate<boolean>('document.activeElement?.classList.contains("getting-started-step") ?? false');
  for (let attempt = 1; ; attempt++) {
    await runCommand(page, 'Welcome: Open Walkthrough...');
    // Typed before the list of walkthroughs is up, the filter would go to the closing palette.
    await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Get started with Iliopsoas Notes' }).waitFor();
    await page.keyboard.type('Iliopsoas');
    await page.locator('.quick-input-list .monaco-list-row.focused').filter({ hasText: 'Get started with Iliopsoas Notes' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('checkbox', { name: /^Read the patient guide: / }).waitFor();
    const focused = await eventually(async () => assert.ok(await stepFocused()), 5_000).then(
      () => true,
      () => false,
    );
    if (focused) return;
    if (attempt === 2) assert.fail(`the walkthrough never put the focus on a step; it is on "${(await focusedElementText(page)).slice(0, 80)}"`);
  }
}

/**
 * Keys sent while a webview (the reader) has the focus stay in its frame under Playwright here,
 * where VS Code would pass them on to the workbench: hands the focus back to the workbench.
 */
export async function focusWorkbench(page: Page): Promise<void> {
  await page.evaluate('document.activeElement instanceof HTMLIFrameElement && document.activeElement.blur()');
}

/** Presses `keys`, then types `text` once the input they open has the focus (keys typed sooner are lost). */
export async function typeInto(page: Page, keys: string, input: string, text: string): Promise<void> {
  await focusWorkbench(page);
  // F1 and Ctrl+P toggle: a palette left open (or still closing) would close instead.
  const palette = page.locator('.quick-input-widget');
  if (await palette.isVisible()) await page.keyboard.press('Escape');
  await palette.waitFor({ state: 'hidden' });
  await page.keyboard.press(keys);
  await page.locator(`${input}:focus`).waitFor();
  await page.keyboard.type(text);
}

/** Runs a command by its title from the Command Palette (F1), from the keyboard alone. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await typeInto(page, 'F1', '.quick-input-widget input', title);
  await page.locator('.quick-input-list .monaco-list-row.focused').filter({ hasText: title }).waitFor();
  await page.keyboard.press('Enter');
}

/** Drags the side bar's edge as a person would, so long tree labels fit in screenshots. */
export async function widenSideBar(page: Page, byPx: number): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) throw new Error('the side bar is not visible');
  const edgeX = box.x + box.width + 2; // the sash straddles the edge, 4px wide, mostly outside
  const y = box.y + box.height / 2;
  await page.mouse.move(edgeX, y);
  await page.mouse.down();
  await page.mouse.move(edgeX + byPx, y, { steps: 5 });
  await page.mouse.up();
}

/** The frame (webviews are iframes in iframes) whose document contains `text`. */
export async function frameWithText(page: Page, text: string): Promise<Frame> {
  return eventually(async () => {
    for (const frame of page.frames()) {
      const body = await frame.locator('body').innerText({ timeout: 1000 }).catch(() => '');
      if (body.includes(text)) return frame;
    }
    throw new Error(`no frame shows "${text}"`);
  });
}

/** Opens a note of the sample workspace from the Explorer, as a person would, and waits for its tab. */
export async function openNoteFromExplorer(page: Page, fileName: string): Promise<void> {
  const named = new RegExp(`^${fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  const files = page.getByRole('tree', { name: /Files Explorer/ });
  // A click on the active view's icon would close the side bar.
  if (!(await files.isVisible())) await page.getByRole('tablist', { name: 'Active View Switcher' }).getByRole('tab', { name: /^Explorer/ }).click();
  const folder = files.getByRole('treeitem', { name: /^notes/ });
  if ((await folder.getAttribute('aria-expanded')) !== 'true') await folder.click();
  await files.getByRole('treeitem', { name: named }).click();
  await page.getByRole('tab', { name: named }).waitFor();
}
