// Restricted Mode: the harness opens test/fixtures/restricted-workspace with workspace trust on and the folder
// untrusted (`npm run test:restricted`). Copydesk declares `untrustedWorkspaces: "limited"`: it must still check the
// article and read the nearest .copydesk/people.json as data, but ignore `copydesk.directoryFiles` from the workspace's
// own settings (a folder someone sent you must not choose which files the extension reads). The fixture's
// .vscode/settings.json names desk/people.json, which spells "Ingrid Halvorsen"; the article has "Halvorson".
import * as assert from 'assert';
import * as vscode from 'vscode';
import { copydesk, fixtureUri, openFixture, sleep, waitFor, waitForAsync, waitForDiagnostics } from './util.js';

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);
const flagged = (ds: vscode.Diagnostic[], doc: vscode.TextDocument): string[] =>
  ds.filter(d => codeOf(d) === 'name/directory').map(d => doc.getText(d.range)).sort();

describe('Restricted Mode (an untrusted workspace)', function () {
  let doc: vscode.TextDocument;
  before(async () => {
    await copydesk().activate();
    doc = (await openFixture('ferry-fares.txt')).document;
  });

  it('really is untrusted; VS Code hides the restricted workspace setting and applies the others', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'the harness should open this folder untrusted');
    assert.ok(copydesk().isActive, 'Copydesk activates in Restricted Mode');
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri('.vscode/settings.json')));
    assert.ok(onDisk.includes('"copydesk.directoryFiles": ["desk/people.json"]'), onDisk);
    const config = vscode.workspace.getConfiguration('copydesk');
    assert.strictEqual(config.inspect<string[]>('directoryFiles')?.workspaceValue, undefined);
    assert.strictEqual(config.inspect<string>('quoteStyle')?.workspaceValue, 'curly');
    // The unrestricted workspace setting reaches the analysis: straight marks are flagged in a "curly" workspace.
    await waitForDiagnostics(doc.uri, d => d.some(x => codeOf(x) === 'quote/mixed-style'));
  });

  it('checks the article against the nearest .copydesk/people.json, and ignores copydesk.directoryFiles from the workspace', async () => {
    const ds = await waitForDiagnostics(doc.uri, d => d.some(x => codeOf(x) === 'name/directory'));
    assert.deepStrictEqual(flagged(ds, doc), ['Szymansky', 'Szymansky'], 'only the nearest directory is used');
    assert.ok(ds.every(d => d.source === 'copydesk'));
    // The workspace's own setting stays ignored however long we wait (it is read at activation and on every analysis).
    await sleep(1000);
    assert.ok(!flagged(vscode.languages.getDiagnostics(doc.uri), doc).includes('Halvorson'));
  });

  it('still uses copydesk.directoryFiles from the user settings, which the workspace cannot set', async () => {
    const config = vscode.workspace.getConfiguration('copydesk');
    await config.update('directoryFiles', [fixtureUri('desk/people.json').toString()], vscode.ConfigurationTarget.Global);
    try {
      const ds = await waitForDiagnostics(doc.uri, d => flagged(d, doc).includes('Halvorson'));
      assert.deepStrictEqual(flagged(ds, doc), ['Halvorson', 'Halvorson', 'Szymansky', 'Szymansky']);
    } finally {
      await config.update('directoryFiles', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(() => !flagged(vscode.languages.getDiagnostics(doc.uri), doc).includes('Halvorson'), 15000, 'the user setting to be gone');
  });

  it('shows the hover card of a named official', async () => {
    const at = doc.getText().indexOf('Szymansky said');
    const hovers = await waitForAsync(async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at + 2));
      return h.length ? h : undefined;
    }, 15000, 'a hover');
    const text = hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : c.value))).join('\n')
      .replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!<>])/g, '$1');
    assert.ok(text.includes('**Benedikt Szymansky**') && text.includes('Finance Minister'), text);
  });
});
