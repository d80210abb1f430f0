// Never lose an edit, never show a stale problem: hundreds of rapid edits (typing one character at a time, pasting
// paragraphs, deleting, undo and redo) without waiting for analysis in between, then the Problems panel must show
// exactly what a fresh analysis of the final text finds, and the extension must have logged no error.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CopydeskApi } from '../../src/extension/extension.js';
import { copydesk, diagnosticsFor, openFixture, revertAndClose, waitFor, waitForDiagnostics } from './util.js';

const ruleOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);

/**
 * Runs commands in bursts: each burst is sent without waiting for the one before to finish, the way keystrokes
 * arrive from a fast typist (and a round trip per keystroke would make the test minutes long). Returns the count.
 */
async function burst(commands: Array<[string, ...unknown[]]>, size = 12): Promise<number> {
  for (let i = 0; i < commands.length; i += size) {
    await Promise.all(commands.slice(i, i + size).map(([id, ...args]) => vscode.commands.executeCommand(id, ...args)));
  }
  return commands.length;
}

async function api(): Promise<CopydeskApi> {
  const exports = await copydesk().activate() as CopydeskApi;
  assert.ok(exports && typeof exports.freshAnalysis === 'function' && typeof exports.errors === 'function', 'the extension API has freshAnalysis and errors');
  return exports;
}

/** What the Problems panel shows for `document`, as comparable lines (offsets, rule, severity, message). */
function shown(document: vscode.TextDocument): string[] {
  return diagnosticsFor(document.uri, 'copydesk').map(d =>
    `${document.offsetAt(d.range.start)}-${document.offsetAt(d.range.end)} ${ruleOf(d)} ${vscode.DiagnosticSeverity[d.severity]} ${d.message}`).sort();
}

async function expected(copy: CopydeskApi, document: vscode.TextDocument): Promise<string[]> {
  const SEVERITY = { error: 'Error', warning: 'Warning', info: 'Information' } as const;
  const fresh = await copy.freshAnalysis(document.getText(), document.languageId, document.uri);
  return fresh.diagnostics.map(f => `${f.start}-${f.end} ${f.rule} ${SEVERITY[f.severity]} ${f.message}`).sort();
}

/** Waits until the panel matches a fresh analysis of the document as it is now; on timeout, shows the difference. */
async function settlesOnFreshAnalysis(copy: CopydeskApi, document: vscode.TextDocument): Promise<string[]> {
  // One fresh analysis per version of the text: the engine runs requests one at a time, so asking on every poll
  // would queue work in front of the editor's own analysis.
  const want = await expected(copy, document);
  const version = document.version;
  let got: string[] = [];
  try {
    await waitFor(() => {
      // Only a current analysis counts: diagnostics of an older version could match by chance.
      if (!copy.analysisOf(document)) { return false; }
      got = shown(document);
      return got.join('\n') === want.join('\n');
    }, 30000, 'the Problems panel to match a fresh analysis');
  } catch {
    assert.strictEqual(document.version, version, 'the document changed while waiting');
    assert.deepStrictEqual(shown(document), want, 'Problems panel (actual) vs a fresh analysis of the final text (expected)');
  }
  return got;
}

const PARAGRAPH = '\n\nHarbor Commissioner Tomasz Wierzbiki said the plan "would pay for itself within 12 years.“ '
  + 'Councilmember Rosa Delgado disagreed. ”It will not," she said.\n';

