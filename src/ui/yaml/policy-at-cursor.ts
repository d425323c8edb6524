/**
 * Which NetworkPolicy the YAML cursor is in. Objects are located by the `source` the core
 * recorded for them; the document around the cursor is bounded by `---` markers, so text the
 * model did not import (a rejected object) after a policy is not taken for that policy.
 */
import type { ClusterModel, SourceRef } from '../../core/index.ts';

/** The lines of a document (CodeMirror's `Text` fits). */
export interface Lines {
  readonly lines: number;
  line(n: number): { readonly text: string };
}

export interface LineRange {
  /** 1-based, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
}

const DOCUMENT_MARKER = /^---(?:[ \t]|$)/;

/** The YAML document containing a line: from its `---` marker (or line 1) to the line before the next one. */
export function documentRangeAt(doc: Lines, line: number): LineRange {
  const at = Math.min(Math.max(1, line), doc.lines);
  let startLine = 1;
  for (let n = at; n >= 1; n--) {
    if (DOCUMENT_MARKER.test(doc.line(n).text)) {
      startLine = n;
      break;
    }
  }
  let endLine = doc.lines;
  for (let n = at + 1; n <= doc.lines; n++) {
    if (DOCUMENT_MARKER.test(doc.line(n).text)) {
      endLine = n - 1;
      break;
    }
  }
  return { startLine, endLine };
}

interface Located {
  readonly source: SourceRef;
  readonly policyId?: string;
}

function objectsIn(model: ClusterModel, file: string): Located[] {
  const located: Located[] = [];
  const add = (source: SourceRef | undefined, policyId?: string) => {
    if (source?.file === file) located.push(policyId === undefined ? { source } : { source, policyId });
  };
  for (const p of model.policies) add(p.source, `${p.namespace}/${p.name}`);
  for (const p of model.pods) add(p.source);
  for (const w of model.workloads) add(w.source);
  for (const n of model.namespaces) add(n.source);
  for (const o of model.ignored) add(o.source);
  return located;
}

/**
 * The id (`<namespace>/<name>`) of the policy whose text contains the 1-based `line` of `file`:
 * the last object of the cursor's document that starts at or before the line, when it is a
 * policy. Above the first object of a plain document (comments, the `---`), its object counts.
 */
export function policyAtLine(model: ClusterModel, file: string, doc: Lines, line: number): string | undefined {
  const range = documentRangeAt(doc, line);
  const inDocument = objectsIn(model, file)
    .filter((o) => o.source.line >= range.startLine && o.source.line <= range.endLine)
    .sort((a, b) => a.source.line - b.source.line || a.source.column - b.source.column);
  const first = inDocument[0];
  if (!first) return undefined;
  let found: Located | undefined;
  for (const o of inDocument) if (o.source.line <= line) found = o;
  if (!found && !first.source.itemPath) found = first;
  return found?.policyId;
}
