// Activation: wires open documents -> analysis -> the Problems panel, decorations, hovers, code actions, the Sources
// view and the status bar. Each of those lives in its own file; this one only connects them.
import * as vscode from 'vscode';
import { Analyser } from './analyser.js';
import { Decorations } from './decorations.js';
import { toDiagnostic } from './diagnostics.js';
import { HoverProvider } from './hover.js';
import { CodeActions } from './code-actions.js';
import { PeopleDirectories } from './people-directory.js';
import { readSettings, type Settings } from './settings.js';
import { StatusBar } from './status-bar.js';
import { SourcesView, sourcesOf } from './sources-view.js';
import { WorkspaceChecker } from './workspace-check.js';
import { registerCommands } from './commands.js';
import { registerDirectoryEdits } from './directory-edits.js';
import type { Analysis } from '../core/model.js';
import { hostTime, type HostTimeReport } from './host-time.js';

export interface CopydeskApi {
  /** The analysis currently shown for a document (undefined when none is current). */
  analysisOf(document: vscode.TextDocument): ReturnType<Analyser['get']>;
  /** The Sources view's data (getChildren/getTreeItem) and its TreeView. */
  sources: SourcesView;
  /** What the status bar item shows now ('' when hidden). */
  statusText(): string;
  /** A new analysis of `text` with the current settings, bypassing everything cached (tests compare the editor's against it). */
  freshAnalysis(text: string, languageId: string, uri?: vscode.Uri): Promise<Analysis>;
  /** Errors thrown by analysis since activation (also written to the Copydesk output channel). */
  errors(): string[];
  /** How long Copydesk's synchronous sections held the extension host's thread (`reset` starts a new measurement). */
  hostTime(reset?: boolean): HostTimeReport;
  /** The version of the document whose problems the Problems panel holds (undefined when none). */
  publishedVersion(document: vscode.TextDocument): number | undefined;
  /** Where analysis runs: 'worker' normally, 'host' only when no worker could be started (logged). */
  analysisThread(): 'worker' | 'host';
}

export function activate(context: vscode.ExtensionContext): CopydeskApi {
  const log = vscode.window.createOutputChannel('Copydesk');
  let settings: Settings = loadSettings(log);
  const directories = new PeopleDirectories(log, () => settings.directoryFiles);
  const analyser = new Analyser(() => settings, directories, log);
  const collection = vscode.languages.createDiagnosticCollection('copydesk');
  const decorations = new Decorations();
  const status = new StatusBar(analyser);
  const sources = new SourcesView(analyser);
  const workspace = new WorkspaceChecker(analyser, collection, () => settings, directories, log);
  const get = (d: vscode.TextDocument) => analyser.get(d);
  // Code actions on save must not see a stale analysis (the user typed, then saved within the delay): analyse now.
  const fresh = async (d: vscode.TextDocument) => analyser.get(d) ?? await analyser.analyseNow(d);
  const selector: vscode.DocumentSelector = [{ language: 'plaintext' }, { language: 'markdown' }];

  // Everything costly about showing a result is built here, in slices, before the analyser publishes it (one
  // synchronous step: the Problems panel, the decorations, the status bar and the Sources view, all of one version).
  analyser.prepare = async (result, slicer) => {
    const { document, analysis } = result;
    result.diagnostics = await slicer.map(analysis.diagnostics, f => toDiagnostic(document, f), f => hostTime.section('diagnostics.build', f));
    if (settings.decorations && vscode.window.visibleTextEditors.some(e => e.document === document)) {
      await decorations.prepare(document, analysis, slicer);
    }
    hostTime.section('sources.list', () => sourcesOf(analysis));
  };
  /** Per document, the version whose diagnostics are in `collection`. */
  const published = new Map<string, number>();
  const render = (document: vscode.TextDocument): void => {
    const analysis = analyser.get(document);
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document !== document) { continue; }
      if (settings.decorations && analysis) { decorations.show(editor, analysis); } else { decorations.clear(editor); }
    }
    if (vscode.window.activeTextEditor?.document === document) { status.update(document); }
  };

  context.subscriptions.push(
    log, collection, decorations, directories, analyser, status, sources, workspace, registerDirectoryEdits(directories),
    analyser.onDidAnalyse(({ document, version, analysis, diagnostics }) => {
      const shown = diagnostics ?? analysis.diagnostics.map(f => toDiagnostic(document, f));
      hostTime.section('diagnostics.set', () => collection.set(document.uri, shown));
      published.set(document.uri.toString(), version);
      hostTime.section('render', () => render(document));
    }),
    analyser.onDidClear(uri => {
      collection.delete(uri);
      published.delete(uri.toString());
      const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
      if (doc) { render(doc); }
    }),
    directories.onDidChange(() => vscode.workspace.textDocuments.forEach(d => analyser.schedule(d, 0))),
    vscode.workspace.onDidOpenTextDocument(d => analyser.schedule(d, 0)),
    vscode.workspace.onDidChangeTextDocument(e => { if (e.contentChanges.length) { hostTime.section('schedule', () => analyser.schedule(e.document)); } }),
    vscode.workspace.onDidCloseTextDocument(d => { analyser.forget(d.uri); decorations.forget(d.uri); }),
    vscode.window.onDidChangeVisibleTextEditors(editors => editors.forEach(e => render(e.document))),
    vscode.window.onDidChangeActiveTextEditor(e => status.update(e?.document)),
    vscode.workspace.onDidChangeConfiguration(e => {
      if (!e.affectsConfiguration('copydesk')) { return; }
      settings = loadSettings(log);
      if (e.affectsConfiguration('copydesk.directoryFiles')) { directories.invalidate(); }
      vscode.workspace.textDocuments.forEach(d => analyser.schedule(d, 0));
      void workspace.refresh();
      status.update(vscode.window.activeTextEditor?.document);
    }),
    vscode.languages.registerHoverProvider(selector, new HoverProvider(get)),
    vscode.languages.registerCodeActionsProvider(selector, new CodeActions(get, fresh), CodeActions.metadata),
    ...registerCommands({ analyser, decorations, sources, workspace }),
  );
  vscode.workspace.textDocuments.forEach(d => analyser.schedule(d, 0));
  status.update(vscode.window.activeTextEditor?.document);
  const freshAnalysis = async (text: string, languageId: string, uri?: vscode.Uri): Promise<Analysis> => {
    const directory = uri ? await directories.forDocument(uri).catch(() => undefined) : undefined;
    return analyser.freshAnalysis(text, { language: languageId, directory, rules: settings.rules, quoteStyle: settings.quoteStyle });
  };
  return { analysisOf: get, sources, statusText: () => status.text, freshAnalysis, errors: () => [...analyser.errors],
    publishedVersion: d => published.get(d.uri.toString()),
    analysisThread: () => analyser.engine.where,
    hostTime: (reset?: boolean) => { const r = hostTime.report(); if (reset) { hostTime.reset(); } return r; } };
}

function loadSettings(log: vscode.OutputChannel): Settings {
  const { settings, problems } = readSettings();
  for (const p of problems) { log.appendLine(p); }
  if (problems.length) { void vscode.window.showWarningMessage(`Copydesk: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more, see the Copydesk output)` : ''}`); }
  return settings;
}

export function deactivate(): void { /* disposables go with the context */ }
