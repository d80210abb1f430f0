// "Check Every Article in the Workspace": every file of the checked languages, read through workspace.fs (no editor
// opened, works on remote and virtual workspaces) and analysed with the same core (in the analysis worker), into the
// same Problems panel.
// An article that is open belongs to the Analyser (its unsaved text is the truth); the rest are this class's.
import * as vscode from 'vscode';
import type { Finding } from '../core/model.js';
import { toDiagnostic } from './diagnostics.js';
import { hostTime } from './host-time.js';
import { Slicer } from './transport.js';
import type { Analyser } from './analyser.js';
import type { PeopleDirectories } from './people-directory.js';
import type { Settings } from './settings.js';

/** File extensions of the languages Copydesk knows; other language ids have no glob and are skipped. */
const EXTENSIONS: Record<string, string[]> = {
  plaintext: ['txt', 'text'],
  markdown: ['md', 'markdown', 'mdown', 'mkd'],
};

export interface WorkspaceReport { files: number; problems: number; skipped: string[]; cancelled: boolean }

/** Enough of a TextDocument for toDiagnostic: a uri and offset -> position over text read from disk. */
function textDocumentLike(uri: vscode.Uri, text: string): vscode.TextDocument {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) { starts.push(i + 1); }
  const positionAt = (offset: number): vscode.Position => {
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= offset) { lo = mid; } else { hi = mid - 1; } }
    return new vscode.Position(lo, offset - starts[lo]);
  };
  return { uri, positionAt } as unknown as vscode.TextDocument;
}

export class WorkspaceChecker implements vscode.Disposable {
  /** Files whose diagnostics came from disk, so that closing one puts its saved state back. */
  private readonly checked = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly analyser: Analyser, private readonly collection: vscode.DiagnosticCollection,
    private readonly settings: () => Settings, private readonly directories: PeopleDirectories, private readonly log: vscode.OutputChannel) {
    // Files change and go away behind the editor's back (git checkout, a CMS sync): keep their problems true.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*', true, false, false);
    this.disposables.push(watcher,
      watcher.onDidDelete(uri => { if (this.checked.delete(uri.toString()) && !this.isOpen(uri)) { this.collection.delete(uri); } }),
      watcher.onDidChange(uri => { if (this.checked.has(uri.toString()) && !this.isOpen(uri)) { void this.checkFile(uri).catch(() => undefined); } }),
      vscode.workspace.onDidCloseTextDocument(d => {
        // The Analyser has just cleared the closed document; its file on disk is still part of the workspace check.
        if (this.checked.has(d.uri.toString())) { setTimeout(() => void this.checkFile(d.uri).catch(() => undefined), 0); }
      }));
  }

  globs(): string[] {
    return this.settings().languages.flatMap(l => EXTENSIONS[l] ?? []).map(e => `**/*.${e}`);
  }

  async findArticles(token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
    const globs = this.globs();
    if (!globs.length) { return []; }
    const include = globs.length === 1 ? globs[0] : `{${globs.join(',')}}`;
    // files.exclude applies by default; dependencies and build output are never articles.
    const uris = await vscode.workspace.findFiles(include, '{**/node_modules/**,**/.git/**,**/dist/**,**/out/**}', undefined, token);
    return uris.sort((a, b) => a.toString().localeCompare(b.toString()));
  }

  private isOpen(uri: vscode.Uri): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString() && !d.isClosed);
  }

  /** Analyses one file from disk into the collection; returns its findings (undefined when skipped). */
  async checkFile(uri: vscode.Uri): Promise<Finding[] | undefined> {
    const open = this.isOpen(uri);
    if (open) { return (this.analyser.get(open) ?? await this.analyser.analyseNow(open))?.diagnostics; }
    const s = this.settings();
    const language = Object.entries(EXTENSIONS).find(([, exts]) => exts.some(e => uri.path.toLowerCase().endsWith('.' + e)))?.[0];
    if (!language || !s.languages.includes(language)) { return undefined; }
    const bytes = await vscode.workspace.fs.readFile(uri);
    const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
    if (text.length > s.maxSize) {
      this.log.appendLine(`${uri.fsPath || uri.toString()}: ${text.length} characters is over copydesk.maxDocumentSize (${s.maxSize}); not checked`);
      return undefined;
    }
    const directory = await this.directories.forDocument(uri).catch(() => undefined);
    // In the analysis worker, like the editor's: a long file must not stall the extension host.
    const analysis = await this.analyser.engine.analyse(text, { language, directory, rules: s.rules, quoteStyle: s.quoteStyle });
    // The file may have been opened meanwhile: then the editor's analysis wins.
    if (this.isOpen(uri)) { return analysis.diagnostics; }
    const doc = textDocumentLike(uri, text);
    const diagnostics = await new Slicer().map(analysis.diagnostics, f => toDiagnostic(doc, f), f => hostTime.section('diagnostics.build', f));
    if (this.isOpen(uri)) { return analysis.diagnostics; }
    this.collection.set(uri, diagnostics);
    this.checked.add(uri.toString());
    return analysis.diagnostics;
  }

  /** Checks every article, with progress in a notification that can be cancelled. */
  run(): Thenable<WorkspaceReport> {
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Copydesk', cancellable: true }, async (progress, token) => {
      progress.report({ message: 'finding articles…' });
      const uris = await this.findArticles(token);
      const report: WorkspaceReport = { files: 0, problems: 0, skipped: [], cancelled: false };
      for (const uri of uris) {
        if (token.isCancellationRequested) { report.cancelled = true; break; }
        progress.report({ message: `${vscode.workspace.asRelativePath(uri)} (${report.files + 1}/${uris.length})`, increment: 100 / uris.length });
        try {
          const findings = await this.checkFile(uri);
          if (findings) { report.files++; report.problems += findings.length; } else { report.skipped.push(vscode.workspace.asRelativePath(uri)); }
        } catch (e) {
          report.skipped.push(vscode.workspace.asRelativePath(uri));
          this.log.appendLine(`Copydesk could not check ${uri.toString()}: ${(e as Error).message}`);
        }
        // Let the extension host breathe between files: typing in an open article must stay responsive.
        await new Promise(r => setTimeout(r, 0));
      }
      return report;
    });
  }

  /** After a settings change the disk results are stale: check those files again, quietly. */
  async refresh(): Promise<void> {
    const uris = [...this.checked].map(u => vscode.Uri.parse(u));
    this.checked.clear();
    for (const uri of uris) {
      if (this.isOpen(uri)) { continue; }
      this.collection.delete(uri);
      await this.checkFile(uri).catch(() => undefined);
    }
  }

  dispose(): void { for (const d of this.disposables) { d.dispose(); } }
}
