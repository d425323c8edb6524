/**
 * The core's answer for the current documents. When the text cannot be parsed at all, the last
 * good analysis stays on screen, marked stale, until the text parses again.
 */
import type { Issue } from '../../core/index.ts';
import { analyzeFiles, type Analysis } from '../analysis.ts';
import type { SliceCreator } from './types.ts';

export interface AnalysisSlice {
  /** The last analysis whose text parsed (undefined before the first one). */
  readonly analysis: Analysis | undefined;
  /** Problems in the current text (which may be newer than `analysis`). */
  readonly issues: readonly Issue[];
  /** True while the current text has YAML errors and the canvas shows the last good state. */
  readonly stale: boolean;
  /** Re-analyse after a short pause in typing. */
  scheduleAnalysis(): void;
  analyzeNow(): void;
}

/** Codes meaning the text could not be read as YAML at all (as opposed to an invalid object). */
const UNPARSEABLE = new Set(['yaml-syntax', 'yaml-too-deep', 'yaml-alias-bomb', 'not-text', 'input-too-large', 'parse-failed', 'internal-error']);

export function isUnparseable(issue: Issue): boolean {
  return issue.severity === 'error' && UNPARSEABLE.has(issue.code);
}

export const ANALYSIS_DELAY_MS = 250;

export const createAnalysisSlice: SliceCreator<AnalysisSlice> = (set, get) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    analysis: undefined,
    issues: [],
    stale: false,
    scheduleAnalysis() {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        get().analyzeNow();
      }, ANALYSIS_DELAY_MS);
    },
    analyzeNow() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      const next = analyzeFiles(get().files);
      const broken = next.issues.some(isUnparseable);
      if (broken && get().analysis) set({ issues: next.issues, stale: true });
      else set({ analysis: next, issues: next.issues, stale: false });
    },
  };
};
