// The copy editor's review workflow in a real VS Code: the Sources view and the status bar, fix-all on save,
// suppression comments and their quick fixes, every setting's effect, the workspace check and the source-list export.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { copydesk, diagnosticsFor, fixtureUri, openFixture, revertAndClose, sleep, waitFor, waitForAsync, waitForDiagnostics as waitForDiagnosticsWithin } from './util.js';
import type { CopydeskApi } from '../../src/extension/extension.js';
import type { SourceNode } from '../../src/extension/sources-view.js';

// The extension host shares the machine with the workbench and chromium: on a busy machine an analysis can take
// seconds, so waits are generous (they end as soon as the condition holds).
const WAIT = 45000;
const waitForDiagnostics = (uri: vscode.Uri, until?: (d: vscode.Diagnostic[]) => boolean, ms = WAIT) => waitForDiagnosticsWithin(uri, until, ms);

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);
const has = (rule: string) => (ds: vscode.Diagnostic[]) => ds.some(d => codeOf(d) === rule);
const hasNot = (rule: string) => (ds: vscode.Diagnostic[]) => !ds.some(d => codeOf(d) === rule);

async function api(): Promise<CopydeskApi> {
  const ext = copydesk();
  return (ext.isActive ? ext.exports : await ext.activate()) as CopydeskApi;
}

const config = () => vscode.workspace.getConfiguration();
/** Sets a user setting for the duration of `body`, then puts it back. */
async function withSetting<T>(key: string, value: unknown, body: () => Promise<T>): Promise<T> {
  const before = config().inspect(key)?.globalValue;
  await config().update(key, value, vscode.ConfigurationTarget.Global);
  try { return await body(); } finally { await config().update(key, before, vscode.ConfigurationTarget.Global); }
}

