// The analysis worker: runs the engine off the extension host's thread, so that analysing a long document never
// stalls typing, hovers or other extensions. One script for both hosts: a worker_threads Worker in Node, a Web
// Worker in the browser. The per-paragraph caches live here, for as long as the worker does.
import { analyse, analyseFresh } from '../core/pipeline.js';
import type { AnalyseOptions } from '../core/context.js';
import type { Analysis } from '../core/model.js';

export interface WorkerRequest { id: number; text: string; options: AnalyseOptions; fresh?: boolean }
export type WorkerReply = { id: number; analysis: Analysis } | { id: number; error: string };

function handle(request: WorkerRequest): WorkerReply {
  try {
    const analysis = request.fresh ? analyseFresh(request.text, request.options) : analyse(request.text, request.options);
    return { id: request.id, analysis };
  } catch (e) {
    return { id: request.id, error: (e as Error)?.stack ?? String(e) };
  }
}

declare const require: (id: string) => unknown;
interface Port { postMessage(message: unknown): void }

const web = typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined';
if (web) {
  const scope = globalThis as unknown as Port & { onmessage: ((e: { data: WorkerRequest }) => void) | null };
  scope.onmessage = e => scope.postMessage(handle(e.data));
} else {
  const { parentPort } = require('node:worker_threads') as { parentPort: (Port & { on(event: 'message', fn: (r: WorkerRequest) => void): void }) | null };
  parentPort?.on('message', request => parentPort.postMessage(handle(request)));
}
