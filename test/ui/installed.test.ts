// The extension as a clinician gets it: the .vsix that `npm run package` builds, installed into a
// fresh code-server (not the development host the other UI tests use), then the walkthrough
// followed from the keyboard. Proves the package holds what the features need at run time.
import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { launchChromium, openWorkbench, startCodeServer, type Chromium, type CodeServer } from '../host/codeServer';
import { buildVsix, type BuiltVsix } from '../host/packageVsix';
import { TOP_LEVEL_SECTIONS } from '../expectedGuide';
import { eventually, focusedElementText, frameWithText, openWalkthroughFocused, pressKeyUntil } from './workbench';

describe('installed from the .vsix (UI)', function () {
  let built: BuiltVsix | undefined;
  let server: CodeServer | undefined;
  let chromium: Chromium | undefined;
  let page: Page;

  before(async function () {
    this.timeout(240_000);
    built = await buildVsix();
    server = await startCodeServer({ installVsix: [built.vsix] });
    chromium = await launchChromium();
    page = await openWorkbench(chromium.browser, server.workbenchUrl());
    // The installed extension's contributions are in once its activity-bar entry is.
    await page.getByRole('tablist', { name: 'Active View Switcher' }).getByRole('tab', { name: /^Iliopsoas Guide/ }).waitFor();
  });

  after(async () => {
    await chromium?.close();
    await server?.stop();
    built?.remove();
  });

  it('offers its walkthrough, with the pictures the package ships', async () => {
    await openWalkthroughFocused(page);
    // The first step's picture (media/walkthrough/reader.jpg in the .vsix) is loaded, not broken.
    const picture = page.locator('img[alt^="The guide\'s \\"Spinal Stenosis\\" page"]');
    await eventually(async () => assert.ok((await picture.evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth)) > 0, 'the walkthrough picture did not load'));
  });

  it('opens the guide from the walkthrough’s first step, from the keyboard', async () => {
    // The walkthrough opens on its first step with the focus on it; Tab reaches its button.
    await openWalkthroughFocused(page);
    await pressKeyUntil(page, 'Tab', () => focusedElementText(page), 'Open Guide', 10);
    await page.keyboard.press('Enter');
    // The reader opens on the guide's title page, which lists the sections.
    await page.getByRole('tab', { name: /^Iliopsoas Back Pain: Causes, Symptoms, and Relief/ }).waitFor();
    // (The reader covers the walkthrough, so its tick is not checked here; keyboard.test checks a step's tick.)
    await frameWithText(page, TOP_LEVEL_SECTIONS[0]);
  });
});
