/**
 * Guide steps and what changes between them. Step 0 is a scenario's base files, step k the files
 * after its k-th step (Scenario.stepFiles). Moving between two steps marks on the canvas the flows
 * that became allowed and those that became denied: the core's reachability diff of the two
 * states, handed to the canvas's change highlight (contract C).
 */
import type { ManifestFile } from '../../core/index.ts';
import { analyzeFiles, type Analysis } from '../analysis.ts';
import { compareAnalyses } from '../compare/compare.ts';
import type { FlowChanges } from '../compare/flow-changes.ts';
import type { Scenario } from '../scenarios.ts';
import type { AppState } from '../store/types.ts';

/** How many steps the scenario's guide has (0: not a guided scenario). */
export function stepCount(scenario: Pick<Scenario, 'steps'>): number {
  return scenario.steps?.length ?? 0;
}

/** The step record of guide step k (1-based), or undefined for step 0 and out of range. */
export function stepAt(scenario: Pick<Scenario, 'steps'>, step: number) {
  return step >= 1 ? scenario.steps?.[step - 1] : undefined;
}

/** The analysis of the workspace as it is now: the store's when it is of these files, else computed. */
export function currentAnalysis(state: Pick<AppState, 'files' | 'analysis' | 'stale'>): Analysis {
  const { analysis } = state;
  return analysis && !state.stale && analysis.files === state.files ? analysis : analyzeFiles(state.files);
}

/** Same names and texts, in the same order. */
export function sameFiles(a: readonly ManifestFile[], b: readonly ManifestFile[]): boolean {
  return a.length === b.length && a.every((f, i) => f.name === b[i]?.name && f.text === b[i]?.text);
}

/** The change highlight for going from `before` to `after` (undefined when no flow changed). */
export function stepChanges(before: Analysis, after: Analysis): FlowChanges | undefined {
  const { changes } = compareAnalyses(before, after);
  return changes.added.length === 0 && changes.removed.length === 0 ? undefined : changes;
}
