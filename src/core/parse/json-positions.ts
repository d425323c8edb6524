/**
 * Position tree of a JSON text that JSON.parse already accepted (so it is well formed): a
 * single iterative scan, no recursion, so any nesting depth is fine.
 */
import { TreeBuilder, type PosNode } from './position-tree.ts';

const isDelimiter = (c: number): boolean =>
  c === 0x2c || c === 0x5d || c === 0x7d || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** End (exclusive) of the string literal starting at `start` (its opening quote). */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0) return text.length;
    let backslashes = 0;
    for (let j = q - 1; j > start && text.charCodeAt(j) === 0x5c; j--) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    i = q + 1;
  }
}

export function buildJsonPositions(text: string): PosNode | undefined {
  const b = new TreeBuilder();
  const n = text.length;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) {
      b.open(i, c === 0x7b ? 'map' : 'seq');
      i++;
    } else if (c === 0x7d || c === 0x5d) {
      b.close(i + 1);
      i++;
      if (b.depth === 0) break;
    } else if (c === 0x22) {
      const end = stringEnd(text, i);
      const start = i;
      b.leaf(start, end, () => {
        const raw = text.slice(start, end);
        return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      });
      i = end;
    } else if (c === 0x2c || c === 0x3a || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff) {
      i++;
    } else {
      const start = i;
      while (i < n && !isDelimiter(text.charCodeAt(i))) i++;
      const end = i;
      b.leaf(start, end, () => text.slice(start, end));
      if (b.depth === 0) break;
    }
  }
  return b.root;
}
