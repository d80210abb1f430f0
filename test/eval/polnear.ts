// PolNeAR loader and scorer. The scoring follows the corpus README word for word:
// - a span is a set of character offsets (discontinuous spans are unions of their pieces);
// - matching is one to one, best overlap first, overlap = |P ∩ G| / |G| of the gold Content;
// - a direct quotation is an attribution whose Content text contains a double quotation mark (gold and predicted);
// - speaker accuracy: among matched pairs whose gold has a Source, the share whose predicted Source overlaps it;
// - exact match: the sets of exact Content, Source and Cue spans.
// The corpus is read from wherever it lies; nothing of it is copied into the project.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Attribution } from '../../src/core/model.ts';

/** Half-open ranges, sorted, not overlapping. */
export type Ranges = Array<[number, number]>;

export interface GoldAttribution {
  content: Ranges;
  source: Ranges | null;
  cue: Ranges | null;
  contentText: string;
}

export interface Scored {
  content: Ranges;
  source: Ranges | null;
  cue: Ranges | null;
  /** The content's text, to tell direct quotations. */
  contentText: string;
}

export interface Doc { name: string; text: string; gold: GoldAttribution[] }

export function parseRanges(s: string): Ranges {
  return normalise(s.split(';').map(p => p.trim().split(/\s+/).map(Number) as [number, number]));
}

export function normalise(ranges: Ranges): Ranges {
  const sorted = ranges.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: Ranges = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) { last[1] = Math.max(last[1], b); } else { out.push([a, b]); }
  }
  return out;
}

/** brat standoff: T lines are spans, E lines join an attribution's Content(s), Cue and Source. */
export function parseAnn(ann: string, text: string): GoldAttribution[] {
  const spans = new Map<string, { kind: string; ranges: Ranges }>();
  const events: string[][] = [];
  for (const line of ann.split(/\r?\n/)) {
    const cols = line.split('\t');
    if (line.startsWith('T') && cols.length >= 2) {
      const sp = cols[1].indexOf(' ');
      if (sp < 0) { continue; }
      spans.set(cols[0], { kind: cols[1].slice(0, sp), ranges: parseRanges(cols[1].slice(sp + 1)) });
    } else if (line.startsWith('E') && cols.length >= 2) {
      events.push(cols[1].trim().split(/\s+/));
    }
  }
  const out: GoldAttribution[] = [];
  for (const args of events) {
    let content: Ranges = [];
    let source: Ranges | null = null;
    let cue: Ranges | null = null;
    for (const arg of args) {
      const [role, id] = arg.split(':');
      const t = spans.get(id);
      if (!t) { continue; }
      const r = role.replace(/\d+$/, '');
      if (r === 'Content') { content = normalise([...content, ...t.ranges]); }
      else if (r === 'Source') { source = t.ranges; }
      else if (r === 'Cue') { cue = t.ranges; }
    }
    // An attribution without Content cannot be scored by overlap with |G| = 0: left out.
    if (content.length === 0) { continue; }
    out.push({ content, source, cue, contentText: textOf(text, content) });
  }
  return out;
}

export function textOf(text: string, ranges: Ranges): string {
  return ranges.map(([a, b]) => text.slice(a, b)).join(' ');
}

export function loadCorpus(dir: string): Doc[] {
  const names = readdirSync(join(dir, 'text')).filter(f => f.endsWith('.txt')).sort();
  return names.map(f => {
    const name = f.slice(0, -4);
    const text = readFileSync(join(dir, 'text', f), 'utf8');
    let ann = '';
    try { ann = readFileSync(join(dir, 'attributions', `${name}.ann`), 'utf8'); } catch { /* no annotations: no gold */ }
    return { name, text, gold: parseAnn(ann, text) };
  });
}

export function size(r: Ranges): number {
  let n = 0;
  for (const [a, b] of r) { n += b - a; }
  return n;
}

export function intersection(p: Ranges, g: Ranges): number {
  let i = 0, j = 0, n = 0;
  while (i < p.length && j < g.length) {
    const lo = Math.max(p[i][0], g[j][0]);
    const hi = Math.min(p[i][1], g[j][1]);
    if (hi > lo) { n += hi - lo; }
    if (p[i][1] < g[j][1]) { i++; } else { j++; }
  }
  return n;
}

export const isDirect = (contentText: string): boolean => /["“”]/.test(contentText);

/** One-to-one matching, best overlap first; returns pairs [predicted index, gold index]. */
export function match(pred: Scored[], gold: Scored[], threshold: number): Array<[number, number]> {
  const candidates: Array<[number, number, number]> = [];
  for (let g = 0; g < gold.length; g++) {
    const gs = size(gold[g].content);
    if (gs === 0) { continue; }
    for (let p = 0; p < pred.length; p++) {
      const share = intersection(pred[p].content, gold[g].content) / gs;
      if (share >= threshold && share > 0) { candidates.push([share, p, g]); }
    }
  }
  candidates.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const usedP = new Set<number>(), usedG = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const [, p, g] of candidates) {
    if (usedP.has(p) || usedG.has(g)) { continue; }
    usedP.add(p); usedG.add(g);
    pairs.push([p, g]);
  }
  return pairs;
}

