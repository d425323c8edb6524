/** The workload-granularity matrix of an analysis, computed once per analysis. */
import type { ReachabilityMatrix } from '../../core/index.ts';
import type { Analysis } from '../analysis.ts';

const cache = new WeakMap<Analysis, ReachabilityMatrix>();

export function workloadMatrix(analysis: Analysis): ReachabilityMatrix {
  if (analysis.workloadMatrix) return analysis.workloadMatrix;
  let matrix = cache.get(analysis);
  if (!matrix) {
    matrix = analysis.evaluator.matrix({ granularity: 'workload' });
    cache.set(analysis, matrix);
  }
  return matrix;
}
