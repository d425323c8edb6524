/**
 * The matrices the side panels read: the analysis carries the pod matrix; the workload matrix
 * is the canvas's (computed once per analysis), so the panels and the edges agree and it is
 * never computed twice.
 */
import type { Granularity, ReachabilityMatrix } from '../../../core/index.ts';
import type { Analysis } from '../../analysis.ts';
import { workloadMatrix } from '../../canvas/workload-matrix.ts';

const unitIndexes = new WeakMap<ReachabilityMatrix, ReadonlyMap<string, number>>();

export function workloadMatrixOf(analysis: Analysis): ReachabilityMatrix {
  return workloadMatrix(analysis);
}

export function matrixOf(analysis: Analysis, granularity: Granularity): ReachabilityMatrix {
  return granularity === 'pod' ? analysis.matrix : workloadMatrixOf(analysis);
}

/** Index of a unit id in the matrix (undefined when it is not a unit of it). */
export function unitIndexOf(matrix: ReachabilityMatrix, id: string): number | undefined {
  let index = unitIndexes.get(matrix);
  if (!index) {
    index = new Map(matrix.units.map((u, i) => [u.id, i]));
    unitIndexes.set(matrix, index);
  }
  return index.get(id);
}

/**
 * The matrix in which `id` is a unit, preferring workloads (what the canvas draws), then pods,
 * with the unit's index.
 */
export function locateUnit(analysis: Analysis, id: string): { matrix: ReachabilityMatrix; index: number } | undefined {
  for (const matrix of [workloadMatrixOf(analysis), analysis.matrix]) {
    const index = unitIndexOf(matrix, id);
    if (index !== undefined) return { matrix, index };
  }
  return undefined;
}

/** The namespace all units share, if they do (names are then shown without it). */
export function sharedNamespaceOf(matrix: ReachabilityMatrix): string | undefined {
  const first = matrix.units[0]?.namespace;
  return first !== undefined && matrix.units.every((u) => u.namespace === first) ? first : undefined;
}
