/**
 * A selected policy on the canvas: the workloads it selects and the flows it allows stand out,
 * everything else is dimmed. A flow is allowed "by" the policy when, for some port class, the
 * verdict on the class's probe port names one of the policy's rules in `allowedBy` (on either
 * side, so a half-open flow the policy opens on its side is highlighted too).
 */
import type { ReachabilityMatrix } from '../../core/index.ts';
import type { ExternalSet } from './external.ts';
import type { FlowSpec } from './flows.ts';
import type { CanvasSource, UnitInfo } from './units.ts';

export interface PolicyFocus {
  /** Workload ids the policy selects. */
  readonly selected: ReadonlySet<string>;
  /** Edge ids of the drawn flows the policy allows. */
  readonly flows: ReadonlySet<string>;
  /** Node ids at either end of those flows. */
  readonly ends: ReadonlySet<string>;
}

export function focusOnPolicy(
  source: CanvasSource,
  matrix: ReachabilityMatrix,
  units: readonly UnitInfo[],
  externals: readonly ExternalSet[],
  flows: readonly FlowSpec[],
  policyId: string,
): PolicyFocus | undefined {
  const policy = source.evaluator.policies.find((p) => p.id === policyId);
  if (!policy) return undefined;
  const selected = new Set(
    units.filter((u) => u.endpoint && u.namespace === policy.namespace && policy.selects(u.endpoint.labels)).map((u) => u.id),
  );
  const probeOf = new Map<string, string>([
    ...units.map((u) => [u.id, u.podId] as const),
    ...externals.map((e) => [e.id, e.sampleIp] as const),
  ]);
  const allowedBy = new Set<string>();
  const ends = new Set<string>();
  for (const flow of flows) {
    // Only the policy's own pods' egress or ingress can be opened by it.
    if (!selected.has(flow.source) && !selected.has(flow.target)) continue;
    const from = probeOf.get(flow.source);
    const to = probeOf.get(flow.target);
    if (from === undefined || to === undefined) continue;
    const opened = matrix.portClasses.some(({ probe }) => {
      const verdict = source.evaluator.verdict(from, to, probe.protocol, probe.port);
      return [...verdict.egress.allowedBy, ...verdict.ingress.allowedBy].some((rule) => rule.policy === policyId);
    });
    if (opened) {
      allowedBy.add(flow.id);
      ends.add(flow.source);
      ends.add(flow.target);
    }
  }
  return { selected, flows: allowedBy, ends };
}
