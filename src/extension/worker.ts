// The analysis worker: runs the engine off the extension host's thread, so that analysing a long document never
// stalls typing, hovers or other extensions. One script for both hosts: a worker_threads Worker in Node, a Web
// Worker in the browser. The per-paragraph caches live here, for as long as the worker does.
//
// The result goes back encoded (see `encodeAnalysis`): a structured clone of the Analysis of a 100,000-word document
// (thousands of quotations, attributions, figures and problems: some 7 MB) took the host's thread 150 to 600 ms to
// deserialise in one piece, before any of Copydesk's code ran. Encoded, it arrives as one transferred buffer (no copy,
// nothing to deserialise) that the host decodes a slice at a time, yielding in between (transport.ts, engine.ts).
import { analyse, analyseFresh } from '../core/pipeline.js';
import type { AnalyseOptions } from '../core/context.js';
import type { Analysis } from '../core/model.js';
import { encodeAnalysis, type EncodedAnalysis } from './transport.js';

export interface WorkerRequest { id: number; text: string; options: AnalyseOptions; fresh?: boolean }

export type WorkerReply =
  | { id: number; encoded: EncodedAnalysis }
  /** When the analysis holds something JSON does not keep (NaN, Infinity, `undefined` in an array): as it is. */
  | { id: number; analysis: Analysis }
  | { id: number; error: string };

function handle(request: WorkerRequest): { reply: WorkerReply; transfer: ArrayBuffer[] } {
  try {
    const analysis = request.fresh ? analyseFresh(request.text, request.options) : analyse(request.text, request.options);
    const encoded = encodeAnalysis(analysis, request.text);
    if (encoded) { return { reply: { id: request.id, encoded: encoded.encoded }, transfer: encoded.transfer }; }
    return { reply: { id: request.id, analysis }, transfer: [] };
  } catch (e) {
    return { reply: { id: request.id, error: (e as Error)?.stack ?? String(e) }, transfer: [] };
  }
}

declare const require: (id: string) => unknown;
interface Port { postMessage(message: unknown, transfer?: ArrayBuffer[]): void }

const web = typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined';
if (web) {
  const scope = globalThis as unknown as Port & { onmessage: ((e: { data: WorkerRequest }) => void) | null };
  scope.onmessage = e => { const { reply, transfer } = handle(e.data); scope.postMessage(reply, transfer); };
} else {
  const { parentPort } = require('node:worker_threads') as { parentPort: (Port & { on(event: 'message', fn: (r: WorkerRequest) => void): void }) | null };
  parentPort?.on('message', request => { const { reply, transfer } = handle(request); parentPort.postMessage(reply, transfer); });
}
