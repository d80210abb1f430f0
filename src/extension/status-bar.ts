// The status bar item: the active article at a glance (quotations, how many are attributed, problems). A click opens
// the Sources view, where the editor goes next to check who said what.
import * as vscode from 'vscode';
import type { Analyser } from './analyser.js';
import { sourcesOf } from './sources-view.js';
import { hostTime } from './host-time.js';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('copydesk.status', vscode.StatusBarAlignment.Right, 100);

  constructor(private readonly analyser: Analyser) {
    this.item.name = 'Copydesk';
  }

  /** What the item shows now ('' when hidden): the integration tests read it. */
  get text(): string { return this.visible ? this.item.text : ''; }
  private visible = false;

  update(document: vscode.TextDocument | undefined): void { hostTime.section('status', () => this.doUpdate(document)); }

  private doUpdate(document: vscode.TextDocument | undefined): void {
    if (!document || !this.analyser.wants(document)) { this.hide(); return; }
    if (this.analyser.isTooLarge(document)) {
      this.item.text = '$(book) Copydesk: too large';
      this.item.tooltip = 'This document is over copydesk.maxDocumentSize. Click to analyse it anyway.';
      this.item.command = 'copydesk.analyseDocument';
      this.item.accessibilityInformation = { label: 'Copydesk: document too large to check while typing; activate to analyse it' };
      this.show();
      return;
    }
    const analysis = this.analyser.get(document);
    // Typing makes the analysis stale for a moment: keep the last numbers rather than flicker.
    if (!analysis) { return; }
    const list = sourcesOf(analysis);
    const problems = analysis.diagnostics.length;
    const { quotations, attributedQuotations: attributed } = list;
    this.item.text = `$(quote) ${attributed}/${quotations} attributed ${problems ? `$(warning) ${problems}` : '$(check) 0'}`;
    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendMarkdown(`**Copydesk**\n\n`);
    tip.appendMarkdown(`$(quote) ${quotations} quotation${quotations === 1 ? '' : 's'}, ${attributed} attributed\n\n`);
    tip.appendMarkdown(`$(person) ${list.people.length} ${list.people.length === 1 ? 'person' : 'people'} · $(symbol-number) ${list.figures.length} figure${list.figures.length === 1 ? '' : 's'}\n\n`);
    tip.appendMarkdown(`$(warning) ${problems} problem${problems === 1 ? '' : 's'}\n\n`);
    tip.appendMarkdown('Click to show the sources');
    this.item.tooltip = tip;
    this.item.accessibilityInformation = { label: `Copydesk: ${attributed} of ${quotations} quotations attributed, ${problems} problems. Activate to show the sources.` };
    this.item.command = 'copydesk.showSources';
    this.show();
  }

  private show(): void { this.visible = true; this.item.show(); }
  private hide(): void { this.visible = false; this.item.hide(); }

  dispose(): void { this.item.dispose(); }
}
