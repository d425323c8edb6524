/**
 * The precise edits offered when a deleted flow is still allowed by a hand-written rule:
 * - `remove-peer`: the peer goes; a rule left without peers goes too (an empty `from`/`to`
 *   would allow everyone), and `policyTypes` is written out when dropping the last egress rule
 *   would otherwise stop the policy isolating egress.
 * - `narrow`: the peer keeps everything but the flow's other end. A selector peer P excluding a
 *   workload singled out by labels c1..cn (plus its namespace when P has a namespaceSelector)
 *   becomes the peers "P and not ci", one per ci (`NotIn` expressions): exactly P minus the
 *   workload. An ipBlock gains `except` entries (the workload's pod IPs, or the drawn block).
 * Both are pure functions of a NetworkPolicy; the caller re-renders only that document.
 */
import { effectivePolicyTypes } from '../evaluate/compile.ts';
import type {
  ClusterModel,
  LabelSelector,
  LabelSelectorRequirement,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicySpec,
} from '../model/types.ts';
import { METADATA_NAME_LABEL } from '../model/types.ts';
import { ANYWHERE_BLOCKS, resolveIpBlock } from './ends.ts';
import type { FlowEnd } from './intent.ts';
import { hostBlock, subtractBlocks } from './narrow-ip.ts';
import { selectWorkload } from './select-workload.ts';

export type RemovalChoice = 'remove-peer' | 'narrow' | 'leave';

export interface PeerRef {
  readonly direction: 'ingress' | 'egress';
  readonly ruleIndex: number;
  readonly peerIndex: number;
}

function withExpression(selector: LabelSelector | undefined, req: LabelSelectorRequirement): LabelSelector {
  return { ...selector, matchExpressions: [...(selector?.matchExpressions ?? []), req] };
}

/** False when the selector's `NotIn` expressions contradict its `matchLabels` or `In` (it can match nothing). */
function satisfiable(selector: LabelSelector | undefined): boolean {
  const notIn = (selector?.matchExpressions ?? []).filter((e) => e.operator === 'NotIn');
  return notIn.every(({ key, values = [] }) => {
    const fixed = selector?.matchLabels?.[key];
    if (fixed !== undefined && values.includes(fixed)) return false;
    const ins = (selector?.matchExpressions ?? []).filter((e) => e.operator === 'In' && e.key === key);
    return ins.every((e) => (e.values ?? []).some((v) => !values.includes(v)));
  });
}

/** The peers that replace `peer` so that it no longer matches `exclude`; a problem as text otherwise. */
export function narrowPeer(model: ClusterModel, peer: NetworkPolicyPeer, exclude: FlowEnd): NetworkPolicyPeer[] | string {
  if (peer.ipBlock) {
    let removed;
    if (exclude.kind === 'workload') {
      removed = model.pods.filter((p) => p.workloadId === exclude.id).flatMap((p) => p.ips.map(hostBlock));
    } else if (exclude.kind === 'anywhere') removed = ANYWHERE_BLOCKS;
    else {
      const block = resolveIpBlock(exclude.cidr, exclude.except);
      if (typeof block === 'string') return block;
      removed = [block];
    }
    const left = subtractBlocks(peer.ipBlock, removed);
    return left.length > 0 ? left.map((ipBlock) => ({ ipBlock })) : 'nothing of this ipBlock would be left: remove the peer instead';
  }
  if (exclude.kind !== 'workload') return 'a selector peer never matches addresses outside the cluster';
  const selection = selectWorkload(model, exclude.id);
  if (!selection.selector) return selection.problem;
  const namespace = model.workloads.find((w) => w.id === exclude.id)!.namespace;
  const out: NetworkPolicyPeer[] = [];
  if (peer.namespaceSelector) {
    const notThere: LabelSelectorRequirement = { key: METADATA_NAME_LABEL, operator: 'NotIn', values: [namespace] };
    out.push({ ...peer, namespaceSelector: withExpression(peer.namespaceSelector, notThere) });
  }
  for (const [key, value] of Object.entries(selection.selector.matchLabels ?? {})) {
    out.push({ ...peer, podSelector: withExpression(peer.podSelector, { key, operator: 'NotIn', values: [value] }) });
  }
  const useful = out.filter((p) => satisfiable(p.podSelector) && satisfiable(p.namespaceSelector));
  return useful.length > 0 ? useful : `the peer selects only ${exclude.id}: remove it instead`;
}

/** The peers written in a rule (`from` or `to`), empty when absent. */
export function peersOfRule(policy: NetworkPolicy, direction: 'ingress' | 'egress', ruleIndex: number): readonly NetworkPolicyPeer[] {
  if (direction === 'ingress') return policy.spec.ingress?.[ruleIndex]?.from ?? [];
  return policy.spec.egress?.[ruleIndex]?.to ?? [];
}

type Rule = { readonly from?: readonly NetworkPolicyPeer[]; readonly to?: readonly NetworkPolicyPeer[]; readonly ports?: unknown };

function editRules(spec: NetworkPolicySpec, direction: 'ingress' | 'egress', edit: (rules: Rule[]) => void): NetworkPolicySpec {
  const rules: Rule[] = [...((spec[direction] ?? []) as Rule[])];
  edit(rules);
  return { ...spec, [direction]: rules };
}

/**
 * Apply a choice to the listed peers of one policy (all at once: indices refer to the policy as
 * given). Returns the new policy, or a problem as text when a peer cannot be narrowed.
 */
export function applyRemovalChoice(
  model: ClusterModel,
  policy: NetworkPolicy,
  targets: readonly PeerRef[],
  choice: Exclude<RemovalChoice, 'leave'>,
  exclude: FlowEnd,
): { readonly policy: NetworkPolicy } | { readonly problem: string } {
  const sorted = [...targets].sort((a, b) => b.ruleIndex - a.ruleIndex || b.peerIndex - a.peerIndex);
  let spec = policy.spec;
  for (const t of sorted) {
    const key = t.direction === 'ingress' ? 'from' : 'to';
    const rule = (spec[t.direction] as readonly Rule[] | undefined)?.[t.ruleIndex];
    const peer = rule?.[key]?.[t.peerIndex];
    if (!rule || !peer) return { problem: `${t.direction}[${t.ruleIndex}] has no peer #${t.peerIndex}` };
    let replacement: NetworkPolicyPeer[] = [];
    if (choice === 'narrow') {
      const narrowed = narrowPeer(model, peer, exclude);
      if (typeof narrowed === 'string') return { problem: narrowed };
      replacement = narrowed;
    }
    const peers = [...rule[key]!];
    peers.splice(t.peerIndex, 1, ...replacement);
    spec = editRules(spec, t.direction, (rules) => {
      if (peers.length === 0) rules.splice(t.ruleIndex, 1);
      else rules[t.ruleIndex] = { ...rule, [key]: peers };
    });
  }
  const stillEgress = effectivePolicyTypes({ ...policy, spec }).includes('Egress');
  if (!stillEgress && effectivePolicyTypes(policy).includes('Egress')) spec = { ...spec, policyTypes: effectivePolicyTypes(policy) };
  return { policy: { ...policy, spec } };
}
