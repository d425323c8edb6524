/**
 * The fields each position of a NetworkPolicy (and of ObjectMeta) may have, for the unknown
 * field check, with hints for fields that exist elsewhere (the usual indentation mistakes).
 */
import type { FieldTable } from './reader.ts';

const UNDER_SPEC = 'belongs under "spec"';
const UNDER_METADATA = 'belongs under "metadata"';
const IN_SELECTOR = 'belongs inside a "podSelector" or "namespaceSelector"';
const IN_PEER = 'is a peer field: write it inside an item of "from" (ingress) or "to" (egress)';
const IN_RULE = 'belongs inside an item of "ingress" or "egress"';

export const OBJECT_META_FIELDS: readonly string[] = [
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
  'clusterName',
];

export const METADATA: FieldTable = {
  where: 'metadata',
  fields: OBJECT_META_FIELDS,
  hints: {
    podSelector: UNDER_SPEC,
    policyTypes: UNDER_SPEC,
    ingress: UNDER_SPEC,
    egress: UNDER_SPEC,
    matchLabels: 'belongs inside a selector; object labels are written under "labels"',
  },
};

export const POLICY_ROOT: FieldTable = {
  where: 'a NetworkPolicy',
  fields: ['apiVersion', 'kind', 'metadata', 'spec', 'status'],
  hints: {
    name: UNDER_METADATA,
    namespace: UNDER_METADATA,
    labels: UNDER_METADATA,
    annotations: UNDER_METADATA,
    podSelector: UNDER_SPEC,
    policyTypes: UNDER_SPEC,
    ingress: UNDER_SPEC,
    egress: UNDER_SPEC,
  },
};

export const NAMESPACE_ROOT: FieldTable = {
  where: 'a Namespace',
  fields: ['apiVersion', 'kind', 'metadata', 'spec', 'status'],
  hints: { name: UNDER_METADATA, labels: UNDER_METADATA, annotations: UNDER_METADATA },
};

export const POLICY_SPEC: FieldTable = {
  where: 'a NetworkPolicy spec',
  fields: ['podSelector', 'policyTypes', 'ingress', 'egress'],
  hints: {
    matchLabels: `${IN_SELECTOR} (here: "podSelector")`,
    matchExpressions: `${IN_SELECTOR} (here: "podSelector")`,
    from: 'belongs inside an item of "ingress"',
    to: 'belongs inside an item of "egress"',
    ports: IN_RULE,
    namespaceSelector: IN_PEER,
    ipBlock: IN_PEER,
  },
};

const RULE_HINTS = {
  podSelector: IN_PEER,
  namespaceSelector: IN_PEER,
  ipBlock: IN_PEER,
  matchLabels: IN_SELECTOR,
  matchExpressions: IN_SELECTOR,
  port: 'belongs inside an item of "ports"',
  protocol: 'belongs inside an item of "ports"',
};

export const INGRESS_RULE: FieldTable = {
  where: 'an ingress rule',
  fields: ['from', 'ports'],
  hints: { ...RULE_HINTS, to: 'ingress rules use "from" ("to" is for egress rules)' },
};

export const EGRESS_RULE: FieldTable = {
  where: 'an egress rule',
  fields: ['to', 'ports'],
  hints: { ...RULE_HINTS, from: 'egress rules use "to" ("from" is for ingress rules)' },
};

export const PEER: FieldTable = {
  where: 'a peer',
  fields: ['podSelector', 'namespaceSelector', 'ipBlock'],
  hints: {
    matchLabels: IN_SELECTOR,
    matchExpressions: IN_SELECTOR,
    cidr: 'belongs inside "ipBlock"',
    except: 'belongs inside "ipBlock"',
    ports: 'belongs to the rule, next to "from"/"to", not inside a peer',
  },
};

export const IP_BLOCK: FieldTable = { where: 'an ipBlock', fields: ['cidr', 'except'] };

export const POLICY_PORT: FieldTable = {
  where: 'a port entry',
  fields: ['protocol', 'port', 'endPort'],
  hints: {
    containerPort: 'NetworkPolicy ports use "port" (the destination pod\'s port)',
    targetPort: 'NetworkPolicy ports use "port" (the destination pod\'s port, not a Service port)',
    name: 'a named port is written as "port: <name>"',
  },
};

export const SELECTOR: FieldTable = {
  where: 'a label selector',
  fields: ['matchLabels', 'matchExpressions'],
  hints: {
    podSelector: 'is not allowed inside a selector: "podSelector" and "namespaceSelector" are siblings in a peer',
    namespaceSelector: 'is not allowed inside a selector: "podSelector" and "namespaceSelector" are siblings in a peer',
  },
};

export const REQUIREMENT: FieldTable = { where: 'a selector requirement', fields: ['key', 'operator', 'values'] };
