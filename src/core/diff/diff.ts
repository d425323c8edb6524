/**
 * What changed in reachability between two states of a cluster, at workload granularity:
 * flows (and ports of flows) that `after` allows and `before` did not, and the reverse.
 * Workloads are matched by id (`ns/name`); a workload present on one side only has every
 * connection of the other side's absence (none). Pairs of a workload with itself (replicas
 * talking to each other) are left out, as on the canvas.
 */
import type { Evaluator } from '../evaluate/evaluator.ts';
import type { ReachabilityMatrix } from '../evaluate/types.ts';
import { EMPTY_PORTS } from '../model/portset.ts';
import type { ClusterModel } from '../model/types.ts';
import { collectPairChange, compareFlowChanges, type PairChange } from './changes.ts';
import { externalPairChanges } from './external.ts';
import type { FlowChange, ReachabilityDiff } from './types.ts';

export interface ReachabilityState {
  readonly model: ClusterModel;
  readonly evaluator: Evaluator;
  /** The evaluator's workload-granularity matrix, when already computed (else it is computed here). */
  readonly matrix?: ReachabilityMatrix;
}

function workloadMatrixOf(state: ReachabilityState): ReachabilityMatrix {
  return state.matrix?.granularity === 'workload' ? state.matrix : state.evaluator.matrix({ granularity: 'workload' });
}

function indexUnits(matrix: ReachabilityMatrix): Map<string, number> {
  return new Map(matrix.units.map((unit, i) => [unit.id, i]));
}

function* workloadPairChanges(
  before: ReachabilityMatrix,
  after: ReachabilityMatrix,
  beforeIndex: ReadonlyMap<string, number>,
  afterIndex: ReadonlyMap<string, number>,
  ids: readonly string[],
): Generator<PairChange> {
  for (const from of ids) {
    for (const to of ids) {
      if (from === to) continue;
      const [bs, bd, as, ad] = [beforeIndex.get(from), beforeIndex.get(to), afterIndex.get(from), afterIndex.get(to)];
      const was = bs === undefined || bd === undefined ? EMPTY_PORTS : before.connections(bs, bd);
      const is = as === undefined || ad === undefined ? EMPTY_PORTS : after.connections(as, ad);
      yield { from, to, before: was, after: is };
    }
  }
}

export function diffReachability(before: ReachabilityState, after: ReachabilityState): ReachabilityDiff {
  const beforeMatrix = workloadMatrixOf(before);
  const afterMatrix = workloadMatrixOf(after);
  const beforeIndex = indexUnits(beforeMatrix);
  const afterIndex = indexUnits(afterMatrix);
  const ids = [...new Set([...beforeIndex.keys(), ...afterIndex.keys()])].sort();
  const added: FlowChange[] = [];
  const removed: FlowChange[] = [];
  for (const pair of workloadPairChanges(beforeMatrix, afterMatrix, beforeIndex, afterIndex, ids)) collectPairChange(pair, added, removed);
  const inbound = externalPairChanges(
    { sides: beforeMatrix.ingressFromExternal, unitOf: beforeIndex },
    { sides: afterMatrix.ingressFromExternal, unitOf: afterIndex },
    ids,
    true,
  );
  const outbound = externalPairChanges(
    { sides: beforeMatrix.egressToExternal, unitOf: beforeIndex },
    { sides: afterMatrix.egressToExternal, unitOf: afterIndex },
    ids,
    false,
  );
  for (const pair of [...inbound, ...outbound]) collectPairChange(pair, added, removed);
  return { added: added.sort(compareFlowChanges), removed: removed.sort(compareFlowChanges) };
}

/** True when nothing changed. */
export function isEmptyDiff(diff: ReachabilityDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0;
}
