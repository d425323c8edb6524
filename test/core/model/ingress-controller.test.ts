/**
 * The ports Routes and Ingresses expose on workloads through Services, before policies
 * (netpol-analyzer's ingress analysis).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backendTargetPorts,
  exposedTcpPort,
  ingressControllerPorts,
  type IngressObjects,
  type IngressRouting,
  type Service,
} from '../../../src/core/model/ingress-controller.ts';
import { formatPortSet } from '../../../src/core/model/portset.ts';
import type { ContainerPort, Workload } from '../../../src/core/model/types.ts';

function workload(id: string, labels: Record<string, string>, ports: ContainerPort[]): Workload {
  const [namespace, name] = id.split('/') as [string, string];
  return { id, kind: 'Deployment', namespace, name, labels, ports, replicas: 1, podIds: [`${id}-1`] };
}

const web = workload('shop/web', { app: 'web' }, [
  { name: 'http', containerPort: 8080, protocol: 'TCP' },
  { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
  { name: 'stats', containerPort: 8125, protocol: 'UDP' },
]);

const webService: Service = {
  kind: 'Service',
  namespace: 'shop',
  name: 'web',
  selector: { app: 'web' },
  ports: [
    { name: 'http', port: 80, protocol: 'TCP', targetPort: { name: 'http' } },
    { name: 'metrics', port: 9090, protocol: 'TCP' },
    { name: 'stats', port: 8125, protocol: 'UDP', targetPort: { name: 'stats' } },
  ],
};

const route = (port?: IngressRouting['backends'][number]['port'], service = 'web'): IngressRouting => ({
  kind: 'Route',
  namespace: 'shop',
  name: 'r',
  backends: [{ service, ...(port ? { port } : {}) }],
});

function exposed(objects: IngressObjects, workloads: Workload[] = [web]): Record<string, string> {
  return Object.fromEntries([...ingressControllerPorts(objects, workloads)].map(([id, ports]) => [id, formatPortSet(ports)]));
}

describe('backendTargetPorts', () => {
  it('picks the Service port by its name, its port number or its targetPort', () => {
    expect(backendTargetPorts('Ingress', webService, { name: 'http' })).toEqual([{ name: 'http' }]);
    expect(backendTargetPorts('Ingress', webService, { number: 80 })).toEqual([{ name: 'http' }]);
    expect(backendTargetPorts('Route', webService, { number: 9090 })).toEqual([{ number: 9090 }]);
  });

  it('gives every Service port when the backend names none', () => {
    expect(backendTargetPorts('Route', webService, undefined)).toEqual([{ name: 'http' }, { number: 9090 }, { name: 'stats' }]);
  });

  it('matches a Route port name against named targetPorts, an Ingress port name only against Service port names', () => {
    const service: Service = { ...webService, ports: [{ port: 80, protocol: 'TCP', targetPort: { name: 'web' } }] };
    expect(backendTargetPorts('Route', service, { name: 'web' })).toEqual([{ name: 'web' }]);
    expect(backendTargetPorts('Ingress', service, { name: 'web' })).toEqual([]);
  });
});

describe('exposedTcpPort', () => {
  it('resolves a named port to a TCP containerPort and refuses other protocols', () => {
    expect(exposedTcpPort({ name: 'http' }, web.ports)).toBe(8080);
    expect(exposedTcpPort({ name: 'stats' }, web.ports)).toBeUndefined();
    expect(exposedTcpPort({ name: 'missing' }, web.ports)).toBeUndefined();
  });

  it('keeps a numbered port only when the pod declares it, whatever its protocol', () => {
    expect(exposedTcpPort({ number: 9090 }, web.ports)).toBe(9090);
    expect(exposedTcpPort({ number: 8125 }, web.ports)).toBe(8125);
    expect(exposedTcpPort({ number: 80 }, web.ports)).toBeUndefined();
  });
});

describe('ingressControllerPorts', () => {
  it('exposes the targetPort a Route reaches through a Service, as TCP', () => {
    expect(exposed({ services: [webService], routings: [route({ name: 'http' })] })).toEqual({ 'shop/web': 'TCP 8080' });
  });

  it('exposes every declared target of the Service when the Route names no port', () => {
    expect(exposed({ services: [webService], routings: [route()] })).toEqual({ 'shop/web': 'TCP 8080,9090' });
  });

  it('adds up Routes and Ingresses reaching the same workload', () => {
    const ingress: IngressRouting = { kind: 'Ingress', namespace: 'shop', name: 'i', backends: [{ service: 'web', port: { number: 9090 } }] };
    expect(exposed({ services: [webService], routings: [route({ name: 'http' }), ingress] })).toEqual({ 'shop/web': 'TCP 8080,9090' });
  });

  it('ignores Services without a selector, in another namespace, or not found', () => {
    const { selector: _, ...noSelector } = webService;
    expect(exposed({ services: [noSelector], routings: [route()] })).toEqual({});
    expect(exposed({ services: [{ ...webService, namespace: 'other' }], routings: [route()] })).toEqual({});
    expect(exposed({ services: [webService], routings: [route(undefined, 'nope')] })).toEqual({});
  });

  it('selects workloads of the Service namespace by their labels; a selector {} selects them all', () => {
    const api = workload('shop/api', { app: 'api' }, [{ containerPort: 9090, protocol: 'TCP' }]);
    const elsewhere = workload('other/web', { app: 'web' }, [{ containerPort: 9090, protocol: 'TCP' }]);
    const all: Service = { ...webService, selector: {} };
    expect(exposed({ services: [all], routings: [route({ number: 9090 })] }, [web, api, elsewhere])).toEqual({
      'shop/web': 'TCP 9090',
      'shop/api': 'TCP 9090',
    });
  });

  it('compares selector keys as own labels only (a "constructor" or "__proto__" key selects nothing)', () => {
    for (const key of ['constructor', '__proto__']) {
      const selector = Object.fromEntries([[key, 'x']]);
      expect(exposed({ services: [{ ...webService, selector }], routings: [route()] })).toEqual({});
    }
  });

  it('only ever exposes TCP ports the workload declares (property)', () => {
    const portRef = fc.oneof(
      fc.record({ number: fc.integer({ min: 1, max: 12 }) }),
      fc.record({ name: fc.constantFrom('a', 'b', 'c') }),
    );
    const containerPort = fc.record({
      name: fc.constantFrom('a', 'b', 'c'),
      containerPort: fc.integer({ min: 1, max: 12 }),
      protocol: fc.constantFrom('TCP' as const, 'UDP' as const, 'SCTP' as const),
    });
    fc.assert(
      fc.property(
        fc.array(containerPort, { maxLength: 4 }),
        fc.array(fc.record({ port: fc.integer({ min: 1, max: 12 }), targetPort: fc.option(portRef, { nil: undefined }) }), { maxLength: 4 }),
        fc.option(portRef, { nil: undefined }),
        (ports, servicePorts, wanted) => {
          const w = workload('ns/w', { app: 'w' }, ports);
          const service: Service = {
            kind: 'Service',
            namespace: 'ns',
            name: 's',
            selector: { app: 'w' },
            ports: servicePorts.map((p) => ({ port: p.port, protocol: 'TCP', ...(p.targetPort ? { targetPort: p.targetPort } : {}) })),
          };
          const routing: IngressRouting = { kind: 'Route', namespace: 'ns', name: 'r', backends: [{ service: 's', ...(wanted ? { port: wanted } : {}) }] };
          const result = ingressControllerPorts({ services: [service], routings: [routing] }, [w]).get('ns/w');
          expect(result?.UDP ?? []).toEqual([]);
          expect(result?.SCTP ?? []).toEqual([]);
          const declared = new Set(ports.map((p) => p.containerPort));
          for (const [from, to] of result?.TCP ?? []) for (let p = from; p <= to; p++) expect(declared.has(p)).toBe(true);
        },
      ),
    );
  });
});
