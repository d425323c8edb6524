/**
 * Which document of a file holds which NetworkPolicy: the parser reads the file once, and each
 * top-level object is attributed to the document span its first line falls in. A document that
 * holds exactly one NetworkPolicy (not inside a List) gets its `<namespace>/<name>` and whether
 * it is generated; a broken or ambiguous document gets nothing and is never touched.
 */
import { parseManifests } from '../parse/manifests.ts';
import type { DocumentSpan } from './documents.ts';
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE } from './managed.ts';

export interface DocumentKey {
  readonly key: string;
  readonly managed: boolean;
}

function labelsOf(object: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const metadata = object.metadata;
  if (typeof metadata !== 'object' || metadata === null) return {};
  const labels = (metadata as Record<string, unknown>).labels;
  return typeof labels === 'object' && labels !== null ? (labels as Record<string, unknown>) : {};
}

/** Index of the span containing 1-based `line` (spans are sorted by line). */
function spanAt(spans: readonly DocumentSpan[], line: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (spans[mid]!.line <= line) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function keysOfDocuments(text: string, spans: readonly DocumentSpan[]): (DocumentKey | undefined)[] {
  const { objects } = parseManifests({ name: 'sync.yaml', text }, { maxBytes: Infinity });
  const count = new Array<number>(spans.length).fill(0);
  const keys: (DocumentKey | undefined)[] = new Array(spans.length).fill(undefined);
  for (const o of objects) {
    if (o.source.itemPath !== undefined) continue;
    const i = spanAt(spans, o.source.line);
    count[i]!++;
    if (o.kind !== 'NetworkPolicy' || o.name === undefined) continue;
    const managed = labelsOf(o.object)[MANAGED_BY_LABEL] === MANAGED_BY_VALUE;
    keys[i] = { key: `${o.namespace ?? 'default'}/${o.name}`, managed };
  }
  return keys.map((k, i) => (count[i] === 1 ? k : undefined));
}
