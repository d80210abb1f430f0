// Highlights quotations, speakers, cues and figures with theme colours that Copydesk contributes
// (`copydesk.*` in package.json), so themes and users can restyle them in workbench.colorCustomizations.
//
// A long article has tens of thousands of highlights: their ranges are built in slices (`prepare`, yielding to the
// extension host between slices) before the analysis is published, once per analysis and only for a document that
// a visible editor shows, and kept for the editors that show it later; then handed to VS Code a layer at a time.
import * as vscode from 'vscode';
import type { Analysis } from '../core/model.js';
import { hostTime } from './host-time.js';
import { Cancelled, Slicer } from './transport.js';

export type Layer = 'quote' | 'unattributedQuote' | 'source' | 'cue' | 'figure';
type Layers = Record<Layer, vscode.Range[]>;
const LAYERS: readonly Layer[] = ['quote', 'unattributedQuote', 'source', 'cue', 'figure'];

const empty = (): Layers => ({ quote: [], unattributedQuote: [], source: [], cue: [], figure: [] });
const section = <X>(f: () => X): X => hostTime.section('decorations.build', f);

export class Decorations implements vscode.Disposable {
  private readonly types: Record<Layer, vscode.TextEditorDecorationType>;
  /** What was last set on each editor's document, by layer: the integration tests read it. */
  private readonly applied = new Map<string, Layers>();
  /** The ranges built for each document's analysis (by uri; an analysis belongs to one version of the document). */
  private readonly built = new Map<string, { analysis: Analysis; layers: Layers }>();
  /** Per editor, the latest request: a slow build that finishes after a newer `show` or `clear` is dropped. */
  private readonly requests = new WeakMap<vscode.TextEditor, object>();
  /** The layers each editor shows now (showing them again would only resend them). */
  private readonly shown = new WeakMap<vscode.TextEditor, Layers>();

  constructor() {
    const color = (id: string): vscode.ThemeColor => new vscode.ThemeColor(id);
    this.types = {
      quote: vscode.window.createTextEditorDecorationType({ backgroundColor: color('copydesk.quoteBackground'), rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed }),
      unattributedQuote: vscode.window.createTextEditorDecorationType({ backgroundColor: color('copydesk.unattributedQuoteBackground'), rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed }),
      source: vscode.window.createTextEditorDecorationType({ color: color('copydesk.speakerForeground'), fontWeight: 'bold' }),
      cue: vscode.window.createTextEditorDecorationType({ color: color('copydesk.cueForeground'), fontStyle: 'italic' }),
      figure: vscode.window.createTextEditorDecorationType({ color: color('copydesk.figureForeground'), borderColor: color('copydesk.figureBorder'), borderStyle: 'none none dotted none', borderWidth: '1px' }),
    };
  }

  /** Builds (in slices) and keeps the ranges of `analysis` of `document`; throws Cancelled when the slicer says so. */
  async prepare(document: vscode.TextDocument, analysis: Analysis, slicer: Slicer): Promise<void> {
    const key = document.uri.toString();
    if (this.built.get(key)?.analysis === analysis) { return; }
    const r = (s: { start: number; end: number }): vscode.Range => new vscode.Range(document.positionAt(s.start), document.positionAt(s.end));
    const layers = empty();
    const quotes = await slicer.map(analysis.quotes, q => r(q), section);
    analysis.quotes.forEach((q, i) => (q.attributed || q.scare ? layers.quote : layers.unattributedQuote).push(quotes[i]));
    const sources = await slicer.map(analysis.attributions, a => a.source && r(a.source), section);
    const cues = await slicer.map(analysis.attributions, a => a.cue && r(a.cue), section);
    for (const s of sources) { if (s) { layers.source.push(s); } }
    for (const c of cues) { if (c) { layers.cue.push(c); } }
    layers.figure = await slicer.map(analysis.figures, f => r(f), section);
    this.built.set(key, { analysis, layers });
  }

  /**
   * Shows `analysis` (the current one of the editor's document) in `editor`. The layers are handed to VS Code one per
   * turn of the event loop (each is thousands of ranges to convert and send); a newer `show` or `clear` of the
   * editor, or a change to its document, stops what is left (the next analysis brings its own).
   */
  show(editor: vscode.TextEditor, analysis: Analysis): void {
    const request = {};
    this.requests.set(editor, request);
    const doc = editor.document;
    const version = doc.version;
    const key = doc.uri.toString();
    void (async () => {
      try {
        const slicer = new Slicer(() => doc.isClosed || doc.version !== version || this.requests.get(editor) !== request);
        // Built before the analysis was published, unless the editor was hidden then.
        await this.prepare(doc, analysis, slicer);
        const layers = this.built.get(key)!.layers;
        if (this.shown.get(editor) === layers) { return; }
        this.shown.delete(editor);
        for (const layer of LAYERS) {
          await slicer.pause();
          hostTime.section('decorations.set', () => editor.setDecorations(this.types[layer], layers[layer]));
        }
        this.applied.set(key, layers);
        this.shown.set(editor, layers);
      } catch (e) {
        if (!(e instanceof Cancelled)) { throw e; }
      }
    })();
  }

  clear(editor: vscode.TextEditor): void {
    this.requests.set(editor, {});
    this.set(editor, empty());
  }

  /** Forgets the ranges of a closed document. */
  forget(uri: vscode.Uri): void { this.built.delete(uri.toString()); }

  private set(editor: vscode.TextEditor, layers: Layers): void {
    hostTime.section('decorations.set', () => { for (const layer of LAYERS) { editor.setDecorations(this.types[layer], layers[layer]); } });
    this.applied.set(editor.document.uri.toString(), layers);
    this.shown.set(editor, layers);
  }

  appliedTo(uri: vscode.Uri): Record<Layer, vscode.Range[]> | undefined { return this.applied.get(uri.toString()); }

  dispose(): void { for (const t of Object.values(this.types)) { t.dispose(); } }
}
