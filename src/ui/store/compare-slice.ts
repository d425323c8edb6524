/**
 * What-if comparisons: a baseline (a snapshot of the files, saved by the user and autosaved, but
 * never part of undo history) and the flow changes the canvas marks (`data-change` on edges,
 * ghosts for flows that went away). While "compare with baseline" is on, the changes follow
 * every new analysis; other features (guided scenarios) set changes of their own with
 * `setFlowChanges`.
 */
import type { ManifestFile, ReachabilityDiff } from '../../core/index.ts';
import { compareFiles } from '../compare/compare.ts';
import type { FlowChanges } from '../compare/flow-changes.ts';
import type { AppState, SliceCreator } from './types.ts';

export type { FlowChanges, FlowGhost } from '../compare/flow-changes.ts';

export interface Baseline {
  readonly files: readonly ManifestFile[];
  readonly title: string;
  /** When it was saved (ms since the epoch). */
  readonly savedAt: number;
}

export interface CompareSlice {
  readonly baseline: Baseline | undefined;
  /** The user asked to compare the workspace with the baseline. */
  readonly comparing: boolean;
  /** The diff behind `flowChanges` while comparing with the baseline. */
  readonly baselineDiff: ReachabilityDiff | undefined;
  /** What the canvas marks; undefined: nothing. */
  readonly flowChanges: FlowChanges | undefined;
  setFlowChanges(changes: FlowChanges | undefined): void;
  /** Snapshot the current files as the baseline (replacing any earlier one). */
  saveBaseline(): void;
  clearBaseline(): void;
  /** Start or stop comparing with the baseline (no-op without one). */
  setComparing(on: boolean): void;
}

function refreshed(state: AppState): Pick<CompareSlice, 'baselineDiff' | 'flowChanges'> {
  if (!state.comparing || !state.baseline || !state.analysis) return { baselineDiff: undefined, flowChanges: undefined };
  const { diff, changes } = compareFiles(state.baseline.files, state.analysis);
  return { baselineDiff: diff, flowChanges: changes };
}

export const createCompareSlice: SliceCreator<CompareSlice> = (set, get, api) => {
  // While comparing, follow every new analysis (and a restored baseline).
  api.subscribe((state, previous) => {
    if (!state.comparing) return;
    if (state.analysis !== previous.analysis || state.baseline !== previous.baseline || !previous.comparing) set(refreshed(state));
  });
  return {
    baseline: undefined,
    comparing: false,
    baselineDiff: undefined,
    flowChanges: undefined,
    setFlowChanges(changes) {
      set({ flowChanges: changes, ...(changes === undefined ? {} : { comparing: false, baselineDiff: undefined }) });
    },
    saveBaseline() {
      const { files, title } = get();
      set({ baseline: { files, title, savedAt: Date.now() } });
    },
    clearBaseline() {
      set({ baseline: undefined, comparing: false, baselineDiff: undefined, flowChanges: undefined });
    },
    setComparing(on) {
      const comparing = on && get().baseline !== undefined;
      set(comparing ? { comparing } : { comparing, baselineDiff: undefined, flowChanges: undefined });
    },
  };
};
