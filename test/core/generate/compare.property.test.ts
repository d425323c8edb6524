/**
 * compareDrawnWithActual agrees with the evaluator asked connection by connection, over random
 * clusters with random pasted policies and random drawings: every drawn connection the policies
 * deny is reported, every explicitly allowed undrawn one is reported, and nothing else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../../../src/core/evaluate/evaluator.ts';
import { compareDrawnWithActual, type ActualEnd } from '../../../src/core/generate/compare.ts';
import { generatePolicies } from '../../../src/core/generate/generate.ts';
import { withGeneratedPolicies } from '../../../src/core/generate/managed.ts';
import { containsIpText } from '../../../src/core/model/ipset.ts';
import { containsPort, isEmptyPorts } from '../../../src/core/model/portset.ts';
import type { ClusterModel, LabelSelector, NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from '../../../src/core/model/types.ts';
import { drawableClusterArb, intentsArb, meaningOf, NAMESPACES, PROBE_IPS, PROBE_PORTS, settingsArb } from './arbitrary-drawing.ts';

const selectorArb: fc.Arbitrary<LabelSelector> = fc.oneof(
  fc.constant({}),
  fc.record({ app: fc.constantFrom('a0', 'a1', 'a2') }).map((matchLabels) => ({ matchLabels })),
  fc.record({ tier: fc.constantFrom('web', 'db') }).map((matchLabels) => ({ matchLabels })),
);
const peerArb: fc.Arbitrary<NetworkPolicyPeer> = fc.oneof(
  selectorArb.map((podSelector) => ({ podSelector })),
  fc.record({ namespaceSelector: selectorArb, podSelector: selectorArb }),
  fc.constantFrom({ cidr: '10.0.0.0/8' }, { cidr: '192.168.0.0/16', except: ['192.168.1.7/32'] }, { cidr: '::/0' }).map((ipBlock) => ({ ipBlock })),
);
const portsArb: fc.Arbitrary<NetworkPolicyPort[]> = fc.subarray([
  { protocol: 'TCP', port: 80 },
  { protocol: 'UDP', port: 53 },
  { port: 8000, endPort: 9090 },
  { port: 'http' },
]);
const ruleArb = fc.record({ peers: fc.array(peerArb, { maxLength: 2 }), ports: portsArb });
const pastedArb: fc.Arbitrary<NetworkPolicy[]> = fc.array(
  fc.record({
    namespace: fc.constantFrom(...NAMESPACES),
    podSelector: selectorArb,
    ingress: fc.option(fc.array(ruleArb, { maxLength: 2 }), { nil: undefined }),
    egress: fc.option(fc.array(ruleArb, { maxLength: 2 }), { nil: undefined }),
  }),
  { maxLength: 3 },
).map((list) =>
  list.map(({ namespace, podSelector, ingress, egress }, i) => ({
    kind: 'NetworkPolicy' as const,
    name: `pasted-${i}`,
    namespace,
    spec: {
      podSelector,
      policyTypes: [...(ingress ? ['Ingress' as const] : []), ...(egress ? ['Egress' as const] : [])],
      ...(ingress ? { ingress: ingress.map((r) => ({ from: r.peers, ports: r.ports })) } : {}),
      ...(egress ? { egress: egress.map((r) => ({ to: r.peers, ports: r.ports })) } : {}),
    },
  })),
);

const caseArb = fc
  .tuple(drawableClusterArb({ twins: true }), pastedArb)
  .map(([model, policies]): ClusterModel => ({ ...model, policies }))
  .chain((model) => fc.record({ model: fc.constant(model), intents: intentsArb(model, 5), settings: settingsArb(true) }));

const covers = (end: ActualEnd, text: string): boolean =>
  end.kind === 'workload' ? end.id === text : !text.includes('/') && containsIpText(end.set, text);

describe('compareDrawnWithActual (property)', () => {
  it('reports exactly what the evaluator says differs from the drawing', () => {
    fc.assert(
      fc.property(caseArb, ({ model, intents, settings }) => {
        const after = withGeneratedPolicies(model, generatePolicies(model, intents, settings).policies);
        const report = compareDrawnWithActual(after, intents);
        const evaluator = createEvaluator(after);
        const meanings = intents.map((i) => meaningOf(model, i, false));
        const ends = [...model.workloads.map((w) => w.id), ...PROBE_IPS];
        const wrong: string[] = [];
        for (const src of ends) {
          for (const dst of ends) {
            if (src === dst || (!src.includes('/') && !dst.includes('/'))) continue;
            const matching = meanings.flatMap((m, i) => (m && m.source(src) && m.destination(dst) ? [{ m, i }] : []));
            for (const { protocol, port } of PROBE_PORTS) {
              const v = evaluator.verdict(src, dst, protocol, port);
              const drawnBy = matching.filter(({ m }) => containsPort(m.ports, protocol, port)).map(({ i }) => i);
              const what = `${src} -> ${dst} ${protocol} ${port}`;
              if (!v.allowed) {
                for (const i of drawnBy) {
                  const listed = report.drawnButDenied.some((r) => r.intentIndex === i && containsPort(r.denied, protocol, port));
                  if (!listed) wrong.push(`${what}: drawn (#${i}), denied, not reported`);
                }
              } else if (drawnBy.length === 0 && (v.egress.isolated || v.ingress.isolated)) {
                const listed = report.allowedButNotDrawn.some(
                  (r) => covers(r.source, src) && covers(r.destination, dst) && containsPort(r.ports, protocol, port),
                );
                if (!listed) wrong.push(`${what}: allowed, not drawn, not reported`);
              }
            }
          }
        }
        for (const r of report.drawnButDenied) {
          if (!isEmptyPorts(r.denied) && r.verdict?.allowed !== false) wrong.push(`reported denied but allowed: ${r.reasons[0]}`);
        }
        for (const r of report.allowedButNotDrawn) if (!r.verdict.allowed) wrong.push(`reported allowed but denied: ${r.reasons[0]}`);
        expect(wrong).toEqual([]);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