export interface Counts { tp: number; pred: number; gold: number }
export interface PRF { precision: number; recall: number; f1: number; tp: number; pred: number; gold: number }

export function prf(c: Counts): PRF {
  const precision = c.pred ? c.tp / c.pred : (c.gold ? 0 : 1);
  const recall = c.gold ? c.tp / c.gold : (c.pred ? 0 : 1);
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, ...c };
}

const add = (a: Counts, b: Counts): Counts => ({ tp: a.tp + b.tp, pred: a.pred + b.pred, gold: a.gold + b.gold });
const zero = (): Counts => ({ tp: 0, pred: 0, gold: 0 });

/** Speaker right: the gold has a Source and the predicted Source overlaps it. */
export function speakerRight(p: Scored, g: Scored): boolean {
  return !!g.source && !!p.source && intersection(p.source, g.source) > 0;
}

export interface DocScore {
  direct08: Counts; direct03: Counts;
  /** Matched direct pairs (0.8) whose gold has a Source, and how many of them have the right speaker. */
  speaker: { right: number; total: number };
  endToEnd: Counts;
  all05: Counts;
  allSpeaker: { right: number; total: number };
  exactContent: Counts; exactSource: Counts; exactCue: Counts;
}

function speakers(pairs: Array<[number, number]>, pred: Scored[], gold: Scored[]): { right: number; total: number; e2e: number } {
  let right = 0, total = 0, e2e = 0;
  for (const [p, g] of pairs) {
    const ok = speakerRight(pred[p], gold[g]);
    if (gold[g].source) { total++; if (ok) { right++; } }
    // End to end, a gold without a Source is right only when nobody is named for it either.
    if (gold[g].source ? ok : !pred[p].source) { e2e++; }
  }
  return { right, total, e2e };
}

const key = (r: Ranges | null): string | null => (r && r.length ? r.map(([a, b]) => `${a}-${b}`).join(';') : null);

function exact(pred: Scored[], gold: Scored[], pick: (s: Scored) => Ranges | null): Counts {
  const ps = new Set(pred.map(pick).map(key).filter((k): k is string => k !== null));
  const gs = new Set(gold.map(pick).map(key).filter((k): k is string => k !== null));
  let tp = 0;
  for (const k of ps) { if (gs.has(k)) { tp++; } }
  return { tp, pred: ps.size, gold: gs.size };
}

export function scoreDoc(pred: Scored[], gold: Scored[]): DocScore {
  const pd = pred.filter(p => isDirect(p.contentText));
  const gd = gold.filter(g => isDirect(g.contentText));
  const m8 = match(pd, gd, 0.8);
  const m3 = match(pd, gd, 0.3);
  const sp = speakers(m8, pd, gd);
  const m5 = match(pred, gold, 0.5);
  const spAll = speakers(m5, pred, gold);
  return {
    direct08: { tp: m8.length, pred: pd.length, gold: gd.length },
    direct03: { tp: m3.length, pred: pd.length, gold: gd.length },
    speaker: { right: sp.right, total: sp.total },
    endToEnd: { tp: sp.e2e, pred: pd.length, gold: gd.length },
    all05: { tp: m5.length, pred: pred.length, gold: gold.length },
    allSpeaker: { right: spAll.right, total: spAll.total },
    exactContent: exact(pred, gold, s => s.content),
    exactSource: exact(pred, gold, s => s.source),
    exactCue: exact(pred, gold, s => s.cue),
  };
}

export interface Totals {
  direct08: PRF; direct03: PRF; speakerAccuracy: number; endToEnd: PRF;
  all05: PRF; allSpeakerAccuracy: number;
  exactContent: PRF; exactSource: PRF; exactCue: PRF;
}

/** Micro-averaged over documents. */
export function total(docs: DocScore[]): Totals {
  const sum = (pick: (d: DocScore) => Counts): Counts => docs.map(pick).reduce(add, zero());
  const acc = (pick: (d: DocScore) => { right: number; total: number }): number => {
    let r = 0, t = 0;
    for (const d of docs) { r += pick(d).right; t += pick(d).total; }
    return t ? r / t : 0;
  };
  return {
    direct08: prf(sum(d => d.direct08)),
    direct03: prf(sum(d => d.direct03)),
    speakerAccuracy: acc(d => d.speaker),
    endToEnd: prf(sum(d => d.endToEnd)),
    all05: prf(sum(d => d.all05)),
    allSpeakerAccuracy: acc(d => d.allSpeaker),
    exactContent: prf(sum(d => d.exactContent)),
    exactSource: prf(sum(d => d.exactSource)),
    exactCue: prf(sum(d => d.exactCue)),
  };
}

/** An extracted attribution as the scorer sees it: a split content is the set of its parts' characters. */
export function toScored(a: Attribution): Scored {
  const pieces = a.parts && a.parts.length ? a.parts : [a.content];
  return {
    content: normalise(pieces.map(p => [p.start, p.end] as [number, number])),
    source: a.source ? [[a.source.start, a.source.end]] as Ranges : null,
    cue: a.cue ? [[a.cue.start, a.cue.end]] as Ranges : null,
    contentText: pieces.map(p => p.text).join(' '),
  };
}
