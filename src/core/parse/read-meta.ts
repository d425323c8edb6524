/**
 * ObjectMeta: name, namespace, labels and owner references, checked as the API server does.
 */
import type { Labels, OwnerReference } from '../model/types.ts';
import { METADATA } from './fields.ts';
import { checkDns1123Label, checkDns1123Subdomain } from './names.ts';
import { childPath, type Path } from './path.ts';
import { readLabels } from './read-labels.ts';
import { checkFields, field, isMap, readList, readMap, readString, type Obj } from './reader.ts';
import type { Reporter } from './reporter.ts';

export interface ObjectMeta {
  readonly name?: string;
  /** As written (undefined when absent or empty). */
  readonly namespace?: string;
  readonly labels?: Labels;
  readonly ownerReferences?: readonly OwnerReference[];
}

export interface MetaOptions {
  readonly kind: string;
  /** Namespaces are DNS-1123 labels; everything else here is a DNS-1123 subdomain. */
  readonly nameRule: 'label' | 'subdomain';
  /** Report unknown metadata fields, and how severely. */
  readonly unknownFields: 'error' | 'warning';
  readonly namespaced: boolean;
  /** Severity of an invalid (but present) name. */
  readonly nameSeverity: 'error' | 'warning';
}

const META_PATH: Path = childPath(undefined, 'metadata');

function readName(r: Reporter, meta: Obj | undefined, opts: MetaOptions): string | undefined {
  const namePath = childPath(META_PATH, 'name');
  let name = meta ? readString(r, field(meta, 'name'), namePath) : undefined;
  if (name === '') name = undefined;
  if (name === undefined && meta) {
    const generate = readString(r, field(meta, 'generateName'), childPath(META_PATH, 'generateName'));
    if (generate) {
      r.info('generated-name', `${opts.kind} has only "generateName"; it is shown as "${generate}"`, META_PATH, 'key');
      return generate.replace(/-+$/, '') || generate;
    }
  }
  if (name === undefined) {
    r.error('missing-name', `${opts.kind} has no metadata.name`, meta ? namePath : META_PATH, 'key');
    return undefined;
  }
  const problem = opts.nameRule === 'label' ? checkDns1123Label(name) : checkDns1123Subdomain(name);
  if (problem) {
    const rule = opts.nameRule === 'label' ? 'a DNS-1123 label' : 'a DNS-1123 subdomain';
    r.report('invalid-name', opts.nameSeverity, `${opts.kind} name ${JSON.stringify(name)} is not ${rule}: it ${problem}`, namePath);
  }
  return name;
}

function readNamespace(r: Reporter, meta: Obj, opts: MetaOptions): string | undefined {
  const path = childPath(META_PATH, 'namespace');
  const ns = readString(r, field(meta, 'namespace'), path);
  if (!ns || !opts.namespaced) return undefined;
  const problem = checkDns1123Label(ns);
  if (problem) r.error('invalid-namespace', `Namespace ${JSON.stringify(ns)} is not a DNS-1123 label: it ${problem}`, path);
  return ns;
}

/** Owner references, read leniently: entries without a name are skipped. */
function readOwners(r: Reporter, meta: Obj): OwnerReference[] | undefined {
  const path = childPath(META_PATH, 'ownerReferences');
  const list = readList(r, field(meta, 'ownerReferences'), path);
  if (!list) return undefined;
  const owners: OwnerReference[] = [];
  for (const item of list) {
    if (!isMap(item)) continue;
    const name = field(item, 'name');
    if (typeof name !== 'string' || name === '') continue;
    const kind = field(item, 'kind');
    const owner: { kind: string; name: string; controller?: boolean } = {
      kind: typeof kind === 'string' ? kind : '',
      name,
    };
    if (field(item, 'controller') === true) owner.controller = true;
    owners.push(owner);
  }
  return owners;
}

export function readMetadata(r: Reporter, obj: Obj, opts: MetaOptions): ObjectMeta {
  const meta = readMap(r, field(obj, 'metadata'), META_PATH);
  if (meta) checkFields(r, meta, META_PATH, METADATA, opts.unknownFields);
  const name = readName(r, meta, opts);
  if (!meta) return name === undefined ? {} : { name };
  const out: { -readonly [K in keyof ObjectMeta]: ObjectMeta[K] } = {};
  if (name !== undefined) out.name = name;
  const namespace = readNamespace(r, meta, opts);
  if (namespace !== undefined) out.namespace = namespace;
  const labels = readLabels(r, field(meta, 'labels'), childPath(META_PATH, 'labels'));
  if (labels) out.labels = labels;
  const annotations = field(meta, 'annotations');
  if (annotations !== undefined) readMap(r, annotations, childPath(META_PATH, 'annotations'));
  const owners = readOwners(r, meta);
  if (owners) out.ownerReferences = owners;
  return out;
}
