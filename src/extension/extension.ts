// Activation: wires open documents -> analysis -> the Problems panel, decorations, hovers and code actions.
import * as vscode from 'vscode';
import { Analyser } from './analyser.js';
import { Decorations } from './decorations.js';
import { toDiagnostic } from './diagnostics.js';
import { HoverProvider } from './hover.js';
import { CodeActions, editFor } from './code-actions.js';
import { PeopleDirectories } from './people-directory.js';
import { readSettings, type Settings } from './settings.js';

export interface CopydeskApi {
  /** The analysis currently shown for a document (undefined when none is current). */
  analysisOf(document: vscode.TextDocument): ReturnType<Analyser['get']>;
}

export function activate(context: vscode.ExtensionContext): CopydeskApi {
  const log = vscode.window.createOutputChannel('Copydesk');
  let settings: Settings = loadSettings(log);
  const directories = new PeopleDirectories(log, () => settings.directoryFiles);
  const analyser = new Analyser(() => settings, directories, log);
  const collection = vscode.languages.createDiagnosticCollection('copydesk');
  const decorations = new Decorations();
  const get = (d: vscode.TextDocument) => analyser.get(d);
  const selector: vscode.DocumentSelector = [{ language: 'plaintext' }, { language: 'markdown' }];

  const status = vscode.window.createStatusBarItem('copydesk.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'Copydesk';

  const render = (document: vscode.TextDocument): void => {
    const analysis = analyser.get(document);
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document !== document) { continue; }
      if (settings.decorations && analysis) { decorations.apply(editor, analysis); } else { decorations.clear(editor); }
    }
    if (vscode.window.activeTextEditor?.document === document) { updateStatus(document); }
  };

  const updateStatus = (document: vscode.TextDocument | undefined): void => {
    if (!document || !analyser.wants(document)) { status.hide(); return; }
    if (analyser.isTooLarge(document)) {
      status.text = '$(book) Copydesk: too large';
      status.tooltip = 'This document is over copydesk.maxDocumentSize. Click to analyse it anyway.';
      status.command = 'copydesk.analyseDocument';
      status.show();
      return;
    }
    const analysis = analyser.get(document);
    if (!analysis) { return; }
    const quotes = analysis.quotes.filter(q => !q.scare);
    const attributed = quotes.filter(q => q.attributed).length;
    status.text = `$(quote) ${quotes.length} $(person) ${analysis.people.length} $(warning) ${analysis.diagnostics.length}`;
    status.tooltip = `Copydesk: ${quotes.length} quotations (${attributed} attributed), ${analysis.people.length} people, ${analysis.figures.length} figures, ${analysis.diagnostics.length} problems`;
    status.command = undefined;
    status.show();
  };

  context.subscriptions.push(
    log, collection, decorations, directories, analyser, status,
    analyser.onDidAnalyse(({ document, analysis }) => {
      collection.set(document.uri, analysis.diagnostics.map(f => toDiagnostic(document, f)));
      render(document);
    }),
    analyser.onDidClear(uri => {
      collection.delete(uri);
      const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
      if (doc) { render(doc); }
    }),
    directories.onDidChange(() => vscode.workspace.textDocuments.forEach(d => analyser.schedule(d, 0))),
    vscode.workspace.onDidOpenTextDocument(d => analyser.schedule(d, 0)),
    vscode.workspace.onDidChangeTextDocument(e => { if (e.contentChanges.length) { analyser.schedule(e.document); } }),
    vscode.workspace.onDidCloseTextDocument(d => analyser.forget(d.uri)),
    vscode.window.onDidChangeVisibleTextEditors(editors => editors.forEach(e => render(e.document))),
    vscode.window.onDidChangeActiveTextEditor(e => updateStatus(e?.document)),
    vscode.workspace.onDidChangeConfiguration(e => {
      if (!e.affectsConfiguration('copydesk')) { return; }
      settings = loadSettings(log);
      if (e.affectsConfiguration('copydesk.directoryFiles')) { directories.invalidate(); }
      vscode.workspace.textDocuments.forEach(d => analyser.schedule(d, 0));
    }),
    vscode.languages.registerHoverProvider(selector, new HoverProvider(get)),
    vscode.languages.registerCodeActionsProvider(selector, new CodeActions(get), CodeActions.metadata),
    vscode.commands.registerCommand('copydesk.analyseDocument', async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (doc) { await analyser.analyseNow(doc, true); }
    }),
    vscode.commands.registerCommand('copydesk.fixAll', async () => {
      const doc = vscode.window.activeTextEditor?.document;
      const analysis = doc && (analyser.get(doc) ?? await analyser.analyseNow(doc));
      const edit = doc && analysis && editFor(doc, analysis.diagnostics);
      if (edit) { await vscode.workspace.applyEdit(edit); }
      else { void vscode.window.showInformationMessage('Copydesk: nothing to fix in this article'); }
    }),
    // For the integration tests: what the extension last handed to setDecorations, as offsets.
    vscode.commands.registerCommand('copydesk.debug.decorations', (uri: vscode.Uri) => {
      const applied = decorations.appliedTo(uri);
      const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
      if (!applied || !doc) { return undefined; }
      return Object.fromEntries(Object.entries(applied).map(([k, ranges]) => [k, ranges.map(r => doc.getText(r))]));
    }),
  );
  vscode.workspace.textDocuments.forEach(d => analyser.schedule(d, 0));
  updateStatus(vscode.window.activeTextEditor?.document);
  return { analysisOf: get };
}

function loadSettings(log: vscode.OutputChannel): Settings {
  const { settings, problems } = readSettings();
  for (const p of problems) { log.appendLine(p); }
  if (problems.length) { void vscode.window.showWarningMessage(`Copydesk: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more, see the Copydesk output)` : ''}`); }
  return settings;
}

export function deactivate(): void { /* disposables go with the context */ }
