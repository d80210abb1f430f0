// Every Copydesk command, in one place: what the palette, the view's title bar and the status bar run.
import * as vscode from 'vscode';
import type { Analysis } from '../core/model.js';
import { sourcesMarkdown } from '../core/sources.js';
import type { Analyser } from './analyser.js';
import { editFor } from './code-actions.js';
import type { Decorations } from './decorations.js';
import { REVEAL_COMMAND, VIEW_ID, basename, revealRange, type SourcesView } from './sources-view.js';
import type { WorkspaceChecker, WorkspaceReport } from './workspace-check.js';

export interface CommandDeps {
  analyser: Analyser;
  decorations: Decorations;
  sources: SourcesView;
  workspace: WorkspaceChecker;
}

/** The article a command acts on: the active editor's, else the one the Sources view shows. */
function article(deps: CommandDeps): vscode.TextDocument | undefined {
  const active = vscode.window.activeTextEditor?.document;
  return active && deps.analyser.wants(active) ? active : deps.sources.current;
}

async function analysisOf(deps: CommandDeps, doc: vscode.TextDocument): Promise<Analysis | undefined> {
  return deps.analyser.get(doc) ?? await deps.analyser.analyseNow(doc);
}

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  const { analyser, decorations, workspace } = deps;
  const noArticle = () => void vscode.window.showInformationMessage('Copydesk: open an article (plain text or Markdown) first.');
  return [
    vscode.commands.registerCommand('copydesk.analyseDocument', async () => {
      const doc = article(deps);
      if (doc) { await analyser.analyseNow(doc, true); } else { noArticle(); }
    }),

    vscode.commands.registerCommand('copydesk.fixAll', async () => {
      const doc = article(deps);
      if (!doc) { noArticle(); return false; }
      const analysis = await analysisOf(deps, doc);
      const edit = analysis && editFor(doc, analysis.diagnostics);
      if (edit) { return vscode.workspace.applyEdit(edit); }
      void vscode.window.showInformationMessage('Copydesk: nothing to fix in this article');
      return false;
    }),

    vscode.commands.registerCommand('copydesk.checkWorkspace', async (): Promise<WorkspaceReport> => {
      const report = await workspace.run();
      const skipped = report.skipped.length ? ` (${report.skipped.length} skipped: see the Copydesk output)` : '';
      const what = `${report.problems} problem${report.problems === 1 ? '' : 's'} in ${report.files} article${report.files === 1 ? '' : 's'}${skipped}`;
      if (report.cancelled) { void vscode.window.showInformationMessage(`Copydesk: stopped; ${what} so far.`); }
      else if (report.problems) {
        void vscode.window.showInformationMessage(`Copydesk: ${what}.`, 'Show Problems').then(choice => {
          if (choice) { void vscode.commands.executeCommand('workbench.actions.view.problems'); }
        });
      } else { void vscode.window.showInformationMessage(`Copydesk: ${what}.`); }
      return report;
    }),

    vscode.commands.registerCommand('copydesk.showSources', async () => {
      await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
    }),

    vscode.commands.registerCommand('copydesk.exportSources', async (): Promise<vscode.TextDocument | undefined> => {
      const doc = article(deps);
      if (!doc) { noArticle(); return undefined; }
      const analysis = await analysisOf(deps, doc);
      if (!analysis) {
        void vscode.window.showWarningMessage('Copydesk: this article could not be analysed (too large? see the Copydesk output).');
        return undefined;
      }
      const content = sourcesMarkdown(analysis, basename(doc.uri) || doc.uri.toString());
      const out = await vscode.workspace.openTextDocument({ language: 'markdown', content });
      await vscode.window.showTextDocument(out, { viewColumn: vscode.ViewColumn.Beside, preview: false });
      return out;
    }),

    vscode.commands.registerCommand(REVEAL_COMMAND, async (uri: vscode.Uri, start: number, end: number) => {
      await revealRange(uri, start, end);
    }),

    // For the integration tests: what the extension last handed to setDecorations, as text.
    vscode.commands.registerCommand('copydesk.debug.decorations', (uri: vscode.Uri) => {
      const applied = decorations.appliedTo(uri);
      const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
      if (!applied || !doc) { return undefined; }
      return Object.fromEntries(Object.entries(applied).map(([k, ranges]) => [k, ranges.map(r => doc.getText(r))]));
    }),
  ];
}
