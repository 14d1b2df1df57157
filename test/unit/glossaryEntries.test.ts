import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { findJsonSyntaxError, guideSectionIds, lineAndColumn, loadBuiltInGlossary, parseGlossaryFile, validatedBuiltInGlossary, writtenBuiltInEntries } from '../../src/glossary/entries';
import { mergeGlossaries } from '../../src/glossary/merge';
import { checkGlossary } from '../content/glossaryChecks';
import type { GlossaryEntry } from '../../src/glossary/types';
import { plainText } from '../../src/markdown/engine';
import { exemptTerms, fleschKincaidGrade, readingGrade, sentences, smogGrade } from '../../src/readability/grade';
import { guideOutline } from './guideFixture';

// Compiled to out/test/unit/, three levels below the repository root.
const GLOSSARY_DIR = path.resolve(__dirname, '../../../src/glossary');
const rawGlossary = (): RawGlossary => JSON.parse(fs.readFileSync(path.join(GLOSSARY_DIR, 'glossary.json'), 'utf8')) as RawGlossary;
const schema = (): SchemaNode => JSON.parse(fs.readFileSync(path.join(GLOSSARY_DIR, 'glossary.schema.json'), 'utf8')) as SchemaNode;

interface RawGlossary {
  $schema: string;
  references: Record<string, string>;
  entries: { term: string; references?: string[] }[];
}
interface SchemaNode {
  type?: string;
  description?: string;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  definitions?: Record<string, SchemaNode>;
  minLength?: number;
  enum?: string[];
  $ref?: string;
}

// Every medical term of the guide that a clinician may hover, as the brief for the glossary lists them.
const GUIDE_TERMS = [
  // anatomy
  'iliopsoas', 'psoas major', 'iliacus', 'hip flexor', 'lumbar spine', 'vertebrae', 'intervertebral disc', 'spinal canal',
  'spinal cord', 'nerve roots', 'lesser trochanter', 'femur', 'hip joint', 'cartilage', 'joint lining', 'synovium',
  'abdominal muscles', 'core muscles', 'groin', 'thigh', 'pelvis', 'tendon', 'muscle fibers',
  // conditions and signs
  'muscle strain', 'overuse', 'microscopic tears', 'osteoarthritis', 'rheumatoid arthritis', 'autoimmune disorder', 'arthritis',
  'hip arthritis', 'degenerative condition', 'spinal stenosis', 'herniated disc', 'bone spurs', 'nerve compression', 'impingement',
  'inflammation', 'spinal tumors', 'cysts', 'radiating pain', 'numbness', 'weakness', 'swelling',
  // treatments and procedures
  'NSAIDs', 'corticosteroids', 'corticosteroid injection', 'physical therapy', 'conservative treatment', 'minimally invasive',
  'discectomy', 'laminectomy', 'foraminotomy', 'icing', 'ice packs', 'pain relievers',
  // exercise and mechanics
  'hip flexion', 'hip extension', 'knee extension', 'ankle dorsiflexion', 'dynamic stretches', 'static stretches', 'warm-up',
  'planks', 'crunches', 'side bridges', 'knee drives', 'leg raises', 'hip flexor stretches', 'squats', 'lunges',
  'range of motion', 'posture', 'body mechanics', 'biomechanics', 'weight management', 'innervate',
  // quiz
  'gout', 'lupus',
];
// "Rest" is too common a word to mark in notes ("at rest", "the rest of"); the concept is defined as "relative rest".
const COVERED_UNDER_ANOTHER_NAME: Record<string, string> = { rest: 'relative rest' };

