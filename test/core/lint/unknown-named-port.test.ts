import { describe, expect, it } from 'vitest';
import { at, deployment, docs, lintYaml, theWarning, withCode } from './helpers.ts';

const cluster = [
  deployment('api', { app: 'api' }, { ports: ['{name: http, containerPort: 8080}', '{name: metrics, containerPort: 9090, protocol: UDP}'] }),
  deployment('web', { app: 'web' }),
];
const ingress = (port: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-in
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
  - ports:
    - ${port}`;

describe('lint/unknown-named-port', () => {
  it('warns on an ingress named port the selected pods do not declare', () => {
    const text = docs(...cluster, ingress('port: https'));
    const warning = theWarning(lintYaml(text), 'lint/unknown-named-port');
    expect(warning).toMatchObject({ ...at(text, 'port: https'), path: 'spec.ingress[0].ports[0].port', pods: ['default/api'] });
    expect(warning.message).toContain('"https"');
    expect(warning.fix).toContain('Use the port');
  });

  it('says nothing when the selected pods declare it', () => {
    expect(withCode(lintYaml(docs(...cluster, ingress('port: http'))), 'lint/unknown-named-port')).toEqual([]);
  });

  it('names the protocol when the port is declared with another one', () => {
    const warning = theWarning(lintYaml(docs(...cluster, ingress('port: metrics'))), 'lint/unknown-named-port');
    expect(warning.message).toContain('declared, but as UDP');
    expect(warning.fix).toContain('protocol: UDP');
  });

  it('looks egress named ports up on the peers’ pods', () => {
    const egress = (port: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web-out
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Egress]
  egress:
  - to:
    - podSelector: {matchLabels: {app: api}}
    ports:
    - port: ${port}`;
    expect(withCode(lintYaml(docs(...cluster, egress('http'))), 'lint/unknown-named-port')).toEqual([]);
    const warning = theWarning(lintYaml(docs(...cluster, egress('grpc'))), 'lint/unknown-named-port');
    expect(warning.message).toContain('the pods this rule allows traffic to (default/api)');
    expect(warning.pods).toEqual(['default/web']);
  });

  it('does not check inferred pods (a policy-only paste has no container ports)', () => {
    expect(withCode(lintYaml(docs(ingress('port: https'))), 'lint/unknown-named-port')).toEqual([]);
  });
});
