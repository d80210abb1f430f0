// Where analysis runs: in a worker (dist/worker.js in Node, dist/web/worker.js in the browser), so that a
// 100,000-word document never blocks the extension host; in the host's own thread only when no worker can be
// started (then the result is the same, just not off the thread). Requests run one at a time, in order. The result
// comes back encoded and is decoded in slices, yielding to the host's event loop in between (transport.ts).
import * as vscode from 'vscode';
import { analyse, analyseFresh } from '../core/pipeline.js';
import type { AnalyseOptions } from '../core/context.js';
import type { Analysis } from '../core/model.js';
import type { WorkerReply, WorkerRequest } from './worker.js';
import { hostTime } from './host-time.js';
import { decodeAnalysis, Slicer } from './transport.js';

export interface Engine extends vscode.Disposable {
  /**
   * Analysis with the worker's per-paragraph caches (what typing uses). When `cancelled` becomes true while the
   * result is being decoded, decoding stops and the promise rejects with Cancelled.
   */
  analyse(text: string, options: AnalyseOptions, cancelled?: () => boolean): Promise<Analysis>;
  /** Analysis with empty caches, leaving the caches alone (what tests compare with). */
  fresh(text: string, options: AnalyseOptions): Promise<Analysis>;
  /** 'worker' or 'host': where analysis runs. */
  readonly where: 'worker' | 'host';
}

interface AnyWorker {
  postMessage(message: WorkerRequest): void;
  terminate(): unknown;
}

declare const require: (id: string) => unknown;
declare const __dirname: string | undefined;

function startWorker(onReply: (reply: WorkerReply) => void, onError: (e: unknown) => void, extensionUri?: vscode.Uri): AnyWorker | undefined {
  const isNode = typeof process === 'object' && !!process.versions?.node && typeof __dirname === 'string';
  if (isNode) {
    const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
    const path = require('node:path') as typeof import('node:path');
    const worker = new Worker(path.join(__dirname!, 'worker.js'));
    worker.on('message', onReply);
    worker.on('error', onError);
    // The host may exit while the worker is busy: it must not keep the process alive.
    worker.unref();
    return worker;
  }
  const WebWorker = (globalThis as { Worker?: new (url: string) => AnyWorker & { onmessage: unknown; onerror: unknown } }).Worker;
  if (!WebWorker || !extensionUri) { return undefined; }
  const worker = new WebWorker(vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'worker.js').toString(true));
  worker.onmessage = (e: { data: WorkerReply }) => onReply(e.data);
  worker.onerror = onError;
  return worker;
}

export function createEngine(log: vscode.OutputChannel, extensionUri?: vscode.Uri): Engine {
  const pending = new Map<number, { text: string; cancelled?: () => boolean; resolve(a: Analysis | Promise<Analysis>): void; reject(e: Error): void }>();
  const decode = async (p: { text: string; cancelled?: () => boolean }, reply: WorkerReply): Promise<Analysis> => {
    if ('error' in reply) { throw new Error(reply.error); }
    if ('analysis' in reply) { return reply.analysis; }
    return decodeAnalysis(reply.encoded, p.text, new Slicer(p.cancelled), f => hostTime.section('decode', f));
  };
  let nextId = 1;
  let worker: AnyWorker | undefined;
  const failAll = (e: unknown): void => {
    log.appendLine(`Copydesk: the analysis worker failed (${(e as Error)?.message ?? e}); analysing in the editor's thread from now on`);
    worker?.terminate();
    worker = undefined;
    for (const [id, p] of pending) { pending.delete(id); p.reject(new Error('analysis worker failed')); }
  };
  try {
    worker = startWorker(reply => hostTime.section('receive', () => {
      const p = pending.get(reply.id);
      if (!p) { return; }
      pending.delete(reply.id);
      p.resolve(decode(p, reply));
    }), failAll, extensionUri);
  } catch (e) {
    log.appendLine(`Copydesk: no analysis worker (${(e as Error)?.message ?? e}); analysing in the editor's thread`);
    worker = undefined;
  }
  const request = (text: string, options: AnalyseOptions, fresh: boolean, cancelled?: () => boolean): Promise<Analysis> => {
    if (!worker) {
      try { return Promise.resolve(fresh ? analyseFresh(text, options) : analyse(text, options)); } catch (e) { return Promise.reject(e); }
    }
    const id = nextId++;
    return new Promise<Analysis>((resolve, reject) => {
      pending.set(id, { text, cancelled, resolve, reject });
      hostTime.section('send', () => worker!.postMessage({ id, text, options, fresh }));
    });
  };
  return {
    analyse: (text, options, cancelled) => request(text, options, false, cancelled),
    fresh: (text, options) => request(text, options, true),
    get where() { return worker ? 'worker' as const : 'host' as const; },
    dispose: () => { void worker?.terminate(); worker = undefined; },
  };
}
