/**
 * ingressControllerFlows: the ports Routes and Ingresses expose, kept where the policies admit
 * netpol-analyzer's synthetic ingress-controller pod (no labels, a namespace of its own).
 */
import { describe, expect, it } from 'vitest';
import { connlistEntries, formatConnlist } from '../../../src/core/evaluate/connlist.ts';
import { createEvaluator } from '../../../src/core/evaluate/evaluator.ts';
import { ingressControllerFlows } from '../../../src/core/evaluate/ingress-controller.ts';
import type { IngressObjects } from '../../../src/core/model/ingress-controller.ts';
import { formatPortSet } from '../../../src/core/model/portset.ts';
import type { NetworkPolicyPeer } from '../../../src/core/model/types.ts';
import { cluster, policy } from './fixture.ts';

const web = {
  id: 'shop/web',
  labels: { app: 'web' },
  ports: [
    { name: 'http', containerPort: 8080, protocol: 'TCP' as const },
    { name: 'admin', containerPort: 9000, protocol: 'TCP' as const },
  ],
};

const objects: IngressObjects = {
  services: [
    {
      kind: 'Service',
      namespace: 'shop',
      name: 'web',
      selector: { app: 'web' },
      ports: [
        { port: 80, protocol: 'TCP', targetPort: { name: 'http' } },
        { port: 9000, protocol: 'TCP' },
      ],
    },
  ],
  routings: [{ kind: 'Route', namespace: 'shop', name: 'web', backends: [{ service: 'web' }] }],
};

function flows(from: NetworkPolicyPeer[] | undefined, ports?: { port: number | string }[]): string[] {
  const rule = { ...(from ? { from } : {}), ...(ports ? { ports } : {}) };
  const webPolicy = policy('shop/web', { podSelector: { matchLabels: { app: 'web' } }, ingress: [rule] });
  const evaluator = createEvaluator(cluster([web], [webPolicy]), { ipBlockMatchesPods: false });
  return ingressControllerFlows(evaluator, objects).map((f) => `${f.workloadId} ${formatPortSet(f.ports)}`);
}

describe('ingressControllerFlows', () => {
  it('keeps every exposed port for a rule without from, or from every namespace', () => {
    expect(flows(undefined)).toEqual(['shop/web TCP 8080,9000']);
    expect(flows([{ namespaceSelector: {} }])).toEqual(['shop/web TCP 8080,9000']);
  });

  it('keeps only the ports the rule allows, named ports resolved on the destination', () => {
    expect(flows([{ namespaceSelector: {} }], [{ port: 'http' }])).toEqual(['shop/web TCP 8080']);
  });

  it('drops the workload when only same-namespace pods, labelled namespaces or ipBlocks are admitted', () => {
    expect(flows([{ podSelector: {} }])).toEqual([]);
    expect(flows([{ namespaceSelector: { matchLabels: { 'policy-group.network.openshift.io/ingress': '' } } }])).toEqual([]);
    expect(flows([{ ipBlock: { cidr: '0.0.0.0/0' } }])).toEqual([]);
  });

  it('is listed by connlistEntries as {ingress-controller}, after every other line', () => {
    const evaluator = createEvaluator(cluster([web, { id: 'shop/db' }], []), { ipBlockMatchesPods: false });
    const text = formatConnlist(
      connlistEntries(evaluator.matrix({ granularity: 'workload' }), { families: [4], ingressController: ingressControllerFlows(evaluator, objects) }),
    );
    expect(text.trimEnd().split('\n').at(-1)).toBe('{ingress-controller} => shop/web[Pod] : TCP 8080,9000');
  });
});
