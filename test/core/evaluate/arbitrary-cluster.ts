/**
 * fast-check generators of small clusters with valid NetworkPolicies, drawn from tiny
 * vocabularies so that selectors, namespaces, ipBlocks and named ports actually collide.
 */
import fc from 'fast-check';
import type {
  ContainerPort,
  LabelSelector,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  NetworkPolicySpec,
  PolicyType,
} from '../../../src/core/model/types.ts';
import { cluster, type PodSpec } from './fixture.ts';

export const NAMESPACES = ['x', 'y', 'z'] as const;
export const PROBE_PORTS = [53, 80, 81, 443, 8080, 9000] as const;
export const EXTERNAL_IPS = ['10.0.0.5', '10.0.0.200', '8.8.8.8', '192.168.1.1', '2001:db8::5', '2001:db9::1'] as const;
const CIDRS = [
  { cidr: '10.0.0.0/24' },
  { cidr: '10.0.0.0/25', except: ['10.0.0.0/27'] },
  { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] },
  { cidr: '2001:db8::/64' },
  { cidr: '8.8.8.8/32' },
  // Host bits set, written as upstream e2e writes it ('<pod IP>/4'): the network 0.0.0.0/4.
  { cidr: '10.0.0.10/4', except: ['10.0.0.100/32', '10.0.0.128/25'] },
  { cidr: '2001:db8::10/48', except: ['2001:db8::10/128'] },
];

const labelsArb = fc.dictionary(fc.constantFrom('app', 'tier'), fc.constantFrom('a', 'b'), { maxKeys: 2 });

const selectorArb: fc.Arbitrary<LabelSelector> = fc.oneof(
  fc.constant({}),
  labelsArb.map((matchLabels) => ({ matchLabels })),
  fc
    .record({
      key: fc.constantFrom('app', 'tier', 'kubernetes.io/metadata.name'),
      operator: fc.constantFrom('In' as const, 'NotIn' as const, 'Exists' as const, 'DoesNotExist' as const),
      values: fc.uniqueArray(fc.constantFrom('a', 'b', 'x', 'y'), { minLength: 1, maxLength: 2 }),
    })
    .map(({ key, operator, values }) => ({
      matchExpressions: [operator === 'In' || operator === 'NotIn' ? { key, operator, values } : { key, operator }],
    })),
);

const peerArb: fc.Arbitrary<NetworkPolicyPeer> = fc.oneof(
  selectorArb.map((podSelector) => ({ podSelector })),
  selectorArb.map((namespaceSelector) => ({ namespaceSelector })),
  fc.record({ namespaceSelector: selectorArb, podSelector: selectorArb }),
  fc.constantFrom(...CIDRS).map((ipBlock) => ({ ipBlock })),
);

const portArb: fc.Arbitrary<NetworkPolicyPort> = fc.oneof(
  fc.record({ protocol: fc.constantFrom('TCP' as const, 'UDP' as const, 'SCTP' as const) }, { requiredKeys: [] }),
  fc.record(
    { protocol: fc.constantFrom('TCP' as const, 'UDP' as const), port: fc.constantFrom(53, 80, 443, 8080) },
    { requiredKeys: ['port'] },
  ),
  fc.record({ port: fc.constantFrom(53, 80), endPort: fc.constantFrom(80, 443, 9000) }).filter((p) => p.endPort >= p.port),
  fc.record({ protocol: fc.constantFrom('TCP' as const, 'UDP' as const), port: fc.constantFrom('http', 'dns', 'nope') }, { requiredKeys: ['port'] }),
);

const rulesArb = fc.option(
  fc.array(
    fc.record({
      peers: fc.option(fc.array(peerArb, { maxLength: 2 }), { nil: undefined }),
      ports: fc.option(fc.array(portArb, { maxLength: 2 }), { nil: undefined }),
    }),
    { maxLength: 2 },
  ),
  { nil: undefined },
);

const policyArb = (index: number): fc.Arbitrary<NetworkPolicy> =>
  fc
    .record({
      namespace: fc.constantFrom(...NAMESPACES),
      podSelector: selectorArb,
      policyTypes: fc.option(fc.constantFrom<PolicyType[]>([], ['Ingress'], ['Egress'], ['Ingress', 'Egress']), { nil: undefined }),
      ingress: rulesArb,
      egress: rulesArb,
    })
    .map(({ namespace, podSelector, policyTypes, ingress, egress }) => {
      const spec: NetworkPolicySpec = {
        podSelector,
        ...(policyTypes ? { policyTypes } : {}),
        ...(ingress ? { ingress: ingress.map((r) => ({ ...(r.peers ? { from: r.peers } : {}), ...(r.ports ? { ports: r.ports } : {}) })) } : {}),
        ...(egress ? { egress: egress.map((r) => ({ ...(r.peers ? { to: r.peers } : {}), ...(r.ports ? { ports: r.ports } : {}) })) } : {}),
      };
      return { kind: 'NetworkPolicy', namespace, name: `p${index}`, spec };
    });

const containerPortsArb: fc.Arbitrary<ContainerPort[]> = fc.subarray([
  { name: 'http', containerPort: 8080, protocol: 'TCP' as const },
  { name: 'dns', containerPort: 53, protocol: 'UDP' as const },
]);

const podArb = (index: number): fc.Arbitrary<PodSpec> =>
  fc
    .record({
      namespace: fc.constantFrom(...NAMESPACES),
      labels: labelsArb,
      ports: fc.oneof(containerPortsArb, fc.constant([{ name: 'http', containerPort: 80, protocol: 'TCP' as const }])),
      // One address, none (not scheduled yet), or dual-stack.
      ips: fc.constantFrom<string[]>(['10.0.0.10'], ['10.0.0.100'], ['10.0.0.140'], ['172.16.0.1'], ['2001:db8::10'], [], ['172.16.0.1', '2001:db8::10']),
    })
    .map(({ namespace, labels, ports, ips }) => ({ id: `${namespace}/pod${index}`, labels, ports, ips }));

export const clusterArb = fc
  .record({
    pods: fc.integer({ min: 2, max: 7 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => podArb(i)))),
    policies: fc.integer({ min: 0, max: 4 }).chain((n) => (n === 0 ? fc.constant<NetworkPolicy[]>([]) : fc.tuple(...Array.from({ length: n }, (_, i) => policyArb(i))))),
    nsLabels: fc.record({ x: labelsArb, y: labelsArb, z: labelsArb }),
  })
  .map(({ pods, policies, nsLabels }) => cluster(pods, policies, nsLabels));
