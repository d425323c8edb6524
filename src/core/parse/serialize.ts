/**
 * NetworkPolicy values back to manifests and YAML. Keys come in the order `kubectl` prints
 * them; absent fields stay absent and empty ones empty (`ingress: []` is not `ingress` left
 * out), so importing the YAML gives the same policy back.
 */
import { dump } from 'js-yaml';
import type {
  IPBlock,
  LabelSelector,
  LabelSelectorRequirement,
  NetworkPolicy,
  NetworkPolicyEgressRule,
  NetworkPolicyIngressRule,
  NetworkPolicyPeer,
  NetworkPolicyPort,
} from '../model/types.ts';

type Json = Record<string, unknown>;

/** Copy the listed keys of `from` that are not undefined, in that order. */
function pick(from: object, keys: readonly string[], convert: (key: string, value: unknown) => unknown = (_, v) => v): Json {
  const out: Json = {};
  for (const key of keys) {
    const value = (from as Json)[key];
    if (value !== undefined) out[key] = convert(key, value);
  }
  return out;
}

function requirementToJson(r: LabelSelectorRequirement): Json {
  return pick(r, ['key', 'operator', 'values'], (k, v) => (k === 'values' ? [...(v as string[])] : v));
}

export function selectorToJson(s: LabelSelector): Json {
  return pick(s, ['matchLabels', 'matchExpressions'], (k, v) =>
    k === 'matchLabels' ? { ...(v as Json) } : (v as LabelSelectorRequirement[]).map(requirementToJson),
  );
}

function ipBlockToJson(b: IPBlock): Json {
  return pick(b, ['cidr', 'except'], (k, v) => (k === 'except' ? [...(v as string[])] : v));
}

function peerToJson(p: NetworkPolicyPeer): Json {
  if (p.ipBlock) return { ipBlock: ipBlockToJson(p.ipBlock) };
  return pick(p, ['podSelector', 'namespaceSelector'], (_, v) => selectorToJson(v as LabelSelector));
}

function portToJson(p: NetworkPolicyPort): Json {
  return pick(p, ['protocol', 'port', 'endPort']);
}

function ruleToJson(rule: NetworkPolicyIngressRule | NetworkPolicyEgressRule, peersKey: 'from' | 'to'): Json {
  return pick(rule, [peersKey, 'ports'], (k, v) =>
    k === 'ports' ? (v as NetworkPolicyPort[]).map(portToJson) : (v as NetworkPolicyPeer[]).map(peerToJson),
  );
}

/** The manifest of a policy: apiVersion, kind, metadata (name, namespace, labels) and spec. */
export function networkPolicyToManifest(policy: NetworkPolicy): Json {
  const metadata: Json = { name: policy.name, namespace: policy.namespace };
  if (policy.labels) metadata.labels = { ...policy.labels };
  const s = policy.spec;
  const spec: Json = { podSelector: selectorToJson(s.podSelector) };
  if (s.policyTypes) spec.policyTypes = [...s.policyTypes];
  if (s.ingress) spec.ingress = s.ingress.map((r) => ruleToJson(r, 'from'));
  if (s.egress) spec.egress = s.egress.map((r) => ruleToJson(r, 'to'));
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata, spec };
}

/** Multi-document YAML of plain manifests (`---` between documents), without anchors. */
export function serializeManifests(objects: readonly object[]): string {
  return objects.map((o) => dump(o, { noRefs: true, lineWidth: -1 })).join('---\n');
}
