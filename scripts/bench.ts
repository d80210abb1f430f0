// `npm run bench [-- --json] [-- --plugins]`: how fast Copydesk reads an article and a 100,000-word document, against the floor
// of retext-english alone. Real text: PolNeAR train articles, read at run time from ../shared (never copied into
// the project), concatenated in file-name order. Every figure is the median of repeated runs after a warm-up,
// in one process, so the ratios compare like with like.
//   parse    unified().use(retextEnglish).parse(text): the floor.
//   analyse  analyse(text): every plugin and check, caches cleared before each run (real work, no cache hits).
//   edit     analyse() again after one paragraph in the middle changed, caches warm: what a keystroke costs.
//   heap_mb  peak heap growth during one cold analysis (sampled after the parser and after every plugin).
// Warm-up: 40 runs of everything on the article, 3 on the large document, then as many untimed runs of each
// operation as are timed.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import { VFile } from 'vfile';
import { analyse, createProcessor, PLUGINS } from '../src/core/pipeline.ts';
import { clearMemo } from '../src/core/memo.ts';

const json = process.argv.includes('--json');
// --plugins: the time of each stage (parser, each plugin and check), cold and on an edit, also in the JSON output
// (the text output always shows it).
const stages = process.argv.includes('--plugins');
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = [join(root, '..', 'shared', 'corpora', 'polnear', 'train', 'text'), join(root, 'shared', 'corpora', 'polnear', 'train', 'text')]
  .find(existsSync);
if (!corpus) {
  console.error('bench: PolNeAR not found at ../shared/corpora/polnear (beside the repository)');
  process.exit(2);
}
const gc = (globalThis as { gc?: () => void }).gc;
const log = (s: string): void => { if (!json) { console.error(s); } };

const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;
const articles = readdirSync(corpus).filter(f => f.endsWith('.txt')).sort().map(f => readFileSync(join(corpus, f), 'utf8').trim());
// The first article of about 800 words (in file-name order, so always the same one).
const article = articles.find(a => { const n = words(a); return n >= 750 && n <= 850; }) ?? articles[0];
const parts: string[] = [];
let total = 0;
for (const a of articles) {
  if (total >= 100_000) { break; }
  parts.push(a);
  total += words(a);
}
const large = parts.join('\n\n');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/**
 * The median of `runs` timed runs, after as many untimed ones: switching from one measured operation to the next
 * (30 parses, then analyses) left the first ten or so analyses of the article two to three times slower than the
 * settled ones, which is the state change being measured, not the operation.
 */
function repeat(runs: number, before: () => void, fn: () => void): number {
  for (let i = 0; i < runs; i++) { before(); fn(); }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) { before(); times.push(time(fn)); }
  return median(times);
}

/** The text with a paragraph near the middle changed: a word added, different on every call (no cache hit). */
let edits = 0;
function edited(text: string): string {
  const mid = text.indexOf('\n\n', text.length >> 1);
  const at = mid < 0 ? text.length >> 1 : mid;
  const sentenceEnd = text.lastIndexOf('. ', at);
  const where = sentenceEnd > 0 ? sentenceEnd : at;
  return `${text.slice(0, where)} and more${++edits % 2 ? '' : ' still'} ${'x'.repeat(1 + edits % 7)}${text.slice(where)}`;
}

interface Row { words: number; parse_ms: number; analyse_ms: number; edit_ms: number; heap_mb: number; plugins: Record<string, number>; editPlugins: Record<string, number> }

