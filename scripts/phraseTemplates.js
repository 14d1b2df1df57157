// Writes src/handouts/phrases/templates.json from the built-in note templates, which are written
// as clinic phrase files (src/handouts/phrases/templates/*.md, the same syntax a clinic uses), so
// the extension loads them like its other data: as a JSON chunk read on first use. `npm run
// phrases` rewrites it; a unit test (test/unit/phraseFile.test.ts) keeps it current.
const fs = require('fs');
const path = require('path');

const TEMPLATES = path.join(__dirname, '..', 'src', 'handouts', 'phrases', 'templates');
const OUTPUT = path.join(__dirname, '..', 'src', 'handouts', 'phrases', 'templates.json');

/** The templates by file name, in name order, with Windows line ends made "\n". */
function templateFiles() {
  const files = {};
  for (const name of fs.readdirSync(TEMPLATES).filter((file) => file.endsWith('.md')).sort()) {
    files[name] = fs.readFileSync(path.join(TEMPLATES, name), 'utf8').replace(/\r\n?/g, '\n');
  }
  return files;
}

function templatesJson() {
  return `${JSON.stringify({ files: templateFiles() }, null, 2)}\n`;
}

if (require.main === module) {
  fs.writeFileSync(OUTPUT, templatesJson());
  console.log(`Wrote ${path.relative(process.cwd(), OUTPUT)}`);
}

module.exports = { templatesJson, OUTPUT };
