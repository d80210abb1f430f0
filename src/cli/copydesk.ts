// copydesk [--format text|json|sarif] [--people FILE] [--fail-on error|warning|info|none] FILE...
// Checks news copy before publication. Reads files only; never opens a network connection.
import { readFileSync, statSync, existsSync, openSync, readSync, closeSync } from 'node:fs';
import { dirname, join, resolve, extname } from 'node:path';
import { analyse } from '../core/pipeline.js';
import { parseDirectory, mergeDirectories, type Directory } from '../core/directory.js';
import type { Analysis, Finding, Severity } from '../core/model.js';
import { RULES, ruleUrl, REPOSITORY_URL } from '../core/rules.js';
import manifest from '../../package.json' with { type: 'json' };

const USAGE = `usage: copydesk [--format text|json|sarif] [--people FILE] [--fail-on error|warning|info|none] [--language markdown|plaintext] FILE...

Checks news articles (.txt, .md) for quote-mark errors, unattributed quotations, misspelled names and
contradictions, and lists quotations, attributions, figures and people (--format json).
Exit status: 0 no problem at or above --fail-on (default warning), 1 there are, 2 usage or file error.`;

/** Larger files are refused: a 50 MB "article" is a mistake, and reading it whole would stall the check. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

interface Options { format: 'text' | 'json' | 'sarif'; people: string[]; failOn: Severity | 'none'; language?: string; files: string[] }

class UsageError extends Error {}

function parseArgs(argv: string[]): Options {
  const o: Options = { format: 'text', people: [], failOn: 'warning', files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const eq = a.indexOf('=');
      if (eq > 0) { return a.slice(eq + 1); }
      const v = argv[++i];
      if (v === undefined) { throw new UsageError(`${a} needs a value`); }
      return v;
    };
    const name = a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
    if (name === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json' && v !== 'sarif') { throw new UsageError(`unknown format "${v}" (text, json or sarif)`); }
      o.format = v;
    } else if (name === '--people') { o.people.push(value()); }
    else if (name === '--fail-on') {
      const v = value();
      if (!['error', 'warning', 'info', 'none'].includes(v)) { throw new UsageError(`--fail-on takes error, warning, info or none, not "${v}"`); }
      o.failOn = v as Options['failOn'];
    } else if (name === '--language') { o.language = value(); }
    else if (a === '-h' || a === '--help') { throw new UsageError(''); }
    else if (a === '--') { o.files.push(...argv.slice(i + 1)); break; }
    else if (a.startsWith('-') && a !== '-') { throw new UsageError(`unknown option ${a}`); }
    else { o.files.push(a); }
  }
  if (!o.files.length) { throw new UsageError('no file given'); }
  return o;
}

/** At most MAX_FILE_BYTES + 1 bytes, so that an endless stream is refused instead of filling memory. */
function readCapped(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1 << 20, MAX_FILE_BYTES + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) { break; }
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > MAX_FILE_BYTES) { break; }
    }
    return Buffer.concat(chunks);
  } finally { closeSync(fd); }
}

/** UTF-8 text with the BOM stripped, or a reason why the file is not an article. */
export function readArticle(path: string): { text: string } | { error: string } {
  let bytes: Buffer;
  try {
    const st = statSync(path);
    if (st.isDirectory()) { return { error: 'is a directory' }; }
    if (st.size > MAX_FILE_BYTES) { return { error: `is ${(st.size / 1048576).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit for an article` }; }
    // A device or pipe reports size 0 and may never end (/dev/zero, /dev/urandom): read it with the same cap.
    bytes = st.isFile() ? readFileSync(path) : readCapped(path);
    if (bytes.length > MAX_FILE_BYTES) { return { error: `is over the ${MAX_FILE_BYTES / 1048576} MB limit for an article` }; }
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message };
  }
  if (bytes.subarray(0, 8192).includes(0)) { return { error: 'is not text (it contains NUL bytes)' }; }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { error: 'is not valid UTF-8 text' };
  }
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

function findDirectoryFile(file: string): string | undefined {
  for (let dir = dirname(resolve(file)); ; dir = dirname(dir)) {
    const candidate = join(dir, '.copydesk', 'people.json');
    if (existsSync(candidate)) { return candidate; }
    if (dirname(dir) === dir) { return undefined; }
  }
}

const directoryCache = new Map<string, Directory | undefined>();
function loadDirectory(path: string, warn: (m: string) => void): Directory | undefined {
  if (directoryCache.has(path)) { return directoryCache.get(path); }
  const read = readArticle(path);
  let directory: Directory | undefined;
  if ('error' in read) { warn(`${path}: people directory ${read.error}; checking without it`); }
  else {
    const parsed = parseDirectory(read.text, path);
    for (const e of parsed.errors) { warn(e); }
    directory = parsed.directory;
  }
  directoryCache.set(path, directory);
  return directory;
}

const RANK: Record<Severity | 'none', number> = { info: 1, warning: 2, error: 3, none: 99 };

