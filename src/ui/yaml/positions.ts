/**
 * Line/column (1-based, as the core reports them) to and from CodeMirror document offsets.
 * Positions outside the text are clamped to it: issues may name a line the user just deleted.
 */
import type { Text } from '@codemirror/state';

export interface TextRange {
  readonly from: number;
  readonly to: number;
}

/** The offset of a 1-based line and column, clamped to the document. */
export function offsetOf(doc: Text, line: number, column: number): number {
  const info = doc.line(Math.min(Math.max(1, Math.trunc(line) || 1), doc.lines));
  return info.from + Math.min(Math.max(0, (Math.trunc(column) || 1) - 1), info.length);
}

/** The 1-based line and column of an offset. */
export function lineColumnOf(doc: Text, offset: number): { readonly line: number; readonly column: number } {
  const info = doc.lineAt(Math.min(Math.max(0, offset), doc.length));
  return { line: info.number, column: offset - info.from + 1 };
}

/** The end of a 1-based line (clamped to the document). */
export function lineEndOf(doc: Text, line: number): number {
  return doc.line(Math.min(Math.max(1, Math.trunc(line) || 1), doc.lines)).to;
}
