// A writer's report on handouts while drafting them: every check the content tests make, with
// the grades. `node out/test/content/handoutReport.js [extra.json …]` reports the shipped
// handouts plus the handouts of each extra file ({ "handouts": [ … ] }, same shape as
// src/handouts/handouts.json; the shipped red-flag block is expanded into them).
import * as fs from 'fs';
import * as path from 'path';
import { parseGlossaryFile } from '../../src/glossary/entries';
import { parseGuide } from '../../src/guide/outline';
import { handoutPlainText, parseHandouts } from '../../src/handouts/handouts';
import { checkHandout } from './handoutChecks';
import { exemptTerms, fleschKincaidGrade, smogGrade } from '../../src/readability/grade';
import { unexplainedTerms } from './handoutTerms';

// Compiled to out/test/content/, three levels below the repository root.
const root = path.resolve(__dirname, '../../..');
const read = (file: string): string => fs.readFileSync(path.resolve(root, file), 'utf8');

const source = JSON.parse(read('src/handouts/handouts.json')) as { redFlagBlock: string[]; handouts: unknown[] };
for (const extra of process.argv.slice(2)) {
  source.handouts.push(...(JSON.parse(fs.readFileSync(extra, 'utf8')) as { handouts: unknown[] }).handouts);
}
const glossary = parseGlossaryFile(read('src/glossary/glossary.json'), 'glossary.json').entries;
const sectionIds = parseGuide(read('src/guide/iliopsoas-back-pain.md')).sections.map((section) => section.id);

let failing = 0;
for (const handout of parseHandouts(source)) {
  const plain = exemptTerms(handoutPlainText(handout), handout.teaches);
  const problems = [
    ...checkHandout(handout, sectionIds),
    ...unexplainedTerms(handout, glossary).map((term) => `uses "${term}" without listing it in "teaches" (explain it where it is first used)`),
  ];
  if (problems.length > 0) failing++;
  console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${handout.id}: Flesch–Kincaid ${fleschKincaidGrade(plain)}, SMOG ${smogGrade(plain)} (taught terms exempted)`);
  for (const problem of problems) console.log(`       - ${problem}`);
}
console.log(`${failing} handout(s) with problems`);
process.exitCode = failing > 0 ? 1 : 0;
