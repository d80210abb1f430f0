// A 100,000-word document in a real editor: typing into it must leave the Problems panel equal to a fresh analysis
// of the final text (nothing stale, nothing lost), and analysis runs off the extension host's thread. The longest
// stall of the host's event loop is measured and printed (speed targets belong to `npm run bench`, not here).
// The text is synthetic news copy made here: no corpus text in the repository.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { copydesk, diagnosticsFor, sleep, waitFor } from './util.js';
import type { Analysis, Finding } from '../../src/core/model.js';

interface Api {
  analysisOf(document: vscode.TextDocument): Analysis | undefined;
  freshAnalysis(text: string, languageId: string, uri?: vscode.Uri): Promise<Analysis>;
  statusText(): string;
}

/** Deterministic news-like copy: officials, quotations (some with wrong marks), attributions and figures. */
export function newsCopy(words: number, seed = 7): string {
  let a = seed;
  const rnd = (n: number): number => { a = (Math.imul(a ^ (a >>> 15), 2654435761) + 0x6d2b79f5) >>> 0; return a % n; };
  const first = ['Maria', 'Tom', 'Dana', 'Samuel', 'Aisha', 'Peter', 'Lucia', 'Hamid', 'Grace', 'Viktor'];
  const last = ['Delgado', 'Okafor', 'Whitfield', 'Brennan', 'Nakamura', 'Osei', 'Lindqvist', 'Haddad', 'Moreau', 'Kowalski'];
  const titles = ['Harbor Commissioner', 'Finance Minister', 'Mayor', 'Senator', 'spokesperson', 'Police Chief'];
  const cues = ['said', 'told reporters', 'added', 'said on Tuesday', 'wrote in a statement'];
  const things = ['the budget', 'the dredging contract', 'the new clinic', 'the port expansion', 'the rail line', 'the school plan'];
  const pick = <T>(xs: T[]): T => xs[rnd(xs.length)];
  const person = (): string => `${pick(first)} ${pick(last)}`;
  const sentences: Array<() => string> = [
    () => `${pick(titles)} ${person()} said ${pick(things)} would cost $${1 + rnd(90)}.${rnd(10)} million over ${2 + rnd(9)} years.`,
    () => `"We cannot wait any longer for ${pick(things)}," ${pick(last)} ${pick(cues)}.`,
    () => `“This is the ${pick(['last', 'best', 'only'])} chance we have,” ${pick(cues)} ${person()}, who chairs the ${pick(['finance', 'harbor', 'health'])} committee.`,
    () => `According to the ministry, ${1000 + rnd(9000)} jobs depend on ${pick(things)}, about ${1 + rnd(40)} percent of the workforce.`,
    () => `${pick(last)} said the figure was "plainly wrong" and that ${pick(things)} had been delayed by ${2 + rnd(20)} months.`,
    () => `The council voted ${5 + rnd(4)} to ${rnd(5)} on ${pick(['Monday', 'Wednesday', 'Friday'])} to approve ${pick(things)}.`,
    () => `Unemployment rose to ${3 + rnd(8)} percent in ${pick(['March', 'May', 'October'])}, up from ${2 + rnd(4)} percent a year earlier.`,
    () => `"It is a mess.“ ${pick(last)} said, adding that nobody had read ${pick(things)}.`,
  ];
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const n = 1 + rnd(4);
    const p: string[] = [];
    for (let i = 0; i < n; i++) { p.push(pick(sentences)()); }
    const para = p.join(' ');
    count += para.split(/\s+/).length;
    paragraphs.push(para);
  }
  return paragraphs.join('\n\n') + '\n';
}

const key = (f: Finding): string => `${f.start}-${f.end} ${f.rule} ${f.severity} ${f.message}`;

/** The first difference between two lists of findings, or '' when they are equal (readable, unlike a 10,000-line diff). */
function firstDifference(actual: Finding[], expected: Finding[]): string {
  for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
    const a = actual[i], e = expected[i];
    if (!a || !e || JSON.stringify(a) !== JSON.stringify(e)) {
      return `finding ${i} of ${actual.length} (expected ${expected.length}): ${a ? key(a) : 'none'} vs ${e ? key(e) : 'none'}`;
    }
  }
  return '';
}

/** The longest gap between ticks of a 10 ms timer in this thread, the extension host's: how long it was blocked. */
function eventLoopProbe(): { stop(): number } {
  let last = Date.now();
  let max = 0;
  const timer = setInterval(() => { const now = Date.now(); max = Math.max(max, now - last - 10); last = now; }, 10);
  return { stop: () => { clearInterval(timer); return max; } };
}

