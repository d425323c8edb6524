import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../../../src/core/evaluate/evaluator.ts';
import { countMatrixFlows, scanMatrixFlows } from '../../../src/core/evaluate/flow-counts.ts';
import { halfOpenOf } from '../../../src/core/evaluate/matrix.ts';
import type { Granularity, ReachabilityMatrix } from '../../../src/core/evaluate/types.ts';
import { isEmptyPorts } from '../../../src/core/model/portset.ts';
import { clusterArb } from './arbitrary-cluster.ts';

/** The counts asked pair by pair, as the Inspector's overview used to count them. */
function countPairByPair(matrix: ReachabilityMatrix) {
  const n = matrix.units.length;
  let allowed = 0;
  let halfOpen = 0;
  for (let s = 0; s < n; s++) {
    for (let d = 0; d < n; d++) {
      if (s === d) continue;
      if (!isEmptyPorts(matrix.connections(s, d))) allowed++;
      const half = halfOpenOf(matrix.sides(s, d));
      if (!isEmptyPorts(half.egressOnly) || !isEmptyPorts(half.ingressOnly)) halfOpen++;
    }
  }
  return { pairs: n * (n - 1), allowed, denied: n * (n - 1) - allowed, halfOpen };
}

describe('countMatrixFlows', () => {
  it('counts from the matrix data what asking every pair of units counts', () => {
    fc.assert(
      fc.property(clusterArb, fc.constantFrom<Granularity>('pod', 'workload'), (model, granularity) => {
        const evaluator = createEvaluator(model);
        const data = structuredClone(evaluator.matrixData({ granularity }));
        expect(countMatrixFlows(data)).toEqual(countPairByPair(evaluator.matrix({ granularity })));
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('lists exactly the pairs that are allowed on some port or half-open, and the half-open ones, in order', () => {
    fc.assert(
      fc.property(clusterArb, (model) => {
        const evaluator = createEvaluator(model);
        const matrix = evaluator.matrix({ granularity: 'workload' });
        const n = matrix.units.length;
        const expected: number[] = [];
        const expectedHalfOpen: number[] = [];
        for (let s = 0; s < n; s++) {
          for (let d = 0; d < n; d++) {
            if (s === d) continue;
            const half = halfOpenOf(matrix.sides(s, d));
            const halfOpen = !isEmptyPorts(half.egressOnly) || !isEmptyPorts(half.ingressOnly);
            if (!isEmptyPorts(matrix.connections(s, d)) || halfOpen) expected.push(s * n + d);
            if (halfOpen) expectedHalfOpen.push(s * n + d);
          }
        }
        const scan = scanMatrixFlows(structuredClone(evaluator.matrixData({ granularity: 'workload' })));
        expect([...scan.pairs]).toEqual(expected);
        expect([...scan.halfOpenPairs]).toEqual(expectedHalfOpen);
        expect(scan.counts).toEqual(countPairByPair(matrix));
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('counts no pairs in an empty cluster', () => {
    const evaluator = createEvaluator({ namespaces: [], pods: [], workloads: [], policies: [], ignored: [], inferredPods: false });
    expect(countMatrixFlows(evaluator.matrixData({ granularity: 'workload' }))).toEqual({ pairs: 0, allowed: 0, denied: 0, halfOpen: 0 });
  });
});
