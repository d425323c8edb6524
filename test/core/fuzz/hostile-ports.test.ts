/**
 * A hostile policy with tens of thousands of port entries: evaluating it was quadratic in the
 * entries (rulePortSet unioned entry by entry; port classes scanned every range per cut), so
 * 30,000 ports in a 900 KB paste took about half a minute. The ports are now merged once, in
 * sorted order; these tests pin the results and run the paste under the fuzz watchdog (a hang,
 * not a slow run, fails it).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy, type CompiledPort } from '../../../src/core/evaluate/compile.ts';
import { rulePortSet, type PodEndpoint } from '../../../src/core/evaluate/match.ts';
import { computePortClasses } from '../../../src/core/evaluate/port-classes.ts';
import { ALL_PORTS, EMPTY_PORTS, equalPorts, intersectPorts, isEmptyPorts, portSetOf, unionPorts, type PortSet } from '../../../src/core/model/portset.ts';
import type { NetworkPolicy, NetworkPolicyPort, Protocol } from '../../../src/core/model/types.ts';
import { FuzzWatchdog } from '../../helpers/fuzz-watchdog.ts';

const destination: PodEndpoint = {
  kind: 'pod',
  id: 'default/db',
  namespace: 'default',
  workloadId: 'default/db',
  labels: {},
  namespaceLabels: {},
  ports: [
    { name: 'pg', containerPort: 5432, protocol: 'TCP' },
    { name: 'dns', containerPort: 53, protocol: 'UDP' },
  ],
  ips: [],
};

const policyWith = (ports: readonly NetworkPolicyPort[]): NetworkPolicy => ({
  kind: 'NetworkPolicy',
  namespace: 'default',
  name: 'p',
  spec: { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ ports }] },
});

const protocolArb = fc.constantFrom<Protocol>('TCP', 'UDP', 'SCTP');
const portArb: fc.Arbitrary<NetworkPolicyPort> = fc.oneof(
  fc.record({ protocol: protocolArb, port: fc.integer({ min: 1, max: 300 }), endPort: fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined }) }).map(
    ({ protocol, port, endPort }) => (endPort === undefined || endPort < port ? { protocol, port } : { protocol, port, endPort }),
  ),
  fc.record({ protocol: protocolArb, port: fc.constantFrom('pg', 'dns', 'nope') }),
  fc.record({ protocol: protocolArb }),
);

/** The set the entries allow, one entry at a time (what rulePortSet computed before). */
function entryByEntry(ports: readonly CompiledPort[]): PortSet {
  let set = EMPTY_PORTS;
  for (const p of ports) {
    if (p.kind === 'range') set = unionPorts(set, portSetOf(p.protocol, p.from, p.to));
    else {
      const named = destination.ports.find((c) => c.name === p.name && c.protocol === p.protocol);
      if (named) set = unionPorts(set, portSetOf(p.protocol, named.containerPort));
    }
  }
  return set;
}

describe('many port entries', () => {
  it('rulePortSet allows what the entries allow one by one', () => {
    fc.assert(
      fc.property(fc.array(portArb, { minLength: 1, maxLength: 30 }), (ports) => {
        const rule = compilePolicy(policyWith(ports)).ingress?.[0];
        if (!rule?.ports) return;
        expect(equalPorts(rulePortSet(rule, destination), entryByEntry(rule.ports))).toBe(true);
      }),
    );
  });

  it('port classes partition the port space, and each entry is a union of classes', () => {
    fc.assert(
      fc.property(fc.array(portArb, { minLength: 1, maxLength: 30 }), (ports) => {
        const policy = compilePolicy(policyWith(ports));
        const classes = computePortClasses([policy], [destination]);
        let covered = EMPTY_PORTS;
        for (const c of classes) {
          expect(isEmptyPorts(intersectPorts(covered, c.ports))).toBe(true);
          covered = unionPorts(covered, c.ports);
        }
        expect(covered).toBe(ALL_PORTS);
        const allowed = rulePortSet(policy.ingress?.[0] as NonNullable<typeof policy.ingress>[number], destination);
        for (const c of classes) {
          const part = intersectPorts(allowed, c.ports);
          expect(isEmptyPorts(part) || equalPorts(part, c.ports)).toBe(true);
        }
      }),
    );
  });

  it('evaluates a 900 KB policy of 30,000 port entries without hanging', async () => {
    const entries = Array.from({ length: 30_000 }, (_, i) => `{port: ${((i * 13) % 65_000) + 1}, endPort: ${((i * 13) % 65_000) + 3}}`);
    const text = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec: {podSelector: {}, ingress: [{ports: [${entries.join(',')}]}]}\n`;
    const watchdog = new FuzzWatchdog(10_000);
    try {
      const outcome = await watchdog.run({ files: [{ name: 'ports.yaml', text }] });
      expect(outcome.kind === 'done' && outcome.outcome.violations).toEqual([]);
    } finally {
      await watchdog.close();
    }
  }, 60_000);
});
