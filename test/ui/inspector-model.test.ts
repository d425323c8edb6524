import { describe, expect, it } from 'vitest';
import { countMatrixFlows, createEvaluator, formatPortSetShort, importManifests, ipSetOfIpBlock } from '../../src/core/index.ts';
import { externalNodeId as canvasExternalNodeId } from '../../src/ui/canvas/external.ts';
import {
  ANYWHERE_ID,
  externalNodeId,
  labelOfExternalId,
  parseAddressLabel,
  representativeAddress,
  resolveExternalId,
  resolveNodeId,
} from '../../src/ui/panels/inspector/endpoints.ts';
import { flowsAdmittedByPolicy, peersOfUnit } from '../../src/ui/panels/inspector/peers.ts';
import { policyTarget, ruleTarget } from '../../src/ui/panels/inspector/reveal.ts';
import { loadScenario } from '../helpers/scenarios.ts';

function demo() {
  const files = loadScenario('seed-all').manifests;
  const { model } = importManifests(files);
  const evaluator = createEvaluator(model);
  const matrix = evaluator.matrix({ granularity: 'workload' });
  const index = (id: string) => matrix.units.findIndex((u) => u.id === id);
  return { files, model, evaluator, matrix, index };
}

describe('external node ids', () => {
  it('name address sets as the canvas does, and read back to the label', () => {
    const { matrix } = demo();
    for (const { range } of [...matrix.ingressFromExternal, ...matrix.egressToExternal]) {
      expect(externalNodeId(range)).toBe(canvasExternalNodeId(range.label));
      expect(labelOfExternalId(externalNodeId(range))).toBe(range.label);
    }
    expect(externalNodeId(matrix.egressToExternal[0]!.range)).toBe('ext:0.0.0.0/0,except:8.8.8.8/32');
  });

  it('resolve to the matrix range with an address that is not the network address', () => {
    const { matrix } = demo();
    const rest = resolveExternalId('ext:0.0.0.0/0,except:8.8.8.8/32', matrix);
    expect(rest).toMatchObject({ label: '0.0.0.0/0 except 8.8.8.8/32', address: '0.0.0.1', destinationIndex: 0 });
    expect(rest?.sourceIndex).toBeUndefined();
    expect(resolveExternalId('ext:8.8.8.8/32', matrix)).toMatchObject({ address: '8.8.8.8', destinationIndex: 1 });
    expect(resolveExternalId('ext:0.0.0.0/0', matrix)).toMatchObject({ sourceIndex: 0 });
    expect(resolveExternalId(ANYWHERE_ID, matrix)).toMatchObject({ sourceIndex: 0, address: '0.0.0.1' });
  });

  it('read a label no range has as addresses', () => {
    expect(resolveExternalId('ext:10.0.0.0/8', undefined)).toMatchObject({ label: '10.0.0.0/8', address: '10.0.0.1' });
    expect(parseAddressLabel('10.0.0.0/24, 10.2.0.0/24')?.ranges).toHaveLength(2);
    expect(parseAddressLabel('not an address')).toBeUndefined();
    expect(resolveExternalId('ext:nonsense', undefined)).toBeUndefined();
  });

  it('pick single addresses and pairs as they are', () => {
    expect(representativeAddress(ipSetOfIpBlock('8.8.8.8/32')!)).toBe('8.8.8.8');
    expect(representativeAddress(ipSetOfIpBlock('10.0.0.0/31')!)).toBe('10.0.0.0');
    expect(representativeAddress(ipSetOfIpBlock('2001:db8::/64')!)).toBe('2001:db8::1');
  });
});

describe('resolveNodeId', () => {
  it('finds workloads, namespaces and external sets, and nothing for unknown ids', () => {
    const { model, matrix } = demo();
    expect(resolveNodeId('default/backend', model, matrix)?.kind).toBe('workload');
    expect(resolveNodeId('ns:default', model, matrix)?.kind).toBe('namespace');
    expect(resolveNodeId('ext:8.8.8.8/32', model, matrix)?.kind).toBe('external');
    expect(resolveNodeId('default/nope', model, matrix)).toBeUndefined();
    expect(resolveNodeId('ns:nope', model, matrix)).toBeUndefined();
  });
});

