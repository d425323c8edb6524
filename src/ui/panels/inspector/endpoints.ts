/**
 * What the ids in a selection name: a workload, a pod, a namespace (`ns:<name>`) or a set of
 * external addresses (`ext:<label>`), and, for external sets, the one address the panels ask
 * the evaluator with. Pure: the inspector and the matrix share these.
 */
import {
  formatIp,
  ipSetOfIpBlock,
  parseIp,
  unionIps,
  EMPTY_IPS,
  ALL_IPS,
  maxOf,
  type ClusterModel,
  type ExternalRange,
  type IpSet,
  type Namespace,
  type Pod,
  type ReachabilityMatrix,
  type Workload,
} from '../../../core/index.ts';

import { ANYWHERE_ID, externalNodeId as canvasExternalNodeId } from '../../canvas/external.ts';

export const EXTERNAL_PREFIX = 'ext:';
export const NAMESPACE_PREFIX = 'ns:';

/** The node id of an external address set, exactly as the canvas names it. */
export const externalIdOfLabel = canvasExternalNodeId;

export function externalNodeId(range: ExternalRange): string {
  return canvasExternalNodeId(range.label);
}

/** The canvas's single node for "any address" when no ipBlock tells addresses apart. */
export { ANYWHERE_ID };

/** The label back from an id (`ext:0.0.0.0/0,except:8.8.8.8/32` → `0.0.0.0/0 except 8.8.8.8/32`). */
export function labelOfExternalId(id: string): string {
  return id.slice(EXTERNAL_PREFIX.length).replaceAll(',except:', ' except ').replaceAll(',', ', ');
}

export function isExternalId(id: string): boolean {
  return id.startsWith(EXTERNAL_PREFIX);
}

/**
 * An address of the set to ask the evaluator with (every address of a matrix range answers
 * alike): the first address of the first range that is more than a network/broadcast pair,
 * skipping that range's network address; else the first address.
 */
export function representativeAddress(set: IpSet): string | undefined {
  for (const range of set.ranges) {
    if (range.end - range.start >= 2n) return formatIp(range.family, range.start + 1n);
  }
  const first = set.ranges[0];
  return first ? formatIp(first.family, first.start) : undefined;
}

/** One address or CIDR as a set (`8.8.8.8`, `10.0.0.0/8`, `a-b` ranges are not read). */
function ipSetOfText(text: string): IpSet | undefined {
  const t = text.trim();
  if (t.includes('/')) return ipSetOfIpBlock(t) ?? undefined;
  const ip = parseIp(t);
  if (!ip) return undefined;
  return ipSetOfIpBlock(`${t}/${ip.family === 4 ? 32 : 128}`) ?? undefined;
}

/** Reads the label forms of the core (`A`, `A except B, C`, `A, B`) back into a set. */
export function parseAddressLabel(label: string): IpSet | undefined {
  const [head = '', holes] = label.split(' except ');
  if (holes !== undefined) {
    const cidr = head.trim();
    const except = holes.split(',').map((s) => s.trim()).filter(Boolean);
    return ipSetOfIpBlock(cidr.includes('/') ? cidr : `${cidr}/${cidr.includes(':') ? 128 : 32}`, except) ?? undefined;
  }
  let set = EMPTY_IPS;
  for (const part of head.split(',')) {
    const piece = ipSetOfText(part);
    if (!piece) return undefined;
    set = unionIps(set, piece);
  }
  return set.ranges.length > 0 ? set : undefined;
}

export interface ExternalEnd {
  readonly label: string;
  readonly set: IpSet;
  /** The address verdicts are asked with. */
  readonly address: string;
  /** The matrix range this id names, when it names one (as a source and/or a destination). */
  readonly sourceIndex?: number;
  readonly destinationIndex?: number;
}

function isWholeFamily(range: ExternalRange): boolean {
  const only = range.set.ranges.length === 1 ? range.set.ranges[0] : undefined;
  return only !== undefined && only.start === 0n && only.end === maxOf(range.family);
}

