/**
 * Where each node of a document sits in the text: a tree of offsets mirroring the document,
 * built only when a position is needed (an issue, an object inside a List, `locateField`).
 * Offsets are absolute (0-based, end-exclusive). The YAML and JSON builders feed a TreeBuilder.
 */
import type { PathSegment } from './path.ts';

export interface PosNode {
  /** The value node itself. */
  start: number;
  end: number;
  /** The key of the mapping entry holding this node; -1 for the root and sequence items. */
  keyStart: number;
  keyEnd: number;
  keys?: Map<string, PosNode>;
  items?: PosNode[];
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

interface Frame {
  readonly node: PosNode;
  /** Mapping frames: the key waiting for its value (undefined when the next node is a key). */
  key?: { text: string | undefined; start: number; end: number };
  /** A collection used as a mapping key: built, never looked up. */
  readonly detached: boolean;
}

/** Builds a PosNode tree from a stream of leaves and collection open/close calls. */
export class TreeBuilder {
  root: PosNode | undefined;
  private readonly stack: Frame[] = [];

  get depth(): number {
    return this.stack.length;
  }

  /** A scalar (or alias). `start < 0`: an empty value, placed after its key or previous item. */
  leaf(start: number, end: number, keyText: () => string | undefined): void {
    this.attach({ start, end, keyStart: -1, keyEnd: -1 }, keyText);
  }

  open(start: number, kind: 'map' | 'seq'): void {
    const node: PosNode = { start, end: start + 1, keyStart: -1, keyEnd: -1 };
    if (kind === 'seq') node.items = [];
    else node.keys = new Map();
    const top = this.stack[this.stack.length - 1];
    const isKey = !!top && !top.node.items && !top.key;
    if (isKey) top.key = { text: undefined, start, end: start + 1 };
    else this.attach(node, () => undefined);
    this.stack.push({ node, detached: isKey || top?.detached === true });
  }

  /** Close the innermost collection; `end` when its closing bracket is known. */
  close(end?: number): void {
    const done = this.stack.pop();
    if (!done) return;
    if (end !== undefined) extend(done.node, end);
    const parent = this.stack[this.stack.length - 1];
    if (parent) extend(parent.node, done.node.end);
  }

  private attach(node: PosNode, keyText: () => string | undefined): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      if (node.start < 0) node.start = node.end = 0;
      this.root = node;
      return;
    }
    const parent = top.node;
    if (parent.items) {
      if (node.start < 0) node.start = node.end = parent.end;
      extend(parent, node.end);
      if (!top.detached) parent.items.push(node);
      return;
    }
    if (!top.key) {
      top.key = { text: keyText(), start: node.start, end: node.end };
      extend(parent, node.end);
      return;
    }
    node.keyStart = top.key.start;
    node.keyEnd = top.key.end;
    if (node.start < 0) node.start = node.end = top.key.end;
    extend(parent, node.end);
    const text = top.key.text;
    if (text !== undefined && !top.detached && parent.keys && !parent.keys.has(text)) parent.keys.set(text, node);
    top.key = undefined;
  }
}

function extend(node: PosNode, end: number): void {
  if (end > node.end) node.end = end;
}

/** The deepest node along `segments`, and whether the whole path was found. */
export function findNode(root: PosNode, segments: readonly PathSegment[]): { node: PosNode; found: boolean } {
  let node = root;
  for (const seg of segments) {
    const next = typeof seg === 'number' ? node.items?.[seg] : node.keys?.get(seg);
    if (!next) return { node, found: false };
    node = next;
  }
  return { node, found: true };
}

/**
 * The span to point at for `segments`: its key (`target: 'key'`) or its value; when the path
 * does not exist (a missing field), the key (else the value) of the deepest existing ancestor.
 */
export function spanAt(root: PosNode, segments: readonly PathSegment[], target: 'key' | 'value'): Span {
  const { node, found } = findNode(root, segments);
  if ((target === 'key' || !found) && node.keyStart >= 0) return { start: node.keyStart, end: node.keyEnd };
  return { start: node.start, end: Math.max(node.end, node.start) };
}
