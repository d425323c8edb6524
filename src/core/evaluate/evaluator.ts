/**
 * The shared evaluator: built once per ClusterModel, it answers "may this source open this
 * connection, and why?" for pods, workloads and addresses, and computes the whole matrix.
 */
import type { ClusterModel, ContainerPort, Labels, Pod, Protocol } from '../model/types.ts';
import { METADATA_NAME_LABEL } from '../model/types.ts';
import { parseIp } from '../model/ipset.ts';
import { compilePolicies, type CompiledPolicy } from './compile.ts';
import type { Endpoint, MatchOptions, ParsedIp, PodEndpoint } from './match.ts';
import { decideConnection } from './verdict.ts';
import { computeMatrixData } from './matrix.ts';
import { matrixFromData, type MatrixData } from './matrix-data.ts';
import type { Direction, EvaluateOptions, Granularity, ReachabilityMatrix, Verdict } from './types.ts';

/** A pod that need not exist in the model: the probe's "what if" pod. */
export interface HypotheticalPod {
  readonly namespace: string;
  readonly name?: string;
  readonly labels?: Labels;
  readonly ports?: readonly ContainerPort[];
  readonly ips?: readonly string[];
}

/** `ns/pod`, `ns/workload`, an IPv4/IPv6 address, or a hypothetical pod. */
export type EndpointInput = string | HypotheticalPod;

export interface Evaluator {
  readonly model: ClusterModel;
  readonly policies: readonly CompiledPolicy[];
  readonly options: MatchOptions;
  /** Resolve an id or address; undefined when it names nothing and is not an address. */
  resolve(input: EndpointInput): Endpoint | undefined;
  /** Policies that select the pod for the direction (its namespace's policies with that type). */
  selectingPolicies(pod: PodEndpoint, direction: Direction): CompiledPolicy[];
  /** Throws an Error naming the input when an end cannot be resolved. */
  verdict(source: EndpointInput, destination: EndpointInput, protocol: Protocol, port: number): Verdict;
  matrix(options?: { readonly granularity?: Granularity }): ReachabilityMatrix;
  /** The same matrix as plain data (structured-cloneable); `matrixFromData` gives it back its methods. */
  matrixData(options?: { readonly granularity?: Granularity }): MatrixData;
}

function parseIps(texts: readonly string[]): ParsedIp[] {
  const out: ParsedIp[] = [];
  for (const text of texts) {
    const ip = parseIp(text);
    if (ip) out.push(ip);
  }
  return out;
}

export function createEvaluator(model: ClusterModel, options: EvaluateOptions = {}): Evaluator {
  const matchOptions: MatchOptions = { ipBlockMatchesPods: options.ipBlockMatchesPods ?? true };
  const namespaceLabels = new Map<string, Labels>(model.namespaces.map((ns) => [ns.name, ns.labels]));
  const labelsOfNamespace = (name: string): Labels =>
    namespaceLabels.get(name) ?? { [METADATA_NAME_LABEL]: name };

  const policies = compilePolicies(model.policies);
  const policiesByNamespace = new Map<string, CompiledPolicy[]>();
  for (const policy of policies) {
    const list = policiesByNamespace.get(policy.namespace) ?? [];
    list.push(policy);
    policiesByNamespace.set(policy.namespace, list);
  }

  const toEndpoint = (pod: Pod): PodEndpoint => ({
    kind: 'pod',
    id: pod.id,
    namespace: pod.namespace,
    workloadId: pod.workloadId,
    labels: pod.labels,
    namespaceLabels: labelsOfNamespace(pod.namespace),
    ports: pod.ports,
    ips: parseIps(pod.ips),
  });
  const podsById = new Map<string, Pod>(model.pods.map((p) => [p.id, p]));
  const workloadsById = new Map(model.workloads.map((w) => [w.id, w]));

  const resolve = (input: EndpointInput): Endpoint | undefined => {
    if (typeof input !== 'string') {
      const name = input.name ?? 'probe';
      return {
        kind: 'pod',
        id: `${input.namespace}/${name}`,
        namespace: input.namespace,
        workloadId: `${input.namespace}/${name}`,
        labels: input.labels ?? {},
        namespaceLabels: labelsOfNamespace(input.namespace),
        ports: input.ports ?? [],
        ips: parseIps(input.ips ?? []),
      };
    }
    const pod = podsById.get(input);
    if (pod) return toEndpoint(pod);
    const firstPodId = workloadsById.get(input)?.podIds[0];
    const workloadPod = firstPodId === undefined ? undefined : podsById.get(firstPodId);
    if (workloadPod) return toEndpoint(workloadPod);
    const ip = parseIp(input.trim());
    if (ip) return { kind: 'ip', ip: input.trim(), parsed: ip };
    return undefined;
  };

  const selectingPolicies = (pod: PodEndpoint, direction: Direction): CompiledPolicy[] =>
    (policiesByNamespace.get(pod.namespace) ?? []).filter(
      (p) => (direction === 'ingress' ? p.ingress : p.egress) !== undefined && p.selects(pod.labels),
    );

  const mustResolve = (input: EndpointInput, role: string): Endpoint => {
    const end = resolve(input);
    if (!end) {
      throw new Error(
        `unknown ${role} "${String(input)}": expected <namespace>/<pod>, <namespace>/<workload> or an IP address`,
      );
    }
    return end;
  };

  const evaluator: Evaluator = {
    model,
    policies,
    options: matchOptions,
    resolve,
    selectingPolicies,
    verdict(sourceInput, destinationInput, protocol, port) {
      const source = mustResolve(sourceInput, 'source');
      const destination = mustResolve(destinationInput, 'destination');
      return decideConnection(
        {
          source,
          destination,
          protocol,
          port,
          egressPolicies: source.kind === 'pod' ? selectingPolicies(source, 'egress') : [],
          ingressPolicies: destination.kind === 'pod' ? selectingPolicies(destination, 'ingress') : [],
        },
        matchOptions,
      );
    },
    matrix(matrixOptions = {}) {
      return matrixFromData(evaluator.matrixData(matrixOptions));
    },
    matrixData(matrixOptions = {}) {
      return computeMatrixData(
        { model, policies, toEndpoint, options: matchOptions },
        matrixOptions.granularity ?? 'workload',
      );
    },
  };
  return evaluator;
}
