/**
 * A verdict rendered as short sentences: the same words in the UI, the CLI and test failures.
 * Rules are numbered from 1 for people (`rule #1` is `ingress[0]`).
 */
import type { DirectionVerdict, EndpointRef, PolicyMiss, Verdict } from './types.ts';

export function endpointName(end: EndpointRef): string {
  return end.kind === 'ip' ? end.ip : end.id;
}

function missSentence(miss: PolicyMiss, side: DirectionVerdict, v: Verdict): string {
  const other = endpointName(side.direction === 'egress' ? v.destination : v.source);
  const rule = miss.ruleIndex === undefined ? '' : `${side.direction} rule #${miss.ruleIndex + 1}`;
  switch (miss.reason) {
    case 'no-rules':
      return `${miss.policy} has no ${side.direction} rules: it only isolates.`;
    case 'peer':
      return `${miss.policy}: no ${side.direction} rule ${side.direction === 'egress' ? 'allows the destination' : 'allows the source'} ${other}.`;
    case 'port':
      return `${miss.policy}: ${rule} matches ${other} but not ${v.protocol} ${v.port}.`;
    case 'named-port':
      return `${miss.policy}: ${rule} matches ${other} but names port "${miss.portName}", which ${endpointName(v.destination)} does not declare for ${v.protocol}.`;
  }
}

export function explainSide(side: DirectionVerdict, v: Verdict): string[] {
  const label = side.direction === 'egress' ? 'Egress' : 'Ingress';
  const subject = endpointName(side.direction === 'egress' ? v.source : v.destination);
  if (!side.applies) return [`${label}: ${subject} is an address outside the cluster; no policy applies on that side.`];
  if (!side.isolated) {
    return [`${label}: no NetworkPolicy selects ${subject} for ${side.direction}, so it is open (default allow).`];
  }
  const isolated = `${label}: ${subject} is isolated (default deny) by ${side.isolatingPolicies.join(', ')}.`;
  if (side.allowed) {
    const rules = side.allowedBy.map((r) => `${r.policy} ${r.direction} rule #${r.ruleIndex + 1}`);
    return [isolated, `Allowed by ${rules.join(', ')}.`];
  }
  return [isolated, `No rule allows it:`, ...side.misses.map((m) => `- ${missSentence(m, side, v)}`)];
}

export function explainVerdict(v: Verdict): string[] {
  const head = `${endpointName(v.source)} → ${endpointName(v.destination)} on ${v.protocol} ${v.port}: ${v.allowed ? 'allowed' : 'denied'}.`;
  if (v.loopback) {
    return [head, 'A pod connecting to itself is outside NetworkPolicy (loopback): reported as allowed.'];
  }
  const lines = [head, ...explainSide(v.egress, v), ...explainSide(v.ingress, v)];
  const explicit = (side: DirectionVerdict) => side.applies && side.isolated && side.allowed;
  const denies = (side: DirectionVerdict) => side.applies && !side.allowed;
  if (explicit(v.egress) && denies(v.ingress)) {
    lines.push(`Half-open: a policy of ${endpointName(v.source)} allows it out, but ${endpointName(v.destination)} does not let it in.`);
  } else if (explicit(v.ingress) && denies(v.egress)) {
    lines.push(`Half-open: a policy of ${endpointName(v.destination)} lets it in, but ${endpointName(v.source)} may not send it.`);
  }
  return lines;
}