// Words that must never be abbreviations: ordinary English, or clinical abbreviations with several meanings
// (PT: physical therapy, prothrombin time, patient; RA: rheumatoid arthritis, room air, right atrium).
const NOT_ABBREVIATIONS = ['or', 'as', 'it', 'us', 'pt', 'am', 'an', 'at', 'be', 'do', 'go', 'if', 'in', 'is', 'me', 'no', 'of', 'on', 'so', 'to', 'up', 'we', 'ra', 'ms', 'pe', 'cp', 'ok'];
// Everyday words a term or variant must not be on its own, or every note would be full of hovers.
const TOO_COMMON_TO_MATCH = ['rest', 'pain', 'back', 'hip', 'ice', 'disc', 'disk', 'core', 'strain', 'stretch', 'joint', 'spine', 'weak', 'numb', 'injection', 'surgery', 'exercise'];
// Everyday words that back and hip notes use as terms (the disc, the hip, the spine), which the
// glossary explains on their own; each entry lists the phrases where they mean something else.
const NEEDED_EVERYDAY_WORDS = ['disc', 'disk', 'hip', 'spine'];
// Capitalized words a term may hold besides acronyms (all capitals, or with a digit): eponyms,
// and the words of named scores, criteria and methods.
const PROPER_WORDS = [
  'Thomas', 'Trendelenburg', 'Achilles', 'Babinski', 'Medical', 'Research', 'Council', 'Oswestry', 'Disability', 'Index', 'Schober', 'Gaenslen',
  'Ober', 'Stinchfield', 'Waddell', 'Kemp', 'Hoffmann', 'Romberg', 'Modic', 'McKenzie', 'Dunn', 'Tönnis', "Shenton's", 'Kellgren', 'Lawrence',
  "Schmorl's", 'Pfirrmann', 'Romanus', 'Thoracolumbar', 'Injury', 'Classification', 'Severity', 'Score', 'Tarlov', 'Cobb', 'Garden', 'Vancouver',
  'Gruen', 'Brooker', 'Ficat', 'New', 'York', 'Fear', 'Avoidance', 'Beliefs', 'Questionnaire', 'STarT', 'Back', 'Patient', 'Specific', 'Functional',
  'Scale', 'Hip', 'Osteoarthritis', 'Outcome', 'International', 'Tool', 'Copenhagen', 'Groin', 'Bath', 'Ankylosing', 'Spondylitis', 'Disease',
  'Activity', 'Metrology', 'Beighton', "Ely's", "Yeoman's", 'Nachlas', 'Milgram', 'Derifield', 'Romanian', 'Pilates', 'Maitland', 'Kinesio',
  'Activator', 'Method', 'Thompson', 'Webster', 'X',
];
const isAcronym = (word: string) => /\d/.test(word) || word === word.toUpperCase();

