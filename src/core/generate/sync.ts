/**
 * Two-way sync as a pure text patch: the documents of generated policies (NetworkPolicies
 * labelled `app.kubernetes.io/managed-by: netpol-canvas`, matched by namespace and name) are
 * replaced, inserted or deleted; every other byte of the file stays as it was, comments,
 * `---` lines, line breaks (CRLF kept) and a missing final newline included.
 *
 * A generated document is owned whole, from after its `---` line to its last content line;
 * comment lines after that are kept (they usually introduce the next document). New documents
 * go next to the generated ones already in the file, in output order, else at the end.
 */
import type { GeneratedPolicies } from './intent.ts';
import { renderPolicy } from './render.ts';
import { lineBreakOf, splitDocuments, type DocumentSpan } from './documents.ts';
import { keysOfDocuments } from './document-keys.ts';

export type DocumentChangeKind = 'inserted' | 'replaced' | 'deleted' | 'unchanged';

export interface DocumentChange {
  readonly kind: DocumentChangeKind;
  /** `<namespace>/<name>` of the policy. */
  readonly policy: string;
}

export interface SyncResult {
  readonly text: string;
  readonly changes: readonly DocumentChange[];
}

export interface SyncOptions {
  /** Whether a generated policy missing from the file is added to it (default: all are). */
  readonly insert?: (policy: string) => boolean;
}

interface Wanted {
  readonly key: string;
  readonly text: string;
}

function renderWanted(generated: GeneratedPolicies, eol: string): Wanted[] {
  return generated.policies.map((p) => {
    const key = `${p.namespace}/${p.name}`;
    const text = renderPolicy(p, generated.comments[key]);
    return { key, text: eol === '\n' ? text : text.replace(/\n/g, eol) };
  });
}

/** Where each missing document goes: after the closest earlier present one, else before the closest later one. */
function placeMissing(wanted: readonly Wanted[], present: ReadonlySet<string>, insert: (key: string) => boolean) {
  const after = new Map<string, Wanted[]>();
  const before = new Map<string, Wanted[]>();
  const atEnd: Wanted[] = [];
  wanted.forEach((doc, i) => {
    if (present.has(doc.key) || !insert(doc.key)) return;
    const prev = wanted.slice(0, i).reverse().find((d) => present.has(d.key));
    const next = wanted.slice(i + 1).find((d) => present.has(d.key));
    if (prev) after.set(prev.key, [...(after.get(prev.key) ?? []), doc]);
    else if (next) before.set(next.key, [...(before.get(next.key) ?? []), doc]);
    else atEnd.push(doc);
  });
  return { after, before, atEnd };
}

function markerOf(text: string, span: DocumentSpan, eol: string): string {
  if (span.bodyStart > span.start) return text.slice(span.start, span.bodyStart);
  return span.hasMarker ? `---${eol}` : '';
}

export function syncDocuments(fileText: string, generated: GeneratedPolicies, options: SyncOptions = {}): SyncResult {
  const eol = lineBreakOf(fileText);
  const spans = splitDocuments(fileText);
  const keys = keysOfDocuments(fileText, spans);
  const wanted = renderWanted(generated, eol);
  const byKey = new Map(wanted.map((w) => [w.key, w]));
  const present = new Set<string>();
  spans.forEach((_, i) => {
    const key = keys[i]?.managed ? keys[i]!.key : undefined;
    if (key && byKey.has(key)) present.add(key);
  });
  const { after, before, atEnd } = placeMissing(wanted, present, options.insert ?? (() => true));

  const changes: DocumentChange[] = [];
  const done = new Set<string>();
  let out = '';
  spans.forEach((span, i) => {
    const id = keys[i];
    if (!id?.managed) {
      out += fileText.slice(span.start, span.end);
      return;
    }
    const doc = byKey.get(id.key);
    const trailing = fileText.slice(span.bodyEnd, span.end);
    if (!doc || done.has(id.key)) {
      changes.push({ kind: 'deleted', policy: id.key });
      out += span.start === 0 && !span.hasMarker ? trailing.replace(/^(\r?\n)+/, '') : trailing;
      return;
    }
    done.add(id.key);
    const inserted = [...(before.get(id.key) ?? []), ...(after.get(id.key) ?? [])];
    const old = fileText.slice(span.bodyStart, span.bodyEnd);
    changes.push({ kind: old === doc.text && span.bodyStart > span.start === span.hasMarker ? 'unchanged' : 'replaced', policy: id.key });
    for (const d of inserted) changes.push({ kind: 'inserted', policy: d.key });
    const lead = (before.get(id.key) ?? []).map((d) => `${d.text}---${eol}`).join('');
    const tail = (after.get(id.key) ?? []).map((d) => `---${eol}${d.text}`).join('');
    out += markerOf(fileText, span, eol) + lead + doc.text + tail + trailing;
  });
  if (atEnd.length > 0) {
    const joined = atEnd.map((d) => d.text).join(`---${eol}`);
    out = out === '' ? joined : `${out}${out.endsWith('\n') ? '' : eol}---${eol}${joined}`;
    for (const d of atEnd) changes.push({ kind: 'inserted', policy: d.key });
  }
  return { text: out, changes };
}
