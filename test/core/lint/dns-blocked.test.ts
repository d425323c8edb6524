import { describe, expect, it } from 'vitest';
import { at, deployment, docs, lintYaml, withCode } from './helpers.ts';

const cluster = [deployment('web', { app: 'web' }), deployment('db', { app: 'db' })];
const egressPolicy = (rules: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web-out
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Egress]
  egress:
${rules}`;

const dnsWarnings = (text: string) => lintYaml(text).filter((w) => w.code.startsWith('lint/dns-blocked'));

describe('lint/dns-blocked-udp and lint/dns-blocked-tcp', () => {
  it('reports UDP and TCP separately for pods isolated for egress without a DNS rule', () => {
    const text = docs(...cluster, egressPolicy(`  - to:\n    - podSelector: {matchLabels: {app: db}}\n    ports:\n    - port: 5432`));
    const warnings = dnsWarnings(text);
    expect(warnings.map((w) => w.code)).toEqual(['lint/dns-blocked-tcp', 'lint/dns-blocked-udp']);
    for (const w of warnings) {
      expect(w).toMatchObject({ ...at(text, 'egress:'), path: 'spec.egress', policy: 'default/web-out', pods: ['default/web'] });
      expect(w.fix).toContain('k8s-app: kube-dns');
    }
    expect(warnings[1]?.message).toContain('UDP port 53');
  });

  it('reports only TCP when the DNS rule opens UDP 53 alone', () => {
    const text = docs(
      ...cluster,
      egressPolicy(`  - to:
    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
      podSelector: {matchLabels: {k8s-app: kube-dns}}
    ports:
    - protocol: UDP
      port: 53`),
    );
    expect(dnsWarnings(text).map((w) => w.code)).toEqual(['lint/dns-blocked-tcp']);
  });

  it('is satisfied by a port-53 rule to every destination', () => {
    const text = docs(...cluster, egressPolicy(`  - ports:\n    - {protocol: UDP, port: 53}\n    - {protocol: TCP, port: 53}`));
    expect(dnsWarnings(text)).toEqual([]);
  });

  it('resolves the named ports dns and dns-tcp as CoreDNS declares them', () => {
    const text = docs(...cluster, egressPolicy(`  - ports:\n    - {protocol: UDP, port: dns}\n    - {protocol: TCP, port: dns-tcp}`));
    expect(dnsWarnings(text)).toEqual([]);
  });

  it('uses the model’s own kube-dns pods when there are any', () => {
    const dns = deployment('coredns', { 'k8s-app': 'kube-dns' }, { namespace: 'kube-system' });
    const toDns = (ns: string) =>
      egressPolicy(`  - to:
    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ${ns}}}
    ports:
    - {protocol: UDP, port: 53}
    - {protocol: TCP, port: 53}`);
    expect(dnsWarnings(docs(...cluster, dns, toDns('kube-system')))).toEqual([]);
    expect(dnsWarnings(docs(...cluster, dns, toDns('dns-elsewhere')))).toHaveLength(2);
  });

  it('says nothing about pods not isolated for egress', () => {
    const text = docs(
      ...cluster,
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web-in
spec:
  podSelector: {}
  ingress: []`,
    );
    expect(withCode(lintYaml(text), 'lint/dns-blocked-udp')).toEqual([]);
  });
});
