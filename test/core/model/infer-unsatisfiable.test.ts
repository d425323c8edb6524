import { describe, expect, it } from 'vitest';
import { importManifests } from '../../../src/core/index.ts';

describe('inference with a namespaceSelector no namespace can satisfy', () => {
  it('adds no namespace for it (and ends)', () => {
    const text = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: y}
spec:
  podSelector: {}
  ingress:
    - from:
        - namespaceSelector:
            matchExpressions: [{key: kubernetes.io/metadata.name, operator: DoesNotExist}]
`;
    const { model } = importManifests([{ name: 'p.yaml', text }]);
    expect(model.namespaces.map((n) => n.name)).toEqual(['y']);
    expect(model.pods.map((p) => p.id)).toEqual(['y/pod-1']);
  });
});
