// What a user sees in a real VS Code: problems in the Problems panel, hovers, quick fixes applied to the
// document, decorations on the editor. Runs inside code-server (scripts/run-integration-tests.mjs).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { openFixture, revertAndClose, waitFor, waitForAsync, waitForDiagnostics, diagnosticsFor } from './util.js';

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);

async function codeActions(uri: vscode.Uri, range: vscode.Range, title: (t: string) => boolean): Promise<vscode.CodeAction> {
  // The workbench builds the code-action context from its own copy of the markers, which arrives later than
  // the extension host's: poll until the fix is offered.
  return waitForAsync(async () => (await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value)).find(a => title(a.title)), 15000, 'quick fix');
}

describe('Copydesk in a real editor', () => {
  it('lists the quote-mark errors of the harbor article in the Problems panel, linked to the rule docs', async () => {
    const editor = await openFixture('harbor-dredging.txt');
    const diags = await waitForDiagnostics(editor.document.uri, d => d.some(x => codeOf(x) === 'quote/wrong-closing-mark'));
    const wrong = diags.find(d => codeOf(d) === 'quote/wrong-closing-mark')!;
    assert.strictEqual(wrong.source, 'copydesk');
    assert.strictEqual(wrong.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(editor.document.getText(wrong.range), '“');
    assert.ok(editor.document.lineAt(wrong.range.start.line).text.includes('another contract.“'));
    assert.ok(typeof wrong.code === 'object' && /docs\/rules\/quote\/wrong-closing-mark\.md$/.test(String(wrong.code.target)));
    const mixed = diags.filter(d => codeOf(d) === 'quote/mixed-style');
    assert.ok(mixed.length >= 1, 'mixed quote styles reported');
    assert.ok(mixed.every(d => editor.document.getText(d.range).startsWith('“')), 'reported on the curly (minority) quotations');
  });

  it('repairs the wrong closing mark with its quick fix, and the problem goes away', async () => {
    const editor = await openFixture('harbor-dredging.txt');
    const uri = editor.document.uri;
    const wrong = (await waitForDiagnostics(uri, d => d.some(x => codeOf(x) === 'quote/wrong-closing-mark'))).find(d => codeOf(d) === 'quote/wrong-closing-mark')!;
    const fix = await codeActions(uri, wrong.range, t => t === 'Replace ““” with “””');
    assert.ok(fix.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.ok(editor.document.getText().includes('another contract.”'), 'the closing mark is now ”');
    await waitFor(() => !diagnosticsFor(uri).some(d => codeOf(d) === 'quote/wrong-closing-mark'), 15000, 'the problem to clear');
    await revertAndClose(editor);
  });

  it('highlights quotations and figures with decorations', async () => {
    const editor = await openFixture('harbor-dredging.txt');
    const layers = await waitForAsync(async () => {
      const l = await vscode.commands.executeCommand<Record<string, string[]>>('copydesk.debug.decorations', editor.document.uri);
      return l && l.quote.length + l.unattributedQuote.length > 0 ? l : undefined;
    }, 15000, 'decorations');
    const quotes = [...layers.quote, ...layers.unattributedQuote];
    assert.ok(quotes.includes('"I will not let this port die,"'), `quotations decorated: ${JSON.stringify(quotes)}`);
  });

  it('shows the harbor article’s contradictions with both places linked', async () => {
    const editor = await openFixture('harbor-dredging.txt');
    const doc = editor.document;
    const diags = await waitForDiagnostics(doc.uri, d => d.some(x => codeOf(x) === 'conflict/figure') && d.some(x => codeOf(x) === 'conflict/statement'));
    const figure = diags.find(d => codeOf(d) === 'conflict/figure')!;
    assert.strictEqual(doc.getText(figure.range).replace(/\s+/g, ' ').startsWith('900'), true, doc.getText(figure.range));
    assert.ok(figure.message.includes('1,200') && figure.message.includes('900'), figure.message);
    const other = figure.relatedInformation?.[0];
    assert.ok(other, 'related information points at the other figure');
    assert.strictEqual(other!.location.uri.toString(), doc.uri.toString());
    assert.ok(doc.getText(other!.location.range).includes('1,200'));
    assert.ok(other!.location.range.start.line < figure.range.start.line, 'the diagnostic sits on the later sentence');
    const statement = diags.find(d => codeOf(d) === 'conflict/statement')!;
    assert.ok(statement.relatedInformation?.length, 'statement conflict links the other sentence');
  });
});
