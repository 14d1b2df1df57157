import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describeProblem, duplicateNameProblem, isPhraseName, NEW_PHRASE_SNIPPET, parsePhraseFile } from '../../src/handouts/phrases/phraseFile';
import { phraseSnippet, phraseVariables, pickManyLists } from '../../src/handouts/phrases/insertion';
import { RED_FLAG_LINE } from '../../src/handouts/phrases/phraseChecks';
import { builtInPhrases } from '../../src/handouts/phrases/builtInPhrases';
import { checkSnippetSyntax, snippetPlainText } from '../../src/markdown/snippets';

const GOOD = ['---', 'name: lbpassess', 'title: "Low back pain: assessment"', 'description: Initial visit # a comment', 'kind: template', 'sections: [a, b]', 'teaches:', '  - sciatica', '  - "disc"', '---', '', '**Side:** {left|right}', 'Plan: ***'].join('\n');

describe('clinic phrase files', () => {
  it('reads the front matter keys, quoted or not, lists in both forms, and the body with its first line', () => {
    const { phrase, problems } = parsePhraseFile(GOOD);
    assert.deepStrictEqual(problems, []);
    assert.ok(phrase);
    assert.strictEqual(phrase.name, 'lbpassess');
    assert.strictEqual(phrase.title, 'Low back pain: assessment');
    assert.strictEqual(phrase.description, 'Initial visit');
    assert.strictEqual(phrase.kind, 'template');
    assert.deepStrictEqual(phrase.sections, ['a', 'b']);
    assert.deepStrictEqual(phrase.teaches, ['sciatica', 'disc']);
    assert.strictEqual(phrase.body, '**Side:** {left|right}\nPlan: ***');
    assert.strictEqual(phrase.bodyLine, 11);
  });

  it('reads CRLF files as LF ones', () => {
    assert.deepStrictEqual(parsePhraseFile(GOOD.replace(/\n/g, '\r\n')).phrase, parsePhraseFile(GOOD).phrase);
  });

  it('offers no phrase, and says why on which line, without front matter, unclosed, or without a valid name', () => {
    const cases: [string, number, RegExp][] = [
      ['Just text ***', 0, /starts with front matter/],
      ['---\nname: x\ntitle: y\n', 0, /no closing "---"/],
      ['---\ntitle: y\nkind: template\n---\nbody', 0, /no "name"/],
      ['---\nname: Low Back\nkind: template\n---\nbody', 1, /not a dot-phrase/],
      ['---\nname: [a, b]\n---\nbody', 1, /must be text/],
    ];
    for (const [text, line, message] of cases) {
      const { phrase, problems } = parsePhraseFile(text);
      assert.strictEqual(phrase, undefined, text);
      const problem = problems.find((candidate) => message.test(candidate.message));
      assert.ok(problem, `${text}: ${JSON.stringify(problems)}`);
      assert.strictEqual(problem.line, line, text);
      assert.strictEqual(problem.severity, 'error');
    }
  });

  it('still offers a phrase with lesser problems, each named at its line', () => {
    const { phrase, problems } = parsePhraseFile('---\nname: hip\nkind: leaflet\ncolour: blue\nname: other\nnot a key line\n---\nText');
    assert.ok(phrase);
    assert.strictEqual(phrase.kind, 'template');
    assert.strictEqual(phrase.title, 'hip');
    const byLine = new Map(problems.map((problem) => [problem.line, problem.message]));
    assert.match(byLine.get(2)!, /neither "template" nor "handout"/);
    assert.match(byLine.get(3)!, /Unknown key "colour"/);
    assert.match(byLine.get(4)!, /given twice/);
    assert.match(byLine.get(5)!, /not "key: value"/);
    assert.match(byLine.get(0)!, /no "title"/);
    assert.strictEqual(describeProblem(problems[0]).startsWith(`line ${problems[0].line + 1}: `), true);
  });

  it('refuses a huge file, and a body-less phrase, with a problem rather than a hang', () => {
    assert.match(parsePhraseFile(`---\nname: x\n---\n${'a'.repeat(300_000)}`).problems[0].message, /longer than/);
  });

  it('reads YAML quotes with their escapes: \\" in double quotes, \'\' in single ones', () => {
    const { phrase } = parsePhraseFile(['---', 'name: q', 'title: "Say \\"hi\\" now"', "description: 'Patient''s plan'", 'kind: template', '---', 'Text'].join('\n'));
    assert.strictEqual(phrase?.title, 'Say "hi" now');
    assert.strictEqual(phrase?.description, "Patient's plan");
  });

  it('does not offer a phrase with nothing to insert', () => {
    const { phrase, problems } = parsePhraseFile('---\nname: empty\ntitle: Empty\nkind: template\n---\n\n');
    assert.strictEqual(phrase, undefined);
    assert.ok(problems.some((problem) => /no text below/.test(problem.message)));
  });

  it('names the file a duplicate name defers to', () => {
    assert.match(duplicateNameProblem('lbp', '.vscode/iliopsoas-phrases/a.md').message, /also used by \.vscode\/iliopsoas-phrases\/a\.md/);
    assert.strictEqual(isPhraseName('lbp-followup'), true);
    assert.strictEqual(isPhraseName('LBP'), false);
    assert.strictEqual(isPhraseName('a'.repeat(41)), false);
  });

  it('starts a new phrase file with a valid snippet whose result is a valid phrase', () => {
    assert.deepStrictEqual(checkSnippetSyntax(NEW_PHRASE_SNIPPET), []);
    const { phrase, problems } = parsePhraseFile(snippetPlainText(NEW_PHRASE_SNIPPET));
    assert.deepStrictEqual(problems, []);
    assert.ok(phrase);
    assert.deepStrictEqual(pickManyLists(phrase), [['walking', 'cycling', 'swimming', 'stretching']]);
  });
});

