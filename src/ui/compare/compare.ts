/**
 * The comparison of the workspace with a saved baseline: the reachability diff (core) and the
 * canvas marks it implies. The baseline's analysis is computed once per baseline.
 */
import { diffReachability, type ManifestFile, type ReachabilityDiff } from '../../core/index.ts';
import { analyzeFiles, type Analysis } from '../analysis.ts';
import { workloadMatrix } from '../canvas/workload-matrix.ts';
import { flowChangesOf, type FlowChanges } from './flow-changes.ts';

export interface Comparison {
  readonly diff: ReachabilityDiff;
  readonly changes: FlowChanges;
}

const baselineAnalyses = new WeakMap<readonly ManifestFile[], Analysis>();

function analysisOf(files: readonly ManifestFile[]): Analysis {
  let analysis = baselineAnalyses.get(files);
  if (!analysis) {
    analysis = analyzeFiles(files);
    baselineAnalyses.set(files, analysis);
  }
  return analysis;
}

/** What changed from `before` to `after`, for the panel and the canvas. */
export function compareAnalyses(before: Analysis, after: Analysis): Comparison {
  const afterMatrix = workloadMatrix(after);
  const diff = diffReachability(
    { model: before.model, evaluator: before.evaluator, matrix: workloadMatrix(before) },
    { model: after.model, evaluator: after.evaluator, matrix: afterMatrix },
  );
  return { diff, changes: flowChangesOf(diff, afterMatrix) };
}

/** The flow changes between two sets of files (e.g. two steps of a guided scenario). */
export function compareFiles(before: readonly ManifestFile[], after: Analysis): Comparison {
  return compareAnalyses(analysisOf(before), after);
}
