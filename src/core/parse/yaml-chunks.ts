/**
 * Split a YAML text at its `---` document markers, so each piece can be parsed alone. A marker
 * is `---` at the start of a line followed by a space, a tab or the line end; YAML forbids that
 * inside scalars, so the split is faithful. Directive lines (`%YAML`, `%TAG`) just before a
 * marker go with the document they introduce.
 */

export interface Chunk {
  readonly text: string;
  /** Offset of the chunk in the whole text. */
  readonly offset: number;
}

const MARKER = /^---(?=[ \t]|\r?$)/gm;

/** Move a split point up over the directive lines that precede it. */
function includeDirectives(text: string, at: number, floor: number): number {
  let split = at;
  let lineEnd = at - 1; // the '\n' ending the previous line
  while (lineEnd > floor) {
    const lineStart = text.lastIndexOf('\n', lineEnd - 1) + 1;
    if (lineStart < floor || text.charCodeAt(lineStart) !== 0x25 /* % */) break;
    split = lineStart;
    lineEnd = lineStart - 1;
  }
  return split;
}

export function splitYamlChunks(text: string): Chunk[] {
  const points: number[] = [];
  let floor = 0;
  for (const m of text.matchAll(MARKER)) {
    if (m.index === 0) continue;
    const at = includeDirectives(text, m.index, floor);
    if (at > floor) points.push(at);
    floor = m.index;
  }
  const chunks: Chunk[] = [];
  let start = 0;
  for (const p of points) {
    chunks.push({ text: text.slice(start, p), offset: start });
    start = p;
  }
  chunks.push({ text: text.slice(start), offset: start });
  return chunks;
}
