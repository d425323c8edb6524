/**
 * lint/ip-block-pods: an ipBlock whose range holds pod IPs. ipBlock is meant for addresses
 * outside the cluster: whether it matches pod traffic depends on the network plugin (traffic may
 * be SNATed to the node's address, and pod IPs change whenever pods are rescheduled). Pods are
 * chosen with podSelector and namespaceSelector. Fires when pods in the model have IPs inside
 * the block, or when the block is exactly a well-known default pod network. `0.0.0.0/0` and
 * `::/0` ("anywhere") are left alone: admitting everything is what they say.
 */
import { ipSetOfIpBlock, containsIp } from '../../model/ipset.ts';
import { parseCidr, parseIp } from '../../model/iptext.ts';
import type { LintContext } from '../context.ts';
import { podIdsOf } from '../context.ts';
import type { LintFinding } from '../types.ts';
import { listText, plural } from '../words.ts';
import { peerPairs } from './compiled.ts';

/** Default pod networks: kubeadm/flannel, k3s, Calico. */
const POD_NETWORKS = new Set(['10.244.0.0/16', '10.42.0.0/16', '192.168.0.0/16']);

export function lintIpBlockPods(ctx: LintContext): LintFinding[] {
  const podIps: { id: string; ip: NonNullable<ReturnType<typeof parseIp>> }[] = [];
  for (const pod of ctx.model.pods) {
    for (const text of pod.ips) {
      const ip = parseIp(text);
      if (ip) podIps.push({ id: pod.id, ip });
    }
  }
  const inside = new Map<string, string[]>();
  const findings: LintFinding[] = [];
  for (const policy of ctx.policies) {
    for (const peer of peerPairs(policy)) {
      const block = peer.written.ipBlock;
      if (!block) continue;
      const cidr = parseCidr(block.cidr);
      if (!cidr || cidr.prefix === 0) continue;
      let covered = inside.get(peer.compiled.key);
      if (!covered) {
        const set = ipSetOfIpBlock(block.cidr, block.except);
        covered = set ? [...new Set(podIps.filter((p) => containsIp(set, p.ip)).map((p) => p.id))].sort() : [];
        inside.set(peer.compiled.key, covered);
      }
      const wellKnown = POD_NETWORKS.has(block.cidr);
      if (covered.length === 0 && !wellKnown) continue;
      const why =
        covered.length > 0
          ? `${block.cidr} contains the IPs of ${plural(covered.length, 'pod')} (${listText(covered)}).`
          : `${block.cidr} is a common default pod network.`;
      findings.push({
        code: 'lint/ip-block-pods',
        policy: policy.policy,
        path: `${peer.path}.ipBlock.cidr`,
        message:
          `${why} ipBlock is meant for addresses outside the cluster: whether it matches traffic between pods depends on the ` +
          `network plugin (the source may be rewritten to the node's address), and pod IPs change every time pods are rescheduled.`,
        fix: `Choose pods with a podSelector (and a namespaceSelector for other namespaces) instead, and keep ipBlock for external addresses (or list pod ranges under except).`,
        pods: covered.length > 0 ? covered : podIdsOf(ctx.selectedClasses(policy)),
      });
    }
  }
  return findings;
}
