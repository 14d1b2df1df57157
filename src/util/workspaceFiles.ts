import * as vscode from 'vscode';

/**
 * Whether writing `target` stays inside `folder`: under it by path, and through no symbolic
 * link (a cloned repository's `.vscode` may be a link to anywhere). Checked before every write
 * the extension makes on its own; a file the user picks in a save dialog is the user's choice.
 */
export async function staysInsideFolder(folder: vscode.Uri, target: vscode.Uri): Promise<boolean> {
  if (target.scheme !== folder.scheme || target.authority !== folder.authority) return false;
  const base = folder.path.replace(/\/+$/, '');
  if (!target.path.startsWith(`${base}/`)) return false;
  const segments = target.path.slice(base.length + 1).split('/');
  if (segments.some((segment) => segment === '..' || segment === '.' || segment === '')) return false;
  for (let depth = 1; depth <= segments.length; depth++) {
    const type = await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, ...segments.slice(0, depth))).then(
      (stat) => stat.type,
      () => undefined,
    );
    if (type === undefined) return true; // from here on nothing exists, so nothing is a link
    if (type & vscode.FileType.SymbolicLink) return false;
  }
  return true;
}
