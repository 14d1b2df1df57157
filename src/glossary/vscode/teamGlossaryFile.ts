import * as vscode from 'vscode';
import { quotedForMessage } from '../../util/messageText';
import { staysInsideFolder } from '../../util/workspaceFiles';
import { isGlobPattern, pathInsideFolder } from '../../paths/workspacePaths';
import { DEFAULT_TEAM_GLOSSARY, GLOSSARY_FILES_SETTING } from './store';

// A starter entry that shows every field; the schema (jsonValidation) completes and checks the rest.
const STARTER_GLOSSARY = `{
  "entries": [
    {
      "term": "sacroiliac joint",
      "variants": ["sacroiliac joints", "SI joint", "SI joints"],
      "abbreviations": ["SIJ"],
      "definition": "The synovial joint between the sacrum and the ilium on each side of the pelvis; it transfers load from the spine to the legs and allows only a few degrees of movement.",
      "plain": "The sacroiliac joint is where the base of your spine meets your pelvis. There is one on each side. It moves only a little. It passes the weight of your upper body down to your legs."
    }
  ]
}
`;

/**
 * The folder whose team glossary is meant: the active note's, the only folder, or the one the
 * user picks (undefined if there is none or the pick is dismissed).
 */
async function folderForTeamGlossary(): Promise<vscode.WorkspaceFolder | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const ofActive = active && vscode.workspace.getWorkspaceFolder(active);
  if (ofActive) return ofActive;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Open the team glossary of which folder?') });
}

/** Where a folder's team glossary is written: its file, or why there is none it may write. */
export type TeamGlossaryLocation = { readonly uri: vscode.Uri } | { readonly refusal: string };

/**
 * The team glossary file of a workspace folder that the extension creates and writes: the first
 * plain path (not a glob) of the folder's `iliopsoas.glossary.files`, or the default. The setting
 * may come from a cloned repository: a path outside the folder, or reached through a link, is refused.
 */
export async function teamGlossaryLocation(folder: vscode.WorkspaceFolder): Promise<TeamGlossaryLocation> {
  const configured = vscode.workspace.getConfiguration(undefined, folder.uri).get<unknown>(GLOSSARY_FILES_SETTING);
  const paths = Array.isArray(configured) ? configured.filter((pattern): pattern is string => typeof pattern === 'string' && !isGlobPattern(pattern)) : [];
  const path = paths.length === 0 ? DEFAULT_TEAM_GLOSSARY : pathInsideFolder(paths[0]);
  const uri = path === undefined ? undefined : vscode.Uri.joinPath(folder.uri, path);
  if (!uri || !(await staysInsideFolder(folder.uri, uri))) {
    return {
      refusal: vscode.l10n.t(
        'The setting {0} names {1}, which is outside the workspace folder (or reached through a link). Iliopsoas Notes creates and writes team glossary files only inside the folder: name a path such as {2}.',
        GLOSSARY_FILES_SETTING,
        quotedForMessage(paths[0]),
        DEFAULT_TEAM_GLOSSARY,
      ),
    };
  }
  return { uri };
}

/**
 * Opens the team glossary file of the active note's folder (or of a folder the user picks), creating
 * it with a starter entry if it does not exist yet: the first plain path of that folder's
 * `iliopsoas.glossary.files`.
 */
export async function openTeamGlossary(): Promise<vscode.TextEditor | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder first: a team glossary is a file in the workspace.'));
    return undefined;
  }
  const folder = await folderForTeamGlossary();
  if (!folder) return undefined;
  const location = await teamGlossaryLocation(folder);
  if ('refusal' in location) {
    void vscode.window.showWarningMessage(location.refusal);
    return undefined;
  }
  const { uri } = location;
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(STARTER_GLOSSARY));
  }
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Team glossaries are used once you trust this workspace; until then only the built-in glossary answers.'));
  }
  return vscode.window.showTextDocument(uri);
}
