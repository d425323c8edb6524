/**
 * Pods and workloads: only what the simulation uses is read and checked (names, labels,
 * container ports, pod IPs, owners, replicas); their many other fields are not reported.
 */
import { describe, expect, it } from 'vitest';
import { at, expectIssueAt, importText, theIssue } from './helpers.ts';

const pod = (spec: string, extra = ''): string => `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
  labels: {app: web}
${extra}spec:
${spec}`;

describe('importManifests: pods', () => {
  it('reads labels, container ports of all containers (protocol defaults to TCP) and pod IPs', () => {
    const text = `${pod(`  containers:
  - name: a
    image: nginx
    resources: {limits: {cpu: 1}}
    ports:
    - {name: http, containerPort: 80}
    - {containerPort: 53, protocol: UDP}
  - name: b
    ports: [{name: metrics, containerPort: 9090, protocol: SCTP}]
  initContainers:
  - name: sidecar
    restartPolicy: Always
    ports: [{name: proxy, containerPort: 15001}]
  - name: setup
    ports: [{name: ignored, containerPort: 1}]
`)}status:
  podIP: 10.0.0.5
  podIPs: [{ip: 10.0.0.5}, {ip: "fd00::5"}]
`;
    const result = importText(text);
    expect(result.issues).toEqual([]);
    expect(result.model.pods[0]).toMatchObject({
      id: 'shop/web',
      labels: { app: 'web' },
      ports: [
        { name: 'http', containerPort: 80, protocol: 'TCP' },
        { containerPort: 53, protocol: 'UDP' },
        { name: 'metrics', containerPort: 9090, protocol: 'SCTP' },
        { name: 'proxy', containerPort: 15001, protocol: 'TCP' },
      ],
      ips: ['10.0.0.5', 'fd00::5'],
    });
  });

  it('does not report unknown fields in a pod spec', () => {
    const text = pod('  containers:\n  - name: a\n    imagee: typo\n    securityContextt: {}\n  nodeSelectorr: {}\n');
    expect(importText(text).issues).toEqual([]);
  });

  it('warns about unknown metadata fields of a pod without rejecting it', () => {
    const text = pod('  containers: []\n', '  lables: {tier: db}\n');
    const result = importText(text);
    expect(theIssue(result, 'unknown-field')).toMatchObject({ severity: 'warning', path: 'metadata.lables' });
    expect(result.model.pods).toHaveLength(1);
  });

  it('reports a containerPort outside 1..65535', () => {
    const text = pod('  containers:\n  - name: a\n    ports: [{containerPort: 70000}]\n');
    expectIssueAt(text, 'invalid-port', '70000', 'spec.containers[0].ports[0].containerPort');
  });

  it('reports a container port name that is not an IANA service name', () => {
    const text = pod('  containers:\n  - name: a\n    ports: [{name: Web_Port, containerPort: 80}]\n');
    expectIssueAt(text, 'invalid-port-name', 'Web_Port', 'spec.containers[0].ports[0].name');
  });

  it('reports a container port protocol other than TCP, UDP and SCTP', () => {
    const text = pod('  containers:\n  - name: a\n    ports: [{containerPort: 80, protocol: HTTP}]\n');
    expectIssueAt(text, 'invalid-protocol', 'HTTP', 'spec.containers[0].ports[0].protocol');
  });

  it('reports a port name used twice in a pod, at the second one', () => {
    const text = pod(`  containers:
  - name: a
    ports: [{name: http, containerPort: 80}]
  - name: b
    ports: [{name: http, containerPort: 8080}]
`);
    const result = importText(text);
    expect(theIssue(result, 'duplicate-port-name')).toMatchObject({ severity: 'error', ...at(text, 'http', 2) });
    expect(result.model.pods).toEqual([]);
  });

  it('skips a port entry whose containerPort is misspelt, with a warning and a suggestion', () => {
    const text = pod('  containers:\n  - name: a\n    ports:\n    - {name: udp, containerport: 3535, protocol: UDP}\n');
    const result = importText(text);
    const issue = theIssue(result, 'unknown-field');
    expect(issue).toMatchObject({ severity: 'warning', ...at(text, 'containerport') });
    expect(issue.message).toContain('"containerPort"');
    expect(result.model.pods[0]?.ports).toEqual([]);
  });

  it('warns about a pod IP that is not an IP address and ignores it', () => {
    const text = `${pod('  containers: []\n')}status: {podIP: not-an-ip}\n`;
    const result = importText(text);
    expect(theIssue(result, 'invalid-pod-ip')).toMatchObject({ severity: 'warning', ...at(text, 'not-an-ip') });
    expect(result.model.pods[0]?.ips).toEqual([]);
  });

  it('reads owner references', () => {
    const text = pod(
      '  containers: []\n',
      '  ownerReferences:\n  - {apiVersion: apps/v1, kind: ReplicaSet, name: web-5d, uid: u1, controller: true}\n',
    );
    const model = importText(text).model;
    expect(model.pods[0]?.ownerReferences).toEqual([{ kind: 'ReplicaSet', name: 'web-5d', controller: true }]);
    expect(model.workloads[0]).toMatchObject({ id: 'shop/web-5d', kind: 'ReplicaSet' });
  });
});

