/**
 * What the evaluator says of a flow between resolved ends: every pod of a workload and, when no
 * port is given, one port of every port class (the pieces of the port space that all policies
 * treat alike), so "every TCP port" is decided exactly with a handful of verdicts.
 */
import type { Protocol } from '../model/types.ts';
import type { Evaluator } from '../evaluate/evaluator.ts';
import { explainVerdict, endpointName } from '../evaluate/explain.ts';
import { computePortClasses } from '../evaluate/port-classes.ts';
import type { Verdict } from '../evaluate/types.ts';
import type { FlowEvaluation, FlowWitness, ResolvedFlowEndpoint } from './types.ts';

function endsOf(end: ResolvedFlowEndpoint): readonly string[] {
  if (end.kind === 'ip') return [end.ip];
  return end.kind === 'pod' ? [end.id] : end.podIds;
}

/**
 * One port of each port class of the protocol, towards this destination: a port the destination
 * declares when the class holds one (so a failure names a port people recognise), else its first.
 */
export function probePorts(evaluator: Evaluator, destination: string, protocol: Protocol): number[] {
  const resolved = evaluator.resolve(destination);
  const endpoints = resolved?.kind === 'pod' ? [resolved] : [];
  const declared = endpoints.flatMap((e) => e.ports.filter((p) => p.protocol === protocol).map((p) => p.containerPort));
  const ports: number[] = [];
  for (const cls of computePortClasses(evaluator.policies, endpoints)) {
    const ranges = cls.ports[protocol];
    const known = declared.find((port) => ranges.some(([from, to]) => from <= port && port <= to));
    const first = ranges[0];
    if (known !== undefined) ports.push(known);
    else if (first) ports.push(first[0]);
  }
  return [...new Set(ports)].sort((a, b) => a - b);
}

function witnessOf(v: Verdict): FlowWitness {
  return {
    from: endpointName(v.source),
    to: endpointName(v.destination),
    ...(v.source.kind === 'pod' ? { fromWorkload: v.source.workloadId } : {}),
    ...(v.destination.kind === 'pod' ? { toWorkload: v.destination.workloadId } : {}),
    protocol: v.protocol,
    port: v.port,
    allowed: v.allowed,
  };
}

export function evaluateFlow(
  evaluator: Evaluator,
  from: ResolvedFlowEndpoint,
  to: ResolvedFlowEndpoint,
  protocol: Protocol,
  port: number | undefined,
): FlowEvaluation {
  let decided = 0;
  let allowedCount = 0;
  let allowed: Verdict | undefined;
  let denied: Verdict | undefined;
  // Port classes depend only on the destination's declared ports: pods of a workload share them.
  const portsByDeclared = new Map<string, number[]>();
  const portsFor = (destination: string): number[] => {
    if (port !== undefined) return [port];
    const resolved = evaluator.resolve(destination);
    const key = resolved?.kind === 'pod' ? JSON.stringify(resolved.ports) : '';
    let ports = portsByDeclared.get(key);
    if (!ports) {
      ports = probePorts(evaluator, destination, protocol);
      portsByDeclared.set(key, ports);
    }
    return ports;
  };
  for (const destination of endsOf(to)) {
    const ports = portsFor(destination);
    for (const source of endsOf(from)) {
      for (const p of ports) {
        const v = evaluator.verdict(source, destination, protocol, p);
        decided++;
        if (v.allowed) {
          allowedCount++;
          allowed ??= v;
        } else {
          denied ??= v;
        }
      }
    }
  }
  const actual = denied === undefined ? 'allowed' : allowed === undefined ? 'denied' : 'partial';
  return {
    actual,
    decided,
    allowedCount,
    ...(allowed ? { allowedExample: witnessOf(allowed), allowedExplanation: explainVerdict(allowed) } : {}),
    ...(denied ? { deniedExample: witnessOf(denied), deniedExplanation: explainVerdict(denied) } : {}),
  };
}
