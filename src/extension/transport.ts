// How an Analysis travels from the worker to the extension host without stalling the host (worker.ts, engine.ts),
// and how the host does a large amount of work in slices, yielding to its event loop in between. No vscode here: the
// unit tests run it in Node.
//
// A structured clone of the Analysis of a 100,000-word document (some 7 MB: thousands of quotations, attributions,
// figures and problems) took the host's thread 150 to 600 ms to deserialise, in one piece, when the message arrived.
// Encoded instead as UTF-8 JSON in one transferred buffer, it arrives at no cost and is decoded a chunk at a time.
import type { Analysis } from '../core/model.js';

/** The arrays of an Analysis, in the order they are encoded. */
export const FIELDS = ['quotes', 'attributions', 'figures', 'people', 'diagnostics'] as const;
export type Field = typeof FIELDS[number];

/**
 * An Analysis as UTF-8 JSON in one buffer: each chunk is a JSON array of consecutive items of one field, small enough
 * to parse in a millisecond or two. `text` is left out when it is the request's text (the host has it).
 */
export interface EncodedAnalysis {
  buffer: Uint8Array;
  /** Per chunk: its field, and the byte offset where it ends (each starts where the previous one ends). */
  fields: Field[];
  ends: number[];
  text?: string;
}

/** Characters of JSON per chunk (about a millisecond of JSON.parse on a slow machine). */
const CHUNK_CHARS = 16 * 1024;

/**
 * Encodes `analysis` (in the worker), or returns undefined when JSON would not give back the same values (a number
 * that is not finite, `undefined` in an array): then the caller sends it as it is.
 */
export function encodeAnalysis(analysis: Analysis, requestText: string): { encoded: EncodedAnalysis; transfer: ArrayBuffer[] } | undefined {
  let faithful = true;
  const check = function (this: unknown, _key: string, value: unknown): unknown {
    if (typeof value === 'number' ? !Number.isFinite(value) : value === undefined && Array.isArray(this)) { faithful = false; }
    return value;
  };
  const strings: string[] = [];
  const fields: Field[] = [];
  for (const field of FIELDS) {
    const items = analysis[field] as unknown[];
    let chunk: string[] = [];
    let size = 0;
    const flush = (): void => { strings.push(`[${chunk.join(',')}]`); fields.push(field); chunk = []; size = 0; };
    for (const item of items) {
      const json = JSON.stringify(item, check);
      chunk.push(json);
      size += json.length + 1;
      if (size >= CHUNK_CHARS) { flush(); }
    }
    if (chunk.length) { flush(); }
  }
  if (!faithful) { return undefined; }
  const encoder = new TextEncoder();
  const bytes = strings.map(s => encoder.encode(s));
  const buffer = new Uint8Array(bytes.reduce((n, b) => n + b.length, 0));
  const ends: number[] = [];
  let at = 0;
  for (const b of bytes) { buffer.set(b, at); at += b.length; ends.push(at); }
  const encoded: EncodedAnalysis = { buffer, fields, ends, ...(analysis.text === requestText ? {} : { text: analysis.text }) };
  return { encoded, transfer: [buffer.buffer as ArrayBuffer] };
}

/** Lets the event loop run (timers, I/O, VS Code's messages) before going on. */
export function yieldToHost(): Promise<void> {
  const g = globalThis as { setImmediate?: (fn: () => void) => unknown; MessageChannel?: typeof MessageChannel };
  if (typeof g.setImmediate === 'function') { return new Promise(resolve => g.setImmediate!(resolve)); }
  // The browser's extension host (a web worker): a message is a task of its own, without setTimeout's 4 ms clamp.
  if (typeof g.MessageChannel === 'function') {
    return new Promise(resolve => {
      const channel = new g.MessageChannel!();
      channel.port1.onmessage = () => { channel.port1.close(); resolve(); };
      channel.port2.postMessage(null);
    });
  }
  return new Promise(resolve => setTimeout(resolve, 0));
}

const clock: () => number = typeof performance === 'object' && typeof performance.now === 'function' ? () => performance.now() : () => Date.now();

/** Milliseconds of work between two yields: well under the 50 ms at which a user feels a stall. */
export const SLICE_MS = 8;

/** Thrown (and caught by the caller) when work in slices is abandoned because its result is no longer wanted. */
export class Cancelled extends Error {
  constructor() { super('cancelled: a newer version of the document is on its way'); }
}

/**
 * A budget for work done in slices: `tick()` after each small step; when the slice's time is up it yields to the
 * event loop, then throws Cancelled if `cancelled()` has become true meanwhile. `run` wraps each slice (hostTime).
 */
export class Slicer {
  private start = clock();
  constructor(private readonly cancelled: () => boolean = () => false, private readonly budgetMs = SLICE_MS) {
    if (cancelled()) { throw new Cancelled(); }
  }

  /** True when the slice's time is up (then the caller awaits `pause()`). */
  get due(): boolean { return clock() - this.start >= this.budgetMs; }

  async pause(): Promise<void> {
    await yieldToHost();
    if (this.cancelled()) { throw new Cancelled(); }
    this.start = clock();
  }

  /** Maps `items` a slice at a time. `section` runs each slice (to time it). */
  async map<T, R>(items: readonly T[], fn: (item: T) => R, section: <X>(f: () => X) => X = f => f()): Promise<R[]> {
    const out = new Array<R>(items.length);
    let i = 0;
    while (i < items.length) {
      section(() => {
        // Check the clock every 16 items: cheap, and 16 items take far less than a slice.
        do { for (const end = Math.min(items.length, i + 16); i < end; i++) { out[i] = fn(items[i]); } } while (i < items.length && !this.due);
      });
      if (i < items.length) { await this.pause(); }
    }
    return out;
  }
}

/** Decodes an EncodedAnalysis (in the host) a chunk at a time, yielding between slices. */
export async function decodeAnalysis(encoded: EncodedAnalysis, requestText: string, slicer: Slicer,
  section: <X>(f: () => X) => X = f => f()): Promise<Analysis> {
  const decoder = new TextDecoder();
  const arrays: Record<Field, unknown[]> = { quotes: [], attributions: [], figures: [], people: [], diagnostics: [] };
  let chunk = 0;
  let begin = 0;
  while (chunk < encoded.ends.length) {
    section(() => {
      do {
        const end = encoded.ends[chunk];
        const items = JSON.parse(decoder.decode(encoded.buffer.subarray(begin, end))) as unknown[];
        const into = arrays[encoded.fields[chunk]];
        for (const item of items) { into.push(item); }
        begin = end;
        chunk++;
      } while (chunk < encoded.ends.length && !slicer.due);
    });
    if (chunk < encoded.ends.length) { await slicer.pause(); }
  }
  return { text: encoded.text ?? requestText, ...arrays } as Analysis;
}
