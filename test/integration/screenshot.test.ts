// Captures the workbench with an article, its highlights and the Problems panel: media/screenshot.png when the
// harness runs with COPYDESK_SCREENSHOT=1 (`npm run screenshot`), otherwise only into the run folder.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { openFixture, revertAll, screenshot, sleep, waitForDiagnostics } from './util.js';

describe('workbench screenshot', () => {
  it('shows an article with findings in the editor and the Problems panel', async () => {
    // User settings of this run only (the harness gives every run its own user-data folder).
    const editorConfig = vscode.workspace.getConfiguration('editor');
    await editorConfig.update('wordWrap', 'on', vscode.ConfigurationTarget.Global);
    try {
      await revertAll();   // start from the article as it is on disk, whatever earlier tests left open
      const editor = await openFixture('harbor-dredging.txt');
      const diagnostics = await waitForDiagnostics(editor.document.uri, d => d.length > 0, 20000);
      assert.ok(diagnostics.length > 0);
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      await vscode.window.showTextDocument(editor.document);   // focus back on the article
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      editor.selection = new vscode.Selection(end, end);        // no word-occurrence highlight at the top
      editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
      await sleep(1500);                                        // markers and decorations reach the page asynchronously
      const png = await screenshot('workbench');
      if (png) { console.log(`    screenshot: ${png}`); }
    } finally {
      await editorConfig.update('wordWrap', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
