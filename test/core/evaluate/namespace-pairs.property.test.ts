import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../../../src/core/evaluate/evaluator.ts';
import { matrixFromData } from '../../../src/core/evaluate/matrix-data.ts';
import { gatherNamespacePairs, pairTotalAt, type PairTotal } from '../../../src/core/evaluate/namespace-pairs.ts';
import type { Granularity, ReachabilityMatrix } from '../../../src/core/evaluate/types.ts';
import { EMPTY_PORTS, isEmptyPorts, portSetKey, unionPorts } from '../../../src/core/model/portset.ts';
import { clusterArb } from './arbitrary-cluster.ts';

type Totals = { pairs: number; allowed: number; open: number; ports: string };

/** What asking the matrix pair by pair gathers for the pairs `included` picks. */
function gatherPairByPair(matrix: ReachabilityMatrix, included: (s: number, d: number) => boolean): Totals {
  let pairs = 0;
  let allowed = 0;
  let open = 0;
  let ports = EMPTY_PORTS;
  const n = matrix.units.length;
  for (let s = 0; s < n; s++) {
    for (let d = 0; d < n; d++) {
      if (s === d || !included(s, d)) continue;
      pairs++;
      const connections = matrix.connections(s, d);
      if (isEmptyPorts(connections)) continue;
      allowed++;
      ports = unionPorts(ports, connections);
      const sides = matrix.sides(s, d);
      if (!sides.egress.isolated && !sides.ingress.isolated) open++;
    }
  }
  return { pairs, allowed, open, ports: portSetKey(ports) };
}

const plain = (t: PairTotal): Totals => ({ pairs: t.pairs, allowed: t.allowed, open: t.open, ports: portSetKey(t.ports) });

describe('gatherNamespacePairs', () => {
  it('gathers from the matrix data what asking every pair of units gathers', () => {
    fc.assert(
      fc.property(clusterArb, fc.constantFrom<Granularity>('pod', 'workload'), (model, granularity) => {
        const data = structuredClone(createEvaluator(model).matrixData({ granularity }));
        const matrix = matrixFromData(data);
        const gathered = gatherNamespacePairs(data);
        const { namespaces, namespaceOf } = gathered;
        const units = matrix.units.length;
        expect([...namespaceOf].map((i) => namespaces[i])).toEqual(matrix.units.map((u) => u.namespace));
        namespaces.forEach((_, a) => {
          for (let d = 0; d < units; d++) {
            expect(plain(pairTotalAt(gathered, gathered.toUnit, a * units + d))).toEqual(gatherPairByPair(matrix, (s, t) => t === d && namespaceOf[s] === a));
          }
          for (let s = 0; s < units; s++) {
            expect(plain(pairTotalAt(gathered, gathered.fromUnit, s * namespaces.length + a))).toEqual(gatherPairByPair(matrix, (f, t) => f === s && namespaceOf[t] === a));
          }
          namespaces.forEach((__, b) => {
            expect(plain(pairTotalAt(gathered, gathered.between, a * namespaces.length + b))).toEqual(
              gatherPairByPair(matrix, (s, t) => namespaceOf[s] === a && namespaceOf[t] === b),
            );
          });
        });
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});