describe('peersOfUnit', () => {
  it('lists who may reach backend and whom it may reach, with the ports', () => {
    const { matrix, index } = demo();
    const peers = peersOfUnit(matrix, index('default/backend'));
    expect(peers.inbound.map((p) => [p.id, formatPortSetShort(p.ports)])).toEqual([['default/api', 'all ports']]);
    expect(peers.outbound.map((p) => [p.id, formatPortSetShort(p.ports)])).toEqual([['default/db', 'TCP 5432']]);
    expect(peers.deniedInbound).toBe(3);
    expect(peers.deniedOutbound).toBe(3);
    expect(peers.externalOutbound.map((p) => p.id)).toEqual(['ext:8.8.8.8/32']);
    expect(peers.externalInbound).toEqual([]);
  });

  it('lists the half-open pairs of frontend on both sides, with the ports one side allows', () => {
    const { matrix, index } = demo();
    const peers = peersOfUnit(matrix, index('default/frontend'));
    expect(peers.halfOpenOutbound.map((p) => [p.id, formatPortSetShort(p.ports)])).toEqual([['default/database', 'TCP 3306']]);
    expect(peers.halfOpenInbound.map((p) => [p.id, formatPortSetShort(p.ports)])).toEqual([['default/backend', 'all ports']]);
  });
});

describe('countMatrixFlows (the overview counts)', () => {
  it('counts the demo: 6 of 20 pairs allowed, 2 half-open', () => {
    const { evaluator } = demo();
    expect(countMatrixFlows(evaluator.matrixData({ granularity: 'workload' }))).toEqual({ pairs: 20, allowed: 6, denied: 14, halfOpen: 2 });
  });
});

describe('flowsAdmittedByPolicy', () => {
  it('lists the flows a rule of the policy admits, and whether the other side agrees', () => {
    const { evaluator, matrix } = demo();
    expect(flowsAdmittedByPolicy(evaluator, matrix, 'default/allow-frontend-ingress')).toEqual([
      { source: 'default/backend', target: 'default/frontend', classes: ['TCP 3306', 'TCP 5432', 'any other port'], allowed: false },
    ]);
    const both = flowsAdmittedByPolicy(evaluator, matrix, 'default/allow-ingress-egress');
    expect(both).toContainEqual({ source: 'default/api', target: 'default/backend', classes: ['TCP 3306', 'TCP 5432', 'any other port'], allowed: true });
    expect(both).toContainEqual({ source: 'default/backend', target: 'default/db', classes: ['TCP 5432'], allowed: true });
    expect(both.some((f) => f.source.startsWith('ext:'))).toBe(false);
    expect(flowsAdmittedByPolicy(evaluator, matrix, 'default/allow-egress-external')).toEqual([
      { source: 'default/backend', target: 'ext:8.8.8.8/32', classes: ['TCP 3306', 'TCP 5432', 'any other port'], allowed: true },
    ]);
    expect(flowsAdmittedByPolicy(evaluator, matrix, 'default/deny-all-ingress')).toEqual([]);
  });
});

describe('reveal targets', () => {
  it('point at the policy document and at its rules in the text the model came from', () => {
    const { model, files } = demo();
    const policy = model.policies.find((p) => p.name === 'allow-ingress-egress')!;
    const lines = files.find((f) => f.name === policy.source!.file)!.text.split('\n');
    const at = policyTarget(policy, files)!;
    expect(lines[at.line - 1]).toBe('apiVersion: networking.k8s.io/v1');
    expect(lines[at.line]).toBe('kind: NetworkPolicy');
    expect(lines[at.line + 2]).toBe('  name: allow-ingress-egress');
    const egress = ruleTarget(policy, 'egress', 0, files)!;
    expect(lines[egress.line - 1]).toBe('  - to:');
    expect(egress.line).toBeGreaterThan(at.line);
    const ingress = ruleTarget(policy, 'ingress', 0, files)!;
    expect(lines[ingress.line - 1]).toBe('  - from:');
    expect(ingress.line).toBeLessThan(egress.line);
  });
});