function measure(name: string, text: string, runs: number, warmups: number): Row {
  log(`${name}: ${words(text)} words, ${warmups} warm-up runs, ${runs} runs each`);
  const english = unified().use(retextEnglish);
  // Warm-up: JIT, lazily built tables and regular expressions. An 800-word parse is only fully optimised after
  // some twenty runs: with three, the article's parse read 2.6-4.6 ms instead of its settled 0.5-1 ms, and every
  // ratio to it was flattered.
  for (let i = 0; i < warmups; i++) { english.parse(text); clearMemo(); analyse(text); }
  const parse_ms = repeat(runs, () => {}, () => { english.parse(text); });
  const analyse_ms = repeat(runs, clearMemo, () => { analyse(text); });
  let next = text;
  // The edited text is handed over as a flat string, as the editor's worker receives it (a structured clone of the
  // message): spliced together, it is a rope that the first step to read it would flatten, a copy that is not analysis.
  const edit_ms = repeat(runs, () => { clearMemo(); analyse(text); next = structuredClone(edited(text)); }, () => { analyse(next); });
  // Where the time goes: each transformer timed on its own (cold), the parser being what is left.
  const spent: Record<string, number[]> = {};
  for (let i = 0; i < runs; i++) {
    clearMemo();
    const processor = createProcessor({}, (plugin, transformer) => (tree, file) => {
      const t = performance.now();
      transformer(tree, file);
      (spent[plugin] ??= []).push(performance.now() - t);
    });
    const file = new VFile({ value: text });
    const t = performance.now();
    const tree = processor.parse(file);
    (spent.parser ??= []).push(performance.now() - t);
    processor.runSync(tree, file);
  }
  // The same, for an edit with warm caches: what is left is the document-wide work that no cache saves.
  const warm: Record<string, number[]> = {};
  for (let i = 0; i < runs; i++) {
    clearMemo();
    analyse(text);
    const processor = createProcessor({}, (plugin, transformer) => (tree, file) => {
      const t = performance.now();
      transformer(tree, file);
      (warm[plugin] ??= []).push(performance.now() - t);
    });
    const file = new VFile({ value: structuredClone(edited(text)) });
    const t = performance.now();
    const tree = processor.parse(file);
    (warm.parser ??= []).push(performance.now() - t);
    processor.runSync(tree, file);
  }
  const stages = ['parser', ...PLUGINS.map(([n]) => n)];
  const plugins = Object.fromEntries(stages.map(n => [n, median(spent[n] ?? [0])]));
  const editPlugins = Object.fromEntries(stages.map(n => [n, median(warm[n] ?? [0])]));
  // Peak heap: the highest heap use seen between the stages of one cold analysis, above the heap before it.
  let heap_mb = NaN;
  if (gc) {
    clearMemo();
    gc();
    const base = process.memoryUsage().heapUsed;
    let peak = base;
    const sample = (): void => { peak = Math.max(peak, process.memoryUsage().heapUsed); };
    const processor = createProcessor({}, (_plugin, transformer) => (tree, file) => { sample(); transformer(tree, file); sample(); });
    const file = new VFile({ value: text });
    processor.runSync(processor.parse(file), file);
    sample();
    heap_mb = (peak - base) / 2 ** 20;
  }
  return { words: words(text), parse_ms, analyse_ms, edit_ms, heap_mb, plugins, editPlugins };
}

const a = measure('article', article, 31, 40);
const l = measure('large', large, 5, 3);
const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;
const roundAll = (r: Record<string, number>): Record<string, number> => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v)]));
const stagesOf = (r: Row): Record<string, unknown> => (stages ? { stages_ms: { analyse: roundAll(r.plugins), edit: roundAll(r.editPlugins) } } : {});

if (json) {
  console.log(JSON.stringify({
    article: { words: a.words, parse_ms: round(a.parse_ms), analyse_ms: round(a.analyse_ms), edit_ms: round(a.edit_ms), ...stagesOf(a) },
    large: { words: l.words, parse_ms: round(l.parse_ms), analyse_ms: round(l.analyse_ms), edit_ms: round(l.edit_ms), heap_mb: round(l.heap_mb, 1), ...stagesOf(l) },
  }));
} else {
  const perWord = (r: Row): number => r.analyse_ms / r.words;
  const pad = (s: string | number, n: number): string => String(s).padStart(n);
  const lines = [
    `${'document'.padEnd(10)}${pad('words', 9)}${pad('parse ms', 11)}${pad('analyse ms', 12)}${pad('edit ms', 10)}${pad('heap MB', 10)}${pad('words/s', 11)}`,
    ...[['article', a], ['large', l]].map(([n, r]) => {
      const row = r as Row;
      return `${(n as string).padEnd(10)}${pad(row.words, 9)}${pad(round(row.parse_ms), 11)}${pad(round(row.analyse_ms), 12)}${pad(round(row.edit_ms), 10)}${pad(n === 'large' ? round(row.heap_mb, 1) : '', 10)}${pad(Math.round(row.words / row.analyse_ms * 1000), 11)}`;
    }),
    '',
    'targets                                        value    target',
    `analyse / parse, article                    ${pad(round(a.analyse_ms / a.parse_ms), 8)}    <= 3`,
    `analyse / parse, large                      ${pad(round(l.analyse_ms / l.parse_ms), 8)}    <= 3`,
    `per-word cost, large / article              ${pad(round(perWord(l) / perWord(a)), 8)}    <= 1.25`,
    `edit / analyse, large                       ${pad(round(l.edit_ms / l.analyse_ms, 3), 8)}    <= 0.10`,
    '',
    'by stage (median ms)          analyse: article      large   edit: article      large',
    ...Object.keys(l.plugins).map(n => `  ${n.padEnd(34)}${pad(round(a.plugins[n]), 9)}${pad(round(l.plugins[n]), 11)}${pad(round(a.editPlugins[n]), 15)}${pad(round(l.editPlugins[n]), 11)}`),
  ];
  if (!gc) { lines.push('', '(heap not measured: run with node --expose-gc, as npm run bench does)'); }
  console.log(lines.join('\n'));
}
