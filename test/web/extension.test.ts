// Copydesk in the browser extension host (as on vscode.dev and github.dev): the `browser` entry, dist/web/extension.cjs,
// must load without Node, activate, and do the whole job: problems, hovers, quick fixes. The workspace folder is
// test/fixtures/workspace served by @vscode/test-web (a virtual file system: no Node fs behind it).
import * as assert from './assert.js';
import * as vscode from 'vscode';

const EXTENSION_ID = 'copydesk.copydesk';

async function waitFor<T>(fn: () => T | undefined | null | false | Thenable<T | undefined | null | false>, ms = 20000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) { return v; }
    if (Date.now() > deadline) { throw new Error(`timed out after ${ms} ms waiting for ${what}`); }
    await new Promise(r => setTimeout(r, 100));
  }
}

const ruleOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);
const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter(d => d.source === 'copydesk');

async function openWorkspaceFile(name: string): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder');
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, name)));
}

async function hoverText(document: vscode.TextDocument, offset: number, want: RegExp): Promise<string> {
  return waitFor(async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset));
    const text = (hovers ?? []).flatMap(h => h.contents).map(c => (typeof c === 'string' ? c : c.value)).join('\n');
    return want.test(text) ? text : undefined;
  }, 20000, `a hover matching ${want} at offset ${offset}`);
}

describe('web extension host', () => {
  it(`loads ${EXTENSION_ID} from its browser entry and activates it when a .txt article is opened`, async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded in the browser extension host (does package.json have "browser"?)`);
    assert.strictEqual(vscode.env.uiKind, vscode.UIKind.Web);
    await openWorkspaceFile('harbor-dredging.txt');
    await waitFor(() => ext.isActive, 20000, `${EXTENSION_ID} to activate`);
    // activate() rethrows what the extension's activate threw: the message says why, where isActive would not.
    const api = await ext.activate() as { analysisOf?: unknown; analysisThread?: () => string } | undefined;
    assert.ok(api && typeof api.analysisOf === 'function', 'activate() returned the Copydesk API');
    // The web worker bundle (dist/web/worker.js) must start here too: in the host's thread a long article would block it.
    await waitFor(() => ours(vscode.window.activeTextEditor!.document.uri).length > 0, 30000, 'the first analysis');
    assert.strictEqual(api.analysisThread?.(), 'worker');
  });

  it('lists the wrong closing quotation mark of the harbor article in the Problems panel', async () => {
    const editor = await openWorkspaceFile('harbor-dredging.txt');
    const diags = await waitFor(() => { const d = ours(editor.document.uri); return d.some(x => ruleOf(x) === 'quote/wrong-closing-mark') && d; },
      30000, 'a quote/wrong-closing-mark diagnostic');
    const wrong = diags.find(d => ruleOf(d) === 'quote/wrong-closing-mark')!;
    assert.strictEqual(editor.document.getText(wrong.range), '“');
    assert.strictEqual(wrong.severity, vscode.DiagnosticSeverity.Error);
  });

  it('shows who said a quotation, and a person card, on hover', async () => {
    const editor = await openWorkspaceFile('harbor-dredging.txt');
    const doc = editor.document;
    await waitFor(() => ours(doc.uri).length > 0, 30000, 'the analysis');
    const text = doc.getText();
    const quote = await hoverText(doc, text.indexOf('I will not let this port die') + 3, /credited/i);
    assert.match(quote, /Okafor/);
    const person = await hoverText(doc, text.indexOf('Okafor said') + 2, /Mentioned(\s|&nbsp;)\d+(\s|&nbsp;)times?/);
    assert.match(person, /Alan(\s|&nbsp;)Okafor/);
  });

  it('applies the quick fix for the wrong closing mark, and the problem goes away', async () => {
    const editor = await openWorkspaceFile('harbor-dredging.txt');
    const doc = editor.document;
    try {
      const wrong = await waitFor(() => ours(doc.uri).find(d => ruleOf(d) === 'quote/wrong-closing-mark'), 30000, 'the wrong closing mark');
      const fix = await waitFor(async () => (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider',
        doc.uri, wrong.range, vscode.CodeActionKind.QuickFix.value) ?? []).find(a => !!a.edit && a.title.endsWith('with “””')), 20000, 'the quick fix');
      assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the edit applied');
      assert.ok(doc.getText().includes('another contract.”'), 'the closing mark is now ”');
      await waitFor(() => !ours(doc.uri).some(d => ruleOf(d) === 'quote/wrong-closing-mark'), 30000, 'the problem to clear');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('checks an untitled document (no file system at all) and escapes its text in hovers', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown',
      content: 'Councilmember Rosa Delgado spoke. "Click [here](command:workbench.action.files.delete) now.“ Delgado said.\n' });
    await vscode.window.showTextDocument(doc);
    try {
      await waitFor(() => ours(doc.uri).some(d => ruleOf(d) === 'quote/wrong-closing-mark'), 30000, 'a diagnostic on the untitled document');
      const hovers = await waitFor(async () => {
        const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(doc.getText().indexOf('Delgado said') + 2));
        const md = (h ?? []).flatMap(x => x.contents).filter((c): c is vscode.MarkdownString => typeof c === 'object' && /Mentioned/.test(c.value));
        return md.length ? md : undefined;
      }, 20000, 'a person card');
      for (const md of hovers) {
        assert.ok(!md.isTrusted && !md.supportHtml, 'the card is untrusted and renders no HTML');
        assert.ok(!/(?<!\\)\]\(command:/.test(md.value), `no live command link: ${md.value}`);
      }
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