describe('the README’s clinic phrase example', () => {
  it('is a valid phrase file, with the fields the README says it has', () => {
    const readme = fs.readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Clinic phrases'));
    const example = /```markdown\n([\s\S]*?)```/.exec(section)?.[1];
    assert.ok(example, 'no ```markdown example under "## Clinic phrases"');
    const { phrase, problems } = parsePhraseFile(example);
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(phrase?.name, 'lbp-review');
    assert.deepStrictEqual(pickManyLists(phrase), [['walking', 'heat', 'exercises', 'medicines']]);
  });
});

describe('clinic phrases inserted', () => {
  const clinic = { name: 'Riverside [Physio]', phone: '555-0100' };

  it('knows the patient and clinician from the note, today, and the clinic, escaped for Markdown', () => {
    const note = '---\npatient: Ann *Lee*\nclinician: Dr B\n---\n# Visit';
    assert.deepStrictEqual(phraseVariables(note, '2026-12-01', clinic), { PATIENT: 'Ann \\*Lee\\*', CLINICIAN: 'Dr B', DATE: '2026-12-01', CLINIC: 'Riverside \\[Physio\\]', CLINIC_PHONE: '555-0100' });
    assert.deepStrictEqual(Object.keys(phraseVariables('# No front matter', '2026-12-01', {})), ['DATE']);
    assert.strictEqual(phraseVariables(`---\npatient: ${'x'.repeat(200)}\n---`, 'd', {}).PATIENT, undefined);
  });

  it('puts the current warning-signs block where a handout asks, its stops after the phrase’s', () => {
    const { phrase } = parsePhraseFile(`---\nname: h\ntitle: H\nkind: handout\n---\n# H\nFor: @PATIENT@\n${RED_FLAG_LINE}\nDone ***`);
    const snippet = phraseSnippet(phrase!, { variables: {} }, () => 'Call ${1:clinic phone}');
    assert.deepStrictEqual(checkSnippetSyntax(snippet), []);
    assert.strictEqual(snippet, '# H\nFor: ${1:@PATIENT@}\nCall ${3:clinic phone}\nDone ${2:***}$0');
  });
});

describe('built-in note templates', () => {
  it('are what templates.json holds (npm run phrases writes it)', () => {
    const folder = path.resolve(__dirname, '../../../src/handouts/phrases/templates');
    const files = Object.fromEntries(fs.readdirSync(folder).filter((name) => name.endsWith('.md')).sort().map((name) => [name, fs.readFileSync(path.join(folder, name), 'utf8').replace(/\r\n?/g, '\n')]));
    const json = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../src/handouts/phrases/templates.json'), 'utf8')) as { files: Record<string, string> };
    assert.deepStrictEqual(json.files, files, 'templates.json is out of date: run npm run phrases');
  });

  it('load without a problem, at least the four the issue names, none with a handout’s name', () => {
    const names = builtInPhrases().map((phrase) => phrase.name);
    for (const name of ['lbp-initial', 'hip-assessment', 'follow-up', 'discharge-summary']) assert.ok(names.includes(name), name);
    for (const phrase of builtInPhrases()) assert.deepStrictEqual(checkSnippetSyntax(phraseSnippet(phrase, { variables: {} }, () => '')), [], phrase.name);
  });
});
