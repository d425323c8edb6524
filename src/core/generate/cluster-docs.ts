/**
 * The cluster the user draws (namespaces and workloads) as manifests: rendered in the layout
 * `kubectl` prints, and patched into a file document by document. A document is identified by
 * kind, namespace and name; every other document keeps its text byte for byte.
 *
 * Also the checks the drawing forms run as the user types (names, labels, ports, CIDRs), each
 * returning what is wrong as a sentence, or undefined.
 */
import { formatIpSetLabel } from '../model/ipset-label.ts';
import { ipSetOfIpBlock } from '../model/ipset.ts';
import type { ContainerPort, Labels, Protocol } from '../model/types.ts';
import { parseManifests } from '../parse/manifests.ts';
import { checkDns1123Label, checkDns1123Subdomain, checkLabelKey, checkLabelValue, checkPortName } from '../parse/names.ts';
import { lineBreakOf, splitDocuments } from './documents.ts';
import { resolveIpBlock } from './ends.ts';
import type { FlowEnd } from './intent.ts';
import { emitYaml, type JsonValue } from './yaml-emit.ts';

/** The file drawn Namespaces and workloads are written to. */
export const CLUSTER_FILE = 'cluster.yaml';

export type DrawnWorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Pod';
export const DRAWN_WORKLOAD_KINDS: readonly DrawnWorkloadKind[] = ['Deployment', 'StatefulSet', 'DaemonSet', 'Pod'];

export interface DrawnNamespace {
  readonly kind: 'Namespace';
  readonly name: string;
  readonly labels?: Labels;
}

export interface DrawnWorkload {
  readonly kind: DrawnWorkloadKind;
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  readonly ports: readonly ContainerPort[];
  /** Deployments and StatefulSets; 1 when absent. */
  readonly replicas?: number;
}

export type ClusterObject = DrawnNamespace | DrawnWorkload;

