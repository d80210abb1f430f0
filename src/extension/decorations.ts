// Highlights quotations, speakers, cues and figures with theme colours that Copydesk contributes
// (`copydesk.*` in package.json), so themes and users can restyle them in workbench.colorCustomizations.
import * as vscode from 'vscode';
import type { Analysis } from '../core/model.js';

export type Layer = 'quote' | 'unattributedQuote' | 'source' | 'cue' | 'figure';

export class Decorations implements vscode.Disposable {
  private readonly types: Record<Layer, vscode.TextEditorDecorationType>;
  /** What was last set on each editor's document, by layer: the integration tests read it. */
  private readonly applied = new Map<string, Record<Layer, vscode.Range[]>>();

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

  apply(editor: vscode.TextEditor, analysis: Analysis | undefined): void {
    const doc = editor.document;
    const r = (s: { start: number; end: number }): vscode.Range => new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end));
    const layers: Record<Layer, vscode.Range[]> = { quote: [], unattributedQuote: [], source: [], cue: [], figure: [] };
    if (analysis) {
      for (const q of analysis.quotes) { (q.attributed || q.scare ? layers.quote : layers.unattributedQuote).push(r(q)); }
      for (const a of analysis.attributions) {
        if (a.source) { layers.source.push(r(a.source)); }
        if (a.cue) { layers.cue.push(r(a.cue)); }
      }
      for (const f of analysis.figures) { layers.figure.push(r(f)); }
    }
    for (const layer of Object.keys(this.types) as Layer[]) { editor.setDecorations(this.types[layer], layers[layer]); }
    this.applied.set(doc.uri.toString(), layers);
  }

  clear(editor: vscode.TextEditor): void { this.apply(editor, undefined); }

  appliedTo(uri: vscode.Uri): Record<Layer, vscode.Range[]> | undefined { return this.applied.get(uri.toString()); }

  dispose(): void { for (const t of Object.values(this.types)) { t.dispose(); } }
}
