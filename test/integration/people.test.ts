// People in a real editor: hover cards on officials, the name-mismatch quick fix applied to the document, and the
// people directory (.copydesk/people.json) read, reported near misses, and edited by the "add alias" quick fix.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { fixtureUri, openFixture, waitFor, waitForAsync, waitForDiagnostics } from './util.js';

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

async function hoverText(uri: vscode.Uri, position: vscode.Position, until: (s: string) => boolean): Promise<{ text: string; hovers: vscode.Hover[] }> {
  return waitForAsync(async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
    // appendText escapes what it is given: undo the escaping to read the words a user sees.
    const text = hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : c.value))).join('\n')
      .replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!<>])/g, '$1');
    return until(text) ? { text, hovers } : undefined;
  }, 20000, 'hover card');
}

/** A scratch newsroom folder inside the workspace: an article and its people directory. Removed afterwards. */
async function scratchDesk(article: string, people: string | undefined): Promise<{ dir: vscode.Uri; article: vscode.Uri; people: vscode.Uri }> {
  const dir = fixtureUri(`tmp-desk-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`);
  const peopleUri = vscode.Uri.joinPath(dir, '.copydesk', 'people.json');
  if (people !== undefined) { await vscode.workspace.fs.writeFile(peopleUri, enc(people)); }
  const articleUri = vscode.Uri.joinPath(dir, 'story.txt');
  await vscode.workspace.fs.writeFile(articleUri, enc(article));
  return { dir, article: articleUri, people: peopleUri };
}

describe('people in a real editor', () => {
  it('shows a hover card on an official: name, titles, mentions with lines, what they are quoted as saying', async () => {
    const editor = await openFixture('harbor-dredging.txt');
    const doc = editor.document;
    const at = doc.positionAt(doc.getText().lastIndexOf('Wierzbicki told') + 3);
    const { text, hovers } = await hoverText(doc.uri, at, t => t.includes('Tomasz Wierzbicki'));
    assert.ok(/Harbor Commissioner/.test(text), text);
    assert.match(text, /Mentioned \d+ times, on lines [\d, ]+/);
    assert.ok(text.includes('Ships are already turning away'), 'the card lists his quotation');
    const md = hovers[0].contents[0] as vscode.MarkdownString;
    assert.ok(!md.isTrusted && !md.supportHtml, 'the card is untrusted and renders no HTML');
  });

  it('flags the misspelled minister in the Markdown article, and the quick fix restores the spelling', async () => {
    const source = fixtureUri('ministry-budget.md');
    const copy = fixtureUri(`tmp-ministry-${Date.now().toString(36)}.md`);
    await vscode.workspace.fs.copy(source, copy);
    try {
      const doc = await vscode.workspace.openTextDocument(copy);
      await vscode.window.showTextDocument(doc);
      const d = (await waitForDiagnostics(doc.uri, ds => ds.some(x => codeOf(x) === 'name/mismatch'))).find(x => codeOf(x) === 'name/mismatch')!;
      assert.strictEqual(doc.getText(d.range), 'Sarinen');
      assert.ok(d.message.includes('Saarinen'));
      assert.ok(d.relatedInformation && d.relatedInformation.length > 0, 'related information points at the other spelling');
      const fix = await waitForAsync(async () => (await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value)).find(a => a.title === 'Replace “Sarinen” with “Saarinen”'), 15000, 'the name fix');
      assert.ok(await vscode.workspace.applyEdit(fix.edit!));
      assert.ok(doc.getText().includes('Minister Ingrid Saarinen later clarified'));
      assert.ok(!doc.getText().includes('Sarinen'));
      await waitFor(() => !vscode.languages.getDiagnostics(doc.uri).some(x => codeOf(x) === 'name/mismatch'), 15000, 'the mismatch to clear');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await vscode.workspace.fs.delete(copy);
    }
  });

  it('reads the people directory: a near miss is flagged, the card shows the entry, and "add alias" edits the file', async () => {
    const directory = JSON.stringify({ people: [{ name: 'Sabrina Singh', titles: ['Pentagon deputy press secretary'], organization: 'U.S. Department of Defense', description: 'Briefs reporters on operations.', url: 'https://example.org/singh' }] }, null, 2);
    const article = 'Pentagon spokesperson Sabrina Singh told reporters on Tuesday that the exercise would go ahead.\n\n"We are ready," Sabrina Sign said.\n';
    const desk = await scratchDesk(article, directory);
    try {
      const doc = await vscode.workspace.openTextDocument(desk.article);
      await vscode.window.showTextDocument(doc);
      const d = (await waitForDiagnostics(doc.uri, ds => ds.some(x => codeOf(x) === 'name/directory'), 20000)).find(x => codeOf(x) === 'name/directory')!;
      assert.strictEqual(doc.getText(d.range), 'Sign');
      assert.ok(d.message.includes('Sabrina Singh'), d.message);
      const { text } = await hoverText(doc.uri, doc.positionAt(doc.getText().indexOf('Sabrina Singh') + 2), t => t.includes('People directory'));
      assert.ok(text.includes('U.S. Department of Defense') && text.includes('Briefs reporters on operations.'), text);
      const misspelled = await hoverText(doc.uri, doc.positionAt(doc.getText().indexOf('Sabrina Sign') + 2), t => t.includes('People directory'));
      assert.ok(misspelled.text.includes('no entry spelled “Sabrina Sign”') && misspelled.text.includes('Sabrina Singh'), misspelled.text);
      const add = await waitForAsync(async () => (await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value)).find(a => a.title === 'Add “Sabrina Sign” to the people directory as a spelling of Sabrina Singh'), 15000, 'the add-alias action');
      assert.ok(add.command);
      assert.strictEqual(await vscode.commands.executeCommand(add.command!.command, ...(add.command!.arguments ?? [])), true);
      const saved = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(desk.people)));
      assert.deepStrictEqual(saved.people[0].aliases, ['Sabrina Sign']);
      assert.strictEqual(saved.people[0].organization, 'U.S. Department of Defense', 'the rest of the entry is kept');
      await waitFor(() => !vscode.languages.getDiagnostics(doc.uri).some(x => codeOf(x) === 'name/directory'), 20000, 'the near miss to clear once the spelling is an alias');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await vscode.workspace.fs.delete(desk.dir, { recursive: true });
    }
  });

  it('reports a malformed directory once, by file, and keeps checking', async () => {
    const desk = await scratchDesk('"We are ready," the mayor said. "Unclosed at the end.\n', '{ "people": [ { "name": 42 } ');
    try {
      const doc = await vscode.workspace.openTextDocument(desk.article);
      await vscode.window.showTextDocument(doc);
      const diags = await waitForDiagnostics(doc.uri, ds => ds.some(x => codeOf(x) === 'quote/unclosed'), 20000);
      assert.ok(diags.length >= 1, 'the article is still checked');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await vscode.workspace.fs.delete(desk.dir, { recursive: true });
    }
  });
});
