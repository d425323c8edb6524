/**
 * lint/ports-only-rule: the stray dash. `- from: [...]` followed by `- ports: [...]` is two rules,
 * ORed: the peers on every port, plus those ports from (or to) everywhere. The author almost
 * always meant one rule, `- from: [...]` with `ports:` under it (no dash).
 */
import type { LintContext } from '../context.ts';
import { podIdsOf } from '../context.ts';
import { DIRECTIONS, hasPeers, hasPorts, writtenRules } from '../rules.ts';
import type { LintFinding } from '../types.ts';
import { listText, portText } from '../words.ts';

export function lintPortsOnlyRule(ctx: LintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const policy of ctx.policies) {
    for (const direction of DIRECTIONS) {
      const rules = writtenRules(policy, direction);
      const peersOnly = rules.filter((r) => hasPeers(r) && !hasPorts(r));
      if (peersOnly.length === 0) continue;
      for (const rule of rules) {
        if (hasPeers(rule) || !hasPorts(rule)) continue;
        // The peers-only rule nearest before it (the one the dash split it from), else the first.
        const partner = [...peersOnly].reverse().find((r) => r.index < rule.index) ?? peersOnly[0];
        if (!partner) continue;
        const field = rule.peerField;
        const everywhere = direction === 'ingress' ? 'from every source' : 'to every destination';
        const ports = listText(rule.ports.map(portText));
        findings.push({
          code: 'lint/ports-only-rule',
          policy: policy.policy,
          path: `${rule.path}.ports`,
          message:
            `This ${direction} rule has ports but no ${field}, so it allows ${ports} ${everywhere} (pods of every namespace and any address). ` +
            `It is a separate rule from ${direction} rule ${partner.index + 1}, which allows its peers on every port: rules are ORed.`,
          fix:
            `If you meant "these peers, on these ports", make them one rule: remove the dash before ports so that ports sits ` +
            `under the same list entry as ${field} (indented like ${field}).`,
          pods: podIdsOf(ctx.selectedClasses(policy)),
        });
      }
    }
  }
  return findings;
}
