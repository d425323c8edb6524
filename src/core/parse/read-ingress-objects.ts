/**
 * Services, Routes (route.openshift.io) and Ingresses (networking.k8s.io/v1) read leniently for
 * the ingress controller (model/ingress-controller.ts). The simulation does not otherwise use
 * these kinds, so a field of the wrong type is simply left out: never an error.
 * A missing namespace is `default`.
 */
import type { IngressBackend, IngressObjects, IngressRouting, PortReference, Service, ServicePort } from '../model/ingress-controller.ts';
import { PROTOCOLS, type Labels, type Protocol } from '../model/types.ts';
import { isIngressObjectKind } from './kinds.ts';
import { field, isMap, type Obj } from './reader.ts';
import type { ParsedObject } from './types.ts';

const mapAt = (obj: Obj | undefined, key: string): Obj | undefined => {
  const v = obj === undefined ? undefined : field(obj, key);
  return isMap(v) ? v : undefined;
};
const listAt = (obj: Obj | undefined, key: string): readonly unknown[] => {
  const v = obj === undefined ? undefined : field(obj, key);
  return Array.isArray(v) ? v : [];
};
const stringAt = (obj: Obj | undefined, key: string): string | undefined => {
  const v = obj === undefined ? undefined : field(obj, key);
  return typeof v === 'string' ? v : undefined;
};
const integerAt = (obj: Obj | undefined, key: string): number | undefined => {
  const v = obj === undefined ? undefined : field(obj, key);
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
};

/** An IntOrString: a non-zero number or a non-empty string; anything else is "not given". */
function portReference(v: unknown): PortReference | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v !== 0) return { number: v };
  if (typeof v === 'string' && v !== '') return { name: v };
  return undefined;
}

function readSelector(spec: Obj | undefined): Labels | undefined {
  const selector = mapAt(spec, 'selector');
  if (!selector) return undefined;
  return Object.fromEntries(Object.entries(selector).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

function readServicePort(v: unknown): ServicePort | undefined {
  if (!isMap(v)) return undefined;
  const port = integerAt(v, 'port');
  if (port === undefined) return undefined;
  const name = stringAt(v, 'name');
  const protocol = stringAt(v, 'protocol') ?? 'TCP';
  const targetPort = portReference(field(v, 'targetPort'));
  return {
    port,
    protocol: (PROTOCOLS as readonly string[]).includes(protocol) ? (protocol as Protocol) : 'TCP',
    ...(name ? { name } : {}),
    ...(targetPort ? { targetPort } : {}),
  };
}

/** A Route target: kind Service (or no kind) with a name. */
function routeTarget(v: unknown, port: PortReference | undefined): IngressBackend | undefined {
  if (!isMap(v)) return undefined;
  const kind = stringAt(v, 'kind') ?? '';
  const service = stringAt(v, 'name');
  if ((kind !== '' && kind !== 'Service') || service === undefined) return undefined;
  return { service, ...(port ? { port } : {}) };
}

/** An Ingress backend's `service`: by port name, else by port number. */
function ingressTarget(backend: Obj | undefined): IngressBackend | undefined {
  const service = mapAt(backend, 'service');
  const name = stringAt(service, 'name');
  if (name === undefined) return undefined;
  const port = mapAt(service, 'port');
  const reference = portReference(stringAt(port, 'name')) ?? portReference(integerAt(port, 'number'));
  return { service: name, ...(reference ? { port: reference } : {}) };
}

function backendsOf(kind: 'Route' | 'Ingress', spec: Obj | undefined): IngressBackend[] {
  const out: (IngressBackend | undefined)[] = [];
  if (kind === 'Route') {
    const port = portReference(field(mapAt(spec, 'port') ?? {}, 'targetPort'));
    out.push(routeTarget(field(spec ?? {}, 'to'), port));
    for (const b of listAt(spec, 'alternateBackends')) out.push(routeTarget(b, port));
  } else {
    const fallback = mapAt(spec, 'defaultBackend');
    if (fallback) out.push(ingressTarget(fallback));
    for (const rule of listAt(spec, 'rules')) {
      const http = isMap(rule) ? mapAt(rule, 'http') : undefined;
      for (const path of listAt(http, 'paths')) out.push(isMap(path) ? ingressTarget(mapAt(path, 'backend')) : undefined);
    }
  }
  return out.filter((b): b is IngressBackend => b !== undefined);
}

/** The Services, Routes and Ingresses among parsed objects (other kinds are skipped). */
export function readIngressObjects(objects: readonly ParsedObject[]): IngressObjects {
  const services: Service[] = [];
  const routings: IngressRouting[] = [];
  for (const o of objects) {
    if (!isIngressObjectKind(o.kind)) continue;
    const meta = mapAt(o.object, 'metadata');
    const name = stringAt(meta, 'name') ?? '';
    const namespace = stringAt(meta, 'namespace') || 'default';
    const spec = mapAt(o.object, 'spec');
    if (o.kind === 'Service') {
      const ports = listAt(spec, 'ports').map(readServicePort).filter((p): p is ServicePort => p !== undefined);
      const selector = readSelector(spec);
      services.push({ kind: 'Service', namespace, name, ports, ...(selector ? { selector } : {}) });
    } else {
      const kind = o.kind as 'Route' | 'Ingress';
      routings.push({ kind, namespace, name, backends: backendsOf(kind, spec) });
    }
  }
  return { services, routings };
}
