import { describe, expect, it } from 'vitest';
import { importManifests, labelsLockedReason, setObjectLabels, type LabelChange, type ManifestFile } from '../../../src/core/index.ts';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
        tier: front
    spec:
      containers: [{name: web, image: nginx}]
`;

const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db, namespace: shop}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress: [{from: [{namespaceSelector: {matchLabels: {team: shop}}}]}]
`;

function filesOf(change: LabelChange): ManifestFile[] {
  if ('problem' in change) throw new Error(change.problem);
  return change.files;
}

describe('setObjectLabels', () => {
  const files = [{ name: 'app.yaml', text: DEPLOYMENT }];
  const { model } = importManifests(files);

  it('edits a workload’s pod template labels, and its selector where it names the key', () => {
    const change = setObjectLabels(files, model, { kind: 'workload', id: 'shop/web' }, [{ key: 'app', value: 'api' }]);
    const [file] = filesOf(change);
    expect(file!.text).toBe(DEPLOYMENT.replaceAll('app: web', 'app: api'));
    expect('notes' in change && change.notes[0]).toMatch(/spec\.selector\.matchLabels follows \(app\)/);
    const tier = filesOf(setObjectLabels(files, model, { kind: 'workload', id: 'shop/web' }, [{ key: 'tier', value: null }]));
    expect(tier[0]!.text).toBe(DEPLOYMENT.replace('        tier: front\n', ''));
  });

  it('refuses to remove the label the whole selector depends on', () => {
    const change = setObjectLabels(files, model, { kind: 'workload', id: 'shop/web' }, [{ key: 'app', value: null }]);
    expect(change).toHaveProperty('problem');
    expect((change as { problem: string }).problem).toMatch(/selector/);
  });

  it('adds a Namespace document at the top of the file of a namespace only referenced', () => {
    const both = [{ name: 'all.yaml', text: `${DEPLOYMENT}---\n${POLICY}` }];
    const m = importManifests(both).model;
    const [file] = filesOf(setObjectLabels(both, m, { kind: 'namespace', name: 'shop' }, [{ key: 'team', value: 'shop' }]));
    expect(file!.text).toBe(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    team: shop\n---\n${DEPLOYMENT}---\n${POLICY}`);
    const after = importManifests([file!]).model;
    expect(after.namespaces.find((n) => n.name === 'shop')).toMatchObject({ declared: true, labels: { team: 'shop' } });
  });

  it('edits a declared namespace in place and never its name label', () => {
    const ns = [{ name: 'ns.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n' }, ...files];
    const m = importManifests(ns).model;
    expect(filesOf(setObjectLabels(ns, m, { kind: 'namespace', name: 'shop' }, [{ key: 'team', value: 'a' }]))[0]!.text).toBe(
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    team: a\n',
    );
    expect(setObjectLabels(ns, m, { kind: 'namespace', name: 'shop' }, [{ key: 'kubernetes.io/metadata.name', value: 'x' }])).toHaveProperty('problem');
  });

  it('explains why pods inferred from policies have no labels to edit', () => {
    const only = [{ name: 'p.yaml', text: POLICY }];
    const m = importManifests(only).model;
    const inferred = m.workloads[0]!;
    expect(labelsLockedReason(m, { kind: 'workload', id: inferred.id })).toMatch(/inferred from the policies/);
    expect(setObjectLabels(only, m, { kind: 'workload', id: inferred.id }, [{ key: 'a', value: 'b' }])).toHaveProperty('problem');
    expect(labelsLockedReason(model, { kind: 'workload', id: 'shop/web' })).toBeUndefined();
  });

  it('edits every pod of a controller known only from its pods', () => {
    const pod = (name: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: shop\n  labels:\n    app: web\n  ownerReferences: [{kind: ReplicaSet, name: web-rs, controller: true}]\n`;
    const pods = [{ name: 'pods.yaml', text: `${pod('web-1')}---\n${pod('web-2')}` }];
    const m = importManifests(pods).model;
    const owner = m.workloads.find((w) => w.podIds.length === 2)!;
    const change = setObjectLabels(pods, m, { kind: 'workload', id: owner.id }, [{ key: 'app', value: 'api' }]);
    expect(filesOf(change)[0]!.text).toBe(pods[0]!.text.replaceAll('app: web', 'app: api'));
  });
});
