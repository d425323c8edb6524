/**
 * lint/and-or-peers: two peers of one rule, a namespaceSelector alone followed (or preceded) by
 * a podSelector alone. Two list entries are ORed; the author most often meant one entry with both
 * selectors (ANDed): "these pods in those namespaces". One dash makes the difference.
 */
import type { NetworkPolicyPeer } from '../../model/types.ts';
import type { LintContext } from '../context.ts';
import { podIdsOf } from '../context.ts';
import { DIRECTIONS, hasPeers, writtenRules } from '../rules.ts';
import type { LintFinding } from '../types.ts';
import { selectorText } from '../words.ts';

const namespaceOnly = (p: NetworkPolicyPeer | undefined) =>
  p !== undefined && p.namespaceSelector !== undefined && p.podSelector === undefined && p.ipBlock === undefined;
const podOnly = (p: NetworkPolicyPeer | undefined) =>
  p !== undefined && p.podSelector !== undefined && p.namespaceSelector === undefined && p.ipBlock === undefined;

export function lintAndOrPeers(ctx: LintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const policy of ctx.policies) {
    for (const direction of DIRECTIONS) {
      for (const rule of writtenRules(policy, direction)) {
        if (!hasPeers(rule)) continue;
        for (let i = 1; i < rule.peers.length; i++) {
          const a = rule.peers[i - 1];
          const b = rule.peers[i];
          const pair = namespaceOnly(a) && podOnly(b) ? { ns: a, pod: b } : podOnly(a) && namespaceOnly(b) ? { ns: b, pod: a } : undefined;
          if (!pair) continue;
          const ns = selectorText(pair.ns?.namespaceSelector);
          const pods = selectorText(pair.pod?.podSelector);
          const who = direction === 'ingress' ? 'from' : 'to';
          findings.push({
            code: 'lint/and-or-peers',
            policy: policy.policy,
            path: `${rule.path}.${rule.peerField}[${i}]`,
            message:
              `These are two separate peers, so they are ORed: traffic ${who} every pod in namespaces matching ${ns}, ` +
              `OR ${who} pods matching ${pods} in ${policy.namespace}. ` +
              `Written as one peer (namespaceSelector and podSelector in the same list entry) they would be ANDed: ` +
              `only pods matching ${pods} inside namespaces matching ${ns}.`,
            fix:
              `If you meant "pods ${pods} in namespaces ${ns}", delete the dash before the second selector ` +
              `so both sit in one entry; if you meant either one, keep two entries.`,
            pods: podIdsOf(ctx.selectedClasses(policy)),
          });
          i++; // a pair is reported once; the next peer starts a new pair
        }
      }
    }
  }
  return findings;
}
