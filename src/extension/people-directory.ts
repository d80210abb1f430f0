// Finds and loads the newsroom's people directory for a document: `.copydesk/people.json` in the document's
// folder or any folder above it (up to the workspace folder), plus the files named in `copydesk.directoryFiles`.
// Uses vscode.workspace.fs so it works in the browser too. A malformed file gives one message and is skipped.
import * as vscode from 'vscode';
import { parseDirectory, mergeDirectories, type Directory } from '../core/directory.js';

const MAX_DIRECTORY_BYTES = 5 * 1024 * 1024;

export class PeopleDirectories implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<{ directory: Directory; errors: string[] } | undefined>>();
  private readonly reported = new Set<string>();
  private readonly watcher: vscode.FileSystemWatcher;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.OutputChannel, private extraFiles: () => string[]) {
    this.watcher = vscode.workspace.createFileSystemWatcher('**/.copydesk/people.json');
    const reset = (): void => this.invalidate();
    this.watcher.onDidChange(reset); this.watcher.onDidCreate(reset); this.watcher.onDidDelete(reset);
  }

  invalidate(): void { this.cache.clear(); this.nearest.clear(); this.reported.clear(); this.changed.fire(); }

  /** The search upwards, by folder: it is asked on every analysis (every pause in typing), the answer changes only
   * when a directory file appears or goes, which the watcher reports. */
  private readonly nearest = new Map<string, Promise<vscode.Uri | undefined>>();

  /** The directory file that applies to `uri` (the nearest one), if any. */
  nearestFile(uri: vscode.Uri): Promise<vscode.Uri | undefined> {
    const folder = vscode.Uri.joinPath(uri, '..').toString();
    let found = this.nearest.get(folder);
    if (!found) { found = this.search(uri); this.nearest.set(folder, found); }
    return found;
  }

  private async search(uri: vscode.Uri): Promise<vscode.Uri | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    let dir = vscode.Uri.joinPath(uri, '..');
    for (let depth = 0; depth < 64; depth++) {
      const candidate = vscode.Uri.joinPath(dir, '.copydesk', 'people.json');
      try { await vscode.workspace.fs.stat(candidate); return candidate; } catch { /* not here: go up */ }
      if (folder && dir.path === folder.uri.path) { break; }
      const parent = vscode.Uri.joinPath(dir, '..');
      if (parent.path === dir.path) { break; }
      dir = parent;
    }
    return undefined;
  }

  async forDocument(uri: vscode.Uri): Promise<Directory | undefined> {
    const files: vscode.Uri[] = [];
    const nearest = await this.nearestFile(uri);
    if (nearest) { files.push(nearest); }
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    for (const extra of this.extraFiles()) {
      files.push(/^[a-z][\w+.-]*:/i.test(extra) ? vscode.Uri.parse(extra) : folder ? vscode.Uri.joinPath(folder.uri, extra) : vscode.Uri.file(extra));
    }
    if (files.length === 0) { return undefined; }
    const loaded = await Promise.all(files.map(f => this.load(f)));
    const directories = loaded.filter((d): d is { directory: Directory; errors: string[] } => !!d).map(d => d.directory);
    return directories.length ? mergeDirectories(...directories) : undefined;
  }

  private load(file: vscode.Uri): Promise<{ directory: Directory; errors: string[] } | undefined> {
    const key = file.toString();
    let pending = this.cache.get(key);
    if (!pending) {
      pending = (async () => {
        let text: string;
        try {
          // Refuse a huge file by its size before reading it into memory (the parser refuses over 5 MB anyway).
          const { size } = await vscode.workspace.fs.stat(file);
          if (size > MAX_DIRECTORY_BYTES) {
            this.problem(key, `Copydesk: the people directory ${file.fsPath || key} is ${(size / 1048576).toFixed(1)} MB, over the ${MAX_DIRECTORY_BYTES / 1048576} MB limit; checking without it`);
            return undefined;
          }
          text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(file));
        } catch (e) {
          this.problem(key, `Copydesk could not read the people directory ${file.fsPath || key}: ${(e as Error).message}`);
          return undefined;
        }
        const result = parseDirectory(text, file.fsPath || key);
        if (result.errors.length) {
          this.problem(key, `Copydesk: problems in the people directory ${file.fsPath || key}: ${result.errors.slice(0, 3).join('; ')}${result.errors.length > 3 ? ` (and ${result.errors.length - 3} more, see the Copydesk output)` : ''}`, result.errors);
        }
        return result;
      })();
      this.cache.set(key, pending);
    }
    return pending;
  }

  private problem(key: string, message: string, details: string[] = []): void {
    for (const d of details) { this.log.appendLine(d); }
    this.log.appendLine(message);
    if (!this.reported.has(key)) { this.reported.add(key); void vscode.window.showWarningMessage(message); }
  }

  dispose(): void { this.watcher.dispose(); this.changed.dispose(); }
}
