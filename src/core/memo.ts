// Per-paragraph memoisation. Most of the work of every plugin depends only on one paragraph's text, so a
// keystroke should redo the work of one paragraph, not of the document. Results are stored relative to the
// paragraph's start and moved to wherever the same paragraph text stands now.
import type { Paragraph } from 'nlcst';
import { toString } from 'nlcst-to-string';

const LIMIT = 20000;
const caches = new Map<string, Map<string, { base: number; value: unknown }>>();

/** Deep copy of `value` with every Span-like object ({start, end} numbers) moved by `delta`. */
export function shiftSpans<T>(value: T, delta: number): T {
  if (delta === 0 || value === null || typeof value !== 'object') { return value; }
  if (Array.isArray(value)) { return value.map(v => shiftSpans(v, delta)) as T; }
  const out: Record<string, unknown> = {};
  const src = value as Record<string, unknown>;
  const isSpan = typeof src.start === 'number' && typeof src.end === 'number';
  for (const [k, v] of Object.entries(src)) {
    out[k] = isSpan && (k === 'start' || k === 'end') ? (v as number) + delta : shiftSpans(v, delta);
  }
  return out as T;
}

/**
 * `compute(paragraph)` must depend on nothing but the paragraph (its text and nodes) and return plain data
 * whose offsets are absolute; spans are recognised as objects with numeric `start` and `end`.
 */
export function memoParagraph<T>(name: string, paragraph: Paragraph, compute: (p: Paragraph) => T): T {
  const base = paragraph.position!.start.offset!;
  const key = toString(paragraph);
  let cache = caches.get(name);
  if (!cache) { cache = new Map(); caches.set(name, cache); }
  const hit = cache.get(key);
  if (hit) { return shiftSpans(hit.value as T, base - hit.base); }
  const value = compute(paragraph);
  if (cache.size >= LIMIT) { cache.delete(cache.keys().next().value!); }
  cache.set(key, { base, value: shiftSpans(value, 0) });
  return value;
}

export function clearMemo(): void { caches.clear(); }
