// Figure-conflict evaluation by injection. For each article, up to three sentences holding a figure (count,
// money or percent, written in digits) are restated a paragraph later with the figure changed (×1.3, format
// kept; seeded by the article's name, so every run is the same). An injection is caught when a conflict/
// diagnostic sits on one of the two figures with related information on the other. The clean originals are
// run too: every conflict/ diagnostic there is printed (article, both figures) to be read and explained.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import type { Root } from 'nlcst';
import { analyse, createProcessor } from '../../src/core/pipeline.ts';
import type { Figure, Finding } from '../../src/core/model.ts';
import type { Section } from './run.ts';

const PER_ARTICLE = 3;

function seeded(name: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) { h = Math.imul(h ^ name.charCodeAt(i), 16777619); }
  return () => {
    h = (h + 0x6d2b79f5) | 0;
    let t = Math.imul(h ^ (h >>> 15), 1 | h);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The figure's number ×1.3, written the way the original was (decimals, thousands commas). */
export function changed(text: string): string | null {
  const m = /\d[\d,]*(?:\.\d+)?/.exec(text);
  if (!m) { return null; }
  const old = Number(m[0].replace(/,/g, ''));
  const decimals = m[0].includes('.') ? m[0].length - m[0].indexOf('.') - 1 : 0;
  let v = Number((old * 1.3).toFixed(decimals));
  if (v === old) { v = old + 10 ** -decimals; }
  let s = v.toFixed(decimals);
  if (m[0].includes(',') || (old >= 1000 && /,/.test(m[0]))) { s = Number(s).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }); }
  return text.slice(0, m.index) + s + text.slice(m.index + m[0].length);
}

interface Place { start: number; end: number }
const overlaps = (a: Place, b: Place): boolean => a.start < b.end && b.start < a.end;

function paragraphsAndSentences(text: string): Array<{ end: number; sentences: Place[] }> {
  const file = new VFile({ value: text });
  const tree = createProcessor().parse(file) as Root;
  return tree.children.filter(p => p.type === 'ParagraphNode').map(p => ({
    end: p.position!.end.offset!,
    sentences: (p.type === 'ParagraphNode' ? p.children : []).filter(s => s.type === 'SentenceNode').map(s => ({ start: s.position!.start.offset!, end: s.position!.end.offset! })),
  }));
}

const conflictsOf = (ds: Finding[]): Finding[] => ds.filter(d => d.rule.startsWith('conflict/'));

export async function evaluate(dir: string): Promise<Section> {
  const textDir = join(dir, 'text');
  const names = readdirSync(textDir).filter(f => f.endsWith('.txt')).sort();
  let injections = 0, caught = 0, falseAlarms = 0, ms = 0;
  const lines: string[] = [];
  const missed: string[] = [];
  const alarms: string[] = [];
  for (const f of names) {
    const name = f.slice(0, -4);
    const text = readFileSync(join(textDir, f), 'utf8');
    const t0 = performance.now();
    const clean = analyse(text);
    ms += performance.now() - t0;
    for (const d of conflictsOf(clean.diagnostics)) {
      falseAlarms++;
      alarms.push(`  ${name}: ${d.rule} \`${d.text}\` vs ${d.related.map(r => `\`${r.text}\``).join(', ')}`);
    }
    const paragraphs = paragraphsAndSentences(text);
    const candidates = clean.figures.filter(g => (g.kind === 'count' || g.kind === 'money' || g.kind === 'percent') && /\d/.test(g.text));
    const rand = seeded(name);
    const chosen = new Set<Figure>();
    for (let tries = 0; chosen.size < Math.min(PER_ARTICLE, candidates.length) && tries < 20; tries++) {
      chosen.add(candidates[Math.floor(rand() * candidates.length)]);
    }
    for (const fig of [...chosen].sort((a, b) => a.start - b.start)) {
      const pi = paragraphs.findIndex(p => p.sentences.some(s => s.start <= fig.start && fig.end <= s.end));
      if (pi < 0) { continue; }
      const sentence = paragraphs[pi].sentences.find(s => s.start <= fig.start && fig.end <= s.end)!;
      const newFigure = changed(fig.text);
      if (!newFigure) { continue; }
      const restated = text.slice(sentence.start, fig.start) + newFigure + text.slice(fig.end, sentence.end);
      const at = paragraphs[Math.min(pi + 1, paragraphs.length - 1)].end;
      const injected = text.slice(0, at) + '\n\n' + restated + text.slice(at);
      const moved: Place = { start: at + 2 + (fig.start - sentence.start), end: at + 2 + (fig.start - sentence.start) + newFigure.length };
      injections++;
      const found = conflictsOf(analyse(injected).diagnostics).some(d =>
        (overlaps(d, moved) && d.related.some(r => overlaps(r, fig))) || (overlaps(d, fig) && d.related.some(r => overlaps(r, moved))));
      if (found) { caught++; } else { missed.push(`  ${name}: \`${fig.text}\` → \`${newFigure}\` (${fig.kind}, unit ${fig.unit ?? '-'})`); }
    }
  }
  const recall = injections ? caught / injections : 0;
  const rate = names.length ? falseAlarms / names.length : 0;
  lines.push(`articles: ${names.length}`, `injections: ${injections}`, `caught: ${caught}`, `recall: ${(recall * 100).toFixed(1)}%`,
    `false alarms on clean articles: ${falseAlarms}`, `rate: ${rate.toFixed(3)} per article`, `analysis time: ${(ms / names.length).toFixed(2)} ms per clean article`);
  if (alarms.length) { lines.push('', 'conflict/ diagnostics on the clean articles:', ...alarms); }
  if (process.env.SHOW_MISSED) { lines.push('', 'missed injections:', ...missed); }
  return { title: 'conflicts: injected figure conflicts and false alarms', lines, json: { articles: names.length, injections, caught, recall, falseAlarms, rate } };
}
