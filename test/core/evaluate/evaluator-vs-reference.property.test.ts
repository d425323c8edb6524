import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../../../src/core/evaluate/evaluator.ts';
import { containsPort, isEmptyPorts } from '../../../src/core/model/portset.ts';
import { containsIpText } from '../../../src/core/model/ipset.ts';
import { PROTOCOLS } from '../../../src/core/model/types.ts';
import { clusterArb, EXTERNAL_IPS, PROBE_PORTS } from './arbitrary-cluster.ts';
import { naiveAllowed } from './naive-reference.ts';

const RUNS = 1000;
const TIMEOUT = 120_000;

describe('the evaluator agrees with a naive reference evaluator', () => {
  it('on every pod pair, port and protocol of random clusters', () => {
    fc.assert(
      fc.property(clusterArb, fc.boolean(), (model, ipBlockMatchesPods) => {
        const evaluator = createEvaluator(model, { ipBlockMatchesPods });
        for (const from of model.pods) {
          for (const to of model.pods) {
            for (const protocol of PROTOCOLS) {
              for (const port of PROBE_PORTS) {
                const want = naiveAllowed(model, from.id, to.id, protocol, port, ipBlockMatchesPods);
                expect(evaluator.verdict(from.id, to.id, protocol, port).allowed, `${from.id} -> ${to.id} ${protocol}/${port}`).toBe(want);
              }
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('between pods and external addresses, both ways', () => {
    fc.assert(
      fc.property(clusterArb, (model) => {
        const evaluator = createEvaluator(model);
        for (const pod of model.pods) {
          for (const ip of EXTERNAL_IPS) {
            for (const port of PROBE_PORTS) {
              expect(evaluator.verdict(pod.id, ip, 'TCP', port).allowed).toBe(naiveAllowed(model, pod.id, ip, 'TCP', port));
              expect(evaluator.verdict(ip, pod.id, 'UDP', port).allowed).toBe(naiveAllowed(model, ip, pod.id, 'UDP', port));
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});

describe('the matrix agrees with single verdicts', () => {
  it('for every unit pair and port class, and for random ports', () => {
    fc.assert(
      fc.property(clusterArb, fc.constantFrom('pod' as const, 'workload' as const), (model, granularity) => {
        const evaluator = createEvaluator(model);
        const matrix = evaluator.matrix({ granularity });
        matrix.units.forEach((src, s) => {
          matrix.units.forEach((dst, d) => {
            if (s === d) return;
            matrix.portClasses.forEach((cls, c) => {
              const v = evaluator.verdict(src.id, dst.id, cls.probe.protocol, cls.probe.port);
              expect(matrix.allowed(s, d, c), `${src.id} -> ${dst.id} ${cls.label}`).toBe(v.allowed);
            });
            for (const protocol of PROTOCOLS) {
              for (const port of PROBE_PORTS) {
                const v = evaluator.verdict(src.id, dst.id, protocol, port);
                expect(containsPort(matrix.connections(s, d), protocol, port)).toBe(v.allowed);
                const sides = matrix.sides(s, d);
                expect(containsPort(sides.egress.ports, protocol, port)).toBe(v.egress.allowed);
                expect(containsPort(sides.ingress.ports, protocol, port)).toBe(v.ingress.allowed);
                expect(sides.egress.isolated).toBe(v.egress.isolated);
                expect(sides.ingress.isolated).toBe(v.ingress.isolated);
                for (const side of [sides.egress, sides.ingress]) {
                  if (containsPort(side.targeted, protocol, port)) expect(containsPort(side.ports, protocol, port)).toBe(true);
                  if (!side.isolated) expect(isEmptyPorts(side.targeted)).toBe(true);
                }
              }
            }
          });
        });
      }),
      { numRuns: 500 },
    );
  }, TIMEOUT);

  it('for external ranges: each address falls in one range whose connections match its verdicts', () => {
    fc.assert(
      fc.property(clusterArb, (model) => {
        const evaluator = createEvaluator(model);
        const matrix = evaluator.matrix({ granularity: 'pod' });
        for (const ip of EXTERNAL_IPS) {
          const inbound = matrix.ingressFromExternal.filter((e) => containsIpText(e.range.set, ip));
          const outbound = matrix.egressToExternal.filter((e) => containsIpText(e.range.set, ip));
          expect(inbound).toHaveLength(1);
          expect(outbound).toHaveLength(1);
          matrix.units.forEach((unit, u) => {
            for (const port of PROBE_PORTS) {
              expect(containsPort(inbound[0]!.connections(u), 'TCP', port)).toBe(evaluator.verdict(ip, unit.id, 'TCP', port).allowed);
              expect(containsPort(outbound[0]!.connections(u), 'UDP', port)).toBe(evaluator.verdict(unit.id, ip, 'UDP', port).allowed);
            }
          });
        }
      }),
      { numRuns: 500 },
    );
  }, TIMEOUT);

  it('gathers external addresses maximally: no two sets of one family have the same answers', () => {
    fc.assert(
      fc.property(clusterArb, (model) => {
        const matrix = createEvaluator(model).matrix({ granularity: 'workload' });
        for (const side of [matrix.ingressFromExternal, matrix.egressToExternal]) {
          side.forEach((a, i) =>
            side.slice(i + 1).forEach((b) => {
              if (a.range.family !== b.range.family) return;
              const same = matrix.units.every((_, u) => JSON.stringify(a.connections(u)) === JSON.stringify(b.connections(u)));
              expect(same).toBe(false);
            }),
          );
        }
      }),
      { numRuns: 300 },
    );
  }, TIMEOUT);
});
