import { describe, expect, it } from 'vitest';
import { at, deployment, docs, lintYaml, theWarning, withCode } from './helpers.ts';

const pod = (name: string, ip: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: {app: ${name}}
spec:
  containers: [{name: main, image: example}]
status:
  podIP: ${ip}`;

const policy = (block: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web-out
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Egress]
  egress:
  - to:
    - ipBlock:
${block}`;

describe('lint/ip-block-pods', () => {
  it('warns when pods in the model have IPs inside the ipBlock', () => {
    const text = docs(pod('web', '10.1.0.4'), pod('db', '10.1.2.7'), policy('        cidr: 10.1.0.0/16'));
    const warning = theWarning(lintYaml(text), 'lint/ip-block-pods');
    expect(warning).toMatchObject({ ...at(text, 'cidr: 10.1.0.0/16'), path: 'spec.egress[0].to[0].ipBlock.cidr' });
    expect(warning.pods).toEqual(['default/db', 'default/web']);
    expect(warning.message).toContain('contains the IPs of 2 pods');
    expect(warning.fix).toContain('podSelector');
  });

  it('says nothing when except takes the pod IPs out, or the block is outside', () => {
    const excepted = docs(pod('web', '10.1.0.4'), policy('        cidr: 10.0.0.0/8\n        except: [10.1.0.0/16]'));
    expect(withCode(lintYaml(excepted), 'lint/ip-block-pods')).toEqual([]);
    const outside = docs(pod('web', '10.1.0.4'), policy('        cidr: 8.8.8.8/32'));
    expect(withCode(lintYaml(outside), 'lint/ip-block-pods')).toEqual([]);
  });

  it('leaves 0.0.0.0/0 ("anywhere") alone', () => {
    const text = docs(pod('web', '10.1.0.4'), policy('        cidr: 0.0.0.0/0'));
    expect(withCode(lintYaml(text), 'lint/ip-block-pods')).toEqual([]);
  });

  it('warns on a well-known default pod network even without pod IPs', () => {
    const text = docs(deployment('web', { app: 'web' }), policy('        cidr: 10.244.0.0/16'));
    const warning = theWarning(lintYaml(text), 'lint/ip-block-pods');
    expect(warning.message).toContain('common default pod network');
    expect(warning.pods).toEqual(['default/web']);
  });
});