export function toJson(path: string, a: Analysis): unknown {
  return {
    path,
    attributions: a.attributions,
    quotes: a.quotes.map(q => ({ start: q.start, end: q.end, text: q.text, attributed: q.attributed, scare: q.scare })),
    figures: a.figures,
    people: a.people.map(p => ({ name: p.name, titles: p.titles, mentions: p.mentions })),
    diagnostics: a.diagnostics.map(d => ({
      start: d.start, end: d.end, text: d.text, line: d.line, column: d.column, severity: d.severity,
      rule: d.rule, message: d.message, expected: d.expected, related: d.related, url: d.url,
    })),
  };
}

export function toSarif(results: Array<{ path: string; analysis: Analysis }>, version: string): unknown {
  const level = (s: Severity): string => (s === 'info' ? 'note' : s);
  const endPos = (text: string, end: number): { endLine: number; endColumn: number } => {
    const before = text.slice(0, end);
    const line = before.split(/\r\n|\r|\n/).length;
    const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
    return { endLine: line, endColumn: end - lastBreak };
  };
  const region = (text: string, f: { start: number; end: number; line?: number; column?: number }) => ({
    charOffset: f.start, charLength: f.end - f.start,
    ...(f.line ? { startLine: f.line, startColumn: f.column } : {}), ...endPos(text, f.end),
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: {
        name: 'copydesk', version, informationUri: REPOSITORY_URL,
        rules: [...RULES.values()].map(r => ({ id: r.id, shortDescription: { text: r.summary }, helpUri: ruleUrl(r.id), defaultConfiguration: { level: level(r.severity) } })),
      } },
      columnKind: 'utf16CodeUnits',
      results: results.flatMap(({ path, analysis }) => analysis.diagnostics.map((d: Finding) => ({
        ruleId: d.rule, level: level(d.severity), message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: path.split('\\').join('/') }, region: region(analysis.text, d) } }],
        ...(d.related.length ? { relatedLocations: d.related.map((r, i) => ({ id: i + 1, message: { text: r.message }, physicalLocation: { artifactLocation: { uri: path.split('\\').join('/') }, region: region(analysis.text, r) } })) } : {}),
        ...(d.expected.length ? { fixes: [{ description: { text: `Replace with “${d.expected[0]}”` }, artifactChanges: [{ artifactLocation: { uri: path.split('\\').join('/') }, replacements: [{ deletedRegion: { charOffset: d.start, charLength: d.end - d.start }, insertedContent: { text: d.expected[0] } }] }] }] } : {}),
      }))),
    }],
  };
}

export function main(argv: string[], out: (s: string) => void = s => process.stdout.write(s), err: (s: string) => void = s => process.stderr.write(s)): number {
  let o: Options;
  try { o = parseArgs(argv); } catch (e) {
    if (e instanceof UsageError) { err((e.message ? `copydesk: ${e.message}\n` : '') + USAGE + '\n'); return 2; }
    throw e;
  }
  const warn = (m: string): void => err(`copydesk: ${m}\n`);
  const explicit = o.people.map(p => loadDirectory(p, warn)).filter((d): d is Directory => !!d);
  let fileError = false;
  const results: Array<{ path: string; analysis: Analysis }> = [];
  for (const path of o.files) {
    const read = readArticle(path);
    if ('error' in read) { warn(`${path}: ${read.error}; skipped`); fileError = true; continue; }
    const nearest = findDirectoryFile(path);
    const found = nearest ? loadDirectory(nearest, warn) : undefined;
    const all = [...explicit, ...(found ? [found] : [])];
    const directory = all.length ? mergeDirectories(...all) : undefined;
    const language = o.language ?? (/^\.(md|markdown|mdx)$/i.test(extname(path)) ? 'markdown' : 'plaintext');
    try {
      results.push({ path, analysis: analyse(read.text, { language, directory }) });
    } catch (e) {
      warn(`${path}: analysis failed (${(e as Error).message}); skipped`);
      fileError = true;
    }
  }
  if (o.format === 'json') { out(JSON.stringify(results.map(r => toJson(r.path, r.analysis)), null, 2) + '\n'); }
  else if (o.format === 'sarif') { out(JSON.stringify(toSarif(results, manifest.version), null, 2) + '\n'); }
  else {
    const counts = { error: 0, warning: 0, info: 0 };
    for (const { path, analysis } of results) {
      for (const d of analysis.diagnostics) {
        counts[d.severity]++;
        out(`${path}:${d.line}:${d.column} ${d.severity} ${d.message} ${d.rule}\n`);
      }
    }
    const total = counts.error + counts.warning + counts.info;
    out(`${total} problem${total === 1 ? '' : 's'} (${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info} info) in ${results.length} file${results.length === 1 ? '' : 's'}\n`);
  }
  if (fileError) { return 2; }
  const failing = results.some(r => r.analysis.diagnostics.some(d => RANK[d.severity] >= RANK[o.failOn]));
  return failing ? 1 : 0;
}

// Run only as the program, not when a test imports main().
if (typeof require !== 'undefined' && require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
