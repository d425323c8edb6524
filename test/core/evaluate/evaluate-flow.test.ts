import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../../../src/core/evaluate/evaluator.ts';
import { cluster, policy } from './fixture.ts';

const web = { id: 'prod/web', labels: { app: 'web' }, ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' as const }], ips: ['10.0.0.1'] };
const api = { id: 'prod/api', labels: { app: 'api' }, ips: ['10.0.0.2'] };
const db = { id: 'prod/db', labels: { app: 'db' }, ports: [{ name: 'pg', containerPort: 5432, protocol: 'TCP' as const }], ips: ['10.0.0.3'] };
const tool = { id: 'ops/tool', labels: { app: 'tool' }, ips: ['10.1.0.1'] };
const pods = [web, api, db, tool];
const nsLabels = { prod: { env: 'prod' }, ops: { team: 'ops' } };

const allowed = (policies: Parameters<typeof cluster>[1], from: string, to: string, port = 80, protocol: 'TCP' | 'UDP' | 'SCTP' = 'TCP', options = {}) =>
  createEvaluator(cluster(pods, policies, nsLabels), options).verdict(from, to, protocol, port).allowed;

describe('isolation (semantics 1-2)', () => {
  it('leaves a pod that no policy selects open in both directions', () => {
    expect(allowed([], 'prod/web', 'prod/db')).toBe(true);
    expect(allowed([], '8.8.8.8', 'prod/db')).toBe(true);
  });

  it('isolates ingress for a policy without policyTypes and without egress rules', () => {
    const p = policy('prod/deny', { podSelector: { matchLabels: { app: 'db' } } });
    expect(allowed([p], 'prod/web', 'prod/db')).toBe(false);
    expect(allowed([p], 'prod/db', 'prod/web')).toBe(true);
  });

  it('isolates egress when policyTypes is absent but egress rules exist', () => {
    const p = policy('prod/out', { podSelector: { matchLabels: { app: 'web' } }, egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }] }] });
    const v = createEvaluator(cluster(pods, [p], nsLabels)).verdict('prod/web', 'prod/api', 'TCP', 80);
    expect(v.allowed).toBe(false);
    expect(v.egress.isolated).toBe(true);
    expect(v.ingress.isolated).toBe(false);
    // and ingress is isolated too (Ingress is always in the defaulted types)
    expect(allowed([p], 'prod/api', 'prod/web')).toBe(false);
  });

  it('does not isolate egress for egress: [] without policyTypes', () => {
    const p = policy('prod/p', { podSelector: {}, egress: [] });
    expect(allowed([p], 'prod/web', '8.8.8.8')).toBe(true);
  });

  it('denies all egress with policyTypes [Egress] and no egress rules', () => {
    const p = policy('prod/p', { podSelector: {}, policyTypes: ['Egress'] });
    expect(allowed([p], 'prod/web', '8.8.8.8')).toBe(false);
    expect(allowed([p], 'ops/tool', 'prod/web')).toBe(true);
  });

  it("isolates only pods of the policy's own namespace", () => {
    const p = policy('prod/deny-all', { podSelector: {}, policyTypes: ['Ingress'] });
    expect(allowed([p], 'prod/web', 'ops/tool')).toBe(true);
    expect(allowed([p], 'ops/tool', 'prod/web')).toBe(false);
  });

  it('unions policies: any rule of any selecting policy allows', () => {
    const deny = policy('prod/deny', { podSelector: {}, policyTypes: ['Ingress'] });
    const allow = policy('prod/allow-web', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }] });
    expect(allowed([deny, allow], 'prod/web', 'prod/db')).toBe(true);
    expect(allowed([deny, allow], 'prod/api', 'prod/db')).toBe(false);
  });
});

describe('rules (semantics 4)', () => {
  it('allows everything with ingress: [{}]', () => {
    const p = policy('prod/all', { podSelector: {}, ingress: [{}] });
    expect(allowed([p], 'ops/tool', 'prod/db', 9999, 'UDP')).toBe(true);
    expect(allowed([p], '203.0.113.9', 'prod/db')).toBe(true);
  });

  it('allows nothing with ingress: []', () => {
    const p = policy('prod/none', { podSelector: {}, ingress: [] });
    expect(allowed([p], 'prod/web', 'prod/db')).toBe(false);
  });

  it('requires both a matching peer and a matching port in one rule', () => {
    const p = policy('prod/db', {
      podSelector: { matchLabels: { app: 'db' } },
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ port: 5432 }] }],
    });
    expect(allowed([p], 'prod/api', 'prod/db', 5432)).toBe(true);
    expect(allowed([p], 'prod/api', 'prod/db', 80)).toBe(false);
    expect(allowed([p], 'prod/web', 'prod/db', 5432)).toBe(false);
  });
});

