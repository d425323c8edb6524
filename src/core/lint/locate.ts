/**
 * Findings → warnings: each gets the file, line and column of the field it is about, looked up in
 * the text when the files are given (as import issues are), else the object's own position.
 *
 * Only the documents that have findings are read again for positions: a YAML file is cut at its
 * `---` lines (YAML forbids them inside a document), and the one document holding the object is
 * parsed on its own, so the cost follows the documents with warnings, not the size of the files.
 */
import { policyId } from '../evaluate/compile.ts';
import { locateField, type SourceRange } from '../parse/locate.ts';
import { lineStarts } from '../parse/text-index.ts';
import type { ManifestFile } from '../parse/types.ts';
import type { SourceRef } from '../model/types.ts';
import type { LintFinding, LintWarning } from './types.ts';

/** `---` alone or followed by a blank: a document marker (not `----` or `---x`). */
const MARKER = /^---(?:[ \t\r\n]|$)/;

/** A file's line starts and the 1-based lines of its `---` markers, computed on first use. */
interface FileLines {
  readonly file: ManifestFile;
  readonly starts: readonly number[];
  readonly markers: readonly number[];
}

function fileLines(file: ManifestFile): FileLines {
  const starts = lineStarts(file.text);
  const markers: number[] = [];
  starts.forEach((start, i) => {
    if (file.text.startsWith('---', start) && MARKER.test(file.text.slice(start, start + 4))) markers.push(i + 1);
  });
  return { file, starts, markers };
}

/** The document holding `line`, as its own text, with the number of lines before it. */
function documentAt(lines: FileLines, line: number): { text: string; before: number } {
  let from = 1;
  let to = lines.starts.length + 1;
  for (const marker of lines.markers) {
    if (marker <= line) from = marker;
    else {
      to = marker;
      break;
    }
  }
  const start = lines.starts[from - 1] ?? 0;
  const end = lines.starts[to - 1] ?? lines.file.text.length;
  return { text: lines.file.text.slice(start, end), before: from - 1 };
}

function joinPath(itemPath: string | undefined, path: string): string {
  if (!itemPath) return path;
  return path === '' ? itemPath : `${itemPath}.${path}`;
}

function sourceOf(finding: LintFinding): SourceRef | undefined {
  return finding.policy?.source ?? finding.at;
}

function locate(lines: FileLines | undefined, source: SourceRef, path: string): SourceRange | undefined {
  if (!lines) return undefined;
  const fullPath = joinPath(source.itemPath, path);
  // JSON texts are one document and their own syntax: read whole.
  if (/^\s*[[{]/.test(lines.file.text)) return locateField(lines.file, source.documentIndex, fullPath);
  const doc = documentAt(lines, source.line);
  const range = locateField({ name: lines.file.name, text: doc.text }, 0, fullPath);
  if (!range) return undefined;
  return {
    file: lines.file.name,
    line: range.line + doc.before,
    column: range.column,
    ...(range.endLine !== undefined ? { endLine: range.endLine + doc.before } : {}),
    ...(range.endColumn !== undefined ? { endColumn: range.endColumn } : {}),
  };
}

export function locateFindings(findings: readonly LintFinding[], files: readonly ManifestFile[] | undefined): LintWarning[] {
  const byName = new Map((files ?? []).map((f) => [f.name, f]));
  const linesOf = new Map<string, FileLines>();
  const lines = (name: string): FileLines | undefined => {
    const file = byName.get(name);
    if (!file) return undefined;
    let found = linesOf.get(name);
    if (!found) linesOf.set(name, (found = fileLines(file)));
    return found;
  };
  // Findings of one document one after the other, so its positions are built once.
  const order = findings.map((f, i) => ({ f, i, source: sourceOf(f) }));
  order.sort((a, b) => {
    const fa = a.source?.file ?? '';
    const fb = b.source?.file ?? '';
    return fa < fb ? -1 : fa > fb ? 1 : (a.source?.line ?? 0) - (b.source?.line ?? 0) || a.i - b.i;
  });
  const warnings = order.map(({ f, source }): LintWarning => {
    // A policy finding points at its field; a workload finding at the object's name.
    const path = f.policy ? (f.path ?? '') : 'metadata.name';
    const range = source ? locate(lines(source.file), source, path) : undefined;
    const where = range ?? { file: source?.file ?? '', line: source?.line ?? 1, column: source?.column ?? 1 };
    return {
      code: f.code,
      severity: 'warning',
      message: f.message,
      fix: f.fix,
      file: where.file,
      line: where.line,
      column: where.column,
      ...(range?.endLine !== undefined ? { endLine: range.endLine } : {}),
      ...(range?.endColumn !== undefined ? { endColumn: range.endColumn } : {}),
      ...(f.policy && f.path ? { path: f.path } : {}),
      ...(f.policy ? { policy: policyId(f.policy) } : {}),
      ...(f.pods ? { pods: f.pods } : {}),
    };
  });
  return warnings.sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
