/**
 * fast-check generators of small clusters a user could draw on, and of drawings over them:
 * every workload has its own `app` (or `app.kubernetes.io/name`) value plus shared labels,
 * except "twins" that copy a neighbour's labels (so some workloads cannot be singled out).
 * Pods have no IPs, so ipBlocks match only external addresses. Also the oracle: what a drawing
 * means, computed here independently of the generator.
 */
import fc from 'fast-check';
import type { FlowEnd, FlowIntent, GeneratorSettings, PortIntent } from '../../../src/core/generate/intent.ts';
import { containsIpText, ipSetOfIpBlock, ALL_IPS, type IpSet } from '../../../src/core/model/ipset.ts';
import { ALL_PORTS, EMPTY_PORTS, portSetOf, unionPorts, type PortSet } from '../../../src/core/model/portset.ts';
import type { ClusterModel, ContainerPort, Labels, NetworkPolicyPort, Workload } from '../../../src/core/model/types.ts';
import { cluster, type PodSpec } from '../evaluate/fixture.ts';

export const NAMESPACES = ['x', 'y', 'z'] as const;

const PORTS: ContainerPort[] = [
  { name: 'http', containerPort: 80, protocol: 'TCP' },
  { name: 'dns', containerPort: 53, protocol: 'UDP' },
  { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
  { containerPort: 8080, protocol: 'TCP' },
  { name: 'sctp', containerPort: 7777, protocol: 'SCTP' },
];

interface WorkloadSeed {
  namespace: string;
  appKey: 'app' | 'app.kubernetes.io/name';
  shared: Labels;
  ports: ContainerPort[];
  twin: 'no' | 'same' | 'extra';
}

const workloadSeedArb: fc.Arbitrary<WorkloadSeed> = fc.record({
  namespace: fc.constantFrom(...NAMESPACES),
  appKey: fc.constantFrom('app' as const, 'app.kubernetes.io/name' as const),
  shared: fc.dictionary(fc.constantFrom('tier', 'team'), fc.constantFrom('web', 'db'), { maxKeys: 2 }),
  ports: fc.subarray(PORTS),
  twin: fc.constantFrom('no', 'no', 'no', 'no', 'same', 'extra'),
});

/** A cluster of 1-6 single-pod workloads; `twins` allows workloads that cannot be singled out. */
export function drawableClusterArb(options: { twins?: boolean } = {}): fc.Arbitrary<ClusterModel> {
  return fc.array(workloadSeedArb, { minLength: 1, maxLength: 6 }).map((seeds) => {
    const pods: PodSpec[] = [];
    seeds.forEach((s, i) => {
      const neighbour = pods.find((p) => p.id.startsWith(`${s.namespace}/`));
      let labels: Labels = { [s.appKey]: `a${i}`, ...s.shared };
      if (options.twins && neighbour && s.twin !== 'no') {
        labels = s.twin === 'same' ? { ...neighbour.labels } : { ...neighbour.labels, extra: `e${i}` };
      }
      pods.push({ id: `${s.namespace}/w${i}`, labels, ports: s.ports });
    });
    return cluster(pods, []);
  });
}

export const EXTERNALS: FlowEnd[] = [
  { kind: 'ipBlock', cidr: '10.0.0.0/24' },
  { kind: 'ipBlock', cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] },
  { kind: 'ipBlock', cidr: '192.168.1.7' },
  { kind: 'ipBlock', cidr: '2001:db8::/64' },
  { kind: 'anywhere' },
];

/** Addresses to probe with: inside and outside each external block. */
export const PROBE_IPS = ['10.0.0.5', '10.1.2.3', '192.168.1.7', '192.168.1.8', '8.8.8.8', '2001:db8::1', '2001:db9::1'];

const CUSTOM: NetworkPolicyPort[] = [
  { protocol: 'TCP', port: 80 },
  { protocol: 'UDP', port: 53 },
  { port: 8000, endPort: 8100 },
  { port: 'http' },
  { protocol: 'UDP', port: 'dns' },
  { protocol: 'SCTP' },
  { protocol: 'TCP', port: 9090 },
];

/** Connections to probe with: the edges of every port the vocabularies use. */
export const PROBE_PORTS = [
  ...[1, 53, 79, 80, 81, 7999, 8000, 8050, 8080, 8100, 8101, 9090, 65535].map((port) => ({ protocol: 'TCP' as const, port })),
  ...[52, 53, 80].map((port) => ({ protocol: 'UDP' as const, port })),
  ...[1, 7777].map((port) => ({ protocol: 'SCTP' as const, port })),
];

