/**
 * Pods and workloads: what the simulation uses of them (names, labels, container ports, pod
 * IPs, owners, replicas). Their other fields are not checked.
 */
import type { PodManifest, TemplateWorkloadKind, WorkloadManifest } from '../model/build-input.ts';
import { parseIp } from '../model/ipset.ts';
import type { SourceRef } from '../model/types.ts';
import { METADATA } from './fields.ts';
import { childPath, type Path } from './path.ts';
import { readContainerPorts } from './read-containers.ts';
import { readLabels } from './read-labels.ts';
import type { ObjectMeta } from './read-meta.ts';
import { checkFields, field, isMap, readInteger, readList, readMap, readString, type Obj } from './reader.ts';
import type { Reporter } from './reporter.ts';

const SPEC: Path = childPath(undefined, 'spec');
const STATUS: Path = childPath(undefined, 'status');

function readPodIps(r: Reporter, obj: Obj): string[] {
  const status = readMap(r, field(obj, 'status'), STATUS);
  if (!status) return [];
  const ips: string[] = [];
  const add = (v: unknown, path: Path): void => {
    const ip = readString(r, v, path);
    if (!ip || ips.includes(ip)) return;
    if (parseIp(ip)) ips.push(ip);
    else r.warn('invalid-pod-ip', `Pod IP ${JSON.stringify(ip)} is not an IP address; it is ignored`, path);
  };
  add(field(status, 'podIP'), childPath(STATUS, 'podIP'));
  const listPath = childPath(STATUS, 'podIPs');
  readList(r, field(status, 'podIPs'), listPath)?.forEach((item, i) => {
    if (isMap(item)) add(field(item, 'ip'), childPath(childPath(listPath, i), 'ip'));
  });
  return ips;
}

export function readPod(r: Reporter, obj: Obj, meta: ObjectMeta, source: SourceRef): PodManifest | undefined {
  const spec = readMap(r, field(obj, 'spec'), SPEC);
  const ports = readContainerPorts(r, spec, SPEC);
  const ips = readPodIps(r, obj);
  if (meta.name === undefined) return undefined;
  const pod: { -readonly [K in keyof PodManifest]: PodManifest[K] } = {
    kind: 'Pod',
    name: meta.name,
    namespace: meta.namespace ?? 'default',
    labels: meta.labels ?? {},
    ports,
    ips,
    source,
  };
  if (meta.ownerReferences) pod.ownerReferences = meta.ownerReferences;
  return pod;
}

function readCount(r: Reporter, holder: Obj | undefined, key: string, path: Path): number {
  if (!holder) return 1;
  const at = childPath(path, key);
  const n = readInteger(r, field(holder, key), at);
  if (n === undefined) return 1;
  if (n < 0) {
    r.error('invalid-replicas', `"${key}" must not be negative (it is ${n})`, at);
    return 1;
  }
  return n;
}

export function readWorkload(
  r: Reporter,
  obj: Obj,
  kind: TemplateWorkloadKind,
  meta: ObjectMeta,
  source: SourceRef,
): WorkloadManifest | undefined {
  const spec = readMap(r, field(obj, 'spec'), SPEC);
  let templateHolder = spec;
  let holderPath = SPEC;
  if (kind === 'CronJob') {
    const jobTemplatePath = childPath(SPEC, 'jobTemplate');
    const jobTemplate = spec ? readMap(r, field(spec, 'jobTemplate'), jobTemplatePath) : undefined;
    holderPath = childPath(jobTemplatePath, 'spec');
    templateHolder = jobTemplate ? readMap(r, field(jobTemplate, 'spec'), holderPath) : undefined;
  }
  const templatePath = childPath(holderPath, 'template');
  const template = templateHolder ? readMap(r, field(templateHolder, 'template'), templatePath) : undefined;
  if (!template) {
    const where = kind === 'CronJob' ? 'spec.jobTemplate.spec.template' : 'spec.template';
    r.error('missing-pod-template', `${kind} has no pod template ("${where}")`, templatePath, 'key');
    return undefined;
  }
  const tmetaPath = childPath(templatePath, 'metadata');
  const tmeta = readMap(r, field(template, 'metadata'), tmetaPath);
  if (tmeta) checkFields(r, tmeta, tmetaPath, METADATA, 'warning');
  const labels = (tmeta && readLabels(r, field(tmeta, 'labels'), childPath(tmetaPath, 'labels'))) ?? {};
  const tspecPath = childPath(templatePath, 'spec');
  const ports = readContainerPorts(r, readMap(r, field(template, 'spec'), tspecPath), tspecPath);
  let replicas = 1;
  if (kind === 'Job' || kind === 'CronJob') replicas = readCount(r, templateHolder, 'parallelism', holderPath);
  else if (kind !== 'DaemonSet') replicas = readCount(r, spec, 'replicas', SPEC);
  if (meta.name === undefined) return undefined;
  return { kind, name: meta.name, namespace: meta.namespace ?? 'default', labels, ports, replicas, source };
}
