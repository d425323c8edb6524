/**
 * lint/dns-blocked-udp and lint/dns-blocked-tcp: pods isolated for egress whose policies do not
 * let them reach the cluster DNS on port 53. Lookups of service names then fail, so even the
 * connections the policies allow fail by name. TCP is reported on its own: resolvers fall back
 * to TCP for large answers, and rules that open only UDP 53 break those.
 *
 * The DNS server is the model's pods labelled k8s-app=kube-dns when there are any, otherwise a
 * stand-in pod kube-system/kube-dns with those labels and CoreDNS's named ports (dns, dns-tcp).
 * The egress side alone is checked: one evaluation per set of isolating policies and protocol.
 */
import type { EndpointInput } from '../../evaluate/evaluator.ts';
import { METADATA_NAME_LABEL, type Protocol } from '../../model/types.ts';
import type { LintContext } from '../context.ts';
import type { LintFinding } from '../types.ts';
import { listText, plural } from '../words.ts';

const DNS_LABEL = { key: 'k8s-app', value: 'kube-dns' } as const;
const STAND_IN: EndpointInput = {
  namespace: 'kube-system',
  name: 'kube-dns',
  labels: { [DNS_LABEL.key]: DNS_LABEL.value },
  ports: [
    { name: 'dns', containerPort: 53, protocol: 'UDP' },
    { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
  ],
};

const DNS_RULE =
  `to: [{namespaceSelector: {matchLabels: {${METADATA_NAME_LABEL}: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}],` +
  ` ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]`;

function dnsTargets(ctx: LintContext): EndpointInput[] {
  const real = ctx.classes.filter((c) => c.labels[DNS_LABEL.key] === DNS_LABEL.value).map((c) => c.pods[0]?.id ?? '');
  return real.length > 0 ? real.filter((id) => id !== '') : [STAND_IN];
}

export function lintDnsBlocked(ctx: LintContext): LintFinding[] {
  const targets = dnsTargets(ctx);
  const groups = new Map<string, { policies: readonly string[]; pods: string[]; blocked: Protocol[] }>();
  for (const c of ctx.classes) {
    const first = c.pods[0];
    const source = first ? ctx.evaluator.resolve(first.id) : undefined;
    if (!first || source?.kind !== 'pod') continue;
    if (c.labels[DNS_LABEL.key] === DNS_LABEL.value) continue;
    const isolating = ctx.evaluator.selectingPolicies(source, 'egress').map((p) => p.id);
    if (isolating.length === 0) continue;
    const key = isolating.join('\n');
    let group = groups.get(key);
    if (!group) {
      const blocked = (['UDP', 'TCP'] as const).filter(
        (protocol) => !targets.some((t) => ctx.evaluator.verdict(first.id, t, protocol, 53).egress.allowed),
      );
      group = { policies: isolating, pods: [], blocked };
      groups.set(key, group);
    }
    if (group.blocked.length > 0) group.pods.push(...c.pods.map((p) => p.id));
  }

  const byId = new Map(ctx.policies.map((p) => [p.id, p.policy]));
  const findings: LintFinding[] = [];
  for (const group of groups.values()) {
    const policy = byId.get(group.policies[0] ?? '');
    if (!policy || group.pods.length === 0) continue;
    const path = policy.spec.egress !== undefined ? 'spec.egress' : policy.spec.policyTypes !== undefined ? 'spec.policyTypes' : 'spec';
    const pods = group.pods.sort();
    const who = `${plural(pods.length, 'pod')} (${listText(pods)})`;
    const by = `${group.policies.length === 1 ? 'policy' : 'policies'} ${listText([...group.policies])}`;
    for (const protocol of group.blocked) {
      const what =
        protocol === 'UDP'
          ? 'DNS lookups (UDP port 53) are blocked: names of services do not resolve, so even the connections the policies allow fail when made by name.'
          : 'DNS over TCP (port 53) is blocked: resolvers retry over TCP when an answer is too large for UDP, and those lookups fail.';
      findings.push({
        code: protocol === 'UDP' ? 'lint/dns-blocked-udp' : 'lint/dns-blocked-tcp',
        policy,
        path,
        message: `${who} ${pods.length === 1 ? 'is' : 'are'} isolated for egress by ${by}, and no egress rule allows ${protocol} port 53 to the cluster DNS (kube-dns). ${what}`,
        fix: `Add an egress rule that allows DNS, for example: ${DNS_RULE}.`,
        pods,
      });
    }
  }
  return findings;
}
