/**
 * Runs analyses in a Web Worker, latest request wins: a request made while another runs
 * terminates that worker (a running job cannot be interrupted any other way) and starts a new
 * one; replies to an older request are ignored. An idle worker is kept for the next request.
 */
import type { ManifestFile } from '../../core/index.ts';
import type { AnalysisData } from '../analysis.ts';
import { assembleAnalysisData, type AnalysisPart, type AnalysisReply, type AnalysisRequest } from './protocol.ts';
import type { AnalysisProgress } from './progress.ts';

/** The part of Worker the runner uses (tests pass a fake). */
export interface AnalysisWorker {
  onmessage: ((event: { readonly data: AnalysisReply }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  postMessage(request: AnalysisRequest): void;
  terminate(): void;
}

export type CreateAnalysisWorker = () => AnalysisWorker;

/**
 * A User Timing measure from `start` to now (performance panel, `npm run bench:ui`): what the
 * page spends on an analysis made in the worker.
 */
export function measureSince(name: string, start: number): void {
  if (typeof performance === 'undefined' || typeof performance.measure !== 'function') return;
  performance.measure(name, { start, end: performance.now() });
}

export interface AnalysisJob {
  readonly onProgress: (progress: AnalysisProgress) => void;
  readonly onDone: (data: AnalysisData) => void;
  readonly onFailed: (message: string) => void;
}

export interface AnalysisRunner {
  /** Analyse `files` in the worker, replacing any analysis still running. */
  run(files: readonly ManifestFile[], job: AnalysisJob): void;
  /** Stop the running analysis, if any (its callbacks are never called). */
  cancel(): void;
  readonly running: boolean;
}

/** The app's worker, bundled by Vite as a module of the same origin. */
export function createBrowserAnalysisWorker(): AnalysisWorker {
  return new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' }) as unknown as AnalysisWorker;
}

export function createAnalysisRunner(createWorker: CreateAnalysisWorker): AnalysisRunner {
  let worker: AnalysisWorker | undefined;
  /** The running request, with the parts of its data received so far. */
  let current: { id: number; job: AnalysisJob; parts: AnalysisPart[] } | undefined;
  let nextId = 1;

  const stop = () => {
    worker?.terminate();
    worker = undefined;
    current = undefined;
  };

  const listen = (w: AnalysisWorker) => {
    w.onmessage = (event) => {
      // A reply is deserialized on this thread when first read: with analysisFromData, that is
      // what the page spends on the worker's analysis.
      const start = performance.now();
      const reply = event.data;
      const job = current;
      if (!job || w !== worker || reply.id !== job.id) return;
      if (reply.type === 'progress') {
        job.job.onProgress(reply.progress);
        return;
      }
      if (reply.type === 'part' || reply.type === 'done') {
        measureSince('analysis: receive a part', start);
        job.parts.push(reply.part);
        if (reply.type === 'part') return;
      }
      current = undefined;
      if (reply.type === 'failed') job.job.onFailed(reply.message);
      else job.job.onDone(assembleAnalysisData(job.parts));
    };
    w.onerror = () => {
      const job = current;
      if (w !== worker) return;
      stop();
      job?.job.onFailed('The analysis worker stopped unexpectedly');
    };
  };

  return {
    run(files, job) {
      if (current) stop();
      if (!worker) {
        try {
          worker = createWorker();
        } catch (err) {
          job.onFailed(`The analysis worker could not start (${err instanceof Error ? err.message : String(err)})`);
          return;
        }
        listen(worker);
      }
      current = { id: nextId++, job, parts: [] };
      worker.postMessage({ type: 'analyze', id: current.id, files });
    },
    cancel() {
      if (current) stop();
    },
    get running() {
      return current !== undefined;
    },
  };
}
