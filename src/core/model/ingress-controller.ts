/**
 * The ingress controller's view of a cluster: Services, OpenShift Routes and Kubernetes Ingress
 * objects, and the TCP ports they expose on each workload — before NetworkPolicies are applied.
 *
 * netpol-analyzer's rules (its `ingressanalyzer`), which `connlist --compat npguard` reproduces:
 * - A Service without a selector is left out; one with a selector (even `{}`) stands for the
 *   workloads of its namespace whose labels match it.
 * - A Route (`spec.to` and `spec.alternateBackends` of kind Service, one optional
 *   `spec.port.targetPort`) or an Ingress (`spec.defaultBackend.service` and every
 *   `spec.rules[].http.paths[].backend.service`) names Services in its own namespace.
 * - The backend's port picks the first Service port whose name, port or targetPort it equals; no
 *   port means every Service port. A Service port leads to its targetPort (its port when unset);
 *   a named targetPort is looked up in the pod's containerPorts and must be TCP.
 * - The port is kept only when the pod declares it as a containerPort (of any protocol).
 * - Routes and Ingresses add up (a later object of the same kind and name replaces an earlier one).
 */
import { EMPTY_PORTS, portSetOf, unionPorts, type PortSet } from './portset.ts';
import { matchesSelector } from './selector.ts';
import type { ContainerPort, Labels, Protocol, Workload } from './types.ts';

/** A port given by number or by name, as Kubernetes' IntOrString. */
export type PortReference = { readonly number: number } | { readonly name: string };

export interface ServicePort {
  readonly name?: string;
  readonly port: number;
  readonly protocol: Protocol;
  /** Absent when not written (the Service port is used). */
  readonly targetPort?: PortReference;
}

export interface Service {
  readonly kind: 'Service';
  readonly namespace: string;
  readonly name: string;
  /** Absent when the Service has no selector (it then selects nothing here). */
  readonly selector?: Labels;
  readonly ports: readonly ServicePort[];
}

/** One backend of a Route or an Ingress: a Service of the same namespace. */
export interface IngressBackend {
  readonly service: string;
  /** Absent: every port of the Service. */
  readonly port?: PortReference;
}

/** A Route (route.openshift.io) or an Ingress (networking.k8s.io) reduced to its backends. */
export interface IngressRouting {
  readonly kind: 'Route' | 'Ingress';
  readonly namespace: string;
  readonly name: string;
  readonly backends: readonly IngressBackend[];
}

export interface IngressObjects {
  readonly services: readonly Service[];
  readonly routings: readonly IngressRouting[];
}

export const INGRESS_CONTROLLER_LABEL = '{ingress-controller}';
/** The synthetic source netpol-analyzer checks policies against: no labels, its own namespace. */
export const INGRESS_CONTROLLER_POD = { namespace: 'ingress-controller-ns', name: 'ingress-controller', labels: {} } as const;

function sameReference(a: PortReference | undefined, b: PortReference): boolean {
  if (a === undefined) return false;
  return 'number' in a ? 'number' in b && a.number === b.number : 'name' in b && a.name === b.name;
}

/**
 * The pod ports a backend reaches through a Service. A Route's port is also compared with named
 * targetPorts; an Ingress's named port only with Service port names (netpol-analyzer's reading).
 */
export function backendTargetPorts(kind: IngressRouting['kind'], service: Service, wanted: PortReference | undefined): PortReference[] {
  const targetOf = (p: ServicePort): PortReference => p.targetPort ?? { number: p.port };
  if (wanted === undefined) return service.ports.map(targetOf);
  const match = service.ports.find(
    (p) =>
      ('name' in wanted && p.name !== undefined && p.name !== '' && p.name === wanted.name) ||
      ('number' in wanted && p.port === wanted.number) ||
      (kind === 'Route' || 'number' in wanted ? sameReference(p.targetPort, wanted) : false),
  );
  return match ? [targetOf(match)] : [];
}

/** The TCP port a target port opens on a pod with these containerPorts, if it declares it. */
export function exposedTcpPort(target: PortReference, ports: readonly ContainerPort[]): number | undefined {
  let number: number;
  if ('name' in target) {
    const named = ports.find((p) => p.name === target.name);
    if (!named || named.protocol !== 'TCP') return undefined;
    number = named.containerPort;
  } else {
    number = target.number;
  }
  return ports.some((p) => p.containerPort === number) ? number : undefined;
}

/**
 * Per workload id, the TCP ports Routes and Ingresses expose through Services (before policies).
 * Workloads no Route or Ingress reaches are absent.
 */
export function ingressControllerPorts(objects: IngressObjects, workloads: readonly Workload[]): Map<string, PortSet> {
  const services = new Map<string, Service>();
  for (const s of objects.services) if (s.selector !== undefined) services.set(`${s.namespace}/${s.name}`, s);
  const routings = new Map<string, IngressRouting>();
  for (const r of objects.routings) routings.set(`${r.kind}/${r.namespace}/${r.name}`, r);
  const result = new Map<string, PortSet>();
  for (const routing of routings.values()) {
    for (const backend of routing.backends) {
      const service = services.get(`${routing.namespace}/${backend.service}`);
      if (!service?.selector) continue;
      const targets = backendTargetPorts(routing.kind, service, backend.port);
      for (const workload of workloads) {
        if (workload.namespace !== service.namespace || !matchesSelector({ matchLabels: service.selector }, workload.labels)) continue;
        let ports = result.get(workload.id) ?? EMPTY_PORTS;
        for (const target of targets) {
          const port = exposedTcpPort(target, workload.ports);
          if (port !== undefined) ports = unionPorts(ports, portSetOf('TCP', port));
        }
        result.set(workload.id, ports);
      }
    }
  }
  return result;
}