describe('robustness: rapid edits in a real editor', function () {
  // Hundreds of round trips to the workbench: the time goes to the editor, not to Copydesk.
  this.timeout(300000);

  it('after 300+ rapid edits with undo and redo, the Problems panel equals a fresh analysis and nothing threw', async () => {
    const copy = await api();
    const errorsBefore = copy.errors().length;
    const editor = await openFixture('harbor-dredging.txt');
    const document = editor.document;
    try {
      await waitForDiagnostics(document.uri, d => d.length > 0, 15000, 'copydesk');
      const original = document.getText();
      let edits = 0;

      // 1. Type a paragraph one character at a time at the end of the article, as a person would.
      const end = document.lineAt(document.lineCount - 1).range.end;
      editor.selection = new vscode.Selection(end, end);
      edits += await burst([...PARAGRAPH].map(ch => ['type', { text: ch }]));
      assert.ok(document.getText().endsWith(PARAGRAPH), 'every typed character arrived, in order');

      // 2. Paste paragraphs in the middle, at the start, and over a selection (replacing text).
      for (let i = 0; i < 40; i++) {
        const line = (i * 7) % document.lineCount;
        const at = new vscode.Position(line, 0);
        const paste = i % 3 === 0 ? PARAGRAPH.trim() + '\n' : i % 3 === 1 ? `"Paste ${i},“ the mayor said.\n` : `${i}% of 1,200 jobs, Okafor said. 'Single ${i}.'\n`;
        if (i % 4 === 3) {
          const range = document.lineAt(line).range;
          await editor.edit(b => b.replace(range, paste.trimEnd()));
        } else {
          await editor.edit(b => b.insert(at, paste));
        }
        edits++;
      }

      // 3. Delete characters and words backwards from the middle of a quotation.
      const quote = document.getText().indexOf('Ships are already');
      const pos = document.positionAt(quote + 10);
      editor.selection = new vscode.Selection(pos, pos);
      edits += await burst(Array.from({ length: 60 }, (_, i) => [i % 5 === 0 ? 'deleteWordLeft' : 'deleteLeft']));

      // 4. Undo most of it, redo some, and type over the result.
      edits += await burst(Array.from({ length: 80 }, () => ['undo']));
      edits += await burst(Array.from({ length: 30 }, () => ['redo']));
      const typed = ' "Typed after redo,“ he said.';
      edits += await burst([...typed].map(ch => ['type', { text: ch }]));
      assert.ok(document.getText().includes(typed), 'the last burst of typing arrived, in order');

      assert.ok(edits >= 300, `${edits} edits`);
      assert.notStrictEqual(document.getText(), original, 'the document changed');
      assert.ok(document.isDirty);

      const got = await settlesOnFreshAnalysis(copy, document);
      assert.ok(got.length > 0, 'the edited article has problems (the typed paragraph has a wrong closing mark)');
      assert.ok(got.some(l => / quote\/wrong-closing-mark /.test(l)), got.join('\n'));
      assert.deepStrictEqual(copy.errors().slice(errorsBefore), [], 'analysis threw during the edits');
    } finally {
      await revertAndClose(editor);
    }
  });

  it('returns to the original problems after undoing every edit', async () => {
    const copy = await api();
    const editor = await openFixture('ministry-budget.md');
    const document = editor.document;
    try {
      const before = await settlesOnFreshAnalysis(copy, document);
      assert.ok(before.length > 0, 'the Markdown sample has problems');
      const original = document.getText();
      for (let i = 0; i < 50; i++) {
        const at = document.positionAt((i * 97) % document.getText().length);
        await editor.edit(b => b.insert(at, i % 2 ? '“' : '**"x"** '));
      }
      while (document.getText() !== original) {
        const version = document.version;
        await vscode.commands.executeCommand('undo');
        if (document.version === version) { break; }
      }
      assert.strictEqual(document.getText(), original, 'undo restored the text');
      const after = await settlesOnFreshAnalysis(copy, document);
      assert.deepStrictEqual(after, before);
      assert.deepStrictEqual(copy.errors(), []);
    } finally {
      await revertAndClose(editor);
    }
  });

  it('clears the problems of a document closed while its analysis is pending, without an error', async () => {
    const copy = await api();
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '"Closed too soon,“ the mayor said.\n' });
    const editor = await vscode.window.showTextDocument(doc);
    await waitForDiagnostics(doc.uri, d => d.some(x => ruleOf(x) === 'quote/wrong-closing-mark'), 15000, 'copydesk');
    await editor.edit(b => b.insert(new vscode.Position(0, 0), '"Another,“ she said. '));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor(() => diagnosticsFor(doc.uri, 'copydesk').length === 0, 15000, 'the closed document\'s problems to go');
    // A new untitled document may get the closed one's URI (Untitled-1 again): it must still be analysed.
    const next = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '"Opened right after,“ she said.\n' });
    await vscode.window.showTextDocument(next);
    try {
      await waitForDiagnostics(next.uri, d => d.some(x => ruleOf(x) === 'quote/wrong-closing-mark'), 15000, 'copydesk');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    assert.deepStrictEqual(copy.errors(), []);
  });
});