function writtenForms(entry: GlossaryEntry): string[] {
  return [entry.term, ...entry.variants];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether the text contains the entry's term or a variant (ignoring case) or an abbreviation (exact case), as whole words. */
function mentions(text: string, entry: GlossaryEntry): boolean {
  const wholeWord = (form: string, flags: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(form)}(?![\\p{L}\\p{N}])`, flags).test(text);
  return writtenForms(entry).some((form) => wholeWord(form, 'iu')) || entry.abbreviations.some((form) => wholeWord(form, 'u'));
}

function entry(term: string, extra: Partial<GlossaryEntry> = {}): GlossaryEntry {
  return { term, variants: [], abbreviations: [], definition: `${term} defined.`, plain: `${term} explained.`, sections: [], origin: 'test', ...extra };
}

describe('glossary entries', () => {
  describe('the built-in glossary', () => {
    it('loads the 500 to 700 entries of back, hip and pelvic notes, all marked as built in', () => {
      const entries = writtenBuiltInEntries();
      assert.ok(entries.length >= 500 && entries.length <= 700, `${entries.length} entries`);
      assert.ok(entries.every((entry) => entry.origin === 'built-in'));
    });

    it('validates as a glossary file without a single problem', () => {
      const text = fs.readFileSync(path.join(GLOSSARY_DIR, 'glossary.json'), 'utf8');
      const { entries, problems } = parseGlossaryFile(text, 'glossary.json');
      assert.deepStrictEqual(problems, []);
      assert.strictEqual(entries.length, writtenBuiltInEntries().length);
      assert.strictEqual(rawGlossary().$schema, './glossary.schema.json');
      // With its references required, as the shipped file must have them.
      assert.deepStrictEqual(validatedBuiltInGlossary().problems, []);
    });

    it('is read at run time, unchecked, exactly as checking reads it', () => {
      const plain = (entries: readonly GlossaryEntry[]) => JSON.parse(JSON.stringify(entries)) as unknown;
      assert.deepStrictEqual(plain(writtenBuiltInEntries()), plain(validatedBuiltInGlossary().entries));
    });

    it('has no duplicate terms and no variant or abbreviation claimed twice', () => {
      // Everything shipped, the generated spinal level entries included.
      assert.deepStrictEqual(checkGlossary(loadBuiltInGlossary()), []);
    });

    it('writes every term in lower case but for eponyms and acronyms', () => {
      const capitalized = writtenBuiltInEntries().flatMap((entry) =>
        entry.term
          .split(/[\s\-–]+/)
          .filter((word) => word !== word.toLowerCase() && !isAcronym(word) && !PROPER_WORDS.includes(word))
          .map((word) => `${entry.term}: ${word}`),
      );
      assert.deepStrictEqual(capitalized, []);
    });

    it('covers every medical term of the guide', () => {
      const entries = writtenBuiltInEntries();
      const covers = (name: string) =>
        entries.some((entry) => writtenForms(entry).some((form) => form.toLowerCase() === name.toLowerCase()) || entry.abbreviations.includes(name));
      const missing = GUIDE_TERMS.filter((name) => !covers(name));
      assert.deepStrictEqual(missing, []);
      for (const [name, term] of Object.entries(COVERED_UNDER_ANOTHER_NAME)) {
        assert.ok(!covers(name), `"${name}" should not be matched on its own`);
        assert.ok(covers(term), `"${name}" should be covered as "${term}"`);
      }
    });

    it('never uses an everyday word on its own as a term or variant, but for the few notes need, each guarded against its other senses', () => {
      const flooding = writtenBuiltInEntries().flatMap((entry) =>
        writtenForms(entry)
          .filter((form) => TOO_COMMON_TO_MATCH.includes(form.toLowerCase()))
          .filter((form) => !(NEEDED_EVERYDAY_WORDS.includes(form.toLowerCase()) && (entry.notIn ?? []).length > 0)),
      );
      assert.deepStrictEqual(flooding, []);
    });

    it('uses only abbreviations that are not ordinary words and have one clinical meaning', () => {
      const abbreviations = writtenBuiltInEntries().flatMap((entry) => entry.abbreviations);
      assert.ok(abbreviations.includes('NSAID') && abbreviations.includes('OA'), 'expected the common abbreviations');
      const bad = abbreviations.filter((abbreviation) => NOT_ABBREVIATIONS.includes(abbreviation.toLowerCase()) || !/[A-Z]/.test(abbreviation));
      assert.deepStrictEqual(bad, []);
    });

    it('gives a clinical definition of one or two sentences', () => {
      for (const entry of writtenBuiltInEntries()) {
        const count = sentences(entry.definition).length;
        assert.ok(count >= 1 && count <= 2, `"${entry.term}": ${count} sentences`);
        assert.match(entry.definition, /^[A-Z].*\.$/, `"${entry.term}" should be written as sentences`);
      }
    });

    it('explains every term for patients at reading grade 6 or below', () => {
      // Allowance: the term being explained (and its variants and abbreviations) counts as a short word.
      const tooHard = writtenBuiltInEntries()
        .map((entry) => ({ entry, grade: readingGrade(exemptTerms(entry.plain, [...writtenForms(entry), ...entry.abbreviations])) }))
        .filter(({ grade }) => grade > 6)
        .map(({ entry, grade }) => `${entry.term}: grade ${grade}`);
      assert.deepStrictEqual(tooHard, []);
    });

    it('keeps the plain explanation plainer than the clinical definition', () => {
      for (const entry of writtenBuiltInEntries()) {
        assert.notStrictEqual(entry.plain, entry.definition);
        assert.ok(sentences(entry.plain).length >= 2, `"${entry.term}": the plain text should be at least two short sentences`);
        assert.ok(
          fleschKincaidGrade(entry.plain) < fleschKincaidGrade(entry.definition) || smogGrade(entry.plain) < smogGrade(entry.definition),
          `"${entry.term}": plain text is not easier than the definition`,
        );
      }
    });

    it('links only to sections of the guide that exist', () => {
      const outline = guideOutline();
      for (const entry of writtenBuiltInEntries()) {
        for (const id of entry.sections) assert.ok(outline.get(id), `"${entry.term}" links to a missing section "${id}"`);
      }
    });

    it('links only to sections that really mention the term, a variant or an abbreviation', () => {
      const outline = guideOutline();
      const wrong: string[] = [];
      for (const entry of writtenBuiltInEntries()) {
        for (const id of entry.sections) {
          const section = outline.get(id);
          if (section && !mentions(`${section.title} ${plainText(section.markdown)}`, entry)) wrong.push(`${entry.term} → ${id}`);
        }
      }
      assert.deepStrictEqual(wrong, []);
    });

    it('links the sections that are about a term', () => {
      const sectionsOf = (term: string) => writtenBuiltInEntries().find((entry) => entry.term === term)?.sections;
      assert.ok(sectionsOf('spinal stenosis')?.includes('spinal-stenosis'));
      assert.ok(sectionsOf('corticosteroid injection')?.includes('injections'));
      assert.deepStrictEqual(sectionsOf('gout'), ['multiple-choice-questions']);
      assert.ok(writtenBuiltInEntries().filter((entry) => entry.sections.length > 0).length >= 60);
    });

    it('names a known kind of reference for every entry, and lists no unused reference', () => {
      const raw = rawGlossary();
      const used = new Set<string>();
      for (const rawEntry of raw.entries) {
        assert.ok((rawEntry.references ?? []).length > 0, `"${rawEntry.term}" names no reference`);
        for (const key of rawEntry.references ?? []) {
          assert.ok(key in raw.references, `"${rawEntry.term}" names an unknown reference "${key}"`);
          used.add(key);
        }
      }
      assert.deepStrictEqual(Object.keys(raw.references).filter((key) => !used.has(key)), []);
    });
  });

  describe('the schema', () => {
    const visit = (node: SchemaNode, where: string, check: (node: SchemaNode, where: string) => void): void => {
      check(node, where);
      for (const [name, child] of Object.entries(node.properties ?? {})) visit(child, `${where}.${name}`, check);
      for (const [name, child] of Object.entries(node.definitions ?? {})) visit(child, `${where}#${name}`, check);
      if (node.items) visit(node.items, `${where}[]`, check);
      if (typeof node.additionalProperties === 'object') visit(node.additionalProperties, `${where}.*`, check);
    };

    it('describes every property, closes every object and forbids empty strings', () => {
      visit(schema(), 'glossary', (node, where) => {
        if (where !== 'glossary.entries[]') assert.ok(node.description, `${where} has no description`);
        if (node.type === 'object' && node.properties) assert.strictEqual(node.additionalProperties, false, `${where} is not closed`);
        if (node.type === 'string' && !node.enum) assert.strictEqual(node.minLength, 1, `${where} allows an empty string`);
      });
    });

    it('requires a term, a definition and plain text in an entry, and only "entries" at the top', () => {
      const root = schema();
      assert.deepStrictEqual(root.required, ['entries']);
      assert.strictEqual(root.properties?.entries.items?.$ref, '#/definitions/entry');
      assert.deepStrictEqual(root.definitions?.entry.required, ['term', 'definition', 'plain']);
    });

    it('lists exactly the guide\'s section ids', () => {
      assert.deepStrictEqual([...guideSectionIds()], guideOutline().sections.map((section) => section.id));
    });

    it('declares exactly the properties the loader accepts', () => {
      const root = schema();
      const entryProperties = Object.keys(root.definitions?.entry.properties ?? {});
      const fullEntry = Object.fromEntries(entryProperties.map((name) => [name, ['term', 'definition', 'plain'].includes(name) ? 'text' : name === 'category' ? 'anatomy' : []]));
      const topLevel = Object.fromEntries(Object.keys(root.properties ?? {}).map((name) => [name, name === 'entries' ? [fullEntry] : name === 'references' ? {} : 'x']));
      assert.deepStrictEqual(parseGlossaryFile(JSON.stringify(topLevel), 'team.json').problems, []);

      const withExtra = JSON.stringify({ entries: [{ ...fullEntry, replaces: true }], extra: 1 });
      assert.deepStrictEqual(
        parseGlossaryFile(withExtra, 'team.json').problems.map((problem) => problem.message),
        [
          'team.json: unknown property "extra" (ignored); a glossary has "$schema", "references", "entries"',
          'team.json: entries[0] ("text"): unknown property "replaces" (ignored); an entry has "term", "variants", "abbreviations", "category", "definition", "plain", "sections", "references", "notIn"',
        ],
      );
    });
  });

  describe('parseGlossaryFile', () => {
    const FILE = '.vscode/iliopsoas-glossary.json';

    it('loads a valid team file, trimming text and filling in the optional lists', () => {
      const text = JSON.stringify({
        $schema: './glossary.schema.json',
        entries: [
          { term: ' Thomas test ', definition: 'A test of hip flexor length.', plain: 'A test of how tight your hip is.', sections: ['1-what-is-the-iliopsoas-muscle'] },
          { term: 'dead bug', variants: ['dead bugs'], abbreviations: ['DB'], definition: 'A core exercise.', plain: 'A core move.' },
        ],
      });
      assert.deepStrictEqual(parseGlossaryFile(text, FILE), {
        entries: [
          { term: 'Thomas test', variants: [], abbreviations: [], definition: 'A test of hip flexor length.', plain: 'A test of how tight your hip is.', sections: ['1-what-is-the-iliopsoas-muscle'], origin: FILE },
          { term: 'dead bug', variants: ['dead bugs'], abbreviations: ['DB'], definition: 'A core exercise.', plain: 'A core move.', sections: [], origin: FILE },
        ],
        problems: [],
      });
    });

    it('keeps an entry’s references as the file describes them, for Copy Definition', () => {
      const text = JSON.stringify({
        references: { ober: 'Ober FR. The role of the iliotibial band. JBJS 1936.', nice: 'NICE NG59' },
        entries: [
          { term: 'Ober test', definition: 'd', plain: 'p', references: ['ober', 'nowhere', 'nice'] },
          { term: 'Craig test', definition: 'd', plain: 'p' },
        ],
      });
      const [ober, craig] = parseGlossaryFile(text, FILE).entries;
      assert.deepStrictEqual(ober.references, ['Ober FR. The role of the iliotibial band. JBJS 1936.', 'NICE NG59']);
      assert.strictEqual(craig.references, undefined);
      const raw = rawGlossary();
      const [first] = writtenBuiltInEntries();
      assert.deepStrictEqual(first.references, raw.entries[0].references!.map((key) => raw.references[key]));
    });

    it('accepts a byte-order mark', () => {
      assert.deepStrictEqual(parseGlossaryFile('\uFEFF{"entries": []}', FILE), { entries: [], problems: [] });
    });

    it('reports invalid JSON with its line and column, and loads nothing', () => {
      const text = '{\n  "entries": [\n    { "term": "a", "definition": "b", "plain": "c" }\n  }\n]';
      assert.deepStrictEqual(parseGlossaryFile(text, FILE), {
        entries: [],
        problems: [{ file: FILE, message: `${FILE}: not valid JSON: unexpected "}" at line 4, column 3; expected "," or "]"`, offset: text.indexOf('}\n]') }],
      });
      const withMark = parseGlossaryFile(`\uFEFF${text}`, FILE).problems[0];
      assert.strictEqual(withMark.offset, text.indexOf('}\n]') + 1, 'the offset counts the byte-order mark');
    });

    it('points at a trailing comma', () => {
      const text = '{\n  "entries": [\n    { "term": "a", "definition": "b", "plain": "c", }\n  ]\n}';
      assert.deepStrictEqual(
        parseGlossaryFile(text, FILE).problems.map((problem) => problem.message),
        [`${FILE}: not valid JSON: unexpected "}" at line 3, column 53; expected a property name in double quotes (remove the comma after the last item)`],
      );
    });

    it('reports an unfinished file and a line break inside a string', () => {
      assert.deepStrictEqual(
        parseGlossaryFile('{"entries": [', FILE).problems.map((problem) => problem.message),
        [`${FILE}: not valid JSON: unexpected end of file at line 1, column 14; expected a value: a string in double quotes, a number, an object, an array, true, false or null`],
      );
      assert.deepStrictEqual(
        parseGlossaryFile('{"entries": [{"term": "a\nb"}]}', FILE).problems.map((problem) => problem.message),
        [`${FILE}: not valid JSON: unexpected line break at line 1, column 25; expected a closing quote on the same line (write a line break as \\n)`],
      );
    });

    it('reports a file of the wrong shape', () => {
      const messages = (text: string) => parseGlossaryFile(text, FILE).problems.map((problem) => problem.message);
      assert.deepStrictEqual(messages('[]'), [`${FILE}: the file must hold a JSON object with an "entries" array, not an array`]);
      assert.deepStrictEqual(messages('{}'), [`${FILE}: "entries" is missing; it must be an array of terms`]);
      assert.deepStrictEqual(messages('{"entries": {"term": "a"}}'), [`${FILE}: "entries" must be an array, not an object`]);
      assert.deepStrictEqual(messages('{"references": [], "entries": []}'), [`${FILE}: "references" must be an object of key: description, not an array`]);
      assert.deepStrictEqual(parseGlossaryFile('{"entries": "none"}', FILE).entries, []);
    });

    it('skips an entry without a definition and keeps the others', () => {
      const text = JSON.stringify({
        entries: [
          { term: 'dead bug', definition: 'A core exercise.', plain: 'A core move.' },
          'bird dog',
          { term: 'bone spur', plain: 'A bump of bone.' },
          { term: 'bird dog', definition: 'A core exercise on hands and knees.', plain: 'A move on hands and knees.' },
        ],
      });
      const { entries, problems } = parseGlossaryFile(text, FILE);
      assert.deepStrictEqual(entries.map((entry) => entry.term), ['dead bug', 'bird dog']);
      // Each problem covers the entry at fault.
      const boneSpur = JSON.stringify({ term: 'bone spur', plain: 'A bump of bone.' });
      assert.deepStrictEqual(problems, [
        {
          file: FILE,
          message: `${FILE}: entries[1] must be an object with "term", "definition" and "plain", not a string; it is skipped`,
          entryIndex: 1,
          offset: text.indexOf('"bird dog"'),
          length: '"bird dog"'.length,
        },
        { file: FILE, message: `${FILE}: entries[2] ("bone spur") has no "definition"; the entry is skipped`, entryIndex: 2, offset: text.indexOf(boneSpur), length: boneSpur.length },
      ]);
    });

    it('marks each problem where it is: the unknown property, the item, the entry', () => {
      const text = [
        '{',
        '  "entries": [',
        '    { "term": "dead bug", "definition": "A core exercise.", "plain": "A core move.", "colour": "red" },',
        '    { "term": "bird dog", "abbreviations": ["BD", "bd"], "sections": ["surgery", "nowhere"], "definition": "d", "plain": "p" }',
        '  ],',
        '  "extra": 1',
        '}',
      ].join('\n');
      const at = (problem: { offset?: number; length?: number }): string => text.slice(problem.offset, (problem.offset ?? 0) + (problem.length ?? 0));
      const { problems } = parseGlossaryFile(text, FILE);
      const byMessage = (pattern: RegExp) => problems.find((problem) => pattern.test(problem.message))!;
      assert.strictEqual(at(byMessage(/unknown property "colour"/)), '"colour": "red"');
      assert.strictEqual(at(byMessage(/abbreviation "bd"/)), '"bd"');
      assert.strictEqual(at(byMessage(/"nowhere" is not a section/)), '"nowhere"');
      assert.strictEqual(at(byMessage(/unknown property "extra"/)), '"extra": 1');
      assert.ok(problems.every((problem) => problem.offset !== undefined && problem.offset > 0), 'no problem is left at the start of the file');
    });

    it('reports thousands of unclosed brackets as a syntax error, without overflowing the stack', () => {
      const { entries, problems } = parseGlossaryFile(`{"entries": ${'['.repeat(4000)}`, FILE);
      assert.deepStrictEqual(entries, []);
      assert.match(problems[0].message, /^\.vscode\/iliopsoas-glossary\.json: not valid JSON: unexpected end of file/);
    });

    it('skips an entry with a variant that is not a string, or an empty term', () => {
      const text = JSON.stringify({
        entries: [
          { term: 'bone spur', variants: ['bone spurs', 3], definition: 'An osteophyte.', plain: 'A bump of bone.' },
          { term: ' ', definition: 'Nothing.', plain: 'Nothing.' },
          { term: 'dead bug', definition: 'A core exercise.', plain: 'A core move.' },
        ],
      });
      const { entries, problems } = parseGlossaryFile(text, FILE);
      assert.deepStrictEqual(entries.map((entry) => entry.term), ['dead bug']);
      assert.deepStrictEqual(
        problems.map((problem) => [problem.entryIndex, problem.message]),
        [
          [0, `${FILE}: entries[0] ("bone spur"): variants[1] must be a non-empty string, not a number; the entry is skipped`],
          [1, `${FILE}: entries[1]: "term" must be a non-empty string, not an empty string; the entry is skipped`],
        ],
      );
    });

    it('drops just the wrong part for smaller mistakes', () => {
      const text = JSON.stringify({
        entries: [
          {
            term: 'dead bug',
            variants: ['dead bugs', 'Dead Bugs', 'dead bug'],
            abbreviations: ['db', 'DB'],
            sections: ['strengthening-exercises', 'core-work'],
            references: ['nowhere'],
            definition: 'A core exercise.',
            plain: 'A core move.',
          },
          { term: 'Dead Bug', definition: 'Again.', plain: 'Again.' },
        ],
      });
      const { entries, problems } = parseGlossaryFile(text, FILE);
      assert.deepStrictEqual(entries, [
        { term: 'dead bug', variants: ['dead bugs'], abbreviations: ['DB'], definition: 'A core exercise.', plain: 'A core move.', sections: ['strengthening-exercises'], origin: FILE },
      ]);
      assert.deepStrictEqual(
        problems.map((problem) => problem.message.slice(FILE.length + 2)),
        [
          'entries[0] ("dead bug"): "Dead Bugs" appears twice in "variants"',
          'entries[0] ("dead bug"): variant "dead bug" is the term itself and is ignored',
          'entries[0] ("dead bug"): abbreviation "db" has no capital letter and is ignored; it would match ordinary words',
          'entries[0] ("dead bug"): "core-work" is not a section of the guide and is ignored',
          'entries[0] ("dead bug"): reference "nowhere" is not a key of the top-level "references"',
          'entries[1] ("Dead Bug") repeats the term of entries[0] and is skipped',
        ],
      );
    });
  });

  describe('JSON syntax errors', () => {
    it('finds the same place as V8 wherever V8 names one, on any Node version', () => {
      const broken = ['{"a": 1,}', '{"a" 1}', '{"a": 1 "b": 2}', '{"a": "x', '{"a": "\\q"}', '[01]', '{"a": 1}}', '{"a": [1, 2}', '{"a": "b\tc"}', '{"a": 1.}', '{"a": -x}', '{"a": 1e}', '{,}', '"\\u00zz"'];
      for (const text of broken) {
        let v8Message = '';
        try {
          JSON.parse(text);
        } catch (error) {
          v8Message = (error as Error).message;
        }
        const v8Position = /at position (\d+)/.exec(v8Message);
        assert.ok(v8Position, `V8 gave no position for ${JSON.stringify(text)}: ${v8Message}`);
        assert.strictEqual(findJsonSyntaxError(text)?.offset, Number(v8Position[1]), JSON.stringify(text));
      }
    });

    it('finds a place where V8 names none', () => {
      assert.deepStrictEqual(findJsonSyntaxError('[1, 2,]'), { offset: 6, expected: 'a value: a string in double quotes, a number, an object, an array, true, false or null' });
      assert.deepStrictEqual(findJsonSyntaxError('{"a": nul}'), { offset: 9, expected: '"null"' });
      assert.strictEqual(findJsonSyntaxError('  ')?.offset, 2);
    });

    it('accepts everything JSON.parse accepts', () => {
      for (const text of ['{}', '[]', ' {"a": [true, false, null, -1.5e+3, 0, "\\u00e9\\n\\""]} ', '"x"', '12']) {
        JSON.parse(text);
        assert.strictEqual(findJsonSyntaxError(text), undefined, text);
      }
    });

    it('counts lines and columns from 1', () => {
      assert.deepStrictEqual(lineAndColumn('ab\ncd', 0), { line: 1, column: 1 });
      assert.deepStrictEqual(lineAndColumn('ab\ncd', 4), { line: 2, column: 2 });
      assert.deepStrictEqual(lineAndColumn('ab\r\ncd', 5), { line: 2, column: 2 });
    });
  });

  describe('mergeGlossaries', () => {
    const builtIn = [
      entry('bone spur', { variants: ['osteophyte'], origin: 'built-in' }),
      entry('herniated disc', { variants: ['slipped disc'], abbreviations: ['HNP'], origin: 'built-in' }),
      entry('gout', { origin: 'built-in' }),
    ];

    it('returns the built-in entries when there are no team files', () => {
      assert.deepStrictEqual(mergeGlossaries(builtIn, []), builtIn);
    });

    it('lets a team entry replace a built-in one with the same term, ignoring case, in its place', () => {
      const team = entry('Bone Spur', { definition: 'Our wording.', origin: 'team.json' });
      const merged = mergeGlossaries(builtIn, [[team]]);
      assert.deepStrictEqual(merged.map((e) => [e.term, e.origin]), [['Bone Spur', 'team.json'], ['herniated disc', 'built-in'], ['gout', 'built-in']]);
      assert.strictEqual(merged[0].definition, 'Our wording.');
    });

    it('adds new team terms after the built-in ones, and lets later files win', () => {
      const first = [entry('dead bug', { origin: 'a.json' }), entry('gout', { definition: 'First.', origin: 'a.json' })];
      const second = [entry('GOUT', { definition: 'Second.', origin: 'b.json' })];
      const merged = mergeGlossaries(builtIn, [first, second]);
      assert.deepStrictEqual(merged.map((e) => [e.term, e.origin]), [['bone spur', 'built-in'], ['herniated disc', 'built-in'], ['GOUT', 'b.json'], ['dead bug', 'a.json']]);
    });

    it('gives each written form to the later entry that claims it', () => {
      const team = [
        entry('slipped disc', { variants: ['herniated disc'], abbreviations: ['HNP'], origin: 'team.json' }),
        entry('osteophyte', { origin: 'team.json' }),
      ];
      const merged = mergeGlossaries(builtIn, [team]);
      assert.deepStrictEqual(merged.map((e) => [e.term, e.variants, e.abbreviations]), [
        ['bone spur', [], []],
        ['gout', [], []],
        ['slipped disc', ['herniated disc'], ['HNP']],
        ['osteophyte', [], []],
      ]);
      assert.deepStrictEqual(checkGlossary(merged), []);
      assert.strictEqual(builtIn[0].variants.length, 1, 'the built-in entries are not changed');
    });
  });

  describe('checkGlossary', () => {
    it('reports terms defined twice, forms and abbreviations claimed twice, and unknown sections', () => {
      const issues = checkGlossary([
        entry('bone spur', { variants: ['osteophyte', 'Osteophyte'] }),
        entry('Bone Spur'),
        entry('osteoarthritis', { variants: ['osteophyte'], abbreviations: ['OA'] }),
        entry('ankle', { abbreviations: ['OA', 'ok'], sections: ['ankles'] }),
        entry('spur', { variants: ['gout'] }),
        entry('gout'),
      ]);
      assert.deepStrictEqual(issues, [
        'the term "Bone Spur" is defined twice',
        '"bone spur" lists the variant "Osteophyte" twice',
        'the variant "osteophyte" of "osteoarthritis" is already used by "bone spur"',
        'the abbreviation "OA" of "ankle" is already used by "osteoarthritis"',
        'the abbreviation "ok" of "ankle" has no capital letter',
        '"ankle" links to "ankles", which is not a section of the guide',
        'the variant "gout" of "spur" is already used by "gout"',
      ]);
    });
  });
});
