import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { evidenceNotes } from '../../src/guide/evidenceNotes';
import { READER_LABELS, renderReaderPage, type ReaderLabels } from '../../src/guide/render';
import { glossaryHoverMarkdown, HOVER_LABELS, type HoverLabels } from '../../src/glossary/hoverContent';
import { TERM_GROUP_ORDER, TERM_GROUP_WORDING, termGroupAccessibilityLabel, type TermGroupWording } from '../../src/glossary/termGroups';
import { addToTeamFile, plainTextGrade, TEAM_ENTRY_WORDING, termFromSelection, type GradeFigures, type TeamEntryWording } from '../../src/glossary/teamGlossaryEdit';
import type { GlossaryEntry } from '../../src/glossary/types';
import { DISABLE_WORDING, disableLineTitle, disableRuleTitle, type DisableWording } from '../../src/handouts/doNotUseRules';
import { EXPORT_ACTION_LABELS, exportActionLabel, type ExportActionLabels } from '../../src/handouts/exportChoices';
import { guideOutline } from './guideFixture';

// The pure modules that put words on screen take them as a parameter: English by default, the
// user's language from the glue, which passes vscode.l10n.t ones. The English defaults must be
// the glue's messages exactly (the bundle's keys), so the English text is the same either way.

const ROOT = path.join(__dirname, '..', '..', '..');
const bundle = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string | { message: string }>;
const messages = new Set(Object.values(bundle).map((value) => (typeof value === 'string' ? value : value.message)));

/** The message a wording function writes when given its placeholders' names: the glue's l10n message, if the two agree. */
const asMessage = (text: string) => assert.ok(messages.has(text), `not a message of l10n/bundle.l10n.json: ${JSON.stringify(text)}`);

const ENTRY: GlossaryEntry = { term: 'spinal stenosis', variants: [], abbreviations: [], definition: 'Narrowing.', plain: 'Too narrow.', sections: ['spinal-stenosis'], origin: '.vscode/team.json' };

