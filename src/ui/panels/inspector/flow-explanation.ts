/**
 * A flow (source → destination) explained per port class: the evaluator's verdict for one
 * probe port of each class, with classes whose verdicts carry the same reasons grouped together.
 * Everything shown comes from the core's Verdict records; nothing is re-decided here.
 */
import {
  explainVerdict,
  type DirectionVerdict,
  type EndpointInput,
  type Evaluator,
  type PortClass,
  type Verdict,
} from '../../../core/index.ts';

export type FlowStatus = 'allowed' | 'denied' | 'half-open';

/**
 * The side whose policies explicitly allow a denied flow (they isolate the pod and a rule admits
 * the flow) while the other side denies it: the half-open flows the matrix marks. Undefined
 * otherwise (also for an open side facing a denying one, which is a plain denial).
 */
export function halfOpenSide(v: Verdict): 'egress' | 'ingress' | undefined {
  if (v.allowed || v.loopback) return undefined;
  const explicit = (side: DirectionVerdict) => side.applies && side.isolated && side.allowed;
  if (explicit(v.egress) && !v.ingress.allowed) return 'egress';
  if (explicit(v.ingress) && !v.egress.allowed) return 'ingress';
  return undefined;
}

export function flowStatus(v: Verdict): FlowStatus {
  if (v.allowed) return 'allowed';
  return halfOpenSide(v) ? 'half-open' : 'denied';
}

function sideKey(side: DirectionVerdict): unknown {
  return [
    side.applies,
    side.isolated,
    side.isolatingPolicies,
    side.allowed,
    side.allowedBy.map((r) => [r.policy, r.direction, r.ruleIndex]),
    side.misses.map((m) => [m.policy, m.reason, m.ruleIndex ?? null, m.portName ?? null]),
  ];
}

/** Equal for two verdicts of the same pair that differ only in the port they were asked on. */
export function verdictReasonKey(v: Verdict): string {
  return JSON.stringify([v.allowed, v.loopback, sideKey(v.egress), sideKey(v.ingress)]);
}

export interface PortClassGroup {
  readonly key: string;
  readonly status: FlowStatus;
  /** The classes sharing these reasons, in the matrix's order. */
  readonly classes: readonly PortClass[];
  /** The verdict for the first class (its reasons stand for the whole group). */
  readonly verdict: Verdict;
  /** The core's sentences for that verdict. */
  readonly explanation: readonly string[];
}

const STATUS_ORDER: Readonly<Record<FlowStatus, number>> = { allowed: 0, 'half-open': 1, denied: 2 };

/** Groups (class, verdict) pairs by identical reasons; allowed groups first, then half-open, then denied. */
export function groupByReasons(entries: readonly { readonly portClass: PortClass; readonly verdict: Verdict }[]): PortClassGroup[] {
  const groups = new Map<string, { key: string; classes: PortClass[]; verdict: Verdict; first: number }>();
  entries.forEach(({ portClass, verdict }, i) => {
    const key = verdictReasonKey(verdict);
    const group = groups.get(key);
    if (group) group.classes.push(portClass);
    else groups.set(key, { key, classes: [portClass], verdict, first: i });
  });
  return [...groups.values()]
    .map((g) => ({ ...g, status: flowStatus(g.verdict) }))
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.first - b.first)
    .map(({ key, classes, verdict, status }) => ({ key, classes, verdict, status, explanation: explainVerdict(verdict) }));
}

/** The flow asked on one probe port per class, grouped by reasons. */
export function explainFlow(
  evaluator: Evaluator,
  source: EndpointInput,
  destination: EndpointInput,
  portClasses: readonly PortClass[],
): PortClassGroup[] {
  return groupByReasons(
    portClasses.map((portClass) => ({
      portClass,
      verdict: evaluator.verdict(source, destination, portClass.probe.protocol, portClass.probe.port),
    })),
  );
}

/** `TCP 3306, TCP 5432` or `any other port`; the classes of a group as one line. */
export function classesLabel(classes: readonly PortClass[]): string {
  return classes.map((c) => c.label).join(', ');
}
