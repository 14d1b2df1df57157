import * as vscode from 'vscode';
import { readClinicSettings, type ClinicSettings } from '../clinic';

/**
 * The clinic's details for a note: `iliopsoas.clinic.*` as they apply to the note's folder (a
 * workspace-folder value wins over the workspace's and the user's), or the workspace's and
 * the user's for a note that is in no folder.
 */
export function clinicSettingsFor(uri: vscode.Uri | undefined): ClinicSettings {
  const settings = vscode.workspace.getConfiguration('iliopsoas', uri);
  return readClinicSettings((setting) => settings.get<unknown>(setting));
}