describe('a 100,000-word document', function () {
  this.timeout(15 * 60 * 1000);
  let api: Api;
  before(async () => { api = await copydesk().activate() as Api; });

  it('shows, after typing, exactly what a fresh analysis of the final text finds; analysis never runs on the host thread', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: newsCopy(100_000) });
    const editor = await vscode.window.showTextDocument(doc);
    const probe = eventLoopProbe();
    const opened = Date.now();
    const first = await waitFor(() => api.analysisOf(doc), 10 * 60 * 1000, 'the first analysis');
    const firstMs = Date.now() - opened;
    assert.ok(first.diagnostics.length > 100, `a long article with many quote-mark problems (got ${first.diagnostics.length})`);
    // Type: bursts faster than the debounce delay, pauses longer than it (so that analyses start mid-typing and come
    // back stale), inserts and deletes near the start (moving every later paragraph) and in the middle.
    const middle = doc.positionAt(Math.floor(doc.getText().length / 2));
    const typing = Date.now();
    const edits: Array<(b: vscode.TextEditorEdit) => void> = [
      b => b.insert(new vscode.Position(0, 0), 'BREAKING: '),
      b => b.insert(middle, ' "An unclosed quotation, the mayor said.'),
      b => b.insert(new vscode.Position(2, 0), '“The harbor is silting up,” Delgado said.\n\n'),
      b => b.delete(new vscode.Range(0, 0, 0, 10)),
      b => b.insert(middle, ' More text'),
      b => b.insert(new vscode.Position(4, 0), 'The council voted 7 to 2.\n\n'),
      b => b.replace(new vscode.Range(middle, middle.translate(0, 5)), 'Okafor'),
      b => b.insert(doc.lineAt(doc.lineCount - 1).range.end, '\n\n"The last word," Okafor said.'),
    ];
    for (const [i, edit] of edits.entries()) {
      assert.ok(await editor.edit(edit), `edit ${i} applied`);
      await sleep(i % 3 === 2 ? 700 : 80);
    }
    const finalVersion = doc.version;
    const final = await waitFor(() => api.analysisOf(doc), 10 * 60 * 1000, 'the analysis of the final version');
    const settleMs = Date.now() - typing;
    assert.strictEqual(doc.version, finalVersion);
    const fresh = await api.freshAnalysis(doc.getText(), 'plaintext', doc.uri);
    assert.strictEqual(firstDifference(final.diagnostics, fresh.diagnostics), '', 'the editor\'s analysis equals a fresh one');
    assert.deepStrictEqual(final.quotes, fresh.quotes);
    assert.deepStrictEqual(final.figures, fresh.figures);
    assert.ok(final.diagnostics.some(f => f.rule === 'quote/unclosed' && doc.getText().slice(f.start, f.start + 14) === '"An unclosed q'),
      'the quotation typed in the middle is reported as unclosed');
    // What the Problems panel holds (it reaches the workbench asynchronously): the same ranges and rules.
    const want = fresh.diagnostics.map(f => `${f.start}-${f.end} ${f.rule}`).join('\n');
    await waitFor(() => diagnosticsFor(doc.uri, 'copydesk').map(d => {
      const code = typeof d.code === 'object' ? d.code.value : d.code;
      return `${doc.offsetAt(d.range.start)}-${doc.offsetAt(d.range.end)} ${code}`;
    }).sort(byOffset).join('\n') === [...want.split('\n')].sort(byOffset).join('\n'), 60000, 'the Problems panel to show the fresh analysis');
    const maxGap = probe.stop();
    console.log(`      large document: ${doc.getText().split(/\s+/).length} words, first analysis ${firstMs} ms, settled ${settleMs} ms after typing began, ` +
      `${final.diagnostics.length} problems; longest extension-host event-loop stall ${maxGap} ms`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('analyses a document over copydesk.maxDocumentSize only on request, and says so in the status bar', async () => {
    const config = vscode.workspace.getConfiguration('copydesk');
    await config.update('maxDocumentSize', 2000, vscode.ConfigurationTarget.Global);
    try {
      const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: newsCopy(1000, 3) });
      await vscode.window.showTextDocument(doc);
      assert.ok(doc.getText().length > 2000);
      await waitFor(() => api.statusText().includes('too large'), 30000, 'the status bar to say the document is too large');
      await sleep(1000);
      assert.strictEqual(api.analysisOf(doc), undefined, 'not analysed while over the limit');
      assert.strictEqual(diagnosticsFor(doc.uri, 'copydesk').length, 0, 'no problems shown while over the limit');
      await vscode.commands.executeCommand('copydesk.analyseDocument');
      const analysis = await waitFor(() => api.analysisOf(doc), 60000, 'the analysis on request');
      assert.ok(analysis.diagnostics.length > 0);
      await waitFor(() => diagnosticsFor(doc.uri, 'copydesk').length === analysis.diagnostics.length, 30000, 'the problems on request');
      assert.ok(!api.statusText().includes('too large'), `the status bar shows the analysis (${api.statusText()})`);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await config.update('maxDocumentSize', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});

function byOffset(a: string, b: string): number {
  return parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b);
}