const workload = (kind: string, apiVersion: string, spec: string): string =>
  `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: w, namespace: ns}\nspec:\n${spec}`;
const template = (indent: string): string =>
  `${indent}template:
${indent}  metadata: {labels: {app: w}}
${indent}  spec:
${indent}    containers: [{name: c, ports: [{name: http, containerPort: 8080}]}]
`;

describe('importManifests: workloads', () => {
  it.each([
    ['Deployment', 'apps/v1', `  replicas: 3\n${template('  ')}`, 3],
    ['StatefulSet', 'apps/v1', `  replicas: 2\n${template('  ')}`, 2],
    ['ReplicaSet', 'apps/v1', template('  '), 1],
    ['ReplicationController', 'v1', `  replicas: 0\n${template('  ')}`, 0],
    ['DaemonSet', 'apps/v1', template('  '), 1],
    ['Job', 'batch/v1', `  parallelism: 4\n${template('  ')}`, 4],
    ['CronJob', 'batch/v1', `  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      parallelism: 2\n${template('      ')}`, 2],
  ])('reads a %s: template labels and ports, one pod for the template, replicas', (kind, apiVersion, spec, replicas) => {
    const result = importText(workload(kind, apiVersion, spec));
    expect(result.issues).toEqual([]);
    expect(result.model.workloads).toEqual([
      expect.objectContaining({
        id: 'ns/w',
        kind,
        labels: { app: 'w' },
        ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
        replicas,
        podIds: ['ns/w'],
      }),
    ]);
    expect(result.model.pods).toEqual([
      expect.objectContaining({ id: 'ns/w', name: 'w', workloadId: 'ns/w', fromTemplate: true, ips: [], labels: { app: 'w' } }),
    ]);
  });

  it('reports a workload without a pod template', () => {
    const text = workload('Deployment', 'apps/v1', '  replicas: 1\n');
    expect(theIssue(importText(text), 'missing-pod-template').path).toBe('spec.template');
  });

  it('reports a CronJob without a job template at the spec', () => {
    const text = workload('CronJob', 'batch/v1', '  schedule: "@daily"\n');
    expect(theIssue(importText(text), 'missing-pod-template')).toMatchObject(at(text, 'spec'));
  });

  it('reports negative replicas', () => {
    expectIssueAt(workload('Deployment', 'apps/v1', `  replicas: -1\n${template('  ')}`), 'invalid-replicas', '-1');
  });

  it('reports invalid template labels', () => {
    const text = workload('Deployment', 'apps/v1', template('  ').replace('app: w', 'app: w!'));
    expectIssueAt(text, 'invalid-label-value', 'w!', 'spec.template.metadata.labels.app');
  });

  it('warns about a misspelt template labels field, which would silently drop the labels', () => {
    const text = workload('Deployment', 'apps/v1', template('  ').replace('{labels:', '{lables:'));
    expect(theIssue(importText(text), 'unknown-field')).toMatchObject({ severity: 'warning', path: 'spec.template.metadata.lables' });
  });
});
