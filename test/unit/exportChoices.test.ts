import * as assert from 'assert';
import { defaultExportFolder, exportActionLabel, exportedFileActions, exportFileName } from '../../src/handouts/exportChoices';

describe('where an export is saved by default', () => {
  const inside = (folder: string) => folder.startsWith('/clinic/');

  it('is beside the note, even when another folder was used last', () => {
    assert.strictEqual(defaultExportFolder({ besideNote: '/clinic/patients/lee', lastExport: '/clinic/patients/smith', workspaceFolder: '/clinic' }, inside), '/clinic/patients/lee');
    // A note outside the workspace: still beside it (the dialog asks before anything is written).
    assert.strictEqual(defaultExportFolder({ besideNote: '/home/me/Downloads', lastExport: '/clinic/out', workspaceFolder: '/clinic' }, inside), '/home/me/Downloads');
  });

  it('for a note that is not a file yet, is the last export folder while it is inside a workspace folder, else the workspace folder', () => {
    assert.strictEqual(defaultExportFolder({ besideNote: undefined, lastExport: '/clinic/handouts', workspaceFolder: '/clinic' }, inside), '/clinic/handouts');
    assert.strictEqual(defaultExportFolder({ besideNote: undefined, lastExport: '/old-workspace/handouts', workspaceFolder: '/clinic' }, inside), '/clinic');
    assert.strictEqual(defaultExportFolder({ besideNote: undefined, lastExport: undefined, workspaceFolder: '/clinic' }, inside), '/clinic');
    assert.strictEqual(defaultExportFolder({ besideNote: undefined, lastExport: undefined, workspaceFolder: undefined }, inside), undefined);
  });

  it('names the file after the handout', () => {
    assert.strictEqual(exportFileName('Posture, Lifting, and Healthy Weight'), 'posture-lifting-and-healthy-weight.html');
    assert.strictEqual(exportFileName('Ischias: Übungen für zu Hause'), 'ischias-übungen-für-zu-hause.html');
    assert.strictEqual(exportFileName('../../etc/passwd'), 'etc-passwd.html');
    assert.strictEqual(exportFileName('???'), 'handout.html');
  });
});

describe('what the "exported" notification offers', () => {
  it('on a desktop, for a local file: Open in Browser and the OS file manager', () => {
    assert.deepStrictEqual(exportedFileActions({ web: false, remote: false, scheme: 'file' }), ['openInBrowser', 'revealInOS']);
  });

  it('where there is no OS file manager or the file is not local: VS Code\'s Explorer only', () => {
    assert.deepStrictEqual(exportedFileActions({ web: true, remote: false, scheme: 'file' }), ['revealInExplorer']); // code-server
    assert.deepStrictEqual(exportedFileActions({ web: true, remote: false, scheme: 'vscode-vfs' }), ['revealInExplorer']); // vscode.dev
    assert.deepStrictEqual(exportedFileActions({ web: false, remote: true, scheme: 'vscode-remote' }), ['revealInExplorer']); // SSH, containers
    assert.deepStrictEqual(exportedFileActions({ web: false, remote: false, scheme: 'vscode-vfs' }), ['revealInExplorer']); // a virtual workspace
  });

  it('labels the buttons as VS Code labels the same commands on each platform', () => {
    assert.strictEqual(exportActionLabel('openInBrowser', 'linux'), 'Open in Browser');
    assert.strictEqual(exportActionLabel('revealInExplorer', 'linux'), 'Reveal in Explorer');
    assert.strictEqual(exportActionLabel('revealInOS', 'win32'), 'Reveal in File Explorer');
    assert.strictEqual(exportActionLabel('revealInOS', 'darwin'), 'Reveal in Finder');
    assert.strictEqual(exportActionLabel('revealInOS', 'linux'), 'Open Containing Folder');
  });
});
