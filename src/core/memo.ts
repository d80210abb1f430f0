// Per-paragraph memoisation. Most of the work of every plugin depends only on one paragraph's text, so a
// keystroke should redo the work of one paragraph, not of the document. Results are stored relative to the
// paragraph's start and moved to wherever the same paragraph text stands now.
import type { Paragraph } from 'nlcst';
import { toString } from 'nlcst-to-string';

const LIMIT = 20000;
let caches = new Map<string, Map<string, { base: number; value: unknown }>>();

/** The text of each paragraph the parser made, so that a memo lookup does not walk the tree to spell it. */
export const paragraphText = new WeakMap<Paragraph, string>();

/** Another cache (the parser's trees): `swap` sets it aside, empty in its place, and returns how to put it back. */
export interface Cache { clear(): void; swap(): () => void }
const others: Cache[] = [];
/** Caches that `clearMemo` and `isolated` must reach too, so that "cold" really is cold. */
export function registerCache(cache: Cache): void { others.push(cache); }

/**
 * Deep copy of `value` with every Span-like object ({start, end} numbers) moved by `delta`. Always a copy,
 * even when nothing moves: plugins may change what they get (the attributions plugin extends `parts`), and
 * that must never reach the cache. Only arrays and plain objects are copied; anything else is shared.
 */
export function shiftSpans<T>(value: T, delta: number): T {
  if (value === null || typeof value !== 'object') { return value; }
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) { out[i] = shiftSpans(value[i], delta); }
    return out as T;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) { return value; }
  const src = value as Record<string, unknown>;
  const isSpan = typeof src.start === 'number' && typeof src.end === 'number';
  const out: Record<string, unknown> = {};
  for (const k in src) {
    const v = src[k];
    out[k] = isSpan && (k === 'start' || k === 'end') ? (v as number) + delta : typeof v === 'object' ? shiftSpans(v, delta) : v;
  }
  return out as T;
}

/**
 * `compute(paragraph)` must depend on nothing but the paragraph (its text and nodes) and return plain data
 * whose offsets are absolute; spans are recognised as objects with numeric `start` and `end`.
 */
export function memoParagraph<T>(name: string, paragraph: Paragraph, compute: (p: Paragraph) => T): T {
  const base = paragraph.position!.start.offset!;
  const key = paragraphText.get(paragraph) ?? toString(paragraph);
  let cache = caches.get(name);
  if (!cache) { cache = new Map(); caches.set(name, cache); }
  const hit = cache.get(key);
  if (hit) { return shiftSpans(hit.value as T, base - hit.base); }
  const value = compute(paragraph);
  if (cache.size >= LIMIT) { cache.delete(cache.keys().next().value!); }
  cache.set(key, { base, value: shiftSpans(value, 0) });
  return value;
}

/** Forget every cached paragraph result and parsed tree. */
export function clearMemo(): void {
  caches.clear();
  for (const c of others) { c.clear(); }
}

/** Runs `fn` with empty caches and puts the current ones back afterwards: a fresh analysis that spoils nothing. */
export function isolated<T>(fn: () => T): T {
  const saved = caches;
  caches = new Map();
  const restore = others.map(c => c.swap());
  try {
    return fn();
  } finally {
    caches = saved;
    for (const r of restore) { r(); }
  }
}
