/**
 * NetworkPolicy (networking.k8s.io/v1): every field checked as the API server does, unknown
 * fields reported with a suggestion, absent and empty kept apart (`ingress: []` stays `[]`).
 */
import type {
  NetworkPolicy,
  NetworkPolicyEgressRule,
  NetworkPolicyIngressRule,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  NetworkPolicySpec,
  PolicyType,
  SourceRef,
} from '../model/types.ts';
import { EGRESS_RULE, INGRESS_RULE, POLICY_ROOT, POLICY_SPEC } from './fields.ts';
import { childPath, type Path } from './path.ts';
import type { ObjectMeta } from './read-meta.ts';
import { readPeer } from './read-peer.ts';
import { readPolicyPort } from './read-policy-port.ts';
import { readSelector } from './read-selector.ts';
import { checkFields, field, readList, readMap, readString, type Obj } from './reader.ts';
import type { Reporter } from './reporter.ts';
import { suggestName } from './suggest.ts';

const POLICY_TYPES: readonly PolicyType[] = ['Ingress', 'Egress'];
const SPEC: Path = childPath(undefined, 'spec');

function readEach<T>(r: Reporter, v: unknown, path: Path, read: (item: unknown, at: Path) => T | undefined): T[] | undefined {
  const list = readList(r, v, path);
  if (!list) return undefined;
  const out: T[] = [];
  list.forEach((item, i) => {
    const value = read(item, childPath(path, i));
    if (value !== undefined) out.push(value);
  });
  return out;
}

function readPolicyTypes(r: Reporter, v: unknown, path: Path): PolicyType[] | undefined {
  const seen = new Set<string>();
  return readEach(r, v, path, (item, at) => {
    const text = readString(r, item, at) ?? (item === null ? '' : undefined);
    if (text === undefined) return undefined;
    if (!(POLICY_TYPES as readonly string[]).includes(text)) {
      const guess = suggestName(text, POLICY_TYPES);
      r.error(
        'invalid-policy-type',
        `Policy type ${JSON.stringify(text)} is not Ingress or Egress${guess ? ` (did you mean "${guess}"?)` : ''}`,
        at,
      );
      return undefined;
    }
    if (seen.has(text)) {
      r.error('duplicate-policy-type', `Policy type ${text} is listed twice`, at);
      return undefined;
    }
    seen.add(text);
    return text as PolicyType;
  });
}

interface RuleBody {
  peers?: NetworkPolicyPeer[];
  ports?: NetworkPolicyPort[];
}

function readRule(r: Reporter, v: unknown, path: Path, direction: 'ingress' | 'egress'): RuleBody | undefined {
  if (v === null) {
    const whom = direction === 'ingress' ? 'sources' : 'destinations';
    r.warn('null-value', `This empty ${direction} rule is read as {}, which allows all ${whom} on all ports`, path);
    return {};
  }
  const rule = readMap(r, v, path);
  if (!rule) return undefined;
  checkFields(r, rule, path, direction === 'ingress' ? INGRESS_RULE : EGRESS_RULE);
  const peersKey = direction === 'ingress' ? 'from' : 'to';
  const body: RuleBody = {};
  const peers = readEach(r, field(rule, peersKey), childPath(path, peersKey), (item, at) => readPeer(r, item, at));
  if (peers) body.peers = peers;
  const ports = readEach(r, field(rule, 'ports'), childPath(path, 'ports'), (item, at) => readPolicyPort(r, item, at));
  if (ports) body.ports = ports;
  return body;
}

function readIngressRule(r: Reporter, v: unknown, path: Path): NetworkPolicyIngressRule | undefined {
  const body = readRule(r, v, path, 'ingress');
  if (!body) return undefined;
  const out: { from?: NetworkPolicyPeer[]; ports?: NetworkPolicyPort[] } = {};
  if (body.peers) out.from = body.peers;
  if (body.ports) out.ports = body.ports;
  return out;
}

function readEgressRule(r: Reporter, v: unknown, path: Path): NetworkPolicyEgressRule | undefined {
  const body = readRule(r, v, path, 'egress');
  if (!body) return undefined;
  const out: { to?: NetworkPolicyPeer[]; ports?: NetworkPolicyPort[] } = {};
  if (body.peers) out.to = body.peers;
  if (body.ports) out.ports = body.ports;
  return out;
}

function readSpec(r: Reporter, obj: Obj): NetworkPolicySpec | undefined {
  const spec = readMap(r, field(obj, 'spec'), SPEC);
  if (spec) checkFields(r, spec, SPEC, POLICY_SPEC);
  const selPath = childPath(SPEC, 'podSelector');
  const selValue = spec ? field(spec, 'podSelector') : undefined;
  if (selValue === undefined || selValue === null) {
    r.error(
      'missing-pod-selector',
      'A NetworkPolicy needs "spec.podSelector" (use "podSelector: {}" to select every pod of the namespace)',
      spec ? selPath : SPEC,
      'key',
    );
  }
  if (!spec) return undefined;
  const podSelector = readSelector(r, selValue, selPath);
  const out: {
    podSelector: NetworkPolicySpec['podSelector'];
    policyTypes?: PolicyType[];
    ingress?: NetworkPolicyIngressRule[];
    egress?: NetworkPolicyEgressRule[];
  } = { podSelector: podSelector ?? {} };
  const policyTypes = readPolicyTypes(r, field(spec, 'policyTypes'), childPath(SPEC, 'policyTypes'));
  if (policyTypes) out.policyTypes = policyTypes;
  const ingress = readEach(r, field(spec, 'ingress'), childPath(SPEC, 'ingress'), (item, at) => readIngressRule(r, item, at));
  if (ingress) out.ingress = ingress;
  const egress = readEach(r, field(spec, 'egress'), childPath(SPEC, 'egress'), (item, at) => readEgressRule(r, item, at));
  if (egress) out.egress = egress;
  return podSelector ? out : undefined;
}

/** The policy, or undefined when it has errors (they are reported). */
export function readNetworkPolicy(r: Reporter, obj: Obj, meta: ObjectMeta, source: SourceRef): NetworkPolicy | undefined {
  checkFields(r, obj, undefined, POLICY_ROOT);
  const spec = readSpec(r, obj);
  if (!spec || meta.name === undefined) return undefined;
  const policy: { -readonly [K in keyof NetworkPolicy]: NetworkPolicy[K] } = {
    kind: 'NetworkPolicy',
    name: meta.name,
    namespace: meta.namespace ?? 'default',
    spec,
    source,
  };
  if (meta.labels) policy.labels = meta.labels;
  return policy;
}
