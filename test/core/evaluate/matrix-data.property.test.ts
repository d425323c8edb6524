import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../../../src/core/evaluate/evaluator.ts';
import { matrixDataBuffers, matrixFromData } from '../../../src/core/evaluate/matrix-data.ts';
import type { Granularity, ReachabilityMatrix } from '../../../src/core/evaluate/types.ts';
import { clusterArb } from './arbitrary-cluster.ts';

/** Every answer of a matrix, as plain values. */
function answersOf(matrix: ReachabilityMatrix) {
  const n = matrix.units.length;
  const pairs = [];
  for (let src = 0; src < n; src++) {
    for (let dst = 0; dst < n; dst++) {
      const allowed = matrix.portClasses.map((_, cls) => matrix.allowed(src, dst, cls));
      pairs.push({ connections: matrix.connections(src, dst), sides: matrix.sides(src, dst), allowed });
    }
  }
  const external = (sides: ReachabilityMatrix['egressToExternal']) =>
    sides.map((s) => ({ range: s.range, perUnit: matrix.units.map((_, u) => s.connections(u)) }));
  return {
    granularity: matrix.granularity,
    units: matrix.units,
    portClasses: matrix.portClasses,
    pairs,
    ingressFromExternal: external(matrix.ingressFromExternal),
    egressToExternal: external(matrix.egressToExternal),
  };
}

describe('the matrix as plain data', () => {
  it('survives structured clone and answers exactly as the matrix computed in place', () => {
    fc.assert(
      fc.property(clusterArb, fc.constantFrom<Granularity>('pod', 'workload'), (model, granularity) => {
        const evaluator = createEvaluator(model);
        const cloned = structuredClone(evaluator.matrixData({ granularity }));
        expect(answersOf(matrixFromData(cloned))).toEqual(answersOf(evaluator.matrix({ granularity })));
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('lists each typed array buffer once, so it can be transferred to another thread', () => {
    fc.assert(
      fc.property(clusterArb, (model) => {
        const data = createEvaluator(model).matrixData({ granularity: 'workload' });
        const buffers = matrixDataBuffers(data);
        expect(new Set(buffers).size).toBe(buffers.length);
        const moved = structuredClone(data, { transfer: buffers });
        expect(answersOf(matrixFromData(moved)).pairs.length).toBe(model.workloads.length ** 2);
      }),
      { numRuns: 50 },
    );
  });
});