/**
 * Resolves an external node id (`ext:<label>` in the canvas's form or as the label itself, or
 * `ext:anywhere`) against the matrix ranges, or reads the label as addresses.
 */
export function resolveExternalId(id: string, matrix: ReachabilityMatrix | undefined): ExternalEnd | undefined {
  if (!isExternalId(id)) return undefined;
  const anywhere = id === ANYWHERE_ID;
  const label = anywhere ? 'anywhere' : labelOfExternalId(id);
  const names = (r: ExternalRange) =>
    anywhere ? isWholeFamily(r) : externalNodeId(r) === id || `${EXTERNAL_PREFIX}${r.label}` === id;
  const sourceIndex = matrix?.ingressFromExternal.findIndex((r) => names(r.range)) ?? -1;
  const destinationIndex = matrix?.egressToExternal.findIndex((r) => names(r.range)) ?? -1;
  const range =
    (sourceIndex >= 0 ? matrix?.ingressFromExternal[sourceIndex]?.range : undefined) ??
    (destinationIndex >= 0 ? matrix?.egressToExternal[destinationIndex]?.range : undefined);
  const set = anywhere ? ALL_IPS : (range?.set ?? parseAddressLabel(label));
  if (!set) return undefined;
  const address = representativeAddress(range?.set ?? set);
  if (address === undefined) return undefined;
  return {
    label: anywhere ? 'anywhere (any address outside the cluster)' : (range?.label ?? label),
    set,
    address,
    ...(sourceIndex >= 0 ? { sourceIndex } : {}),
    ...(destinationIndex >= 0 ? { destinationIndex } : {}),
  };
}

export type NodeRef =
  | { readonly kind: 'workload'; readonly id: string; readonly workload: Workload; readonly pods: readonly Pod[] }
  | { readonly kind: 'pod'; readonly id: string; readonly pod: Pod; readonly workload: Workload | undefined }
  | { readonly kind: 'namespace'; readonly id: string; readonly namespace: Namespace | undefined; readonly name: string }
  | { readonly kind: 'external'; readonly id: string; readonly external: ExternalEnd };

/** What a node id names in the model; undefined when it names nothing (any more). */
export function resolveNodeId(id: string, model: ClusterModel, matrix: ReachabilityMatrix | undefined): NodeRef | undefined {
  if (isExternalId(id)) {
    const external = resolveExternalId(id, matrix);
    return external ? { kind: 'external', id, external } : undefined;
  }
  if (id.startsWith(NAMESPACE_PREFIX)) {
    const name = id.slice(NAMESPACE_PREFIX.length);
    const namespace = model.namespaces.find((n) => n.name === name);
    const used = namespace ?? model.workloads.find((w) => w.namespace === name);
    return used ? { kind: 'namespace', id, namespace, name } : undefined;
  }
  const workload = model.workloads.find((w) => w.id === id);
  if (workload) {
    const ids = new Set(workload.podIds);
    return { kind: 'workload', id, workload, pods: model.pods.filter((p) => ids.has(p.id)) };
  }
  const pod = model.pods.find((p) => p.id === id);
  if (pod) return { kind: 'pod', id, pod, workload: model.workloads.find((w) => w.id === pod.workloadId) };
  return undefined;
}

/** The text the evaluator is asked with for a node id (an address for external sets). */
export function evaluatorInputOf(id: string, matrix: ReachabilityMatrix | undefined): string | undefined {
  if (isExternalId(id)) return resolveExternalId(id, matrix)?.address;
  if (id.startsWith(NAMESPACE_PREFIX)) return undefined;
  return id;
}

/** `default/frontend` → `frontend` when every unit shares the namespace. */
export function displayName(id: string, sharedNamespace: string | undefined): string {
  if (sharedNamespace !== undefined && id.startsWith(`${sharedNamespace}/`)) return id.slice(sharedNamespace.length + 1);
  return id;
}
