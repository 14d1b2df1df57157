// The features from the keyboard alone, as a clinician who does not use a mouse works: no click
// and no mouse move in this file. Commands by the Command Palette (F1), notes by Quick Open.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { CAUSES_SUBSECTIONS, TOP_LEVEL_SECTIONS } from '../expectedGuide';
import { workspaceFolder } from '../host/codeServer';
import { loadBuiltInGlossary } from '../../src/glossary/entries';
import { compileGlossary } from '../../src/glossary/matcher';
import { groupTermsByCategory, termGroupAccessibilityLabel } from '../../src/glossary/termGroups';
import { eventually, focusedElementText, focusWorkbench, frameWithText, openWalkthroughFocused, pressKeyUntil, runCommand, sharedWorkbench, typeInto } from './workbench';

const NOTE = '2026-11-02-initial-assessment.md';
/** A team glossary entry typed in by the test: a term of the note that the built-in glossary lacks. */
// A clinic's own term, not in the built-in glossary.
const CRAIG_TEST = {
  term: 'Craig test',
  definition: 'An estimate of femoral anteversion: prone, knee bent, the hip rotated until the greater trochanter is most prominent.',
  plain: 'A quick check of the angle of your thigh bone.',
};

describe('keyboard only (UI)', function () {
  let page: Page;
  let workspace: string;
  let glossaryFile: string;
  let createdByTest: string | undefined;
  let exportFile: string;

  before(async function () {
    this.timeout(180_000);
    const workbench = await sharedWorkbench();
    page = workbench.page;
    workspace = workbench.server.workspace;
    // The command creates the team glossary if it is missing: remove what this file created.
    const vscodeDir = path.join(workspace, '.vscode');
    glossaryFile = path.join(vscodeDir, 'iliopsoas-glossary.json');
    createdByTest = fs.existsSync(glossaryFile) ? undefined : fs.existsSync(vscodeDir) ? glossaryFile : vscodeDir;
    exportFile = path.join(workspace, 'notes', 'iliopsoas-export-keyboard.html'); // beside the note, where the dialog opens
    // Run alone, this file starts before the extension's commands are in the Command Palette.
    await page.getByRole('tablist', { name: 'Active View Switcher' }).getByRole('tab', { name: /^Iliopsoas Guide/ }).waitFor();
    // Start as a person sitting down would: close whatever the tests before left open.
    await focusWorkbench(page);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
  });

  after(() => {
    if (createdByTest) fs.rmSync(createdByTest, { recursive: true, force: true });
    fs.rmSync(exportFile, { force: true });
  });

  /** The accessible name of what has the keyboard focus: in a list or tree, its active row. */
  const focusedLabel = () =>
    page.evaluate<string>(`(() => {
      const focused = document.activeElement;
      const row = focused?.getAttribute('aria-activedescendant');
      return ((row && document.getElementById(row)) || focused)?.getAttribute('aria-label') ?? '';
    })()`);

  const focusedText = () => focusedElementText(page);

  /** The focused item of an open menu, by its text; empty while the menu itself has the focus. */
  const focusedMenuItem = () => page.evaluate<string>('document.activeElement?.getAttribute("role") === "menuitem" ? document.activeElement.textContent.trim() : ""');

  const pressUntil = (key: string, read: () => Promise<string>, wanted: string | RegExp, presses?: number) => pressKeyUntil(page, key, read, wanted, presses);

  /** Opens a note of the workspace by Quick Open, and waits until the note has the keyboard focus. */
  async function openNote(fileName: string): Promise<void> {
    await typeInto(page, 'Control+P', '.quick-input-widget input', fileName);
    await page.locator('.quick-input-list .monaco-list-row.focused').filter({ hasText: fileName }).waitFor();
    await page.keyboard.press('Enter');
    // The editor's text input is named after the file (keys sent sooner would go to Quick Open).
    await eventually(async () => assert.ok((await focusedLabel()).startsWith(fileName), `the focus is on "${await focusedLabel()}"`));
  }

  /** The status bar's cursor position with the cursor at the end of a fixture note. */
  function endOfNote(fileName: string): string {
    return `Ln ${fs.readFileSync(path.join(workspaceFolder, 'notes', fileName), 'utf8').split('\n').length}, Col 1`;
  }

  /** Reverts the active note, `fileName` (never saved: edits stay out of the workspace), and waits until its tab shows no unsaved edits. */
  async function revertNote(fileName: string): Promise<void> {
    await runCommand(page, 'File: Revert File');
    const tab = page.getByRole('tab', { name: new RegExp(`^${fileName.replace(/\./g, '\\.')}`) });
    await eventually(async () => assert.doesNotMatch((await tab.getAttribute('class')) ?? '', /\bdirty\b/, `${fileName} still has unsaved edits`));
  }

  /** The lines shown by the active editor, with the non-breaking spaces it renders as spaces. */
  const editorText = async () => (await page.locator('.editor-instance .monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');

  /** Where the cursor is, as the status bar says it: "Ln 13, Col 48 (11 selected)". */
  const cursorStatus = () => page.locator('#status\\.editor\\.selection').innerText();

  /** "Ln …, Col … (… selected)" for each occurrence of `term` in a fixture note, selected from its start to its end. */
  function occurrenceStatuses(fileName: string, term: string): string[] {
    const lines = fs.readFileSync(path.join(workspaceFolder, 'notes', fileName), 'utf8').split('\n');
    return lines.flatMap((line, i) => {
      const at = line.toLowerCase().indexOf(term.toLowerCase());
      return at < 0 ? [] : [`Ln ${i + 1}, Col ${at + term.length + 1} (${term.length} selected)`];
    });
  }

  it('walks the Sections tree with the arrow keys and opens a section with Enter', async () => {
    await runCommand(page, 'Iliopsoas Guide: Focus on Sections View');
    // The command shows the view; Focus into Primary Side Bar (Ctrl+0) puts the keyboard in its tree.
    await page.keyboard.press('Control+0');
    // Screen readers announce each row by its title (not its tooltip sentence).
    await eventually(async () => {
      await page.keyboard.press('Home'); // again until the tree has the focus and its rows
      assert.strictEqual(await focusedLabel(), TOP_LEVEL_SECTIONS[0]);
    });
    // A key sent while the workbench is still placing the focus is lost: pressed again until the focus moves.
    await pressUntil('ArrowDown', focusedLabel, TOP_LEVEL_SECTIONS[1], 3);
    const tree = page.getByRole('tree', { name: 'Sections' });
    // Right arrow expands "Causes…", or moves into it if an earlier test left it expanded.
    if ((await tree.getByRole('treeitem', { name: TOP_LEVEL_SECTIONS[1] }).getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('ArrowRight');
    await tree.getByRole('treeitem', { name: CAUSES_SUBSECTIONS[0] }).waitFor();
    await pressUntil('ArrowDown', focusedLabel, CAUSES_SUBSECTIONS[0], 3);
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: new RegExp(`^${CAUSES_SUBSECTIONS[0]}\\b`) }).waitFor();
  });

  it('follows the reader’s links with Tab and Enter', async () => {
    await runCommand(page, 'View: Focus Active Editor Group');
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
    await openNote(NOTE);
    await typeInto(page, 'Control+F', '.find-widget textarea', 'spinal stenosis');
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
    await runCommand(page, 'Iliopsoas: Insert Handout…');
    await page.locator('.quick-input-widget').filter({ hasText: 'Insert Patient Handout' }).waitFor();
    await page.locator('.quick-input-widget input:focus').waitFor();
    await page.keyboard.type('stretch');
    await page.locator('.quick-input-list .monaco-list-row.focused').waitFor();
    await page.keyboard.press('Enter');
    const lines = page.locator('.editor-instance .monaco-editor .view-lines').first();
    await eventually(async () => assert.match((await lines.innerText()).replace(/\u00a0/g, ' '), /# .*[Ss]tretch/));
    await page.keyboard.press('Escape');
    await revertNote(NOTE); // the sample note as it was, for the tests after this one
  });

  it('inserts a guide section’s handout from its row’s context menu (Shift+F10)', async () => {
    await openNote(NOTE);
    await pressUntil('Control+End', cursorStatus, endOfNote(NOTE), 3);
    await page.keyboard.press('Enter');
    await runCommand(page, 'Iliopsoas Guide: Focus on Sections View');
    await page.keyboard.press('Control+0');
    await eventually(async () => {
      await page.keyboard.press('Home');
      assert.strictEqual(await focusedLabel(), TOP_LEVEL_SECTIONS[0]);
    });
    await pressUntil('ArrowDown', focusedLabel, TOP_LEVEL_SECTIONS[3]);
    const tree = page.getByRole('tree', { name: 'Sections' });
    if ((await tree.getByRole('treeitem', { name: TOP_LEVEL_SECTIONS[3] }).getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('ArrowRight');
    await tree.getByRole('treeitem', { name: 'Surgery' }).waitFor();
    await pressUntil('ArrowDown', focusedLabel, 'Surgery');
    // The row's inline button cannot be reached by Tab; its context menu offers the same action.
    await page.keyboard.press('Shift+F10');
    const item = page.locator('.context-view .action-item').filter({ hasText: 'Insert Handout for This Section' });
    await item.waitFor();
    await pressUntil('ArrowDown', focusedMenuItem, 'Insert Handout for This Section', 5);
    await page.keyboard.press('Enter');
    // Surgery has one handout, inserted at the cursor in the note.
    await eventually(async () => assert.match(await editorText(), /# Treatment Options for Iliopsoas Back Pain/));
    await page.keyboard.press('Escape');
    await revertNote(NOTE);
  });

  it('goes from “Terms in this Note” to each occurrence of a term with the arrow keys and Enter', async () => {
    const [first, second] = occurrenceStatuses(NOTE, 'hip flexion');
    await openNote(NOTE);
    await page.keyboard.press('Control+Home'); // the next occurrence is looked for after the cursor
    await runCommand(page, 'Iliopsoas Guide: Focus on Terms in this Note View');
    // Shown for the first time, the view gives the focus to its welcome text while its rows load,
    // and it is lost when they arrive (VS Code's doing): Ctrl+0 puts it in the tree.
    await page.keyboard.press('Control+0');
    // The first row is the first category of the note's terms (as the shipped glossary finds them), announced
    // with its number of terms; under each category, screen readers announce each term with how often the note uses it.
    const [firstGroup] = groupTermsByCategory(compileGlossary(loadBuiltInGlossary()).countTerms(fs.readFileSync(path.join(workspaceFolder, 'notes', NOTE), 'utf8')));
    await eventually(async () => {
      await page.keyboard.press('Home');
      assert.strictEqual(await focusedLabel(), termGroupAccessibilityLabel(firstGroup));
    });
    // The categories are expanded: the arrow keys go through every term (the sample note has about 30).
    await pressUntil('ArrowDown', focusedLabel, 'hip flexion, 2 times in this note', 45);
    await page.keyboard.press('Enter');
    // The note takes the focus, its first "hip flexion" selected.
    await eventually(async () => assert.ok((await focusedLabel()).startsWith(NOTE), `the focus is on "${await focusedLabel()}"`));
    await eventually(async () => assert.strictEqual(await cursorStatus(), first));

    // Hidden, then focused again from the Command Palette: the focus goes straight back to the row.
    await runCommand(page, 'View: Show Explorer');
    await page.getByRole('tree', { name: /Files Explorer/ }).waitFor();
    await runCommand(page, 'Iliopsoas Guide: Focus on Terms in this Note View');
    await eventually(async () => assert.strictEqual(await focusedLabel(), 'hip flexion, 2 times in this note'));
    await page.keyboard.press('Enter');
    await eventually(async () => assert.strictEqual(await cursorStatus(), second));
  });

  it('opens a term’s guide section from its row’s context menu in “Terms in this Note” (Shift+F10)', async () => {
    await openNote(NOTE);
    await runCommand(page, 'Iliopsoas Guide: Focus on Terms in this Note View');
    await page.keyboard.press('Control+0');
    await eventually(async () => {
      await page.keyboard.press('Home');
      assert.match(await focusedLabel(), /^Conditions, \d+ terms?$/);
    });
    await pressUntil('ArrowDown', focusedLabel, 'hip flexion, 2 times in this note', 45);
    await page.keyboard.press('Shift+F10');
    const menu = page.locator('.context-view');
    await menu.locator('.action-item').filter({ hasText: 'Copy Definition' }).waitFor();
    for (const action of ['Insert Patient Explanation', 'Open Guide Section', 'Find in Workspace']) assert.ok(await menu.locator('.action-item').filter({ hasText: action }).isVisible(), action);
    await pressUntil('ArrowDown', focusedMenuItem, 'Open Guide Section', 6);
    await page.keyboard.press('Enter');
    // Hip flexion comes up in several sections: they are offered to choose from.
    await page.locator('.quick-input-widget').filter({ hasText: 'Guide Sections on “hip flexion”' }).waitFor();
    await page.keyboard.type('Proper Technique');
    await page.locator('.quick-input-list .monaco-list-row.focused').filter({ hasText: 'Proper Technique' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: /^Proper Technique\b/ }).waitFor();
  });

  it('finds a section with Find in Guide…, choosing among the matches with the arrow keys', async () => {
    await runCommand(page, 'Iliopsoas: Find in Guide…');
    await page.locator('.quick-input-widget').filter({ hasText: 'Find in Iliopsoas Guide' }).waitFor();
    await page.locator('.quick-input-widget input:focus').waitFor();
    await page.keyboard.type('stenosis');
    // Each match is announced with its section, its parent and the words around the hit.
    await eventually(async () => assert.match(await focusedLabel(), /^Spinal Stenosis, 2\. Causes of Iliopsoas Back Pain, /));
    await pressUntil('ArrowDown', async () => (await focusedLabel()).split(',')[0], 'Surgery', 10);
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: /^Surgery\b/ }).waitFor();
    const reader = await frameWithText(page, 'Surgery for iliopsoas back pain is typically considered');
    await eventually(async () => assert.ok(await reader.getByRole('heading', { name: 'Surgery' }).isVisible()));
  });

  it('adds a term to the team glossary by typing, saves it with Ctrl+S and shows it with the Show Hover keys', async () => {
    await runCommand(page, 'Iliopsoas: Open Team Glossary');
    await eventually(async () => assert.ok((await focusedLabel()).startsWith('iliopsoas-glossary.json'), `the focus is on "${await focusedLabel()}"`));
    await eventually(async () => assert.match(await editorText(), /"term": "sacroiliac joint"/));
    assert.ok(fs.existsSync(glossaryFile), `the team glossary is not in the workspace (${glossaryFile})`);
    // A new first entry on the line of `"entries": [`: the quotes and braces the editor closes are typed over.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.type(` { "term": "${CRAIG_TEST.term}", "definition": "${CRAIG_TEST.definition}", "plain": "${CRAIG_TEST.plain}" },`);
    await page.keyboard.press('Control+S');
    await eventually(async () => {
      const saved = JSON.parse(await fs.promises.readFile(glossaryFile, 'utf8')) as { entries: unknown[] };
      assert.deepStrictEqual(saved.entries[0], CRAIG_TEST);
    });
    // The workspace is a copy: what a test saves never reaches the fixture.
    assert.ok(!glossaryFile.startsWith(workspaceFolder + path.sep), `${glossaryFile} is in the fixture`);

    await openNote(NOTE);
    await typeInto(page, 'Control+F', '.find-widget textarea', CRAIG_TEST.term);
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowLeft');
    const hover = page.locator('.monaco-hover:visible').filter({ hasText: 'For patients' });
    // Again until the glossary has read the saved file.
    await eventually(async () => {
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      await hover.waitFor({ timeout: 2000 });
    });
    const text = await hover.innerText();
    assert.match(text, /^Craig test · team glossary: \.vscode\/iliopsoas-glossary\.json/);
    assert.ok(text.includes(CRAIG_TEST.definition), text);
    assert.ok(text.includes(CRAIG_TEST.plain), text);
    await page.keyboard.press('Escape');
  });

  it('adds a selected term with Add to Team Glossary…, typing its texts and seeing the grade as it goes, and shows it with the Show Hover keys', async () => {
    const term = 'Neuro screen';
    const definition = 'A brief neurological examination of the lower limbs: reflexes, myotomes and dermatomes.';
    const plain = 'A quick check of the nerves in your legs. We test how you feel touch and how strong your muscles are.';
    await openNote(NOTE);
    // The find widget selects what it finds; Escape leaves it selected in the note.
    await typeInto(page, 'Control+F', '.find-widget textarea', term);
    await page.keyboard.press('Escape');
    await eventually(async () => assert.match(await cursorStatus(), /\(12 selected\)/));
    await runCommand(page, 'Iliopsoas: Add to Team Glossary…');
    const box = page.locator('.quick-input-widget').filter({ hasText: `Add to Team Glossary: “${term}” (1/3)` });
    await box.waitFor();
    await page.locator('.quick-input-widget input:focus').waitFor();
    await page.keyboard.type(definition);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').filter({ hasText: '(2/3)' }).waitFor();
    await page.keyboard.type(plain);
    // The grade, by the one rule, under the text as it is typed.
    const message = page.locator('.quick-input-widget .quick-input-message');
    await eventually(async () => assert.match(await message.innerText(), /^Reading grade \d+(\.\d)? \(Flesch–Kincaid [\d.]+, SMOG [\d.]+; “Neuro screen” not counted\)\.$/));
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').filter({ hasText: '(3/3)' }).waitFor();
    await page.keyboard.type('Examination');
    await page.locator('.quick-input-list .monaco-list-row.focused').filter({ hasText: 'Examination' }).waitFor();
    await page.keyboard.press('Enter');
    await eventually(async () => {
      const saved = JSON.parse(await fs.promises.readFile(glossaryFile, 'utf8')) as { entries: { term: string }[] };
      assert.deepStrictEqual(saved.entries.at(-1), { term, category: 'examination', definition, plain });
    });

    await page.keyboard.press('ArrowLeft');
    const hover = page.locator('.monaco-hover:visible').filter({ hasText: 'For patients' });
    await eventually(async () => {
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      await hover.waitFor({ timeout: 2000 });
    });
    assert.match(await hover.innerText(), /^Neuro screen · team glossary: \.vscode\/iliopsoas-glossary\.json/);
    await page.keyboard.press('Escape');
  });

  it('exports the handout at the cursor as HTML, naming the file in the save dialog', async () => {
    await openNote(NOTE);
    await pressUntil('Control+End', cursorStatus, endOfNote(NOTE), 3);
    await page.keyboard.press('Enter');
    await runCommand(page, 'Iliopsoas: Insert Handout…');
    await page.locator('.quick-input-widget').filter({ hasText: 'Insert Patient Handout' }).waitFor();
    await page.locator('.quick-input-widget input:focus').waitFor();
    await page.keyboard.type('posture');
    await page.locator('.quick-input-list .monaco-list-row.focused').filter({ hasText: 'Posture, Lifting, and Healthy Weight' }).waitFor();
    await page.keyboard.press('Enter');
    await eventually(async () => assert.match(await editorText(), /# Posture, Lifting, and Healthy Weight/));
    // Out of the first tab stop, whose text is selected (a selection is what gets exported), into
    // the handout's text.
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowRight');
    await eventually(async () => assert.doesNotMatch(await cursorStatus(), /selected/));

    await runCommand(page, 'Iliopsoas: Export Handout as HTML…');
    // code-server's save dialog is a path in the quick input, the file name (without .html) selected.
    await page.locator('.quick-input-widget').filter({ hasText: 'Export Handout as HTML' }).waitFor();
    const input = page.locator('.quick-input-widget input:focus');
    // It opens beside the note (notes/), not in the workspace root.
    await eventually(async () => assert.strictEqual(await input.inputValue(), path.join(workspace, 'notes', 'posture-lifting-and-healthy-weight.html')));
    await page.keyboard.type(path.basename(exportFile, '.html'));
    await eventually(async () => assert.strictEqual(await input.inputValue(), exportFile));
    await page.keyboard.press('Enter');
    const html = await eventually(() => fs.promises.readFile(exportFile, 'utf8'));
    assert.match(html, /<title>Posture, Lifting, and Healthy Weight<\/title>/);
    assert.ok(!html.includes('Initial assessment'), 'the export holds more of the note than the handout');
    fs.rmSync(exportFile);
    await revertNote(NOTE);
  });

  it('opens the walkthrough and presses a step’s button with Tab and Enter', async () => {
    const done = page.getByRole('checkbox', { name: /^Insert a patient handout: / });
    await openWalkthroughFocused(page);
    await pressUntil('Tab', focusedText, /^Insert a patient handout/, 10);
    // Enter opens the step (it is open already if the steps before it are done).
    if (!(await page.evaluate<boolean>('document.activeElement.classList.contains("expanded")'))) await page.keyboard.press('Enter');
    await pressUntil('Tab', focusedText, 'Insert Handout…', 5);
    await page.keyboard.press('Enter');
    // The button runs the command: its pick opens over the walkthrough (Escape inserts nothing), and
    // the step is ticked (an earlier test may have run the command and ticked it already).
    const pick = page.locator('.quick-input-widget').filter({ hasText: 'Insert Patient Handout' });
    await pick.waitFor();
    await page.keyboard.press('Escape');
    await pick.waitFor({ state: 'hidden' });
    await eventually(async () => assert.strictEqual(await done.getAttribute('aria-checked'), 'true'));
  });
});