/** A fresh copy of a fixture under a unique name, deleted by the returned cleanup. */
async function tempCopy(fixture: string, ext: string, transform: (s: string) => string = s => s): Promise<vscode.Uri> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri(fixture)));
  const uri = fixtureUri(`tmp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}.${ext}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(transform(text)));
  temps.push(uri);
  return uri;
}
const temps: vscode.Uri[] = [];

/**
 * Tests that type into an article work on a throwaway copy: another run of the suite may share the fixture folder,
 * and a save (ours or a workbench's) must never write into the fixtures.
 */
async function openTemp(fixture: string): Promise<vscode.TextEditor> {
  const uri = await tempCopy(fixture, fixture.slice(fixture.lastIndexOf('.') + 1));
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

async function closeTemp(editor: vscode.TextEditor): Promise<void> {
  await revertAndClose(editor);
  await vscode.workspace.fs.delete(editor.document.uri).then(undefined, () => undefined);
}

async function quickFix(uri: vscode.Uri, range: vscode.Range, title: (t: string) => boolean, what: string): Promise<vscode.CodeAction> {
  return waitForAsync(async () => (await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value)).find(a => title(a.title)), WAIT, what);
}

describe('Copydesk review workflow', function () {
  // Generous: on a busy machine one analysis round trip can take seconds (each wait ends as soon as it can).
  this.timeout(240000);
  it('runs the Copydesk it should: the packaged one under scripts/check-vsix.mjs, else the development tree', async () => {
    const ext = copydesk();
    const installedIn = process.env.COPYDESK_IT_EXTENSIONS_DIR;
    if (installedIn) {
      assert.ok(ext.extensionPath.startsWith(installedIn), `${ext.extensionPath} is under ${installedIn}`);
      assert.ok(!fs.existsSync(path.join(ext.extensionPath, 'src')), 'no sources in the installed extension');
    } else {
      assert.ok(fs.existsSync(path.join(ext.extensionPath, 'src/extension/extension.ts')), `${ext.extensionPath} is the development tree`);
    }
    const copy = await api();
    assert.strictEqual(typeof copy.statusText, 'function', 'activate() returned the API');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of temps) { await vscode.workspace.fs.delete(uri).then(undefined, () => undefined); }
  });

  it('the Sources view lists people with what is credited to them, follows typing, and selects an entry in the editor', async () => {
    const { sources } = await api();
    const editor = await openTemp('harbor-dredging.txt');
    await waitForDiagnostics(editor.document.uri);
    const roots = await waitFor(() => sources.current === editor.document && sources.getChildren().some(n => n.kind === 'person') && sources.getChildren(), WAIT, 'sources');
    const people = roots.filter((n): n is Extract<SourceNode, { kind: 'person' }> => n.kind === 'person');
    const okafor = people.find(p => p.person.name === 'Alan Okafor');
    assert.ok(okafor, `people: ${people.map(p => p.person.name).join(', ')}`);
    const children = sources.getChildren(okafor);
    assert.ok(children.some(c => c.kind === 'title' && c.title === 'Mayor'), 'his title is listed');
    const credited = children.filter((c): c is Extract<SourceNode, { kind: 'attribution' }> => c.kind === 'attribution');
    assert.ok(credited.length >= 1, 'something is credited to the mayor');
    for (const p of people) {
      for (const c of sources.getChildren(p)) {
        if (c.kind === 'attribution') { assert.strictEqual(c.attribution.speaker, p.person.name); }
      }
    }
    assert.ok(roots.some(n => n.kind === 'group' && n.group === 'figures'), 'figures group');
    assert.strictEqual(sources.view.description, editor.document.uri.path.split('/').pop());

    // Selecting an entry runs its command: the attributed words become the editor's selection.
    const quote = credited.find(c => c.attribution.direct)!;
    const item = sources.getTreeItem(quote);
    assert.ok(item.command, 'the entry has a command');
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const selected = await waitFor(() => {
      const e = vscode.window.activeTextEditor;
      return e && e.document === editor.document && !e.selection.isEmpty && e.document.getText(e.selection);
    }, 5000, 'the selection');
    assert.strictEqual(selected, quote.attribution.content.text);

    // Typing a new figure shows up in the view without saving.
    const figures = () => (sources.getChildren().find(n => n.kind === 'group' && n.group === 'figures') as Extract<SourceNode, { kind: 'group' }> | undefined)?.children ?? [];
    const before = figures().length;
    await editor.edit(b => b.insert(editor.document.positionAt(editor.document.getText().length), '\n\nThe council has 9 members.\n'));
    await waitFor(() => figures().length === before + 1 && figures().some(f => f.kind === 'figure' && f.figure.text === '9'), WAIT, 'the new figure in the view');
    await closeTemp(editor);
  });

  it('the status bar summarises the active article and follows its problems', async () => {
    const copy = await api();
    const editor = await openTemp('harbor-dredging.txt');
    const diags = await waitForDiagnostics(editor.document.uri, has('quote/wrong-closing-mark'));
    const analysis = await waitFor(() => copy.analysisOf(editor.document), WAIT, 'analysis');
    const quotes = analysis.quotes.filter(q => !q.scare);
    const text = await waitFor(() => /attributed/.test(copy.statusText()) && copy.statusText(), 5000, 'status text');
    assert.ok(text.includes(`${quotes.filter(q => q.attributed).length}/${quotes.length} attributed`), text);
    assert.ok(text.includes(`$(warning) ${diags.length}`) || text.includes(`$(warning) ${analysis.diagnostics.length}`), text);
    // Once the wrong mark is repaired the problem count drops by one.
    const wrong = diags.find(d => codeOf(d) === 'quote/wrong-closing-mark')!;
    await editor.edit(b => b.replace(wrong.range, '”'));
    const fixed = await waitFor(() => copy.analysisOf(editor.document), WAIT, 'analysis of the edit');
    assert.ok(fixed.diagnostics.length < analysis.diagnostics.length, 'one problem fewer');
    await waitFor(() => copy.statusText().includes(`$(warning) ${fixed.diagnostics.length}`), 5000, `status after the fix (${copy.statusText()})`);
    await closeTemp(editor);
  });

  it('fixes the safe problems on save with editor.codeActionsOnSave, and leaves name spellings alone', async () => {
    const uri = await tempCopy('harbor-dredging.txt', 'txt');
    await withSetting('editor.codeActionsOnSave', { 'source.fixAll.copydesk': 'explicit' }, async () => {
      const doc = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(doc);
      await waitForDiagnostics(uri, has('quote/wrong-closing-mark'));
      // Type, then save at once: the fix must not wait for the debounced analysis.
      await editor.edit(b => b.insert(new vscode.Position(0, 0), 'Updated: '));
      assert.ok(await doc.save(), 'saved');
      const text = doc.getText();
      assert.ok(text.startsWith('Updated: '), 'the edit is kept');
      assert.ok(text.includes('another contract."'), `the wrong closing mark is fixed (and in the article's straight style): ${text.slice(text.indexOf('Ships') - 2, text.indexOf('contract') + 12)}`);
      assert.ok(!/[“”]/.test(text), 'the curly quotations now match the straight majority');
      assert.ok(text.includes('Rosa Delgada'), 'a name is never changed without a person looking');
      const disk = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      assert.strictEqual(disk, text, 'the fixed text is what was saved');
      await closeTemp(editor);
    });
  });

  it('a suppression comment silences a rule, and the quick fixes write one', async () => {
    const editor = await openTemp('ministry-budget.md');
    const uri = editor.document.uri;
    const mixed = (await waitForDiagnostics(uri, has('quote/mixed-style'))).find(d => codeOf(d) === 'quote/mixed-style')!;
    const others = diagnosticsFor(uri).filter(d => codeOf(d) !== 'quote/mixed-style').length;
    const fix = await quickFix(uri, mixed.range, t => t === 'Disable quote/mixed-style for this line', 'the disable-for-this-line action');
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.ok(editor.document.getText().includes('<!-- copydesk-disable-next-line quote/mixed-style -->'), 'the comment is in the article');
    const after = await waitForDiagnostics(uri, hasNot('quote/mixed-style'));
    assert.strictEqual(after.length, others, 'only that rule went quiet');
    await closeTemp(editor);

    // Plain text: the bracket line, typed by hand.
    const harbor = await openTemp('harbor-dredging.txt');
    await waitForDiagnostics(harbor.document.uri, has('quote/wrong-closing-mark'));
    await harbor.edit(b => b.insert(new vscode.Position(0, 0), '[copydesk-disable quote/wrong-closing-mark]\n'));
    const quiet = await waitForDiagnostics(harbor.document.uri, hasNot('quote/wrong-closing-mark'));
    assert.ok(quiet.some(d => codeOf(d) === 'quote/mixed-style'), 'other rules still report');
    await closeTemp(harbor);
  });

  it('"Mark as different people" stops the name mismatch', async () => {
    const editor = await openTemp('harbor-dredging.txt');
    const uri = editor.document.uri;
    const mismatch = (await waitForDiagnostics(uri, has('name/mismatch'))).find(d => codeOf(d) === 'name/mismatch')!;
    const fix = await quickFix(uri, mismatch.range, t => /^Mark “.+” and “.+” as different people in this article$/.test(t), 'the different-people action');
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.ok(/^\[copydesk-different-people \S+ \S+\]\r?\n/.test(editor.document.getText()), editor.document.getText().slice(0, 80));
    await waitForDiagnostics(uri, hasNot('name/mismatch'));
    await closeTemp(editor);
  });

  describe('settings', () => {
    it('copydesk.rules turns a rule off or changes its severity', async () => {
      const editor = await openFixture('harbor-dredging.txt');
      const uri = editor.document.uri;
      await waitForDiagnostics(uri, has('quote/mixed-style'));
      await withSetting('copydesk.rules', { 'quote/mixed-style': 'off', quote: 'info' }, async () => {
        const ds = await waitForDiagnostics(uri, ds => hasNot('quote/mixed-style')(ds) && ds.some(d => codeOf(d) === 'quote/wrong-closing-mark' && d.severity === vscode.DiagnosticSeverity.Information));
        assert.ok(ds.some(d => codeOf(d) === 'name/mismatch' && d.severity === vscode.DiagnosticSeverity.Warning), 'other families keep their default');
      });
      await waitForDiagnostics(uri, has('quote/mixed-style'));
    });

    it('copydesk.quoteStyle "curly" flags straight quotations', async () => {
      const editor = await openFixture('harbor-dredging.txt');
      const uri = editor.document.uri;
      const straight = (ds: vscode.Diagnostic[]) => ds.filter(d => codeOf(d) === 'quote/mixed-style' && editor.document.getText(d.range).startsWith('"'));
      await waitForDiagnostics(uri, ds => straight(ds).length === 0 && has('quote/mixed-style')(ds));
      await withSetting('copydesk.quoteStyle', 'curly', async () => {
        const ds = await waitForDiagnostics(uri, ds => straight(ds).length > 0);
        assert.ok(straight(ds).some(d => editor.document.getText(d.range) === '"I will not let this port die,"'));
      });
    });

    it('copydesk.decorations.enabled false clears the highlights', async () => {
      const editor = await openFixture('harbor-dredging.txt');
      const layers = () => vscode.commands.executeCommand<Record<string, string[]>>('copydesk.debug.decorations', editor.document.uri);
      const count = (l: Record<string, string[]> | undefined) => l ? Object.values(l).reduce((n, r) => n + r.length, 0) : 0;
      await waitForAsync(async () => count(await layers()) > 0, WAIT, 'decorations');
      await withSetting('copydesk.decorations.enabled', false, async () => {
        await waitForAsync(async () => { const l = await layers(); return !!l && count(l) === 0; }, WAIT, 'no decorations');
      });
      await waitForAsync(async () => count(await layers()) > 0, WAIT, 'decorations back');
    });

    it('copydesk.languages without markdown stops checking Markdown', async () => {
      const copy = await api();
      const editor = await openFixture('ministry-budget.md');
      const uri = editor.document.uri;
      await waitForDiagnostics(uri, ds => ds.some(d => d.source === 'copydesk'));
      await withSetting('copydesk.languages', ['plaintext'], async () => {
        await waitForDiagnostics(uri, ds => !ds.some(d => d.source === 'copydesk'));
        await waitFor(() => copy.statusText() === '', 5000, 'status bar hidden');
      });
      await waitForDiagnostics(uri, ds => ds.some(d => d.source === 'copydesk'));
    });

    it('copydesk.maxDocumentSize makes a long article wait for the Analyse command', async () => {
      const copy = await api();
      const editor = await openFixture('harbor-dredging.txt');
      const uri = editor.document.uri;
      await waitForDiagnostics(uri);
      await withSetting('copydesk.maxDocumentSize', 100, async () => {
        await waitForDiagnostics(uri, ds => ds.length === 0);
        await waitFor(() => copy.statusText().includes('too large'), 5000, 'the too-large status');
        await vscode.window.showTextDocument(editor.document);
        await vscode.commands.executeCommand('copydesk.analyseDocument');
        await waitForDiagnostics(uri, has('quote/wrong-closing-mark'));
      });
    });

    it('copydesk.delay holds the analysis back while typing', async () => {
      const editor = await openTemp('harbor-dredging.txt');
      const uri = editor.document.uri;
      const count = (ds: vscode.Diagnostic[]) => ds.filter(d => codeOf(d) === 'quote/wrong-closing-mark').length;
      const n = count(await waitForDiagnostics(uri, has('quote/wrong-closing-mark')));
      await withSetting('copydesk.delay', 2500, async () => {
        await sleep(300);
        await editor.edit(b => b.insert(editor.document.positionAt(editor.document.getText().length), '\n\n“One more thing.“ Then he left.\n'));
        await sleep(1000);
        assert.strictEqual(count(diagnosticsFor(uri)), n, 'not yet analysed one second after typing');
        await waitForDiagnostics(uri, ds => count(ds) === n + 1);
      });
      await closeTemp(editor);
    });

    it('copydesk.directoryFiles adds a people directory', async () => {
      const people = fixtureUri(`tmp-people-${Date.now().toString(36)}.json`);
      temps.push(people);
      await vscode.workspace.fs.writeFile(people, new TextEncoder().encode(JSON.stringify({ people: [{ name: 'Marta Lindquist', titles: ['Bait shop owner'] }] })));
      const editor = await openFixture('harbor-dredging.txt');
      const uri = editor.document.uri;
      await waitForDiagnostics(uri, hasNot('name/directory'));
      await withSetting('copydesk.directoryFiles', [vscode.workspace.asRelativePath(people)], async () => {
        const d = (await waitForDiagnostics(uri, has('name/directory'))).find(x => codeOf(x) === 'name/directory')!;
        assert.strictEqual(editor.document.getText(d.range), 'Lindqvist');
      });
      await waitForDiagnostics(uri, hasNot('name/directory'));
    });
  });

  it('checks every article in the workspace without opening them, and exports a source list', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const uri = await tempCopy('harbor-dredging.txt', 'txt');
    const report = await vscode.commands.executeCommand<{ files: number; problems: number }>('copydesk.checkWorkspace');
    assert.ok(report.files >= 3, `files checked: ${report.files}`);
    const ds = await waitForDiagnostics(uri, has('quote/wrong-closing-mark'));
    assert.ok(!vscode.workspace.textDocuments.some(d => d.uri.toString() === uri.toString() && !d.isClosed) || ds.length > 0, 'diagnostics without an editor');
    assert.ok(!vscode.window.visibleTextEditors.some(e => e.document.uri.toString() === uri.toString()), 'no editor was opened');
    await waitForDiagnostics(fixtureUri('ministry-budget.md'), ds => ds.some(d => d.source === 'copydesk'));
    // A file deleted on disk takes its problems with it.
    await vscode.workspace.fs.delete(uri);
    await waitForDiagnostics(uri, ds => ds.length === 0);

    const editor = await openFixture('harbor-dredging.txt');
    await waitForDiagnostics(editor.document.uri);
    const out = await vscode.commands.executeCommand<vscode.TextDocument>('copydesk.exportSources');
    assert.ok(out, 'a document was opened');
    const md = out.getText();
    assert.strictEqual(out.languageId, 'markdown');
    assert.ok(md.includes('# Sources: harbor-dredging.txt'), md.slice(0, 200));
    const okafor = md.slice(md.indexOf('## Alan Okafor'));
    assert.ok(md.includes('## Alan Okafor') && /- Line 11: "I will not let this port die,"/.test(okafor), okafor.slice(0, 300));
    assert.ok(md.includes('## Figures') && md.includes('- Line 3: $48 million'), 'figures with lines');
    // The list is full of quotations out of context: Copydesk must not flag them.
    await sleep(1000);
    assert.deepStrictEqual(diagnosticsFor(out.uri, 'copydesk').map(codeOf), []);
    await vscode.window.showTextDocument(out);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
