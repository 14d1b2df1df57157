import * as assert from 'assert';
import { literalFoldersOf, pathInsideFolder } from '../../src/paths/workspacePaths';

describe('team glossary paths', () => {
  it('keeps a plain path inside the folder, tidied', () => {
    assert.strictEqual(pathInsideFolder('.vscode/iliopsoas-glossary.json'), '.vscode/iliopsoas-glossary.json');
    assert.strictEqual(pathInsideFolder('./.vscode/../.vscode//team.json'), '.vscode/team.json');
    assert.strictEqual(pathInsideFolder('notes\\team.json'), 'notes/team.json');
  });

  it('refuses paths that leave the folder, absolute paths and globs', () => {
    for (const pattern of ['../x.json', 'a/../../x.json', '/etc/x.json', '\\\\server\\share\\x.json', 'C:\\x.json', 'c:x.json', '**/x.json', 'a/{b,c}.json', '', '  ', '.', 'a/..', 'x\0.json']) {
      assert.strictEqual(pathInsideFolder(pattern), undefined, JSON.stringify(pattern));
    }
  });

  it('names the literal folders a pattern’s files sit in, outermost first', () => {
    assert.deepStrictEqual(literalFoldersOf('.vscode/iliopsoas-glossary.json'), ['.vscode']);
    assert.deepStrictEqual(literalFoldersOf('clinic/shared/glossary.json'), ['clinic', 'clinic/shared']);
    assert.deepStrictEqual(literalFoldersOf('notes/**/glossary.json'), ['notes']);
    assert.deepStrictEqual(literalFoldersOf('glossary.json'), []);
    assert.deepStrictEqual(literalFoldersOf('../x/glossary.json'), []);
  });
});
