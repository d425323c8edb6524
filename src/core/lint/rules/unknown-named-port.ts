/**
 * lint/unknown-named-port: a rule names a port (`port: http`) that no pod it can apply to
 * declares with that protocol. A named port is looked up on the destination: for ingress the
 * policy's own pods, for egress the pods its peers admit. Where no pod declares it, the entry
 * matches nothing. Not checked when the pods were inferred from selectors (they have no ports).
 */
import type { CompiledPeer } from '../../evaluate/compile.ts';
import type { LintContext, LabelClass } from '../context.ts';
import { podIdsOf } from '../context.ts';
import type { LintFinding } from '../types.ts';
import { listText } from '../words.ts';
import { rulePairs } from './compiled.ts';

function destinations(ctx: LintContext, peers: readonly CompiledPeer[] | undefined): readonly LabelClass[] | undefined {
  if (peers === undefined) return ctx.classes;
  const selectors = peers.filter((p) => p.kind === 'selector');
  // Only ipBlock peers: the destination is an address, where named ports never resolve.
  if (selectors.length === 0) return undefined;
  return [...new Set(selectors.flatMap((p) => ctx.peerClasses(p)))];
}

export function lintUnknownNamedPort(ctx: LintContext): LintFinding[] {
  if (ctx.policyOnly) return [];
  const findings: LintFinding[] = [];
  for (const policy of ctx.policies) {
    for (const { written, compiled } of rulePairs(policy)) {
      if (!compiled.hasNamedPorts) continue;
      const ingress = written.direction === 'ingress';
      const classes = ingress ? ctx.selectedClasses(policy) : destinations(ctx, compiled.peers);
      if (!classes || classes.length === 0) continue;
      const pods = classes.flatMap((c) => c.pods);
      (written.ports ?? []).forEach((port, k) => {
        if (typeof port.port !== 'string') return;
        const name = port.port;
        const protocol = port.protocol ?? 'TCP';
        if (pods.some((p) => p.ports.some((cp) => cp.name === name && cp.protocol === protocol))) return;
        const otherProtocol = pods.flatMap((p) => p.ports).find((cp) => cp.name === name);
        const whose = ingress ? 'the pods this policy selects' : 'the pods this rule allows traffic to';
        const hint = otherProtocol ? ` (${name} is declared, but as ${otherProtocol.protocol})` : '';
        findings.push({
          code: 'lint/unknown-named-port',
          policy: policy.policy,
          path: `${written.path}.ports[${k}].port`,
          message:
            `No container port named "${name}" with protocol ${protocol} is declared by ${whose}` +
            ` (${listText(podIdsOf(classes))})${hint}. A named port is looked up on the destination pod, so this entry allows nothing.`,
          fix: otherProtocol
            ? `Set protocol: ${otherProtocol.protocol} on this entry, or declare the port with protocol ${protocol}.`
            : `Use the port's number, or name the container port "${name}" (ports: - name: ${name}) in the destination pods.`,
          pods: podIdsOf(ingress ? classes : ctx.selectedClasses(policy)),
        });
      });
    }
  }
  return findings;
}