/** Identity of a document: `Kind/namespace/name` (`Namespace//name` for namespaces). */
export function clusterKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${kind === 'Namespace' ? '' : (namespace ?? 'default')}/${name}`;
}

export function keyOfObject(object: ClusterObject): string {
  return clusterKey(object.kind, object.kind === 'Namespace' ? undefined : object.namespace, object.name);
}

function portsOf(ports: readonly ContainerPort[]): JsonValue[] {
  return ports.map((p) => ({
    ...(p.name ? { name: p.name } : {}),
    containerPort: p.containerPort,
    protocol: p.protocol,
  }));
}

function podSpec(w: DrawnWorkload): { [key: string]: JsonValue } {
  const container: { [key: string]: JsonValue } = { name: w.name.slice(0, 63), image: `example/${w.name}:1.0` };
  if (w.ports.length > 0) container.ports = portsOf(w.ports);
  return { containers: [container] };
}

/** One document (no `---`), ending with a newline. */
export function renderClusterObject(object: ClusterObject): string {
  if (object.kind === 'Namespace') {
    const metadata: { [key: string]: JsonValue } = { name: object.name };
    if (object.labels && Object.keys(object.labels).length > 0) metadata.labels = { ...object.labels };
    return emitYaml({ apiVersion: 'v1', kind: 'Namespace', metadata });
  }
  const labels = { ...object.labels };
  if (object.kind === 'Pod') {
    return emitYaml({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: object.name, namespace: object.namespace, labels },
      spec: podSpec(object),
    });
  }
  const spec: { [key: string]: JsonValue } = {};
  if (object.kind !== 'DaemonSet') spec.replicas = object.replicas ?? 1;
  if (object.kind === 'StatefulSet') spec.serviceName = object.name;
  spec.selector = { matchLabels: labels };
  spec.template = { metadata: { labels }, spec: podSpec(object) };
  return emitYaml({ apiVersion: 'apps/v1', kind: object.kind, metadata: { name: object.name, namespace: object.namespace }, spec });
}

/** The key of each document of `text` holding exactly one top-level object (else undefined). */
export function clusterKeysOf(text: string): (string | undefined)[] {
  const spans = splitDocuments(text);
  const { objects } = parseManifests({ name: 'cluster.yaml', text }, { maxBytes: Infinity });
  const count = new Array<number>(spans.length).fill(0);
  const keys: (string | undefined)[] = new Array(spans.length).fill(undefined);
  for (const o of objects) {
    if (o.source.itemPath !== undefined) continue;
    let i = 0;
    while (i + 1 < spans.length && spans[i + 1]!.line <= o.source.line) i++;
    count[i]!++;
    if (o.name !== undefined) keys[i] = clusterKey(o.kind, o.namespace, o.name);
  }
  return keys.map((k, i) => (count[i] === 1 ? k : undefined));
}

export interface ClusterPatch {
  /** Objects to write: replacing the document with the same key, else appended. */
  readonly upsert?: readonly ClusterObject[];
  /** Keys (clusterKey) of documents to delete. */
  readonly remove?: readonly string[];
}

/**
 * `text` with documents replaced, appended or deleted. A replaced document keeps its `---`
 * line and the comments before and after it; a deleted one keeps the comments after it.
 */
export function patchClusterDocuments(text: string, patch: ClusterPatch): string {
  const eol = lineBreakOf(text);
  const fix = (s: string): string => (eol === '\n' ? s : s.replace(/\n/g, eol));
  const spans = splitDocuments(text);
  const keys = clusterKeysOf(text);
  const upserts = new Map((patch.upsert ?? []).map((o) => [keyOfObject(o), o]));
  const removed = new Set(patch.remove ?? []);
  const done = new Set<string>();
  let out = '';
  spans.forEach((span, i) => {
    const key = keys[i];
    const object = key ? upserts.get(key) : undefined;
    if (key && removed.has(key) && !object) {
      const trailing = text.slice(span.bodyEnd, span.end);
      out += span.start === 0 && !span.hasMarker ? trailing.replace(/^(\r?\n)+/, '') : trailing;
      return;
    }
    if (!key || !object || done.has(key)) {
      out += text.slice(span.start, span.end);
      return;
    }
    done.add(key);
    out += text.slice(span.start, span.contentStart) + fix(renderClusterObject(object)) + text.slice(span.bodyEnd, span.end);
  });
  // A file whose first document was deleted may now start with `---`: that is still valid YAML.
  const added = [...upserts].filter(([key]) => !done.has(key)).map(([, o]) => fix(renderClusterObject(o)));
  if (added.length === 0) return out;
  const joined = added.join(`---${eol}`);
  if (out.trim() === '') return out + joined;
  return `${out}${out.endsWith('\n') ? '' : eol}---${eol}${joined}`;
}

// ---- checks as the user types -------------------------------------------------------------

export function checkNamespaceName(name: string): string | undefined {
  if (name === '') return 'Enter a name';
  const problem = checkDns1123Label(name);
  return problem ? `The name ${problem}` : undefined;
}

export function checkWorkloadName(name: string): string | undefined {
  if (name === '') return 'Enter a name';
  const problem = name.length > 63 ? 'must be no more than 63 characters' : checkDns1123Subdomain(name);
  return problem ? `The name ${problem}` : undefined;
}

/** One `key=value` (or `key: value`) per entry; duplicates and syntax are checked. */
export function parseLabelsText(text: string): { labels: Labels; problem?: string } {
  const labels: Record<string, string> = {};
  const entries = text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const m = /^([^=:\s]+)\s*[=:]\s*(.*)$/.exec(entry);
    if (!m) return { labels, problem: `"${entry}" is not key=value` };
    const problem = checkLabel(m[1]!, m[2]!.trim(), labels);
    if (problem) return { labels, problem };
    labels[m[1]!] = m[2]!.trim();
  }
  return { labels };
}

export function checkLabel(key: string, value: string, others: Labels = {}): string | undefined {
  const keyProblem = checkLabelKey(key);
  if (keyProblem) return `Label key "${key}" ${keyProblem}`;
  const valueProblem = checkLabelValue(value);
  if (valueProblem) return `Label value of ${key} ${valueProblem}`;
  if (Object.prototype.hasOwnProperty.call(others, key)) return `Label ${key} is given twice`;
  return undefined;
}

const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

/**
 * Container ports, one per entry: `8080`, `8080/UDP`, `http:8080`, `http:8080/TCP`. Names are
 * IANA service names, unique in the workload; numbers 1-65535; a number and protocol only once.
 */
export function parsePortsText(text: string): { ports: ContainerPort[]; problem?: string } {
  const ports: ContainerPort[] = [];
  const entries = text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const m = /^(?:([^:\s]+)\s*:\s*)?(\d+)(?:\s*\/\s*([A-Za-z]+))?$/.exec(entry);
    if (!m) return { ports, problem: `"${entry}" is not a port (write 8080, http:8080 or http:8080/UDP)` };
    const protocol = (m[3] ?? 'TCP').toUpperCase() as Protocol;
    const port: ContainerPort = m[1] ? { name: m[1], containerPort: Number(m[2]), protocol } : { containerPort: Number(m[2]), protocol };
    if (!PROTOCOLS.includes(protocol)) return { ports, problem: `Protocol ${m[3]} is not TCP, UDP or SCTP` };
    const problem = checkContainerPort(port, ports);
    if (problem) return { ports, problem };
    ports.push(port);
  }
  return { ports };
}

export function checkContainerPort(port: ContainerPort, others: readonly ContainerPort[] = []): string | undefined {
  if (!Number.isInteger(port.containerPort) || port.containerPort < 1 || port.containerPort > 65535) {
    return `Port ${port.containerPort} is not between 1 and 65535`;
  }
  if (port.name !== undefined) {
    const problem = checkPortName(port.name);
    if (problem) return `Port name "${port.name}" ${problem}`;
    if (others.some((o) => o.name === port.name)) return `Port name ${port.name} is used twice`;
  }
  if (others.some((o) => o.containerPort === port.containerPort && o.protocol === port.protocol)) {
    return `Port ${port.containerPort}/${port.protocol} is given twice`;
  }
  return undefined;
}

/** A policy port entry typed in the flow popover: number 1-65535, endPort above it. */
export function checkPolicyPort(port: number | undefined, endPort: number | undefined): string | undefined {
  const valid = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= 65535;
  if (port === undefined) return endPort === undefined ? undefined : 'A range needs a first port';
  if (!valid(port)) return `Port ${port} is not between 1 and 65535`;
  if (endPort === undefined) return undefined;
  if (!valid(endPort)) return `End port ${endPort} is not between 1 and 65535`;
  if (endPort < port) return `End port ${endPort} is below port ${port}`;
  return undefined;
}

/** A CIDR (or address) and its excepts, as the external form takes them. */
export function checkIpBlock(cidr: string, except: readonly string[]): string | undefined {
  if (cidr.trim() === '') return 'Enter a CIDR such as 10.0.0.0/8 or an address';
  const resolved = resolveIpBlock(cidr, except);
  return typeof resolved === 'string' ? resolved.charAt(0).toUpperCase() + resolved.slice(1) : undefined;
}

/**
 * How the canvas labels the addresses of an external end (the matrix's label for the same set,
 * e.g. `8.8.8.8/32`, `10.0.0.0/8 except 10.1.0.0/16`), or undefined for a workload or a bad block.
 */
export function addressLabelOfEnd(end: FlowEnd): string | undefined {
  if (end.kind === 'workload') return undefined;
  if (end.kind === 'anywhere') return 'anywhere';
  const block = resolveIpBlock(end.cidr, end.except);
  if (typeof block === 'string') return undefined;
  const set = ipSetOfIpBlock(block.cidr, block.except);
  return set ? formatIpSetLabel(set) : undefined;
}
