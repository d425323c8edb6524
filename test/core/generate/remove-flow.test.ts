/**
 * removeFlow: a generated rule goes with its flow; a hand-written rule that still allows the
 * flow is never rewritten silently: it is listed with precise choices.
 */
import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../../../src/core/evaluate/evaluator.ts';
import type { FlowIntent, GeneratorSettings } from '../../../src/core/generate/intent.ts';
import { withGeneratedPolicies } from '../../../src/core/generate/managed.ts';
import { applyRemovalChoice } from '../../../src/core/generate/narrow.ts';
import { removeFlow } from '../../../src/core/generate/remove-flow.ts';
import { formatPortSetShort, isEmptyPorts } from '../../../src/core/model/portset.ts';
import type { ClusterModel, NetworkPolicy } from '../../../src/core/model/types.ts';
import { policy } from '../evaluate/fixture.ts';
import { seedCluster, seedFlows, w } from './seed.ts';

const apiToBackend: FlowIntent = { source: w('api'), destination: w('backend'), ports: { kind: 'declared' } };
const model = (...pasted: NetworkPolicy[]): ClusterModel => ({ ...seedCluster, policies: pasted });
const ingressOnly: GeneratorSettings = { style: 'ingress-only' };

describe('removeFlow', () => {
  it('removes the generated rule and its policy when empty, and the flow is denied', () => {
    const removal = removeFlow(seedCluster, seedFlows, 4, { style: 'zero-trust' });
    expect(removal.intents).toEqual(seedFlows.slice(0, 4));
    expect(removal.generated.policies.map((p) => p.name)).not.toContain('allow-db-ingress');
    expect(removal.generated.policies.find((p) => p.name === 'allow-backend-egress')?.spec.egress).toHaveLength(2);
    expect(isEmptyPorts(removal.stillAllowed)).toBe(true);
    expect(removal.allowances).toEqual([]);
  });

  it('says when the flow stays allowed because nothing isolates a side any more', () => {
    const removal = removeFlow(seedCluster, [apiToBackend], 0, ingressOnly);
    expect(removal.generated.policies).toEqual([]);
    expect(formatPortSetShort(removal.stillAllowed)).toBe('TCP 8080');
    expect(removal.openSides).toEqual(['egress', 'ingress']);
  });

  it('lists the hand-written rules that still allow it, with remove-peer / narrow / leave', () => {
    const pasted = policy('default/backend-in', { podSelector: { matchLabels: { app: 'backend' } }, ingress: [{ from: [{ podSelector: {} }] }] });
    const removal = removeFlow(model(pasted), [apiToBackend], 0, ingressOnly);
    expect(removal.openSides).toEqual(['egress']);
    expect(removal.allowances).toEqual([
      { policy: 'default/backend-in', generated: false, direction: 'ingress', ruleIndex: 0, peerIndex: 0, choices: ['remove-peer', 'narrow', 'leave'] },
    ]);
    const narrowed = applyRemovalChoice(model(pasted), pasted, [{ direction: 'ingress', ruleIndex: 0, peerIndex: 0 }], 'narrow', apiToBackend.source);
    if (!('policy' in narrowed)) throw new Error(narrowed.problem);
    const evaluator = createEvaluator(withGeneratedPolicies(model(narrowed.policy), removal.generated.policies));
    expect(evaluator.verdict('default/api', 'default/backend', 'TCP', 8080).allowed).toBe(false);
    expect(evaluator.verdict('default/frontend', 'default/backend', 'TCP', 8080).allowed).toBe(true);
  });

  it('offers only "leave" for a rule that allows everyone, and explains', () => {
    const pasted = policy('default/backend-open', { podSelector: { matchLabels: { app: 'backend' } }, ingress: [{ ports: [{ port: 8080 }] }] });
    const removal = removeFlow(model(pasted), [apiToBackend], 0, ingressOnly);
    expect(removal.allowances).toEqual([
      expect.objectContaining({ policy: 'default/backend-open', ruleIndex: 0, choices: ['leave'], note: 'The rule allows every source: edit it by hand.' }),
    ]);
    expect(removal.allowances[0]).not.toHaveProperty('peerIndex');
  });

  it('offers remove-peer but not narrow for a peer that selects only the workload', () => {
    const pasted = policy('default/backend-from-api', {
      podSelector: { matchLabels: { app: 'backend' } },
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'api' } } }] }],
    });
    const [allowance] = removeFlow(model(pasted), [apiToBackend], 0, ingressOnly).allowances;
    expect(allowance).toMatchObject({ choices: ['remove-peer', 'leave'], note: 'Cannot narrow: the peer selects only default/api: remove it instead.' });
  });

  it('points at a rule generated for another drawn flow, to be changed there', () => {
    const flows: FlowIntent[] = [
      { source: w('backend'), destination: { kind: 'anywhere' }, ports: { kind: 'all' } },
      { source: w('backend'), destination: w('frontend'), ports: { kind: 'all' } },
    ];
    const removal = removeFlow(seedCluster, flows, 1, { style: 'ingress-only', defaultDeny: { default: { egress: true } } });
    expect(removal.openSides).toEqual(['ingress']);
    expect(removal.allowances).toEqual([
      expect.objectContaining({ policy: 'default/allow-backend-egress', generated: true, direction: 'egress', choices: ['leave'] }),
    ]);
  });

  it('narrows a hand-written ipBlock around a drawn external flow', () => {
    const pasted = policy('default/backend-out', {
      podSelector: { matchLabels: { app: 'backend' } },
      egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }],
    });
    const flows: FlowIntent[] = [{ source: w('backend'), destination: { kind: 'ipBlock', cidr: '8.8.8.8/32' }, ports: { kind: 'all' } }];
    const removal = removeFlow(model(pasted), flows, 0, ingressOnly);
    expect(removal.allowances).toEqual([expect.objectContaining({ direction: 'egress', peerIndex: 0, choices: ['remove-peer', 'narrow', 'leave'] })]);
    const narrowed = applyRemovalChoice(model(pasted), pasted, [{ direction: 'egress', ruleIndex: 0, peerIndex: 0 }], 'narrow', flows[0]!.destination);
    expect('policy' in narrowed && narrowed.policy.spec.egress).toEqual([{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['8.8.8.8/32'] } }] }]);
  });
});