describe('peers (semantics 5)', () => {
  const onDb = (peer: object) => policy('prod/db', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [peer] }] });

  it('matches a podSelector-only peer in the policy namespace only', () => {
    const p = onDb({ podSelector: {} });
    expect(allowed([p], 'prod/web', 'prod/db')).toBe(true);
    expect(allowed([p], 'ops/tool', 'prod/db')).toBe(false);
  });

  it('matches every pod of matching namespaces with a namespaceSelector-only peer', () => {
    const p = onDb({ namespaceSelector: { matchLabels: { team: 'ops' } } });
    expect(allowed([p], 'ops/tool', 'prod/db')).toBe(true);
    expect(allowed([p], 'prod/web', 'prod/db')).toBe(false);
  });

  it('ANDs namespaceSelector and podSelector in one peer, ORs them in two peers', () => {
    const and = onDb({ namespaceSelector: { matchLabels: { team: 'ops' } }, podSelector: { matchLabels: { app: 'web' } } });
    expect(allowed([and], 'ops/tool', 'prod/db')).toBe(false);
    expect(allowed([and], 'prod/web', 'prod/db')).toBe(false);
    const or = policy('prod/db', {
      podSelector: { matchLabels: { app: 'db' } },
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'ops' } } }, { podSelector: { matchLabels: { app: 'web' } } }] }],
    });
    expect(allowed([or], 'ops/tool', 'prod/db')).toBe(true);
    expect(allowed([or], 'prod/web', 'prod/db')).toBe(true);
    expect(allowed([or], 'prod/api', 'prod/db')).toBe(false);
  });

  it('matches all namespaces with namespaceSelector {} but no external address', () => {
    const p = onDb({ namespaceSelector: {} });
    expect(allowed([p], 'ops/tool', 'prod/db')).toBe(true);
    expect(allowed([p], '8.8.8.8', 'prod/db')).toBe(false);
  });

  it('gives every namespace the kubernetes.io/metadata.name label', () => {
    const p = onDb({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ops' } } });
    expect(allowed([p], 'ops/tool', 'prod/db')).toBe(true);
  });

  it('matches ipBlock cidr minus except, for addresses and pod IPs', () => {
    const p = onDb({ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } });
    expect(allowed([p], '10.200.0.1', 'prod/db')).toBe(true);
    expect(allowed([p], '10.1.2.3', 'prod/db')).toBe(false);
    expect(allowed([p], 'prod/web', 'prod/db')).toBe(true);
    expect(allowed([p], 'ops/tool', 'prod/db')).toBe(false);
  });

  it('never matches pods by ipBlock with ipBlockMatchesPods false (netpol-analyzer)', () => {
    const p = onDb({ ipBlock: { cidr: '10.0.0.0/8' } });
    expect(allowed([p], 'prod/web', 'prod/db', 80, 'TCP', { ipBlockMatchesPods: false })).toBe(false);
    expect(allowed([p], '10.9.9.9', 'prod/db', 80, 'TCP', { ipBlockMatchesPods: false })).toBe(true);
  });

  it('matches IPv6 ipBlocks', () => {
    const p = onDb({ ipBlock: { cidr: '2001:db8::/32', except: ['2001:db8:1::/48'] } });
    expect(allowed([p], '2001:db8:2::1', 'prod/db')).toBe(true);
    expect(allowed([p], '2001:db8:1::1', 'prod/db')).toBe(false);
    expect(allowed([p], '10.200.0.1', 'prod/db')).toBe(false);
  });
});

