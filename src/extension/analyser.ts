// Schedules analysis of open articles: debounced while typing, never on a stale version, never throwing into
// the editor. Everything the editor shows (diagnostics, decorations, hovers, code actions) reads from here.
//
// A result is published in one synchronous step, after everything costly was built in slices that yield to the
// extension host (decoding the worker's reply, then `prepare`: diagnostics, decoration ranges). A newer version of
// the document cancels all of it, so what is published always belongs to the latest version: no stale results, and
// no flicker (the previous results stay on show until the new ones replace them).
import * as vscode from 'vscode';
import type { AnalyseOptions } from '../core/context.js';
import type { Analysis } from '../core/model.js';
import type { Settings } from './settings.js';
import type { PeopleDirectories } from './people-directory.js';
import { createEngine, type Engine } from './engine.js';
import { hostTime } from './host-time.js';
import { Cancelled, Slicer } from './transport.js';

export interface Analysed {
  document: vscode.TextDocument;
  version: number;
  analysis: Analysis;
  /** The Problems panel's entries, built by `prepare` before the result is published. */
  diagnostics?: vscode.Diagnostic[];
}

export class Analyser implements vscode.Disposable {
  private readonly results = new Map<string, Analysed>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly tooLarge = new Set<string>();
  private readonly forced = new Set<string>();
  private readonly emitter = new vscode.EventEmitter<Analysed>();
  private readonly cleared = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidAnalyse = this.emitter.event;
  readonly onDidClear = this.cleared.event;
  /** Every analysis that threw, in order (the output channel cannot be read back; tests read this through the API). */
  readonly errors: string[] = [];

  private readonly running = new Map<string, Promise<Analysis | undefined>>();
  private readonly rerun = new Set<string>();
  /** Runs the analysis in a worker, off the extension host's thread. */
  readonly engine: Engine;
  /**
   * Builds what the editor shows of a result, in slices (`slicer.pause()` between them), before it is published.
   * The slicer throws Cancelled when the document changes meanwhile.
   */
  prepare?: (result: Analysed, slicer: Slicer) => Promise<void>;

  constructor(private settings: () => Settings, private readonly directories: PeopleDirectories, private readonly log: vscode.OutputChannel) {
    this.engine = createEngine(log, vscode.extensions.getExtension('copydesk.copydesk')?.extensionUri);
  }

  wants(document: vscode.TextDocument): boolean {
    return this.settings().languages.includes(document.languageId) && document.uri.scheme !== 'output' && document.uri.scheme !== 'git';
  }

  isTooLarge(document: vscode.TextDocument): boolean { return this.tooLarge.has(document.uri.toString()); }

  /** The latest analysis, only if it belongs to the document's current version. */
  get(document: vscode.TextDocument): Analysis | undefined {
    const r = this.results.get(document.uri.toString());
    return r && r.version === document.version ? r.analysis : undefined;
  }

  schedule(document: vscode.TextDocument, delay = this.settings().delay): void {
    if (!this.wants(document)) { this.clear(document.uri); return; }
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => { this.timers.delete(key); void this.run(document); }, delay));
  }

  /** Analyse now, also past the size limit (the "analyse this document" command). */
  async analyseNow(document: vscode.TextDocument, force = false): Promise<Analysis | undefined> {
    if (force) { this.forced.add(document.uri.toString()); }
    return this.run(document);
  }

  private run(document: vscode.TextDocument): Promise<Analysis | undefined> {
    const key = document.uri.toString();
    // One analysis per document at a time: while one is running, typing only marks the document for another run
    // when it ends, so that the worker never queues up versions that are already stale.
    const running = this.running.get(key);
    if (running) { this.rerun.add(key); return running; }
    const run = this.analyseVersion(document).finally(() => {
      this.running.delete(key);
      // The run may have been for a document since closed and reopened under the same URI (Untitled-1 is reused):
      // the rerun is owed to whichever document has that URI now, or the reopened one is never analysed.
      const live = document.isClosed ? vscode.workspace.textDocuments.find(d => d.uri.toString() === key && !d.isClosed) : document;
      if (this.rerun.delete(key) && live) { this.schedule(live); }
    });
    this.running.set(key, run);
    return run;
  }

  private async analyseVersion(document: vscode.TextDocument): Promise<Analysis | undefined> {
    const key = document.uri.toString();
    if (document.isClosed || !this.wants(document)) { return undefined; }
    const s = this.settings();
    const directory = await this.directories.forDocument(document.uri).catch(() => undefined);
    if (document.isClosed) { return undefined; }
    // Read once, after the look-up: the user may have typed meanwhile, and a large document is costly to copy.
    const version = document.version;
    const text = hostTime.section('getText', () => document.getText());
    if (text.length > s.maxSize && !this.forced.has(key)) {
      this.tooLarge.add(key);
      this.clear(document.uri);
      this.log.appendLine(`${document.uri.fsPath || key}: ${text.length} characters is over copydesk.maxDocumentSize (${s.maxSize}); run "Copydesk: Analyse This Document" to check it`);
      return undefined;
    }
    this.tooLarge.delete(key);
    // A newer version of the document makes this run pointless: its decoding and preparing stop at the next slice.
    const stale = (): boolean => document.isClosed || document.version !== version;
    let result: Analysed;
    try {
      const analysis = await this.engine.analyse(text, { language: document.languageId, directory, rules: s.rules, quoteStyle: s.quoteStyle }, stale);
      result = { document, version, analysis };
      if (!stale()) { await this.prepare?.(result, new Slicer(stale)); }
    } catch (e) {
      if (e instanceof Cancelled) { this.rerun.add(key); return undefined; }
      this.log.appendLine(`Copydesk could not analyse ${document.uri.fsPath || key}: ${(e as Error).stack ?? e}`);
      this.errors.push(`${key}: ${(e as Error).stack ?? e}`);
      this.clear(document.uri);
      return undefined;
    }
    // The user typed while the worker was busy: a newer run is scheduled; show nothing stale. The results on show
    // stay until then (no flicker), and `get` already refuses them for the new version.
    if (stale()) { this.rerun.add(key); return undefined; }
    if (!this.wants(document)) { return undefined; }   // the settings changed meanwhile (copydesk.languages)
    hostTime.section('publish', () => {
      this.results.set(key, result);
      this.emitter.fire(result);
    });
    return result.analysis;
  }

  /** A fresh analysis (empty caches, off the host's thread), for tests to compare the editor's results with. */
  freshAnalysis(text: string, options: AnalyseOptions): Promise<Analysis> { return this.engine.fresh(text, options); }

  clear(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.results.delete(key);
    this.cleared.fire(uri);
  }

  forget(uri: vscode.Uri): void { this.clear(uri); this.forced.delete(uri.toString()); this.tooLarge.delete(uri.toString()); }

  dispose(): void {
    for (const t of this.timers.values()) { clearTimeout(t); }
    this.engine.dispose();
    this.emitter.dispose(); this.cleared.dispose();
  }
}
