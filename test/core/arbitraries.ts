/**
 * fast-check arbitraries of VALID Kubernetes values, over the whole syntax the API server
 * accepts (not small vocabularies): names, label keys and values, selectors, CIDRs with
 * excepts strictly inside, ports, rules and whole NetworkPolicies. Objects leave optional
 * fields out (never `undefined`), and keep absent and empty apart, so they survive a YAML
 * round trip unchanged. Shared by the parser, serializer and generator tests.
 */
import fc from 'fast-check';
import { formatCidr, type IpFamily } from '../../src/core/model/ipset.ts';
import type {
  IPBlock,
  LabelSelector,
  LabelSelectorRequirement,
  Labels,
  NetworkPolicy,
  NetworkPolicyEgressRule,
  NetworkPolicyIngressRule,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  NetworkPolicySpec,
  PolicyType,
  Protocol,
} from '../../src/core/model/types.ts';

/** A DNS-1123 label: 1-63 of [a-z0-9-], alphanumeric at both ends (namespace names). */
export const dnsLabelArb: fc.Arbitrary<string> = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,20}[a-z0-9])?$/);

/** A DNS-1123 subdomain: dot-separated labels (most object names). */
export const dnsSubdomainArb: fc.Arbitrary<string> = fc
  .array(dnsLabelArb, { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join('.'));

const QUALIFIED = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,12}[A-Za-z0-9])?$/;

/** A label key: optional DNS prefix and '/', then a qualified name. */
export const labelKeyArb: fc.Arbitrary<string> = fc
  .tuple(fc.option(dnsSubdomainArb, { nil: undefined }), fc.stringMatching(QUALIFIED))
  .map(([prefix, name]) => (prefix ? `${prefix}/${name}` : name));

/** A label value: empty, or a qualified name (which may read as a number or a boolean in YAML). */
export const labelValueArb: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc.stringMatching(QUALIFIED),
  fc.constantFrom('true', 'false', 'yes', 'no', 'on', 'null', '1', '0x1F', '1e3', '1.5', '007', '1_000'),
);

export const labelsArb: fc.Arbitrary<Labels> = fc.dictionary(labelKeyArb, labelValueArb, { maxKeys: 3 });

export const requirementArb: fc.Arbitrary<LabelSelectorRequirement> = fc.oneof(
  fc.record({
    key: labelKeyArb,
    operator: fc.constantFrom('In' as const, 'NotIn' as const),
    values: fc.array(labelValueArb, { minLength: 1, maxLength: 3 }),
  }),
  fc.record(
    { key: labelKeyArb, operator: fc.constantFrom('Exists' as const, 'DoesNotExist' as const), values: fc.constant([]) },
    { requiredKeys: ['key', 'operator'] },
  ),
);

/** Any selector, including `{}`, `{matchLabels: {}}` and `{matchExpressions: []}`. */
export const selectorArb: fc.Arbitrary<LabelSelector> = fc.record(
  { matchLabels: labelsArb, matchExpressions: fc.array(requirementArb, { maxLength: 2 }) },
  { requiredKeys: [] },
);

/** A CIDR of the family, with host bits cleared, as Kubernetes prints it. */
export function cidrArb(family: IpFamily): fc.Arbitrary<{ family: IpFamily; start: bigint; prefix: number }> {
  const bits = family === 4 ? 32 : 128;
  return fc.tuple(fc.bigInt({ min: 0n, max: (1n << BigInt(bits)) - 1n }), fc.integer({ min: 0, max: bits })).map(([value, prefix]) => {
    const host = BigInt(bits - prefix);
    return { family, start: (value >> host) << host, prefix };
  });
}

