/**
 * removeFlow: delete a drawn flow. The generated policies are regenerated without it (its rule
 * goes, and its policy when empty); then the evaluator says whether the flow is still allowed,
 * and by what: rules of hand-written policies (never rewritten silently: each comes with the
 * precise choices remove-peer / narrow / leave), rules generated for other drawn flows, or a
 * side that no policy isolates any more (allowed by default).
 */
import { createEvaluator, type Evaluator } from '../evaluate/evaluator.ts';
import type { CompiledRule } from '../evaluate/compile.ts';
import { peerMatches, rulePortSet, type Endpoint } from '../evaluate/match.ts';
import type { Direction } from '../evaluate/types.ts';
import { intersectIps, isEmptyIps } from '../model/ipset.ts';
import { EMPTY_PORTS, intersectPorts, isEmptyPorts, unionPorts, type PortSet } from '../model/portset.ts';
import type { ClusterModel } from '../model/types.ts';
import { ipSetOfEnd, type ResolvedEnd } from './ends.ts';
import { createFlowResolver, type ResolvedFlow } from './flows.ts';
import { generatePolicies } from './generate.ts';
import type { FlowEnd, FlowIntent, GenerateResult, GeneratorSettings } from './intent.ts';
import { isGeneratedPolicy, withGeneratedPolicies } from './managed.ts';
import { narrowPeer, peersOfRule, type RemovalChoice } from './narrow.ts';
import { createReach, reachOf, sampleIp } from './reach.ts';

export interface RuleAllowance {
  /** `<namespace>/<name>` */
  readonly policy: string;
  readonly generated: boolean;
  readonly direction: Direction;
  readonly ruleIndex: number;
  /** The peer matching the flow's other end; absent when the rule has no peers (it allows everyone). */
  readonly peerIndex?: number;
  readonly choices: readonly RemovalChoice[];
  /** Why a choice is missing (e.g. why the peer cannot be narrowed). */
  readonly note?: string;
}

export interface FlowRemoval {
  /** The drawing without the flow, and its policies (sync these). */
  readonly intents: readonly FlowIntent[];
  readonly generated: GenerateResult;
  /** Of the flow's drawn connections, those the policies still allow afterwards. */
  readonly stillAllowed: PortSet;
  /** Sides no policy isolates any more: there the flow is allowed by default. */
  readonly openSides: readonly Direction[];
  readonly allowances: readonly RuleAllowance[];
}

function endpointOf(evaluator: Evaluator, end: ResolvedEnd): Endpoint | undefined {
  return evaluator.resolve(end.kind === 'workload' ? end.workload.id : sampleIp(ipSetOfEnd(end)));
}

function peerHits(rule: CompiledRule, other: ResolvedEnd, endpoint: Endpoint, evaluator: Evaluator): number[] {
  const hits: number[] = [];
  rule.peers?.forEach((peer, k) => {
    const hit =
      other.kind === 'workload'
        ? peerMatches(peer, endpoint, evaluator.options)
        : peer.kind === 'ipBlock' && !isEmptyIps(intersectIps(peer.ips, ipSetOfEnd(other)));
    if (hit) hits.push(k);
  });
  return hits;
}

function allowancesOn(model: ClusterModel, evaluator: Evaluator, flow: ResolvedFlow, direction: Direction) {
  const subject = direction === 'egress' ? flow.source : flow.destination;
  const other = direction === 'egress' ? flow.destination : flow.source;
  const subjectEnd = endpointOf(evaluator, subject);
  const otherEnd = endpointOf(evaluator, other);
  const destination = endpointOf(evaluator, flow.destination);
  if (subject.kind !== 'workload' || subjectEnd?.kind !== 'pod' || !otherEnd || !destination) return { open: false, found: [] };
  const policies = evaluator.selectingPolicies(subjectEnd, direction);
  const exclude: FlowEnd = flow.intent[direction === 'egress' ? 'destination' : 'source'];
  const found: RuleAllowance[] = [];
  for (const compiled of policies) {
    const generated = isGeneratedPolicy(compiled.policy);
    for (const rule of compiled[direction] ?? []) {
      if (isEmptyPorts(intersectPorts(rulePortSet(rule, destination), flow.portSet))) continue;
      const base = { policy: compiled.id, generated, direction, ruleIndex: rule.index };
      if (generated) {
        const note = 'Allowed by a rule generated for another drawn flow: change or remove that flow.';
        found.push({ ...base, choices: ['leave'], note });
      } else if (rule.peers === undefined) {
        const note = `The rule allows every ${direction === 'ingress' ? 'source' : 'destination'}: edit it by hand.`;
        found.push({ ...base, choices: ['leave'], note });
      }
      for (const peerIndex of generated ? [] : peerHits(rule, other, otherEnd, evaluator)) {
        const peer = peersOfRule(compiled.policy, direction, rule.index)[peerIndex]!;
        const narrowed = narrowPeer(model, peer, exclude);
        const note = typeof narrowed === 'string' ? `Cannot narrow: ${narrowed}.` : undefined;
        const choices: RemovalChoice[] = note ? ['remove-peer', 'leave'] : ['remove-peer', 'narrow', 'leave'];
        found.push({ ...base, peerIndex, choices, ...(note ? { note } : {}) });
      }
    }
  }
  return { open: policies.length === 0, found };
}

export function removeFlow(
  model: ClusterModel,
  intents: readonly FlowIntent[],
  index: number,
  settings: GeneratorSettings,
): FlowRemoval {
  const remaining = intents.filter((_, i) => i !== index);
  const generated = generatePolicies(model, remaining, settings);
  const removed = intents[index];
  const flow = removed ? createFlowResolver(model, { singleOut: false }).resolve([removed]).flows[0] : undefined;
  const none = { intents: remaining, generated, stillAllowed: EMPTY_PORTS, openSides: [], allowances: [] };
  if (!flow) return none;
  const after = withGeneratedPolicies(model, generated.policies);
  const evaluator = createEvaluator(after);
  const stillAllowed = reachOf(createReach(evaluator), flow)
    .map((piece) => intersectPorts(piece.allowed, flow.portSet))
    .reduce(unionPorts, EMPTY_PORTS);
  if (isEmptyPorts(stillAllowed)) return none;
  const openSides: Direction[] = [];
  const allowances: RuleAllowance[] = [];
  for (const direction of ['egress', 'ingress'] as const) {
    const { open, found } = allowancesOn(after, evaluator, flow, direction);
    if (open && (direction === 'egress' ? flow.source : flow.destination).kind === 'workload') openSides.push(direction);
    allowances.push(...found);
  }
  return { intents: remaining, generated, stillAllowed, openSides, allowances };
}
