import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, copydesk, openFixture, waitFor } from './util.js';

describe('integration harness', () => {
  it(`finds ${EXTENSION_ID} and activates it when a .txt article is opened`, async () => {
    const ext = copydesk();
    const editor = await openFixture('harbor-dredging.txt');
    assert.strictEqual(editor.document.languageId, 'plaintext');
    await waitFor(() => ext.isActive, 20000, `${EXTENSION_ID} to activate`);
    // Where this runs: code-server puts the extension in a Node extension host on the server.
    console.log(`    (VS Code ${vscode.version}, ${vscode.env.appName}, uiKind ${vscode.UIKind[vscode.env.uiKind]}, ` +
      `remote ${vscode.env.remoteName ?? 'none'}, node ${process.version})`);
  });
});
