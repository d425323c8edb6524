/**
 * importManifests: files to a ClusterModel and every issue. The size limit is checked first
 * (one error, nothing parsed); each file is parsed on its own; accepted objects build the model;
 * a later definition of the same object replaces an earlier one, with a warning. Never throws.
 */
import type { ManifestResource } from '../model/build-input.ts';
import { buildModel, resourceKey } from '../model/build.ts';
import type { ClusterModel, IgnoredObject, Issue, SourceRef } from '../model/types.ts';
import { isIngressObjectKind } from './kinds.ts';
import { parseManifests } from './manifests.ts';
import { readIngressObjects } from './read-ingress-objects.ts';
import { checkSize, DEFAULT_MAX_BYTES } from './size.ts';
import type { ImportOptions, ImportResult, ManifestFile, ParsedObject } from './types.ts';

const EMPTY_MODEL: ClusterModel = {
  namespaces: [],
  pods: [],
  workloads: [],
  policies: [],
  ignored: [],
  inferredPods: false,
};

function issueAtSource(code: string, message: string, source: SourceRef): Issue {
  return { code, severity: 'warning', message, file: source.file, line: source.line, column: source.column };
}

function describeResource(r: ManifestResource): string {
  return r.kind === 'Namespace' ? `Namespace ${r.name}` : `${r.kind} ${r.namespace}/${r.name}`;
}

/** Warn about each object defined again later (the later definition is the one used). */
function warnDuplicates(resources: readonly ManifestResource[], issues: Issue[]): void {
  const first = new Map<string, ManifestResource>();
  for (const r of resources) {
    const key = resourceKey(r);
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, r);
      continue;
    }
    if (!r.source) continue;
    const where = earlier.source ? ` (first at ${earlier.source.file}:${earlier.source.line})` : '';
    issues.push(
      issueAtSource(
        'duplicate-object',
        `${describeResource(r)} is defined more than once${where}; this later definition is used, as kubectl apply would`,
        r.source,
      ),
    );
  }
}

function toIgnored(o: ParsedObject): IgnoredObject {
  return {
    kind: o.kind,
    ...(o.name !== undefined ? { name: o.name } : {}),
    ...(o.namespace !== undefined ? { namespace: o.namespace } : {}),
    source: o.source,
  };
}

function importUnsafe(files: readonly ManifestFile[], options: ImportOptions): ImportResult {
  const tooLarge = checkSize(files, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (tooLarge) {
    const name = files[0]?.name ?? '';
    const issue: Issue = { code: 'input-too-large', severity: 'error', message: tooLarge, file: name, line: 1, column: 1 };
    return { model: EMPTY_MODEL, issues: [issue] };
  }
  const issues: Issue[] = [];
  const resources: ManifestResource[] = [];
  const ignored: IgnoredObject[] = [];
  const routing: ParsedObject[] = [];
  const report = options.onProgress;
  for (const [fileIndex, file] of files.entries()) {
    report?.({ stage: 'parsing', fileIndex, files: files.length, documentsRead: 0, documents: 0 });
    const onDocuments =
      report && ((documentsRead: number, documents: number) => report({ stage: 'reading', fileIndex, files: files.length, documentsRead, documents }));
    const parsed = parseManifests(file, { maxBytes: Infinity, nameErrors: options.nameErrors ?? 'error', ...(onDocuments ? { onDocuments } : {}) });
    for (const issue of parsed.issues) issues.push(issue);
    for (const o of parsed.objects) {
      if (o.status === 'accepted' && o.resource) resources.push(o.resource);
      else if (o.status === 'ignored') {
        ignored.push(toIgnored(o));
        if (isIngressObjectKind(o.kind)) routing.push(o);
      }
    }
  }
  warnDuplicates(resources, issues);
  const model = buildModel(resources, ignored);
  return routing.length > 0 ? { model, issues, ingressObjects: readIngressObjects(routing) } : { model, issues };
}

export function importManifests(files: readonly ManifestFile[], options: ImportOptions = {}): ImportResult {
  try {
    return importUnsafe(files, options);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const file = files[0]?.name ?? '';
    const issue: Issue = {
      code: 'internal-error',
      severity: 'error',
      message: `Import failed unexpectedly: ${message}`,
      file,
      line: 1,
      column: 1,
    };
    return { model: EMPTY_MODEL, issues: [issue] };
  }
}
