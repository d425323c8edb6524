/**
 * What the canvas needs to know about each unit of a workload-granularity matrix: its workload,
 * the pod that stands for it (to ask the evaluator with), and whether policies isolate it.
 */
import type { ClusterModel, Direction, Evaluator, LintWarning, ReachabilityMatrix, Workload } from '../../core/index.ts';
import type { IsolationBadge } from './types.ts';

/** A resolved pod, as `evaluator.resolve` returns it. */
export type PodEnd = Extract<NonNullable<ReturnType<Evaluator['resolve']>>, { kind: 'pod' }>;

export interface CanvasSource {
  readonly model: ClusterModel;
  readonly evaluator: Evaluator;
  /** Lint warnings of the analysis: the nodes of the workloads they name get a marker. */
  readonly lint?: readonly LintWarning[];
}

export interface UnitInfo {
  /** The workload id, which is also the node id. */
  readonly id: string;
  readonly namespace: string;
  /** The workload's name (without namespace). */
  readonly name: string;
  readonly workload: Workload | undefined;
  /** Id of the pod that represents the unit (the workload's first pod). */
  readonly podId: string;
  readonly endpoint: PodEnd | undefined;
  readonly ingress: IsolationBadge;
  readonly egress: IsolationBadge;
}

export function isolationText(direction: Direction, policies: readonly string[]): string {
  if (policies.length === 0) return `${direction}: default allow`;
  return `${direction}: default deny (${policies.length} ${policies.length === 1 ? 'policy' : 'policies'})`;
}

function badge(source: CanvasSource, endpoint: PodEnd | undefined, direction: Direction): IsolationBadge {
  const policies = endpoint ? source.evaluator.selectingPolicies(endpoint, direction).map((p) => p.id) : [];
  return { direction, isolated: policies.length > 0, policies, text: isolationText(direction, policies) };
}

/** One entry per `matrix.units[i]` (the matrix must have workload granularity). */
export function describeUnits(source: CanvasSource, matrix: ReachabilityMatrix): UnitInfo[] {
  const workloads = new Map(source.model.workloads.map((w) => [w.id, w]));
  return matrix.units.map((unit) => {
    const workload = workloads.get(unit.workloadId);
    const podId = workload?.podIds[0] ?? unit.id;
    const resolved = source.evaluator.resolve(podId);
    const endpoint = resolved?.kind === 'pod' ? resolved : undefined;
    return {
      id: unit.id,
      namespace: unit.namespace,
      name: unit.name,
      workload,
      podId,
      endpoint,
      ingress: badge(source, endpoint, 'ingress'),
      egress: badge(source, endpoint, 'egress'),
    };
  });
}