describe('runtime strings (l10n): the words pure modules are given', () => {
  it('has English defaults that are the glue’s messages, word for word', () => {
    for (const text of Object.values(HOVER_LABELS)) if (typeof text === 'string') asMessage(text);
    asMessage(HOVER_LABELS.teamGlossary('{0}'));
    Object.values(READER_LABELS).forEach(asMessage);
    TERM_GROUP_ORDER.map(TERM_GROUP_WORDING.name).forEach(asMessage);
    asMessage(TERM_GROUP_WORDING.withCount('{0}', 1));
    asMessage(TERM_GROUP_WORDING.withCount('{0}', 2).replace(', 2 ', ', {1} '));
    asMessage(TEAM_ENTRY_WORDING.selectionIsParagraph);
    asMessage(TEAM_ENTRY_WORDING.selectionIsEmpty);
    const named = { grade: '{grade}', fleschKincaid: '{fleschKincaid}', smog: '{smog}', term: '{term}', target: '{target}' } as unknown as GradeFigures;
    asMessage(TEAM_ENTRY_WORDING.grade(named));
    asMessage(TEAM_ENTRY_WORDING.gradeAboveTarget(named));
    for (const wording of [TEAM_ENTRY_WORDING.fileNotJson, TEAM_ENTRY_WORDING.fileNotAnObject, TEAM_ENTRY_WORDING.entriesNotAnArray, TEAM_ENTRY_WORDING.entriesTwice]) asMessage(wording('{0}'));
    for (const wording of Object.values(DISABLE_WORDING)) asMessage(wording('{0}'));
    Object.values(EXPORT_ACTION_LABELS).forEach(asMessage);
  });

  it('writes the reader page’s own words as given, escaped, and the guide’s text as it is', () => {
    const outline = guideOutline();
    const withNote = outline.get(evidenceNotes()[0].section)!;
    const labels = Object.fromEntries(Object.keys(READER_LABELS).map((key) => [key, `<${key}> & "x"`])) as unknown as ReaderLabels;
    const pages = [withNote, outline.get('multiple-choice-questions')!, outline.sections.find((section) => section.children.length > 0)!].map((section) =>
      renderReaderPage(outline, section, { cspSource: 'x', stylesheetUri: 'y', nonce: 'n', labels }),
    );
    const html = pages.join('\n');
    for (const key of Object.keys(READER_LABELS)) {
      assert.ok(html.includes(`&lt;${key}&gt; &amp; &quot;x&quot;`), `${key} is not on the page`);
      assert.ok(!html.includes(`<${key}>`), `${key} is not escaped`);
    }
    const english = renderReaderPage(outline, withNote, { cspSource: 'x', stylesheetUri: 'y', nonce: 'n' });
    assert.strictEqual(renderReaderPage(outline, withNote, { cspSource: 'x', stylesheetUri: 'y', nonce: 'n', labels: READER_LABELS }), english);
    assert.ok(pages[0].includes(evidenceNotes()[0].note.slice(0, 40)), 'the evidence note itself stays as written');
  });

  it('writes the hover’s own words as given, where glossary text cannot turn them into markup or links', () => {
    const labels: HoverLabels = {
      forPatients: 'Pour les patients :',
      guide: '[Guide](command:x)',
      guideLinkTitle: 'Lire "ici"',
      insertExplanation: 'Insérer *',
      insertExplanationTitle: 'Ajouter\nsous ce paragraphe',
      teamGlossary: (file) => `glossaire d’équipe : ${file}`,
    };
    const markdown = glossaryHoverMarkdown(ENTRY, [{ id: 'spinal-stenosis', title: 'Spinal Stenosis' }], { uri: 'untitled:1', line: 0, term: ENTRY.term }, undefined, labels);
    assert.ok(markdown.includes('**Pour les patients :** Too narrow\\.'), markdown);
    assert.ok(markdown.includes('\\[Guide\\]\\(command:x\\) [Spinal Stenosis]('), markdown);
    assert.ok(markdown.includes('"Lire \\"ici\\"")'), markdown);
    assert.ok(markdown.includes('[Insérer \\*]('), markdown);
    assert.ok(markdown.includes('"Ajouter sous ce paragraphe")'), markdown);
    assert.ok(markdown.includes(' · *glossaire d’équipe : \\.vscode/team\\.json*'), markdown);
    assert.strictEqual(glossaryHoverMarkdown(ENTRY, [], undefined, undefined, HOVER_LABELS), glossaryHoverMarkdown(ENTRY, []));
  });

  it('words the Terms view’s groups and Add to Team Glossary’s messages as given', () => {
    const wording: TermGroupWording = { name: (key) => key.toUpperCase(), withCount: (name, count) => `${name} (${count})` };
    assert.strictEqual(termGroupAccessibilityLabel({ key: 'condition', terms: [] }, wording), 'CONDITION (0)');
    const french: TeamEntryWording = {
      ...TEAM_ENTRY_WORDING,
      selectionIsEmpty: 'Sélectionnez un terme.',
      grade: ({ grade, term }) => `Niveau ${grade} (« ${term} »)`,
      entriesTwice: (label) => `${label} : "entries" deux fois`,
    };
    assert.deepStrictEqual(termFromSelection(' , ', french), { problem: 'Sélectionnez un terme.' });
    assert.match(plainTextGrade('Your back is sore.', 'back', french).message, /^Niveau \d+(\.\d)? \(« back »\)$/);
    assert.deepStrictEqual(addToTeamFile('{"entries": [], "entries": []}', { term: 'x y', definition: 'd', plain: 'p' }, { label: 'team.json', replace: false, wording: french }), {
      kind: 'unreadable',
      message: 'team.json : "entries" deux fois',
    });
  });

  it('words the Do Not Use quick fixes and the export notification’s buttons as given', () => {
    const french: DisableWording = { line: (rule) => `Désactiver « ${rule} » pour cette ligne`, folder: (rule) => `Désactiver « ${rule} » dans ce dossier`, workspace: () => 'w', user: () => 'u' };
    assert.strictEqual(disableLineTitle('cc', french), 'Désactiver « cc » pour cette ligne');
    assert.strictEqual(disableRuleTitle('cc', 'folder', french), 'Désactiver « cc » dans ce dossier');
    assert.strictEqual(disableRuleTitle('cc', 'user', french), 'u');
    const labels = Object.fromEntries(Object.keys(EXPORT_ACTION_LABELS).map((key) => [key, key.toUpperCase()])) as unknown as ExportActionLabels;
    assert.strictEqual(exportActionLabel('openInBrowser', 'linux', labels), 'OPENINBROWSER');
    assert.strictEqual(exportActionLabel('revealInExplorer', 'linux', labels), 'REVEALINEXPLORER');
    assert.strictEqual(exportActionLabel('revealInOS', 'darwin', labels), 'REVEALINFINDER');
    assert.strictEqual(exportActionLabel('revealInOS', 'win32', labels), 'REVEALINFILEEXPLORER');
    assert.strictEqual(exportActionLabel('revealInOS', 'linux', labels), 'OPENCONTAININGFOLDER');
  });
});
