// Per-paragraph memoisation. Most of the work of every plugin depends only on one paragraph's text, so a
// keystroke should redo the work of one paragraph, not of the document. Results are stored relative to the
// paragraph's start and shared; callers place them where the same paragraph text stands now.
import type { Paragraph } from 'nlcst';
import { toString } from 'nlcst-to-string';

const LIMIT = 20000;
let caches = new Map<string, Map<string, unknown>>();

/** The text of each paragraph the parser made, so that a memo lookup does not walk the tree to spell it. */
export const paragraphText = new WeakMap<Paragraph, string>();

/** Another cache (the parser's trees): `swap` sets it aside, empty in its place, and returns how to put it back. */
export interface Cache { clear(): void; swap(): () => void }
const others: Cache[] = [];
/** Caches that `clearMemo` and `isolated` must reach too, so that "cold" really is cold. */
export function registerCache(cache: Cache): void { others.push(cache); }

// Each tree the parser makes carries a slot for the memo's results, so that a paragraph whose tree is reused (the
// text did not change) finds them in one step, without hashing its text. The text-keyed caches behind the slots
// serve new trees of a text seen before (a paragraph typed back, or the same paragraph twice).
const SLOT = Symbol('copydesk.memo');
type Slot = Map<string, { context: string; value: unknown }>;

/** The parser calls this for every tree it makes: the paragraph's text, and an empty slot on the tree. */
export function registerParagraph(tree: Paragraph, text: string): void {
  paragraphText.set(tree, text);
  Object.defineProperty(tree, SLOT, { value: new Map(), enumerable: false });
}

const slotOf = (paragraph: Paragraph): Slot | undefined => (paragraph as unknown as Record<symbol, Slot | undefined>)[SLOT];

/** The text-keyed cache of `name`. */
function textCache(name: string): Map<string, unknown> {
  let cache = caches.get(name);
  if (!cache) { cache = new Map(); caches.set(name, cache); }
  return cache;
}

/**
 * Per-paragraph memoisation without copies: `compute(text, paragraph, base)` returns plain data whose offsets are
 * relative to the paragraph's start (`base`, the offset of its first character, is given for reading the tree),
 * and the cached value itself is returned, shared by every paragraph with the same text in every analysis.
 * Callers must never change it; they add the paragraph's start to the offsets of what they hand on. `context`
 * (a few characters around the paragraph that the result also depends on) keeps results apart that the text
 * alone would not tell apart.
 */
export function memoRelative<T>(name: string, paragraph: Paragraph, compute: (text: string, paragraph: Paragraph, base: number) => T, context = ''): T {
  const slot = slotOf(paragraph);
  const own = slot?.get(name);
  if (own && own.context === context) { return own.value as T; }
  const key = paragraphText.get(paragraph) ?? toString(paragraph);
  const cache = textCache(context ? `${name}\u0000${context}` : name);
  let value: T;
  if (cache.has(key)) {
    value = cache.get(key) as T;
  } else {
    value = compute(key, paragraph, paragraph.position!.start.offset!);
    if (cache.size >= LIMIT) { cache.delete(cache.keys().next().value!); }
    cache.set(key, value);
  }
  slot?.set(name, { context, value });
  return value;
}

/** How many document-level results each name keeps: one per document open side by side, roughly. */
const DOCUMENT_LIMIT = 4;
let documents = new Map<string, Array<{ inputs: readonly unknown[]; value: unknown }>>();

/**
 * Document-level memoisation: `compute()` runs only when `inputs` differ from those of every result of `name`
 * kept, compared element by element: `===`, or else `same(a, b)` when given. Inputs are what the result depends
 * on and nothing more: typically the cached per-paragraph results (shared objects, so an unchanged paragraph
 * compares in one step), with `same` comparing summaries of them without offsets, so that an edit that moves
 * text, or changes a paragraph in a way the result does not read, reuses the result. `same` is asked only about
 * inputs that are not identical, so a summary can be computed lazily, for the few paragraphs an edit touched.
 * The value is shared between analyses: keep offsets out of it (or relative to something the caller places).
 */
export function memoDocument<V, I = unknown>(name: string, inputs: readonly I[], compute: () => V, same?: (a: I, b: I) => boolean): V {
  let list = documents.get(name);
  if (!list) { list = []; documents.set(name, list); }
  for (let n = 0; n < list.length; n++) {
    const entry = list[n];
    if (!sameInputs(entry.inputs as readonly I[], inputs, same)) { continue; }
    // Most recently used first.
    if (n > 0) { list.splice(n, 1); list.unshift(entry); }
    return entry.value as V;
  }
  const value = compute();
  list.unshift({ inputs, value });
  if (list.length > DOCUMENT_LIMIT) { list.pop(); }
  return value;
}

function sameInputs<I>(a: readonly I[], b: readonly I[], same?: (a: I, b: I) => boolean): boolean {
  if (a.length !== b.length) { return false; }
  for (let i = 0; i < a.length; i++) { if (a[i] !== b[i] && !(same && same(a[i], b[i]))) { return false; } }
  return true;
}

/**
 * How many times each word occurs in the word lists of the latest analysis's paragraphs, kept up to date by
 * difference: the lists are the memo's shared arrays, so an edit removes one paragraph's list and adds another
 * instead of counting the document again. Register it (`registerTally`) so that `isolated` sets it aside.
 */
export class WordTally {
  private counts = new Map<string, number>();
  private lists = new Map<readonly string[], number>();

  update(lists: ReadonlyArray<readonly string[]>): void {
    const next = new Map<readonly string[], number>();
    for (const l of lists) { next.set(l, (next.get(l) ?? 0) + 1); }
    for (const [l, n] of this.lists) {
      const m = next.get(l) ?? 0;
      for (let k = m; k < n; k++) {
        for (const w of l) { const c = this.counts.get(w)! - 1; if (c === 0) { this.counts.delete(w); } else { this.counts.set(w, c); } }
      }
    }
    for (const [l, m] of next) {
      const n = this.lists.get(l) ?? 0;
      for (let k = n; k < m; k++) { for (const w of l) { this.counts.set(w, (this.counts.get(w) ?? 0) + 1); } }
    }
    this.lists = next;
  }

  has(word: string): boolean { return this.counts.has(word); }

  clear(): void { this.counts = new Map(); this.lists = new Map(); }

  swap(): () => void {
    const { counts, lists } = this;
    this.clear();
    return () => { this.counts = counts; this.lists = lists; };
  }
}

/** A tally that `clearMemo` empties and `isolated` sets aside, like the memo's own caches. */
export function registerTally(): WordTally {
  const tally = new WordTally();
  registerCache(tally);
  return tally;
}

/** Forget every cached paragraph result and parsed tree. */
export function clearMemo(): void {
  caches.clear();
  documents.clear();
  for (const c of others) { c.clear(); }
}

/** Runs `fn` with empty caches and puts the current ones back afterwards: a fresh analysis that spoils nothing. */
export function isolated<T>(fn: () => T): T {
  const saved = caches, savedDocuments = documents;
  caches = new Map();
  documents = new Map();
  const restore = others.map(c => c.swap());
  try {
    return fn();
  } finally {
    caches = saved;
    documents = savedDocuments;
    for (const r of restore) { r(); }
  }
}
