// Helpers for the integration tests, which run inside a real VS Code (see scripts/run-integration-tests.mjs).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'copydesk.copydesk';

export const sleep = (ms: number) => new Promise<void>(r => setTimeout(r, ms));

/**
 * Every waitFor deadline is multiplied by this (COPYDESK_IT_TIME_SCALE, set by the harness from the machine's load:
 * an overloaded machine makes the extension host answer late). Deadlines only bound waits: passing tests don't slow.
 */
export const TIME_SCALE = Math.max(1, Number(process.env.COPYDESK_IT_TIME_SCALE) || 1);

/** Polls fn every 100 ms until it returns a truthy value, which it returns; throws after `ms` (times TIME_SCALE). */
export async function waitFor<T>(fn: () => T | undefined | null | false, ms = 15000, what = 'condition'): Promise<T> {
  ms *= TIME_SCALE;
  const deadline = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) { return v; }
    if (Date.now() > deadline) { throw new Error(`timed out after ${ms} ms waiting for ${what}`); }
    await sleep(100);
  }
}

/** waitFor for an async probe (e.g. executeCommand('vscode.executeCodeActionProvider', ...)). */
export async function waitForAsync<T>(fn: () => Thenable<T | undefined | null | false>, ms = 15000, what = 'condition'): Promise<T> {
  ms *= TIME_SCALE;
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) { return v; }
    if (Date.now() > deadline) { throw new Error(`timed out after ${ms} ms waiting for ${what}`); }
    await sleep(100);
  }
}

/** The Copydesk extension (asserted present). */
export function copydesk(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  return ext;
}

/** The URI of a file in the test workspace (test/fixtures/workspace). */
export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Opens a workspace fixture in an editor and returns the editor (its document is editor.document). */
export async function openFixture(name: string, options?: vscode.TextDocumentShowOptions): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(name));
  return vscode.window.showTextDocument(doc, options);
}

/** The diagnostics the extension host knows for a uri, optionally only those of one source (e.g. 'copydesk'). */
export function diagnosticsFor(uri: vscode.Uri, source?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter(d => source === undefined || d.source === source);
}

/**
 * Waits until the diagnostics of `uri` satisfy `until` (default: at least one) and returns them. Diagnostics are
 * computed and published asynchronously (and reach the workbench later still): always poll, never read once.
 */
export function waitForDiagnostics(uri: vscode.Uri, until: (d: vscode.Diagnostic[]) => boolean = d => d.length > 0,
  ms = 15000, source?: string): Promise<vscode.Diagnostic[]> {
  return waitFor(() => { const d = diagnosticsFor(uri, source); return until(d) ? d : undefined; }, ms, `diagnostics of ${path.basename(uri.path)}`);
}

/** Reverts every document with unsaved changes (e.g. left behind by a failed test) and closes all editors. */
export async function revertAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter(d => d.isDirty && !d.isClosed)) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Reverts (undoes unsaved changes to) the document in `editor`, then closes it. Tests that edit must call this. */
export async function revertAndClose(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

/**
 * Asks the harness to capture the workbench into <run>/shots/<name>.png and waits until it has. Returns the path, or
 * undefined when not run by scripts/run-integration-tests.mjs. The "workbench" shot becomes media/screenshot.png
 * when the harness runs with COPYDESK_SCREENSHOT=1.
 */
export async function screenshot(name: string, ms = 20000): Promise<string | undefined> {
  const run = process.env.COPYDESK_IT_RUN_DIR;
  if (!run) { return undefined; }
  const dir = path.join(run, 'shots');
  const done = path.join(dir, `${name}.done`);
  fs.rmSync(done, { force: true });
  fs.writeFileSync(path.join(dir, `${name}.request`), '');
  await waitFor(() => fs.existsSync(done), ms, `screenshot ${name}`);
  const result = fs.readFileSync(done, 'utf8');
  if (result.startsWith('ERROR')) { throw new Error(`screenshot ${name}: ${result}`); }
  return result;
}