const portIntentArb: fc.Arbitrary<PortIntent> = fc.oneof(
  fc.constant({ kind: 'declared' as const }),
  fc.constant({ kind: 'all' as const }),
  fc.subarray(CUSTOM, { minLength: 1, maxLength: 3 }).map((entries) => ({ kind: 'custom' as const, entries })),
);

export function intentsArb(model: ClusterModel, maxLength = 8): fc.Arbitrary<FlowIntent[]> {
  const workloadEnd = fc.constantFrom(...model.workloads.map((w): FlowEnd => ({ kind: 'workload', id: w.id })));
  const end = fc.oneof({ weight: 3, arbitrary: workloadEnd }, { weight: 1, arbitrary: fc.constantFrom(...EXTERNALS) });
  const intent = fc
    .record({ source: end, destination: end, ports: portIntentArb })
    .filter((i) => i.source.kind === 'workload' || i.destination.kind === 'workload');
  return fc.array(intent, { maxLength });
}

export function settingsArb(toggles: boolean): fc.Arbitrary<GeneratorSettings> {
  const toggle = fc.record({ ingress: fc.boolean(), egress: fc.boolean() }, { requiredKeys: [] });
  return fc.record({
    style: fc.constantFrom('ingress-only' as const, 'zero-trust' as const),
    allowDns: fc.boolean(),
    defaultDeny: toggles ? fc.dictionary(fc.constantFrom(...NAMESPACES), toggle, { maxKeys: 3 }) : fc.constant({}),
  });
}

/** Whether some non-empty subset of the workload's labels selects no other pod of its namespace. */
export function canSingleOut(model: ClusterModel, workload: Workload): boolean {
  const keys = Object.keys(workload.labels);
  const others = model.pods.filter((p) => p.namespace === workload.namespace && p.workloadId !== workload.id);
  for (let mask = 1; mask < 1 << keys.length; mask++) {
    const subset = keys.filter((_, i) => mask & (1 << i));
    if (!others.some((p) => subset.every((k) => p.labels[k] === workload.labels[k]))) return true;
  }
  return false;
}

/** What one drawn flow means: its ends as predicates and its connections; undefined when it is left out. */
export interface Meaning {
  readonly source: (end: string) => boolean;
  readonly destination: (end: string) => boolean;
  readonly ports: PortSet;
}

function ipsOf(end: FlowEnd): IpSet {
  if (end.kind === 'anywhere') return ALL_IPS;
  if (end.kind === 'workload') return { ranges: [] };
  const cidr = end.cidr.includes('/') ? end.cidr : `${end.cidr}/32`;
  return ipSetOfIpBlock(cidr, end.except) ?? { ranges: [] };
}

/** `singleOut: false` reads the drawing even where the generator would leave it out (the drawn-vs-actual view). */
export function meaningOf(model: ClusterModel, intent: FlowIntent, singleOut = true): Meaning | undefined {
  const byId = new Map(model.workloads.map((w) => [w.id, w]));
  for (const end of [intent.source, intent.destination]) {
    if (singleOut && end.kind === 'workload' && !canSingleOut(model, byId.get(end.id)!)) return undefined;
  }
  const dst = intent.destination.kind === 'workload' ? byId.get(intent.destination.id) : undefined;
  let ports: PortSet = EMPTY_PORTS;
  if (intent.ports.kind === 'all') ports = ALL_PORTS;
  else if (intent.ports.kind === 'declared') {
    ports = dst && dst.ports.length > 0 ? dst.ports.map((p) => portSetOf(p.protocol, p.containerPort)).reduce(unionPorts, EMPTY_PORTS) : ALL_PORTS;
  } else {
    let kept = 0;
    for (const e of intent.ports.entries) {
      const protocol = e.protocol ?? 'TCP';
      if (typeof e.port === 'string') {
        if (!dst) continue;
        const named = dst.ports.find((p) => p.name === e.port && p.protocol === protocol);
        if (named) ports = unionPorts(ports, portSetOf(protocol, named.containerPort));
      } else ports = unionPorts(ports, portSetOf(protocol, e.port, e.endPort));
      kept++;
    }
    if (kept === 0) return undefined;
  }
  const matcher = (end: FlowEnd) => (text: string) =>
    end.kind === 'workload' ? text === end.id : !text.includes('/') && containsIpText(ipsOf(end), text);
  return { source: matcher(intent.source), destination: matcher(intent.destination), ports };
}