/** An ipBlock whose excepts are strictly inside its cidr (so never for a full-length prefix). */
export const ipBlockArb: fc.Arbitrary<IPBlock> = fc
  .constantFrom<IpFamily>(4, 6)
  .chain((family) => cidrArb(family))
  .chain((outer) => {
    const bits = outer.family === 4 ? 32 : 128;
    const cidr = formatCidr(outer.family, outer.start, outer.prefix);
    if (outer.prefix === bits) return fc.constant<IPBlock>({ cidr });
    const inner = fc
      .tuple(fc.integer({ min: outer.prefix + 1, max: bits }), fc.bigInt({ min: 0n, max: (1n << BigInt(bits - outer.prefix)) - 1n }))
      .map(([prefix, offset]) => {
        const host = BigInt(bits - prefix);
        const start = ((outer.start + offset) >> host) << host;
        return formatCidr(outer.family, start, prefix);
      });
    return fc.record({ cidr: fc.constant(cidr), except: fc.array(inner, { maxLength: 3 }) }, { requiredKeys: ['cidr'] });
  });

export const peerArb: fc.Arbitrary<NetworkPolicyPeer> = fc.oneof(
  fc.record({ podSelector: selectorArb }),
  fc.record({ namespaceSelector: selectorArb }),
  fc.record({ podSelector: selectorArb, namespaceSelector: selectorArb }),
  fc.record({ ipBlock: ipBlockArb }),
);

/** An IANA service name: 1-15 of [a-z0-9-], a letter, no '-' at the ends or doubled. */
export const portNameArb: fc.Arbitrary<string> = fc
  .stringMatching(/^[a-z0-9](-?[a-z0-9]){0,7}$/)
  .filter((name) => /[a-z]/.test(name));

export const protocolArb: fc.Arbitrary<Protocol> = fc.constantFrom('TCP', 'UDP', 'SCTP');
export const portNumberArb: fc.Arbitrary<number> = fc.integer({ min: 1, max: 65535 });

export const policyPortArb: fc.Arbitrary<NetworkPolicyPort> = fc.oneof(
  fc.record({ protocol: protocolArb }, { requiredKeys: [] }),
  fc.record({ protocol: protocolArb, port: portNumberArb }, { requiredKeys: ['port'] }),
  fc.record({ protocol: protocolArb, port: portNameArb }, { requiredKeys: ['port'] }),
  fc
    .record({ protocol: protocolArb, port: portNumberArb, span: fc.integer({ min: 0, max: 1000 }) }, { requiredKeys: ['port', 'span'] })
    .map(({ span, ...p }) => ({ ...p, endPort: Math.min(65535, (p.port as number) + span) })),
);

export const ingressRuleArb: fc.Arbitrary<NetworkPolicyIngressRule> = fc.record(
  { from: fc.array(peerArb, { maxLength: 3 }), ports: fc.array(policyPortArb, { maxLength: 3 }) },
  { requiredKeys: [] },
);

export const egressRuleArb: fc.Arbitrary<NetworkPolicyEgressRule> = fc.record(
  { to: fc.array(peerArb, { maxLength: 3 }), ports: fc.array(policyPortArb, { maxLength: 3 }) },
  { requiredKeys: [] },
);

export const policyTypesArb: fc.Arbitrary<PolicyType[]> = fc.constantFrom<PolicyType[]>(
  [],
  ['Ingress'],
  ['Egress'],
  ['Ingress', 'Egress'],
  ['Egress', 'Ingress'],
);

export const policySpecArb: fc.Arbitrary<NetworkPolicySpec> = fc.record(
  {
    podSelector: selectorArb,
    policyTypes: policyTypesArb,
    ingress: fc.array(ingressRuleArb, { maxLength: 3 }),
    egress: fc.array(egressRuleArb, { maxLength: 3 }),
  },
  { requiredKeys: ['podSelector'] },
);

/** A valid NetworkPolicy (no `source`). */
export const networkPolicyArb: fc.Arbitrary<NetworkPolicy> = fc
  .record(
    { name: dnsSubdomainArb, namespace: dnsLabelArb, labels: labelsArb, spec: policySpecArb },
    { requiredKeys: ['name', 'namespace', 'spec'] },
  )
  .map((p) => ({ kind: 'NetworkPolicy' as const, ...p }));
