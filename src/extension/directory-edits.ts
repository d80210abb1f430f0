// "Add this spelling to the people directory": edits the nearest .copydesk/people.json (or creates one in the
// workspace folder) as a WorkspaceEdit, so it can be undone and reviewed like any edit. jsonc-parser's `modify`
// keeps the file's formatting and comments.
import * as vscode from 'vscode';
import { withAlias } from '../core/directory.js';
import type { PeopleDirectories } from './people-directory.js';

export const ADD_ALIAS_COMMAND = 'copydesk.addAliasToDirectory';

export function registerDirectoryEdits(directories: PeopleDirectories): vscode.Disposable {
  return vscode.commands.registerCommand(ADD_ALIAS_COMMAND, async (documentUri: vscode.Uri, person: string, alias: string) => {
    const folder = vscode.workspace.getWorkspaceFolder(documentUri);
    const target = await directories.nearestFile(documentUri)
      ?? (folder ? vscode.Uri.joinPath(folder.uri, '.copydesk', 'people.json') : vscode.Uri.joinPath(documentUri, '..', '.copydesk', 'people.json'));
    let current = '';
    let exists = true;
    try { current = new TextDecoder().decode(await vscode.workspace.fs.readFile(target)); } catch { exists = false; }
    let next: string;
    try { next = withAlias(current, person, alias); } catch (e) {
      void vscode.window.showErrorMessage(`Copydesk could not edit ${target.fsPath}: ${(e as Error).message}`);
      return false;
    }
    const edit = new vscode.WorkspaceEdit();
    if (!exists) {
      edit.createFile(target, { ignoreIfExists: true, contents: new TextEncoder().encode(next) });
    } else {
      const doc = await vscode.workspace.openTextDocument(target);
      edit.replace(target, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), next);
    }
    const ok = await vscode.workspace.applyEdit(edit);
    if (ok && exists) { await (await vscode.workspace.openTextDocument(target)).save(); }
    directories.invalidate();
    return ok;
  });
}

/**
 * The directory entry to extend and the spelling to add, from the name of the person the finding is about (as the
 * article groups it: "Sabrina Sign", or "Rosa Delgado" when the variant was grouped with the right spelling), the
 * misspelled token(s) and the expected ones.
 */
export function aliasArguments(personName: string, variant: string, expected: string): { person: string; alias: string } {
  const canonical = personName.includes(variant) && !personName.includes(expected) ? personName.replace(variant, expected) : personName;
  return { person: canonical, alias: canonical.replace(expected, variant) };
}
