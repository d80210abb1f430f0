// The Sources view: the active article's people, each with their titles and what is credited to them, then other
// sources, unattributed quotations and figures. It follows the active editor, refreshes as the analysis does (while
// the user types), and selecting an entry selects its words in the editor.
import * as vscode from 'vscode';
import type { Analysis, Attribution, Figure, Person, Quote } from '../core/model.js';
import { attributionStart, sourceList, type SourceList } from '../core/sources.js';
import type { Analyser } from './analyser.js';
import { hostTime } from './host-time.js';

/** The file name of a uri (no `path` module: this also runs in the browser). */
export const basename = (uri: vscode.Uri): string => uri.path.slice(uri.path.lastIndexOf('/') + 1);

/** The source list of an analysis, made once (the status bar and the view both read it; it sorts every attribution). */
const lists = new WeakMap<Analysis, SourceList>();
export function sourcesOf(analysis: Analysis): SourceList {
  let list = lists.get(analysis);
  if (!list) { list = sourceList(analysis); lists.set(analysis, list); }
  return list;
}

export const VIEW_ID = 'copydesk.sources';
export const REVEAL_COMMAND = 'copydesk.revealRange';

export type SourceNode =
  | { kind: 'person'; person: Person; attributions: Attribution[] }
  | { kind: 'title'; person: Person; title: string; start: number; end: number }
  | { kind: 'attribution'; attribution: Attribution; parent: SourceNode }
  | { kind: 'group'; group: 'others' | 'unattributed' | 'figures'; label: string; children: SourceNode[] }
  | { kind: 'other'; name: string; attributions: Attribution[] }
  | { kind: 'quote'; quote: Quote; parent: SourceNode }
  | { kind: 'figure'; figure: Figure; parent: SourceNode };

const flat = (s: string, max = 80): string => {
  const f = s.replace(/\s+/g, ' ').trim();
  return f.length > max ? f.slice(0, max - 1) + '…' : f;
};