describe('ports (semantics 6)', () => {
  const onWeb = (ports: object[]) => policy('prod/web', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ ports }] });

  it('defaults the protocol to TCP', () => {
    const p = onWeb([{ port: 53 }]);
    expect(allowed([p], 'prod/api', 'prod/web', 53, 'TCP')).toBe(true);
    expect(allowed([p], 'prod/api', 'prod/web', 53, 'UDP')).toBe(false);
  });

  it('allows every port of a protocol when port is absent', () => {
    const p = onWeb([{ protocol: 'UDP' }]);
    expect(allowed([p], 'prod/api', 'prod/web', 65535, 'UDP')).toBe(true);
    expect(allowed([p], 'prod/api', 'prod/web', 80, 'TCP')).toBe(false);
  });

  it('treats port..endPort as an inclusive range', () => {
    const p = onWeb([{ port: 8000, endPort: 8080 }]);
    expect(allowed([p], 'prod/api', 'prod/web', 8000)).toBe(true);
    expect(allowed([p], 'prod/api', 'prod/web', 8080)).toBe(true);
    expect(allowed([p], 'prod/api', 'prod/web', 8081)).toBe(false);
  });

  it("resolves a named port against the destination's container ports", () => {
    const p = onWeb([{ port: 'http' }]);
    expect(allowed([p], 'prod/api', 'prod/web', 8080)).toBe(true);
    expect(allowed([p], 'prod/api', 'prod/web', 80)).toBe(false);
  });

  it('does not match a named port declared with another protocol', () => {
    const p = onWeb([{ port: 'http', protocol: 'UDP' }]);
    expect(allowed([p], 'prod/api', 'prod/web', 8080, 'UDP')).toBe(false);
  });

  it('never matches a named port towards an external address', () => {
    const p = policy('prod/out', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'], egress: [{ ports: [{ port: 'http' }] }] });
    expect(allowed([p], 'prod/web', '8.8.8.8', 8080)).toBe(false);
    expect(allowed([p], 'prod/web', 'prod/web', 8080)).toBe(true);
  });
});

describe('verdict reasons', () => {
  const dbPolicy = policy('prod/db-ingress', {
    podSelector: { matchLabels: { app: 'db' } },
    ingress: [{ from: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ port: 'pg' }] }, { from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 'metrics' }] }],
  });
  const evaluator = createEvaluator(cluster(pods, [dbPolicy], nsLabels));

  it('names the policy and rule that allowed the flow', () => {
    const v = evaluator.verdict('prod/api', 'prod/db', 'TCP', 5432);
    expect(v.allowed).toBe(true);
    expect(v.ingress.allowedBy).toEqual([{ policy: 'prod/db-ingress', direction: 'ingress', ruleIndex: 0 }]);
    expect(v.egress.isolated).toBe(false);
  });

  it('says the peer did not match', () => {
    const v = evaluator.verdict('ops/tool', 'prod/db', 'TCP', 5432);
    expect(v.ingress.misses).toEqual([{ policy: 'prod/db-ingress', reason: 'peer' }]);
  });

  it('says the port did not match', () => {
    const v = evaluator.verdict('prod/api', 'prod/db', 'TCP', 80);
    expect(v.ingress.misses).toEqual([{ policy: 'prod/db-ingress', reason: 'port', ruleIndex: 0 }]);
  });

  it('says a named port is not declared by the destination', () => {
    const v = evaluator.verdict('prod/web', 'prod/db', 'TCP', 9090);
    expect(v.ingress.misses).toEqual([{ policy: 'prod/db-ingress', reason: 'named-port', ruleIndex: 1, portName: 'metrics' }]);
  });

  it('says a policy without rules only isolates', () => {
    const deny = policy('prod/deny', { podSelector: {}, policyTypes: ['Egress'] });
    const v = createEvaluator(cluster(pods, [deny], nsLabels)).verdict('prod/web', 'prod/api', 'TCP', 80);
    expect(v.egress).toMatchObject({ isolated: true, allowed: false, isolatingPolicies: ['prod/deny'], misses: [{ policy: 'prod/deny', reason: 'no-rules' }] });
  });

  it('reports a pod connecting to itself as allowed loopback', () => {
    const deny = policy('prod/deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    const v = createEvaluator(cluster(pods, [deny], nsLabels)).verdict('prod/web', 'prod/web', 'TCP', 80);
    expect(v).toMatchObject({ allowed: true, loopback: true });
  });

  it('marks the external side as not applicable', () => {
    const v = evaluator.verdict('8.8.8.8', 'prod/web', 'TCP', 80);
    expect(v.egress.applies).toBe(false);
    expect(v.source).toEqual({ kind: 'ip', ip: '8.8.8.8' });
  });

  it('answers for a hypothetical pod that is not in the model', () => {
    const v = evaluator.verdict({ namespace: 'prod', labels: { app: 'api' } }, 'prod/db', 'TCP', 5432);
    expect(v.allowed).toBe(true);
  });

  it('throws a clear error for an unknown endpoint', () => {
    expect(() => evaluator.verdict('prod/nope', 'prod/db', 'TCP', 80)).toThrow(/unknown source "prod\/nope"/);
  });
});
