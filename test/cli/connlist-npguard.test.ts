/**
 * `connlist --compat npguard`: netpol-analyzer's list, including the `{ingress-controller}`
 * source that Routes and Ingresses open through Services, on small hand-written clusters.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'netpol-connlist-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function connlist(files: Record<string, string>, ...flags: string[]): string[] {
  const result = runCli(['connlist', folder(files), ...flags]);
  expect(result.exitCode, result.stderr).toBe(0);
  expect(result.stderr).toBe('');
  return result.stdout.split('\n').filter(Boolean);
}

const ingressLines = (lines: string[]) => lines.filter((l) => l.startsWith('{ingress-controller}'));

const deployment = (name: string, ports: string, namespace = 'shop') => `
apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: ${namespace} }
spec:
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      containers:
      - name: main
        image: example/${name}
        ports: ${ports}
`;

const shop = {
  'web.yaml': deployment('web', '[{ name: http, containerPort: 8080 }, { name: metrics, containerPort: 9090 }]'),
  'api.yaml': deployment('api', '[{ name: grpc, containerPort: 7000 }, { name: stats, containerPort: 8125, protocol: UDP }]'),
  'services.yaml': `
apiVersion: v1
kind: Service
metadata: { name: web, namespace: shop }
spec:
  selector: { app: web }
  ports: [{ name: http, port: 80, targetPort: http }, { name: metrics, port: 9090 }]
---
apiVersion: v1
kind: Service
metadata: { name: api, namespace: shop }
spec:
  selector: { app: api }
  ports: [{ port: 443, targetPort: grpc }, { name: stats, port: 8125, targetPort: stats, protocol: UDP }]
`,
  'route.yaml': `
apiVersion: route.openshift.io/v1
kind: Route
metadata: { name: web, namespace: shop }
spec:
  to: { kind: Service, name: web }
  port: { targetPort: http }
`,
  'ingress.yaml': `
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: api, namespace: shop }
spec:
  rules:
  - http:
      paths:
      - { path: /, pathType: Prefix, backend: { service: { name: api, port: { number: 443 } } } }
      - { path: /stats, pathType: Prefix, backend: { service: { name: api, port: { name: stats } } } }
`,
};

const policy = (name: string, app: string, from: string) => `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: ${name}, namespace: shop }
spec:
  podSelector: { matchLabels: { app: ${app} } }
  ingress: [${from}]
`;

describe('netpol-canvas connlist --compat npguard: the ingress controller', () => {
  it('lists the TCP containerPorts Routes and Ingresses reach through Services, last, even on unprotected workloads', () => {
    const lines = connlist(shop, '--compat', 'npguard');
    expect(ingressLines(lines)).toEqual([
      '{ingress-controller} => shop/api[Deployment] : TCP 7000',
      '{ingress-controller} => shop/web[Deployment] : TCP 8080',
    ]);
    expect(lines.slice(-2)).toEqual(ingressLines(lines));
    expect(lines).toContain('shop/web[Deployment] => shop/api[Deployment] : All Connections');
  });

  it('keeps the ports policies admit from a pod of another namespace with no labels', () => {
    const lines = connlist(
      {
        ...shop,
        'web-policy.yaml': policy('web', 'web', '{ from: [{ namespaceSelector: {} }], ports: [{ port: 8080 }] }'),
        'api-policy.yaml': policy('api', 'api', '{ from: [{ namespaceSelector: { matchLabels: { network.openshift.io/policy-group: ingress } } }] }'),
      },
      '--compat',
      'npguard',
    );
    expect(ingressLines(lines)).toEqual(['{ingress-controller} => shop/web[Deployment] : TCP 8080']);
  });

  it('drops the line when only pods of the same namespace are admitted, keeps it for a rule without from', () => {
    const sameNamespace = connlist({ ...shop, 'p.yaml': policy('web', 'web', '{ from: [{ podSelector: {} }] }') }, '--compat', 'npguard');
    expect(ingressLines(sameNamespace)).toEqual(['{ingress-controller} => shop/api[Deployment] : TCP 7000']);
    const anySource = connlist({ ...shop, 'p.yaml': policy('web', 'web', '{ ports: [{ port: http }] }') }, '--compat', 'npguard');
    expect(ingressLines(anySource)).toContain('{ingress-controller} => shop/web[Deployment] : TCP 8080');
  });

  it('reads Services, Routes and Deployments without a namespace as in default', () => {
    const lines = connlist(
      {
        'app.yaml': deployment('hello', '[{ containerPort: 8000 }]').replace(', namespace: shop', ''),
        'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata: { name: hello }\nspec: { selector: { app: hello }, ports: [{ port: 80, targetPort: 8000 }] }\n',
        'route.yaml': 'apiVersion: route.openshift.io/v1\nkind: Route\nmetadata: { name: hello }\nspec: { to: { name: hello } }\n',
      },
      '--compat',
      'npguard',
    );
    expect(ingressLines(lines)).toEqual(['{ingress-controller} => default/hello[Deployment] : TCP 8000']);
  });

  it('prints no ingress controller without Routes or Ingresses, or with the default semantics', () => {
    const { 'route.yaml': _route, 'ingress.yaml': _ingress, ...servicesOnly } = shop;
    expect(ingressLines(connlist(servicesOnly, '--compat', 'npguard'))).toEqual([]);
    expect(ingressLines(connlist(shop))).toEqual([]);
  });
});

describe('netpol-canvas connlist --compat npguard: workloads', () => {
  it('lists nothing when the input has policies but no workloads (pods are not inferred)', () => {
    const onlyPolicies = { 'p.yaml': policy('web', 'web', '{ from: [{ podSelector: { matchLabels: { app: api } } }] }') };
    expect(connlist(onlyPolicies, '--compat', 'npguard')).toEqual([]);
    expect(connlist(onlyPolicies).length).toBeGreaterThan(0);
  });

  it('analyses dumped pods without IPs, named after their controller owner, or themselves for a Node owner', () => {
    const pod = (name: string, owner: string) => `
- apiVersion: v1
  kind: Pod
  metadata: { name: ${name}, namespace: kube-system, labels: { app: ${name} }, ownerReferences: [${owner}] }
  spec: { containers: [{ name: c, image: x }] }`;
    const lines = connlist({
      'pods.yaml': `apiVersion: v1\nkind: PodList\nitems:${pod('dns-5d8f-abcde', '{ kind: ReplicaSet, name: dns-5d8f, controller: true }')}${pod(
        'etcd-node1',
        '{ kind: Node, name: node1, controller: true }',
      )}${pod('agent-x', '{ name: agents, controller: true }')}\n`,
    }, '--compat', 'npguard');
    expect(lines).toContain('kube-system/dns-5d8f[ReplicaSet] => kube-system/etcd-node1[Pod] : All Connections');
    expect(lines).toContain('kube-system/etcd-node1[Pod] => kube-system/agents[Pod] : All Connections');
    expect(lines).toContain('0.0.0.0-255.255.255.255[External] => kube-system/dns-5d8f[ReplicaSet] : All Connections');
  });
});
