// Hover cards are built from the article's own text, and an article can contain anything: Markdown links to
// `command:` URIs (which a trusted hover would run on click), raw HTML, images that would fetch on render. In a real
// VS Code, every Copydesk hover must show them as inert text: untrusted, no HTML, every link escaped.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { copydesk, waitForAsync } from './util.js';

const HOSTILE = [
  'Councilmember Rosa Delgado, who chairs the [finance](command:workbench.action.files.delete) committee, spoke on Tuesday.',
  '"Click [here](command:copydesk.fixAll?%5B%5D) or <img src=x onerror=alert(1)> <a href=command:workbench.action.terminal.new>run</a>'
    + ' ![pixel](https://tracker.example/p.png) [js](javascript:alert(1)) [f](file:///etc/passwd)," Delgado said.',
  '',
].join('\n\n');

/** A Markdown link or image whose target is live: `[text](target)` with none of its brackets escaped. */
const LIVE_LINK = /(?<!\\)\]\s*\(\s*(command|javascript|file|data|vbscript|https?):/i;
/** Raw HTML tags that a renderer with supportHtml would render. */
const LIVE_HTML = /(?<!\\)<\s*(img|a|script|iframe|svg|style)\b/i;

async function hoverAt(document: vscode.TextDocument, offset: number): Promise<vscode.MarkdownString[]> {
  return waitForAsync(async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset));
    const ours = (hovers ?? []).flatMap(h => h.contents)
      .filter((c): c is vscode.MarkdownString => typeof c === 'object' && 'value' in c && /Mentioned|Quoted|credited|Quotation|Scare/.test(c.value));
    return ours.length ? ours : undefined;
  }, 15000, `a Copydesk hover at ${offset}`);
}

function assertInert(md: vscode.MarkdownString, where: string): void {
  assert.ok(!md.isTrusted, `${where}: the hover is trusted (command links would run): ${md.value}`);
  assert.ok(!md.supportHtml, `${where}: the hover renders HTML: ${md.value}`);
  assert.ok(!LIVE_LINK.test(md.value), `${where}: a live link in ${JSON.stringify(md.value)}`);
  assert.ok(!LIVE_HTML.test(md.value), `${where}: live HTML in ${JSON.stringify(md.value)}`);
}

describe('security: hovers show document text as inert text', () => {
  it('the checks can fail: they see a live command link and raw HTML', () => {
    assert.ok(LIVE_LINK.test('[here](command:copydesk.fixAll)') && LIVE_LINK.test('![p](https://t.example/p.png)'));
    assert.ok(!LIVE_LINK.test('\\[here\\]\\(command:copydesk.fixAll\\)'));
    assert.ok(LIVE_HTML.test('<img src=x>') && !LIVE_HTML.test('\\<img src=x>'));
  });

  it('escapes links, command URIs, images and HTML from the article in the person card and the quotation card', async () => {
    await copydesk().activate();
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: HOSTILE });
    await vscode.window.showTextDocument(document);
    try {
      const text = document.getText();
      const person = await hoverAt(document, text.indexOf('Delgado said') + 2);
      for (const md of person) { assertInert(md, 'person card'); }
      const all = person.map(m => m.value).join('\n');
      // The hostile words did reach the card (as text): otherwise the checks above would prove nothing.
      assert.ok(/onerror/.test(all) && /command:copydesk\.fixAll/.test(all), `the quotation is shown in the person card: ${all}`);

      const quote = await hoverAt(document, text.indexOf('Click') + 1);
      for (const md of quote) { assertInert(md, 'quotation card'); }
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('keeps Problems panel messages plain text (a Diagnostic message is never rendered as Markdown)', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '"[x](command:workbench.action.files.delete) is never closed, she said.\n' });
    await vscode.window.showTextDocument(document);
    try {
      const diags = await waitForAsync(async () => {
        const d = vscode.languages.getDiagnostics(document.uri).filter(x => x.source === 'copydesk');
        return d.length ? d : undefined;
      }, 15000, 'diagnostics');
      for (const d of diags) { assert.strictEqual(typeof d.message, 'string', 'message is a plain string, not a MarkdownString'); }
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});

describe('security: workspace trust and virtual workspaces are declared honestly', () => {
  it('supports untrusted workspaces in a limited way, restricting copydesk.directoryFiles', () => {
    const pkg = copydesk().packageJSON as {
      capabilities?: { untrustedWorkspaces?: { supported: unknown; restrictedConfigurations?: string[]; description?: string }; virtualWorkspaces?: unknown };
      contributes: { configuration: { properties: Record<string, { scope?: string }> } };
    };
    const untrusted = pkg.capabilities?.untrustedWorkspaces;
    assert.ok(untrusted, 'capabilities.untrustedWorkspaces is declared');
    assert.strictEqual(untrusted.supported, 'limited');
    assert.deepStrictEqual(untrusted.restrictedConfigurations, ['copydesk.directoryFiles']);
    assert.ok(untrusted.description && /directoryFiles/.test(untrusted.description));
    // Only settings that name files to read are restricted; a restricted setting that did not exist would protect nothing.
    for (const key of untrusted.restrictedConfigurations!) { assert.ok(pkg.contributes.configuration.properties[key], `${key} is a real setting`); }
    assert.strictEqual(pkg.capabilities?.virtualWorkspaces, true);
  });
});
