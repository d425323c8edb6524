/**
 * locateField: where a field of a document is in its file, for the UI to highlight a rule or
 * a peer. The path is relative to the document (an object inside a List starts with its
 * itemPath: `items[2].spec.ingress[0]`). The last file's documents are cached, so hovering
 * over rules does not parse the text again.
 */
import type { SourcePosition } from '../model/types.ts';
import { readDocuments, type RawDocument } from './documents.ts';
import { parsePath } from './path.ts';
import { findNode } from './position-tree.ts';
import { LineIndex } from './text-index.ts';
import type { ManifestFile } from './types.ts';

/** A position with the end of the node, when known. */
export interface SourceRange extends SourcePosition {
  readonly endLine?: number;
  readonly endColumn?: number;
}

let cache: { text: string; documents: RawDocument[]; lines: LineIndex } | undefined;

function documentsOf(text: string): { documents: RawDocument[]; lines: LineIndex } {
  if (cache?.text !== text) {
    cache = { text, documents: readDocuments(text, { construct: false }).documents, lines: new LineIndex(text) };
  }
  return cache;
}

/**
 * The position of the node at `path` ('' for the document itself): of its key for a mapping
 * entry, of the item for a sequence entry. Undefined when the document or the path does not
 * exist, or the document could not be parsed.
 */
export function locateField(file: ManifestFile, documentIndex: number, path: string): SourceRange | undefined {
  try {
    const segments = parsePath(path);
    if (!segments) return undefined;
    const { documents, lines } = documentsOf(file.text);
    const doc = documents.find((d) => d.index === documentIndex);
    const root = doc?.ok ? doc.positions() : undefined;
    if (!root) return undefined;
    const { node, found } = findNode(root, segments);
    if (!found) return undefined;
    const start = node.keyStart >= 0 ? node.keyStart : node.start;
    const from = lines.position(start);
    const to = lines.position(Math.max(node.end, start));
    return { file: file.name, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  } catch {
    return undefined;
  }
}
