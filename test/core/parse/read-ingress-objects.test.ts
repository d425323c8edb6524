/**
 * Services, Routes and Ingresses: the simulation ignores them (an info, never an error), and the
 * import hands them to the ingress controller read as backends and ports.
 */
import { describe, expect, it } from 'vitest';
import { importText } from './helpers.ts';

const manifests = `
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - name: http
    port: 80
    targetPort: http
  - port: 9090
    protocol: UDP
---
apiVersion: v1
kind: Service
metadata:
  name: external-db
  namespace: shop
spec:
  type: ExternalName
  externalName: db.example.com
---
apiVersion: route.openshift.io/v1
kind: Route
metadata:
  name: web
spec:
  to:
    kind: Service
    name: web
  alternateBackends:
  - kind: Service
    name: web-canary
  - kind: Deployment
    name: not-a-service
  port:
    targetPort: 8080
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
spec:
  defaultBackend:
    service:
      name: fallback
      port:
        name: http
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: cart
            port:
              number: 7070
      - path: /static
        pathType: Prefix
        backend:
          resource:
            apiGroup: example.com
            kind: Bucket
            name: assets
`;

describe('importManifests with Services, Routes and Ingresses', () => {
  it('reports no error or warning for valid objects of these kinds', () => {
    const result = importText(manifests);
    expect(result.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(result.model.ignored.map((o) => o.kind)).toEqual(['Service', 'Service', 'Route', 'Ingress']);
  });

  it('reads Services with their selector and ports, in the default namespace when none is given', () => {
    const { services } = importText(manifests).ingressObjects!;
    expect(services).toEqual([
      {
        kind: 'Service',
        namespace: 'default',
        name: 'web',
        selector: { app: 'web' },
        ports: [
          { name: 'http', port: 80, protocol: 'TCP', targetPort: { name: 'http' } },
          { port: 9090, protocol: 'UDP' },
        ],
      },
      { kind: 'Service', namespace: 'shop', name: 'external-db', ports: [] },
    ]);
  });

  it('reads the Service backends of Routes and Ingresses, leaving out other kinds of backend', () => {
    const { routings } = importText(manifests).ingressObjects!;
    expect(routings).toEqual([
      {
        kind: 'Route',
        namespace: 'default',
        name: 'web',
        backends: [
          { service: 'web', port: { number: 8080 } },
          { service: 'web-canary', port: { number: 8080 } },
        ],
      },
      {
        kind: 'Ingress',
        namespace: 'shop',
        name: 'shop',
        backends: [
          { service: 'fallback', port: { name: 'http' } },
          { service: 'cart', port: { number: 7070 } },
        ],
      },
    ]);
  });

  it('reads these kinds inside a List too', () => {
    const list = `
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
  metadata: { name: a, namespace: ns }
  spec: { selector: { app: a }, ports: [{ port: 80 }] }
- apiVersion: route.openshift.io/v1
  kind: Route
  metadata: { name: a, namespace: ns }
  spec: { to: { name: a } }
`;
    const result = importText(list);
    expect(result.ingressObjects?.services.map((s) => `${s.namespace}/${s.name}`)).toEqual(['ns/a']);
    expect(result.ingressObjects?.routings).toEqual([{ kind: 'Route', namespace: 'ns', name: 'a', backends: [{ service: 'a' }] }]);
  });

  it('leaves fields of the wrong type out instead of failing', () => {
    const odd = `
apiVersion: v1
kind: Service
metadata: { name: odd }
spec: { selector: [app], ports: [{ port: "80" }, 7, { port: 81, targetPort: 0 }] }
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: odd }
spec: { rules: [{ host: x }, { http: { paths: [{ backend: { service: { port: { number: 80 } } } }] } }] }
`;
    const result = importText(odd);
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.ingressObjects).toEqual({
      services: [{ kind: 'Service', namespace: 'default', name: 'odd', ports: [{ port: 81, protocol: 'TCP' }] }],
      routings: [{ kind: 'Ingress', namespace: 'default', name: 'odd', backends: [] }],
    });
  });

  it('gives no ingress objects when the input has none', () => {
    expect(importText('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n').ingressObjects).toBeUndefined();
  });
});
