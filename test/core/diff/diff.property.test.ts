import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  containsIpText,
  createEvaluator,
  diffReachability,
  EMPTY_PORTS,
  portSetKey,
  subtractPorts,
  unionPorts,
  type ClusterModel,
  type FlowChange,
  type PortSet,
  type ReachabilityMatrix,
} from '../../../src/core/index.ts';
import { clusterArb, EXTERNAL_IPS } from '../evaluate/arbitrary-cluster.ts';

const RUNS = 150;
const TIMEOUT = 120_000;

const stateOf = (model: ClusterModel) => ({ model, evaluator: createEvaluator(model) });

/** Two clusters: independent, or the same pods under other policies (so that flows change). */
const pairArb = fc.oneof(
  fc.tuple(clusterArb, clusterArb),
  fc.tuple(clusterArb, clusterArb).map(([a, b]): [ClusterModel, ClusterModel] => [a, { ...a, policies: b.policies }]),
);

const strip = (c: FlowChange) => ({ ...c, external: c.external?.end });

function unitPorts(matrix: ReachabilityMatrix, from: string, to: string): PortSet {
  const s = matrix.units.findIndex((u) => u.id === from);
  const d = matrix.units.findIndex((u) => u.id === to);
  return s < 0 || d < 0 ? EMPTY_PORTS : matrix.connections(s, d);
}

function externalPorts(matrix: ReachabilityMatrix, unitId: string, ip: string, inbound: boolean): PortSet {
  const u = matrix.units.findIndex((unit) => unit.id === unitId);
  const sides = inbound ? matrix.ingressFromExternal : matrix.egressToExternal;
  const side = sides.find((e) => containsIpText(e.range.set, ip));
  return u < 0 || !side ? EMPTY_PORTS : side.connections(u);
}

function changedPorts(changes: readonly FlowChange[], match: (c: FlowChange) => boolean): PortSet {
  return changes.filter(match).reduce((acc, c) => unionPorts(acc, c.portSet), EMPTY_PORTS);
}

describe('diffReachability on random clusters', () => {
  it('is empty between a cluster and itself', () => {
    fc.assert(
      fc.property(clusterArb, (model) => {
        const diff = diffReachability(stateOf(model), stateOf(model));
        expect(diff).toEqual({ added: [], removed: [] });
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('mirrors: what b adds over a, a removes from b', () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        const forward = diffReachability(stateOf(a), stateOf(b));
        const backward = diffReachability(stateOf(b), stateOf(a));
        expect(backward.removed.map(strip)).toEqual(forward.added.map(strip));
        expect(backward.added.map(strip)).toEqual(forward.removed.map(strip));
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('turns the matrix before into the matrix after, pair by pair and address by address', () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        const before = createEvaluator(a).matrix({ granularity: 'workload' });
        const after = createEvaluator(b).matrix({ granularity: 'workload' });
        const diff = diffReachability(stateOf(a), stateOf(b));
        const ids = [...new Set([...before.units, ...after.units].map((u) => u.id))];
        const apply = (was: PortSet, match: (c: FlowChange) => boolean) =>
          unionPorts(subtractPorts(was, changedPorts(diff.removed, match)), changedPorts(diff.added, match));
        for (const from of ids) {
          for (const to of ids) {
            if (from === to) continue;
            const match = (c: FlowChange) => c.from === from && c.to === to && !c.external;
            expect(portSetKey(apply(unitPorts(before, from, to), match)), `${from} -> ${to}`).toBe(portSetKey(unitPorts(after, from, to)));
          }
          for (const ip of EXTERNAL_IPS) {
            for (const inbound of [true, false]) {
              const match = (c: FlowChange) =>
                c.external !== undefined && (inbound ? c.to === from : c.from === from) && c.external.end === (inbound ? 'from' : 'to') && containsIpText(c.external.addresses, ip);
              const want = portSetKey(externalPorts(after, from, ip, inbound));
              expect(portSetKey(apply(externalPorts(before, from, ip, inbound), match)), `${from} ${inbound ? '<-' : '->'} ${ip}`).toBe(want);
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('never reports a port as both added and removed for one pair', () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        const diff = diffReachability(stateOf(a), stateOf(b));
        for (const added of diff.added) {
          for (const removed of diff.removed) {
            if (added.from !== removed.from || added.to !== removed.to) continue;
            expect(portSetKey(subtractPorts(added.portSet, removed.portSet))).toBe(portSetKey(added.portSet));
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});
