import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkFlowAssertions,
  createEvaluator,
  formatFlowAssertion,
  parseFlowAssertions,
  PROTOCOLS,
  WORKLOAD_KINDS,
  type FlowAssertion,
  type FlowEndpoint,
} from '../../../src/core/index.ts';
import { formatIp } from '../../../src/core/model/ipset.ts';
import { dnsLabelArb, dnsSubdomainArb } from '../arbitraries.ts';
import { clusterArb, EXTERNAL_IPS, PROBE_PORTS } from '../evaluate/arbitrary-cluster.ts';

const ipArb = fc.oneof(
  fc.bigInt({ min: 0n, max: (1n << 32n) - 1n }).map((value) => formatIp(4, value)),
  fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }).map((value) => formatIp(6, value)),
);

const nameEndArb: fc.Arbitrary<FlowEndpoint> = fc
  .record(
    { namespace: dnsLabelArb, name: dnsSubdomainArb, qualifier: fc.constantFrom(...WORKLOAD_KINDS) },
    { requiredKeys: ['name'] },
  )
  // A name made of digits and dots would read as an address (Kubernetes allows it; nobody does it).
  .filter((e) => !/^[0-9.]+$/.test(e.name))
  .map((e) => ({ kind: 'name' as const, ...e, column: 1 }));

const endArb: fc.Arbitrary<FlowEndpoint> = fc.oneof(nameEndArb, ipArb.map((ip) => ({ kind: 'ip' as const, ip, column: 1 })));

const assertionArb = fc
  .record({
    from: endArb,
    to: endArb,
    protocol: fc.constantFrom(...PROTOCOLS),
    port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
    expect: fc.constantFrom('allowed' as const, 'denied' as const),
  })
  .filter((a) => a.from.kind === 'name' || a.to.kind === 'name');

const strip = (a: FlowAssertion) => {
  const { file: _f, line: _l, column: _c, endColumn: _e, from, to, ...rest } = a;
  return { ...rest, from: { ...from, column: 0 }, to: { ...to, column: 0 } };
};

describe('flow assertion text', () => {
  it('formatting then parsing gives the same assertion back', () => {
    fc.assert(
      fc.property(fc.array(assertionArb, { minLength: 1, maxLength: 5 }), (list) => {
        const text = list.map((a) => formatFlowAssertion(a)).join('\n');
        const { assertions, issues } = parseFlowAssertions({ name: 'x.flows', text });
        expect(issues).toEqual([]);
        expect(assertions.map(strip)).toEqual(
          list.map((a) => {
            const { port, ...rest } = a;
            return { ...rest, ...(port === undefined ? {} : { port }), from: { ...a.from, column: 0 }, to: { ...a.to, column: 0 } };
          }),
        );
        assertions.forEach((a, i) => expect(a.line).toBe(i + 1));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, and every issue lies on a line of the text', () => {
    const wordArb = fc.constantFrom('->', 'a', 'ns/b', 'TCP', 'udp', '80', '0', 'allowed', 'denied', '#', '10.0.0.1', '10.0.0.0/8', '[Pod]', 'x[Job]', ' ', '\n', '\t');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(wordArb).map((w) => w.join(' '))), (text) => {
        const { assertions, issues } = parseFlowAssertions({ name: 'x.flows', text });
        const lines = text.split(/\r\n|\r|\n/).length;
        for (const i of issues) {
          expect(i.line).toBeGreaterThanOrEqual(1);
          expect(i.line).toBeLessThanOrEqual(lines);
          expect(i.column).toBeGreaterThanOrEqual(1);
        }
        for (const a of assertions) expect(parseFlowAssertions({ name: 'x.flows', text: formatFlowAssertion(a) }).assertions).toHaveLength(1);
      }),
      { numRuns: 500 },
    );
  });
});

describe('checkFlowAssertions agrees with the evaluator', () => {
  const endIds = (podIds: readonly string[]) => [...podIds, ...EXTERNAL_IPS];

  it('on single-port claims between pods and addresses of random clusters', () => {
    fc.assert(
      fc.property(clusterArb, fc.nat(), fc.nat(), fc.constantFrom(...PROTOCOLS), fc.constantFrom(...PROBE_PORTS), fc.boolean(), (model, i, j, protocol, port, expectAllowed) => {
        const ids = endIds(model.pods.map((p) => p.id));
        const from = ids[i % ids.length]!;
        const to = ids[j % ids.length]!;
        fc.pre(model.pods.some((p) => p.id === from || p.id === to));
        const evaluator = createEvaluator(model);
        const verdict = evaluator.verdict(from, to, protocol, port);
        const text = `${from} -> ${to} ${protocol} ${port} ${expectAllowed ? 'allowed' : 'denied'}`;
        const { assertions } = parseFlowAssertions({ name: 'x.flows', text });
        const [result] = checkFlowAssertions(model, evaluator, assertions);
        expect(result?.actual).toBe(verdict.allowed ? 'allowed' : 'denied');
        expect(result?.status).toBe(verdict.allowed === expectAllowed ? 'pass' : 'fail');
      }),
      { numRuns: 300 },
    );
  });

  it('on every-port claims: the answer matches sampled ports, and its examples are real verdicts', () => {
    fc.assert(
      fc.property(clusterArb, fc.nat(), fc.nat(), fc.constantFrom(...PROTOCOLS), (model, i, j, protocol) => {
        const from = model.pods[i % model.pods.length]!.id;
        const to = model.pods[j % model.pods.length]!.id;
        const evaluator = createEvaluator(model);
        const { assertions } = parseFlowAssertions({ name: 'x.flows', text: `${from} -> ${to} ${protocol} allowed` });
        const [result] = checkFlowAssertions(model, evaluator, assertions);
        const sampled = [...PROBE_PORTS, 1, 65535].map((p) => evaluator.verdict(from, to, protocol, p).allowed);
        if (result?.actual === 'allowed') expect(sampled.every(Boolean)).toBe(true);
        if (result?.actual === 'denied') expect(sampled.some(Boolean)).toBe(false);
        if (result?.actual !== 'allowed') {
          const w = result!.witness!;
          expect(evaluator.verdict(w.from, w.to, w.protocol, w.port).allowed).toBe(false);
        }
        if (sampled.some(Boolean) && !sampled.every(Boolean)) expect(result?.actual).toBe('partial');
      }),
      { numRuns: 300 },
    );
  });
});
