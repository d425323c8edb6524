import { describe, expect, it } from 'vitest';
import { checkFlowAssertions, createEvaluator, evaluateFlowQuery, importManifests, parseFlowAssertions, parseFlowQuery } from '../../../src/core/index.ts';
import type { FlowQuery } from '../../../src/core/index.ts';

const CLUSTER = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: frontend, namespace: shop}
spec:
  selector: {matchLabels: {app: frontend}}
  template:
    metadata: {labels: {app: frontend}}
    spec: {containers: [{name: c, image: x}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: backend, namespace: shop}
spec:
  selector: {matchLabels: {app: backend}}
  template:
    metadata: {labels: {app: backend}}
    spec: {containers: [{name: c, image: x, ports: [{name: http, containerPort: 8080}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: shop, labels: {app: db}}
spec: {containers: [{name: c, image: x, ports: [{containerPort: 5432}]}]}
status: {podIP: 10.1.0.7}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: staging, labels: {app: db}}
spec: {containers: [{name: c, image: x}]}
---
apiVersion: v1
kind: Pod
metadata:
  name: web-1
  namespace: shop
  labels: {app: web, tier: blue}
  ownerReferences: [{kind: ReplicaSet, name: web, controller: true}]
spec: {containers: [{name: c, image: x}]}
---
apiVersion: v1
kind: Pod
metadata:
  name: web-2
  namespace: shop
  labels: {app: web, tier: green}
  ownerReferences: [{kind: ReplicaSet, name: web, controller: true}]
spec: {containers: [{name: c, image: x}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: backend-ingress, namespace: shop}
spec:
  podSelector: {matchLabels: {app: backend}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: frontend}}}, {podSelector: {matchLabels: {tier: blue}}}]
    ports: [{port: http}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db-ingress, namespace: shop}
spec:
  podSelector: {matchLabels: {app: db}}
  policyTypes: [Ingress]
`;

function check(flows: string) {
  const imported = importManifests([{ name: 'cluster.yaml', text: CLUSTER }]);
  expect(imported.issues.filter((i) => i.severity === 'error')).toEqual([]);
  const parsed = parseFlowAssertions({ name: 'expected.flows', text: flows });
  expect(parsed.issues).toEqual([]);
  return checkFlowAssertions(imported.model, createEvaluator(imported.model), parsed.assertions);
}

describe('checkFlowAssertions', () => {
  it('passes and fails single-port claims with the evaluator reasons', () => {
    const [pass, fail] = check('frontend -> backend TCP 8080 allowed\nfrontend -> shop/db TCP 5432 allowed');
    expect(pass).toMatchObject({ status: 'pass', actual: 'allowed', message: 'Allowed on TCP 8080, as expected.' });
    expect(pass?.explanation).toContain('Allowed by shop/backend-ingress ingress rule #1.');
    expect(fail).toMatchObject({
      status: 'fail',
      actual: 'denied',
      message: 'Expected allowed on TCP 5432, but shop/frontend → shop/db on TCP 5432 is denied.',
      witness: { from: 'shop/frontend', to: 'shop/db', fromWorkload: 'shop/frontend', toWorkload: 'shop/db', protocol: 'TCP', port: 5432, allowed: false },
    });
    expect(fail?.explanation).toContain('- shop/db-ingress has no ingress rules: it only isolates.');
  });

  it('without a port, the claim covers every port of the protocol', () => {
    const [allOpen, someOpen, closed] = check('backend -> frontend allowed\nfrontend -> backend allowed\nfrontend -> backend UDP denied');
    expect(allOpen).toMatchObject({ status: 'pass', actual: 'allowed' });
    expect(someOpen).toMatchObject({ status: 'fail', actual: 'partial' });
    expect(someOpen?.message).toMatch(/^Expected allowed on every TCP port, but shop\/frontend → shop\/backend on TCP \d+ is denied \(1 of \d+ connections checked are allowed\)\.$/);
    expect(closed).toMatchObject({ status: 'pass', actual: 'denied', message: expect.stringContaining('Denied on every UDP port, as expected') });
  });

  it('a workload stands for all its pods and the failure names the pod that broke it', () => {
    const [allowed, denied] = check('web -> backend TCP 8080 allowed\nshop/web -> backend TCP 8080 denied');
    expect(allowed).toMatchObject({ status: 'fail', actual: 'partial', witness: { from: 'shop/web-2', to: 'shop/backend' } });
    expect(allowed?.message).toContain('shop/web-2 → shop/backend on TCP 8080 is denied (1 of 2 connections checked are allowed)');
    expect(denied).toMatchObject({ status: 'fail', actual: 'partial', witness: { from: 'shop/web-1' } });
    const [pod] = check('shop/web-1 -> backend TCP 8080 allowed');
    expect(pod).toMatchObject({ status: 'pass' });
  });

  it('addresses outside the cluster and pod IPs', () => {
    const results = check('8.8.8.8 -> backend TCP 8080 denied\nfrontend -> 8.8.8.8 TCP 443 allowed\nfrontend -> 10.1.0.7 TCP 5432 denied');
    expect(results.map((r) => r.status)).toEqual(['pass', 'pass', 'pass']);
    expect(results[2]?.witness).toMatchObject({ to: 'shop/db', toWorkload: 'shop/db' });
    const [outside, podIps] = check('1.1.1.1 -> 8.8.8.8 denied\n10.1.0.7 -> 10.1.0.7 TCP 1 allowed');
    expect(outside).toMatchObject({ status: 'error', issue: { code: 'flows/bad-endpoint', line: 1, column: 1 } });
    expect(outside?.message).toContain('both ends are addresses outside the cluster');
    expect(podIps).toMatchObject({ status: 'pass', witness: { from: 'shop/db', to: 'shop/db' } });
  });

  it('reports unknown and ambiguous endpoints as errors with their line and column', () => {
    const [unknown, ambiguous, wrongNamespace, qualified] = check(
      'frontend -> backnd TCP 80 allowed\nfrontend -> db denied\nfrontend -> prod/backend denied\nfrontend -> staging/db[Pod] allowed',
    );
    expect(unknown).toMatchObject({
      status: 'error',
      actual: undefined,
      issue: { code: 'flows/unknown-endpoint', file: 'expected.flows', line: 1, column: 13, endColumn: 19, severity: 'error' },
    });
    expect(unknown?.message).toContain('Did you mean `backend`?');
    expect(ambiguous?.issue).toMatchObject({ code: 'flows/ambiguous-endpoint', line: 2, column: 13 });
    expect(ambiguous?.message).toContain('`shop/db` or `staging/db`');
    expect(wrongNamespace?.issue).toMatchObject({ code: 'flows/unknown-endpoint', line: 3 });
    expect(wrongNamespace?.message).toContain('Did you mean `shop/backend`?');
    expect(qualified).toMatchObject({ status: 'pass' });
  });

  it('returns nothing for no assertions', () => {
    expect(check('# nothing yet\n')).toEqual([]);
  });
});

describe('evaluateFlowQuery', () => {
  it("answers a learner's prediction question", () => {
    const { model } = importManifests([{ name: 'cluster.yaml', text: CLUSTER }]);
    const evaluator = createEvaluator(model);
    const ask = (text: string) => evaluateFlowQuery(model, evaluator, parseFlowQuery(text) as FlowQuery);
    expect(ask('frontend -> backend TCP 8080')).toMatchObject({ actual: 'allowed' });
    expect(ask('frontend -> backend')).toMatchObject({ actual: 'partial' });
    expect(ask('frontend -> nothing TCP 1')).toMatchObject({ code: 'flows/unknown-endpoint', line: 1, column: 13, endColumn: 20 });
  });
});

describe('endpoints named by kind', () => {
  it('tells a Deployment and a Pod of the same name apart with [Kind]', () => {
    const text = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: db, namespace: shop}
spec:
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: c, image: x}]}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: shop, labels: {app: debug}}
spec: {containers: [{name: c, image: x}]}
`;
    const { model } = importManifests([{ name: 'c.yaml', text }]);
    const flows = parseFlowAssertions({ name: 'e.flows', text: 'shop/db -> shop/db[Pod] allowed\nshop/db[Deployment] -> shop/db[Pod] allowed\nshop/db[StatefulSet] -> shop/db[Pod] allowed\n' });
    const [ambiguous, ok, wrongKind] = checkFlowAssertions(model, createEvaluator(model), flows.assertions);
    expect(ambiguous?.issue?.code).toBe('flows/ambiguous-endpoint');
    expect(ambiguous?.message).toContain('Write `shop/db[Deployment]` or `shop/db[Pod]`.');
    expect(ok?.status).toBe('pass');
    expect(wrongKind?.message).toBe('unknown endpoint "shop/db[StatefulSet]": no StatefulSet named "db" in namespace "shop". Did you mean `shop/db`?');
  });
});
