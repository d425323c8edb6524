/**
 * What the ingress controller may open on each workload: the TCP ports Routes and Ingresses
 * expose through Services (model/ingress-controller.ts), kept only where the NetworkPolicies
 * admit a pod with no labels in a namespace of its own (netpol-analyzer's synthetic
 * `ingress-controller-ns/ingress-controller`). So `namespaceSelector: {}` or a rule without
 * `from` lets it in; a selector for a particular namespace or pod label does not.
 */
import { ingressControllerPorts, INGRESS_CONTROLLER_POD, type IngressObjects } from '../model/ingress-controller.ts';
import { EMPTY_PORTS, isEmptyPorts, portSetOf, unionPorts, type PortSet } from '../model/portset.ts';
import type { Evaluator } from './evaluator.ts';

export interface IngressControllerFlow {
  readonly workloadId: string;
  /** Non-empty TCP ports. */
  readonly ports: PortSet;
}

/** Every workload the ingress controller may reach, with the ports, in workload id order. */
export function ingressControllerFlows(evaluator: Evaluator, objects: IngressObjects): IngressControllerFlow[] {
  const exposed = ingressControllerPorts(objects, evaluator.model.workloads);
  const flows: IngressControllerFlow[] = [];
  for (const workload of evaluator.model.workloads) {
    const candidate = exposed.get(workload.id);
    if (!candidate) continue;
    let ports = EMPTY_PORTS;
    for (const [from, to] of candidate.TCP) {
      for (let port = from; port <= to; port++) {
        if (evaluator.verdict(INGRESS_CONTROLLER_POD, workload.id, 'TCP', port).allowed) ports = unionPorts(ports, portSetOf('TCP', port));
      }
    }
    if (!isEmptyPorts(ports)) flows.push({ workloadId: workload.id, ports });
  }
  return flows;
}