export class SourcesView implements vscode.TreeDataProvider<SourceNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SourceNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<SourceNode>;
  private document: vscode.TextDocument | undefined;
  private roots: SourceNode[] = [];
  /** The document `roots` were built from. */
  private shown: vscode.TextDocument | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly analyser: Analyser) {
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view, this.changed,
      vscode.window.onDidChangeActiveTextEditor(e => this.follow(e?.document)),
      vscode.workspace.onDidCloseTextDocument(d => { if (d === this.document) { this.follow(undefined); } }),
      analyser.onDidAnalyse(({ document }) => { if (document === this.document || !this.document && document === vscode.window.activeTextEditor?.document) { this.follow(document); } }),
      analyser.onDidClear(uri => { if (this.document?.uri.toString() === uri.toString()) { this.rebuild(); } }),
    );
    this.follow(vscode.window.activeTextEditor?.document);
  }

  /** The article shown. */
  get current(): vscode.TextDocument | undefined { return this.document; }

  /**
   * Shows `document` if it is an article; an editor that is not one (output, settings) leaves the view on the last
   * article, the way the Outline keeps its place while the focus is elsewhere.
   */
  follow(document: vscode.TextDocument | undefined): void {
    if (document && !this.analyser.wants(document)) { return; }
    if (!document && this.document && !this.document.isClosed && vscode.window.visibleTextEditors.some(e => e.document === this.document)) { return; }
    this.document = document;
    this.rebuild();
  }

  private rebuild(): void { hostTime.section('sources.rebuild', () => this.doRebuild()); }

  private doRebuild(): void {
    const doc = this.document;
    const analysis = doc && this.analyser.get(doc);
    this.view.description = doc ? basename(doc.uri) : undefined;
    if (doc && !analysis) {
      this.view.message = this.analyser.isTooLarge(doc) ? 'This article is over copydesk.maxDocumentSize: run “Copydesk: Analyse This Document”.' : undefined;
      // While the user types, keep the tree until the new analysis lands; another article's tree must go at once.
      if (this.analyser.isTooLarge(doc) || this.shown !== doc) { this.roots = []; this.shown = doc; this.changed.fire(undefined); }
      return;
    }
    this.shown = doc;
    this.view.message = doc && analysis && !analysis.quotes.length && !analysis.people.length && !analysis.figures.length
      ? 'No quotations, people or figures found in this article.' : undefined;
    this.roots = analysis ? this.build(analysis) : [];
    this.changed.fire(undefined);
  }

  private build(analysis: Analysis): SourceNode[] {
    const list = sourcesOf(analysis);
    const roots: SourceNode[] = list.people.map(p => ({ kind: 'person', person: p.person, attributions: p.attributions }));
    if (list.others.length) {
      roots.push({ kind: 'group', group: 'others', label: 'Other sources', children: list.others.map(o => ({ kind: 'other', name: o.name, attributions: o.attributions })) });
    }
    if (list.unattributed.length) {
      const group: SourceNode = { kind: 'group', group: 'unattributed', label: 'Unattributed quotations', children: [] };
      group.children.push(...list.unattributed.map(quote => ({ kind: 'quote' as const, quote, parent: group })));
      roots.push(group);
    }
    if (list.figures.length) {
      const group: SourceNode = { kind: 'group', group: 'figures', label: 'Figures', children: [] };
      group.children.push(...list.figures.map(figure => ({ kind: 'figure' as const, figure, parent: group })));
      roots.push(group);
    }
    return roots;
  }

  getChildren(node?: SourceNode): SourceNode[] {
    if (!node) { return this.roots; }
    switch (node.kind) {
      case 'person': {
        const text = this.document?.getText() ?? '';
        const titles: SourceNode[] = node.person.titles.map(title => {
          // Titles carry no offsets: point at the first place the article gives it, near a mention if it can.
          const near = node.person.mentions[0]?.start ?? 0;
          const before = text.lastIndexOf(title, near + title.length);
          const start = before >= 0 ? before : text.indexOf(title);
          return { kind: 'title', person: node.person, title, start, end: start < 0 ? -1 : start + title.length };
        });
        return [...titles, ...node.attributions.map(attribution => ({ kind: 'attribution' as const, attribution, parent: node }))];
      }
      case 'other': return node.attributions.map(attribution => ({ kind: 'attribution' as const, attribution, parent: node }));
      case 'group': return node.children;
      default: return [];
    }
  }

  getParent(node: SourceNode): SourceNode | undefined {
    return 'parent' in node ? node.parent : undefined;
  }

  getTreeItem(node: SourceNode): vscode.TreeItem {
    const doc = this.document;
    const line = (offset: number): string => doc ? `line ${doc.positionAt(offset).line + 1}` : '';
    const reveal = (start: number, end: number, title: string): vscode.Command | undefined =>
      doc && start >= 0 ? { command: REVEAL_COMMAND, title, arguments: [doc.uri, start, end] } : undefined;
    const { Collapsed, Expanded, None } = vscode.TreeItemCollapsibleState;
    switch (node.kind) {
      case 'person': {
        const p = node.person;
        const item = new vscode.TreeItem(p.name, node.attributions.length ? Expanded : p.titles.length ? Collapsed : None);
        item.id = `person:${p.name}`;
        item.description = [p.titles[0], node.attributions.length ? `${node.attributions.length} attributed` : 'nothing attributed'].filter(Boolean).join(' · ');
        item.iconPath = new vscode.ThemeIcon('person');
        item.contextValue = 'person';
        const first = p.mentions[0];
        if (first) { item.command = reveal(first.start, first.end, 'Show the first mention'); }
        const tip = new vscode.MarkdownString();
        tip.appendMarkdown(`**${p.name}**`);
        if (p.titles.length) { tip.appendMarkdown(`\n\n${p.titles.map(t => `- ${t.replace(/[\\`*_[\]<>]/g, '\\$&')}`).join('\n')}`); }
        tip.appendMarkdown(`\n\n${p.mentions.length} mention${p.mentions.length === 1 ? '' : 's'}`);
        item.tooltip = tip;
        return item;
      }
      case 'title': {
        const item = new vscode.TreeItem(node.title, None);
        item.iconPath = new vscode.ThemeIcon('tag');
        item.description = 'title';
        item.command = reveal(node.start, node.end, 'Show the title');
        return item;
      }
      case 'attribution': {
        const a = node.attribution;
        const words = a.parts?.length ? a.parts.map(p => p.text).join(' … ') : a.content.text;
        const item = new vscode.TreeItem(flat(words), None);
        const start = attributionStart(a);
        item.description = [a.cue ? flat(a.cue.text, 30) : undefined, line(start)].filter(Boolean).join(' · ');
        item.iconPath = new vscode.ThemeIcon(a.direct ? 'quote' : 'comment');
        item.contextValue = a.direct ? 'quotation' : 'paraphrase';
        const tip = new vscode.MarkdownString();
        tip.appendText(words.replace(/\s+/g, ' '));
        tip.appendMarkdown(`\n\n${a.direct ? 'Quotation' : 'Paraphrase'}${a.source ? ` · source “${flat(a.source.text, 60)}”` : ''}${a.cue ? ` · cue “${flat(a.cue.text, 30)}”` : ''} · ${line(start)}`);
        item.tooltip = tip;
        item.command = reveal(a.content.start, a.content.end, 'Select the attributed words');
        return item;
      }
      case 'group': {
        const item = new vscode.TreeItem(node.label, node.group === 'figures' ? Collapsed : Expanded);
        item.id = `group:${node.group}`;
        item.description = String(node.children.length);
        item.iconPath = new vscode.ThemeIcon(node.group === 'figures' ? 'symbol-number' : node.group === 'unattributed' ? 'question' : 'organization');
        return item;
      }
      case 'other': {
        const item = new vscode.TreeItem(node.name || 'No source named', Expanded);
        item.id = `other:${node.name}`;
        item.description = `${node.attributions.length} attributed`;
        item.iconPath = new vscode.ThemeIcon(node.name ? 'organization' : 'circle-slash');
        return item;
      }
      case 'quote': {
        const item = new vscode.TreeItem(flat(node.quote.text), None);
        item.description = line(node.quote.start);
        item.iconPath = new vscode.ThemeIcon('quote');
        item.tooltip = node.quote.text;
        item.command = reveal(node.quote.start, node.quote.end, 'Select the quotation');
        return item;
      }
      case 'figure': {
        const f = node.figure;
        const item = new vscode.TreeItem(flat(f.text), None);
        item.description = [f.kind, f.unit && f.unit !== f.kind ? f.unit : undefined, line(f.start)].filter(Boolean).join(' · ');
        item.iconPath = new vscode.ThemeIcon('symbol-number');
        item.command = reveal(f.start, f.end, 'Select the figure');
        return item;
      }
    }
  }

  dispose(): void { for (const d of this.disposables) { d.dispose(); } }
}

/** Selects `[start, end)` of `uri` in its editor (opening it if needed) and scrolls it into view. */
export async function revealRange(uri: vscode.Uri, start: number, end: number): Promise<vscode.TextEditor> {
  const visible = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === uri.toString());
  const document = visible?.document ?? await vscode.workspace.openTextDocument(uri);
  const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
  // Keep the focus in the tree, like the Outline: the editor follows, the user can go on down the list.
  const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn, preserveFocus: true, selection: range });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
