/**
 * Sync over several files (the editor's tabs): generated documents are replaced or deleted in
 * whichever file holds them; the ones no file holds yet go to `target` (created when missing).
 * And the one edit of a hand-written policy the user chose: its document re-rendered, nothing
 * else touched.
 */
import type { NetworkPolicy } from '../model/types.ts';
import type { ManifestFile } from '../parse/types.ts';
import { lineBreakOf, splitDocuments } from './documents.ts';
import { keysOfDocuments } from './document-keys.ts';
import type { GeneratedPolicies } from './intent.ts';
import { renderPolicy } from './render.ts';
import { syncDocuments, type DocumentChange } from './sync.ts';

export interface FileChange extends DocumentChange {
  readonly file: string;
}

function generatedIn(text: string): Set<string> {
  const keys = keysOfDocuments(text, splitDocuments(text));
  return new Set(keys.filter((k) => k?.managed).map((k) => k!.key));
}

export function syncFiles(
  files: readonly ManifestFile[],
  generated: GeneratedPolicies,
  target: string,
): { readonly files: ManifestFile[]; readonly changes: FileChange[] } {
  const elsewhere = new Set(files.filter((f) => f.name !== target).flatMap((f) => [...generatedIn(f.text)]));
  const all = files.some((f) => f.name === target) ? files : [...files, { name: target, text: '' }];
  const changes: FileChange[] = [];
  const out = all.map((file) => {
    const insert = file.name === target ? (key: string) => !elsewhere.has(key) : () => false;
    const result = syncDocuments(file.text, generated, { insert });
    for (const c of result.changes) changes.push({ ...c, file: file.name });
    return result.text === file.text ? file : { name: file.name, text: result.text };
  });
  return { files: out.filter((f) => f.name !== target || f.text !== '' || files.some((g) => g.name === target)), changes };
}

/**
 * The text with the document of `policy` (a top-level document holding only that
 * NetworkPolicy, matched by namespace and name) replaced by its rendering, from its first to
 * its last content line: the `---` line and the comments around the document stay, comments
 * inside it are lost. Undefined when no such document exists (e.g. the policy is in a List).
 */
export function replacePolicyDocument(text: string, policy: NetworkPolicy): string | undefined {
  const spans = splitDocuments(text);
  const keys = keysOfDocuments(text, spans);
  const i = keys.findIndex((k) => k?.key === `${policy.namespace}/${policy.name}`);
  const span = spans[i];
  if (!span) return undefined;
  const eol = lineBreakOf(text);
  const rendered = renderPolicy(policy);
  const body = eol === '\n' ? rendered : rendered.replace(/\n/g, eol);
  if (span.contentStart === span.start && span.hasMarker) {
    return `${text.slice(0, span.start)}---${eol}${body}${text.slice(span.bodyEnd)}`;
  }
  return text.slice(0, span.contentStart) + body + text.slice(span.bodyEnd);
}
