/**
 * The core's answer for the current documents. When the text cannot be parsed at all, the last
 * good analysis of the same workspace stays on screen, marked stale, until the text parses again
 * (after an import or a scenario replaced the files, what parsed of the new text is shown).
 *
 * Large workspaces (WORKER_MIN_CHARS and more) are analysed in a Web Worker, whoever asks
 * (typing, import, undo, drawing, label edits): the page stays responsive, `progress` says how
 * far it has got, a newer request or `cancelAnalysis` replaces it, and the last analysis stays
 * on screen meanwhile. Small ones are analysed at once, in this thread. Callers that need the
 * new analysis (the generator after a drawn workload, a removal's choices) pass `then` to
 * `analyzeNow`: it runs once that analysis is on screen (before `analyzeNow` returns when the
 * workspace is small), and never when a newer request or a cancel replaced it.
 */
import type { Issue, ManifestFile } from '../../core/index.ts';
import { analysisFromData, analyzeFiles, type Analysis, type AnalysisData } from '../analysis.ts';
import { DRAWING, type AnalysisProgress } from '../worker/progress.ts';
import { createAnalysisRunner, createBrowserAnalysisWorker, measureSince, type CreateAnalysisWorker } from '../worker/runner.ts';
import type { SliceCreator } from './types.ts';

export interface AnalysisSlice {
  /** The last analysis whose text parsed (undefined before the first one). */
  readonly analysis: Analysis | undefined;
  /** Problems in the current text (which may be newer than `analysis`). */
  readonly issues: readonly Issue[];
  /** True while the current text has YAML errors and the canvas shows the last good state. */
  readonly stale: boolean;
  /** How far the analysis running in the worker has got; undefined when none runs. */
  readonly progress: AnalysisProgress | undefined;
  /** The user cancelled the last analysis: `analysis` is older than the text until the next one. */
  readonly analysisCancelled: boolean;
  /** Re-analyse after a short pause in typing. */
  scheduleAnalysis(): void;
  /** Analyse the current files: at once when small, in the worker when large. */
  requestAnalysis(): void;
  /**
   * Analyse the current files now (no typing pause), replacing any analysis running: at once
   * when small, in the worker when large. `then` runs when this analysis is on screen: before
   * this returns when small; never when a newer request or a cancel replaced it.
   */
  analyzeNow(then?: () => void): void;
  /** Stop the analysis running in the worker; the text and the last analysis stay. */
  cancelAnalysis(): void;
}

/** Workspaces with at least this many characters are analysed in the worker (about 400 documents, 100 ms). */
export const WORKER_MIN_CHARS = 200_000;

export function needsWorker(files: readonly ManifestFile[]): boolean {
  let chars = 0;
  for (const f of files) chars += f.text.length;
  return chars >= WORKER_MIN_CHARS;
}

/**
 * Run after the browser has painted (so "Drawing" shows before the canvas takes the thread), or
 * after 100 ms where no frame comes (a hidden tab).
 */
function afterPaint(run: () => void): void {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    setTimeout(run, 0);
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(start);
  setTimeout(start, 100);
}

/** The app's worker where the platform has Web Workers (not in unit tests under Node). */
function defaultWorker(): CreateAnalysisWorker | undefined {
  return typeof Worker === 'undefined' ? undefined : createBrowserAnalysisWorker;
}

/** Codes meaning the text could not be read as YAML at all (as opposed to an invalid object). */
const UNPARSEABLE = new Set(['yaml-syntax', 'yaml-too-deep', 'yaml-alias-bomb', 'not-text', 'input-too-large', 'parse-failed', 'internal-error']);

export function isUnparseable(issue: Issue): boolean {
  return issue.severity === 'error' && UNPARSEABLE.has(issue.code);
}

export const ANALYSIS_DELAY_MS = 250;

/** The slice, with the worker to use for large inputs (none: always analyse at once). */
export function createAnalysisSliceWith(createWorker: CreateAnalysisWorker | undefined = defaultWorker()): SliceCreator<AnalysisSlice> {
  return (set, get) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const runner = createWorker ? createAnalysisRunner(createWorker) : undefined;
    const clearTimer = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    };
    /** Requests are numbered; an analysis is shown only when no later one has been. */
    let requested = 0;
    let shown = 0;
    /** The workspace (`generation`) the analysis on screen belongs to. */
    let shownGeneration = -1;
    /** Show an analysis unless a later one is shown; run `then` unless a newer request was made. */
    const apply = (next: Analysis, request: number, generation: number, then?: () => void) => {
      if (request < shown) return;
      shown = request;
      // A newer analysis may already be running in the worker: its progress stays on screen.
      const progress = runner?.running ? get().progress : undefined;
      const broken = next.issues.some(isUnparseable);
      // Keep the last good state only for the same workspace: after an import or a scenario
      // replaced the files, the old workspace's canvas would be a different cluster.
      if (broken && get().analysis && generation === shownGeneration) {
        set({ issues: next.issues, stale: true, progress, analysisCancelled: false });
      } else {
        shownGeneration = generation;
        set({ analysis: next, issues: next.issues, stale: false, progress, analysisCancelled: false });
      }
      if (request === requested) then?.();
    };
    /**
     * Build the evaluator (in the task that received the data: drawing is a long task of its
     * own), show "Drawing" for a frame, then hand the analysis to the canvas (even when the text
     * changed meanwhile: the newer analysis replaces it when it is done).
     */
    let drawing: number | undefined;
    const finish = (files: readonly ManifestFile[], data: AnalysisData, request: number, generation: number, then?: () => void) => {
      const start = performance.now();
      const analysis = analysisFromData(files, data);
      measureSince('analysis: rebuild the evaluator', start);
      drawing = request;
      set({ progress: DRAWING });
      afterPaint(() => {
        if (drawing !== request) return; // cancelled before it could be drawn
        drawing = undefined;
        apply(analysis, request, generation, then);
      });
    };
    const analyze = (then?: () => void) => {
      clearTimer();
      const files = get().files;
      const request = ++requested;
      const generation = get().generation;
      if (!runner || !needsWorker(files)) {
        runner?.cancel();
        apply(analyzeFiles(files), request, generation, then);
        return;
      }
      set({ progress: { phase: 'reading', text: 'Starting the analysis', fraction: 0 }, analysisCancelled: false });
      runner.run(files, {
        onProgress: (progress) => set({ progress }),
        onDone: (data) => finish(files, data, request, generation, then),
        onFailed: (message) => {
          // The worker could not analyse it: this thread does, reporting any problem as an issue.
          console.warn(`analysis worker failed (${message}); analysing on the page instead`);
          apply(analyzeFiles(files), request, generation, then);
        },
      });
    };
    return {
      analysis: undefined,
      issues: [],
      stale: false,
      progress: undefined,
      analysisCancelled: false,
      scheduleAnalysis() {
        clearTimer();
        timer = setTimeout(() => {
          timer = undefined;
          get().requestAnalysis();
        }, ANALYSIS_DELAY_MS);
      },
      requestAnalysis() {
        analyze();
      },
      analyzeNow(then) {
        analyze(then);
      },
      cancelAnalysis() {
        if (!runner?.running && get().progress === undefined) return;
        clearTimer();
        runner?.cancel();
        drawing = undefined;
        set({ progress: undefined, analysisCancelled: true });
      },
    };
  };
}
