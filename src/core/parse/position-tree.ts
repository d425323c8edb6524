/**
 * Where each node of a document sits in the text: a tree of offsets mirroring the document,
 * built only when a position is needed (an issue, an object inside a List, `locateField`).
 * Offsets are absolute (0-based, end-exclusive); -1 means unknown (an empty value).
 */
import { EVENT_ID, getScalarValue, type Event } from 'js-yaml';
import type { PathSegment } from './path.ts';

export interface PosNode {
  /** The value node itself. */
  start: number;
  end: number;
  /** The key of a mapping entry holding this node; -1 for the root and sequence items. */
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
  /** Set for a collection used as a mapping key: it is built and thrown away. */
  readonly detached?: boolean;
}

function newNode(start: number, end: number): PosNode {
  return { start, end, keyStart: -1, keyEnd: -1 };
}

function extend(node: PosNode, end: number): void {
  if (end > node.end) node.end = end;
}

/**
 * The position tree of one document: events[from] is its DOCUMENT event, `source` the text the
 * event offsets refer to, `base` the offset of `source` in the whole file.
 */
export function buildYamlPositions(
  events: readonly Event[],
  from: number,
  to: number,
  source: string,
  base: number,
): PosNode | undefined {
  let root: PosNode | undefined;
  const stack: Frame[] = [];

  // Attach a finished or opened node to its parent; returns false when it is a mapping key.
  const attach = (node: PosNode, keyText: () => string | undefined): boolean => {
    const top = stack[stack.length - 1];
    if (!top) {
      root = node;
      return true;
    }
    const parent = top.node;
    extend(parent, node.end);
    if (parent.items) {
      if (!top.detached) parent.items.push(node);
      return true;
    }
    if (!top.key) {
      top.key = { text: keyText(), start: node.start, end: node.end };
      return false;
    }
    node.keyStart = top.key.start;
    node.keyEnd = top.key.end;
    if (node.start < 0) {
      node.start = top.key.end;
      node.end = top.key.end;
    }
    const text = top.key.text;
    if (text !== undefined && !top.detached && parent.keys && !parent.keys.has(text)) parent.keys.set(text, node);
    top.key = undefined;
    return true;
  };

  for (let i = from + 1; i < to; i++) {
    const ev = events[i] as Event;
    switch (ev.type) {
      case EVENT_ID.SCALAR: {
        const node = newNode(ev.valueStart < 0 ? -1 : ev.valueStart + base, ev.valueEnd < 0 ? -1 : ev.valueEnd + base);
        if (node.start < 0 && ev.anchorStart >= 0) {
          node.start = ev.anchorStart + base - 1;
          node.end = ev.anchorEnd + base;
        }
        attach(node, () => getScalarValue(source, ev));
        break;
      }
      case EVENT_ID.ALIAS:
        attach(newNode(ev.anchorStart + base - 1, ev.anchorEnd + base), () => undefined);
        break;
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING: {
        const node = newNode(ev.start + base, ev.start + base + 1);
        if (ev.type === EVENT_ID.SEQUENCE) node.items = [];
        else node.keys = new Map();
        const top = stack[stack.length - 1];
        const isKey = !!top && !top.node.items && !top.key;
        if (isKey) {
          // A collection as a mapping key: keep the slot filled, but never look it up.
          top.key = { text: undefined, start: node.start, end: node.end };
        } else {
          attach(node, () => undefined);
        }
        stack.push({ node, detached: isKey || top?.detached === true });
        break;
      }
      case EVENT_ID.POP: {
        const done = stack.pop();
        const parent = stack[stack.length - 1];
        if (done && parent) extend(parent.node, done.node.end);
        if (stack.length === 0) return root;
        break;
      }
      case EVENT_ID.DOCUMENT:
        return root;
    }
  }
  return root;
}

/** The deepest node along `segments`, and whether the whole path was found. */
export function findNode(
  root: PosNode,
  segments: readonly PathSegment[],
): { node: PosNode; found: boolean } {
  let node = root;
  for (const seg of segments) {
    const next = typeof seg === 'number' ? node.items?.[seg] : node.keys?.get(seg);
    if (!next) return { node, found: false };
    node = next;
  }
  return { node, found: true };
}

/**
 * The span to point at for `segments`: its key (`target: 'key'`) or value; when the path does
 * not exist (a missing field), the key of the deepest existing ancestor.
 */
export function spanAt(root: PosNode, segments: readonly PathSegment[], target: 'key' | 'value'): Span {
  const { node, found } = findNode(root, segments);
  const preferKey = target === 'key' || !found || node.start < 0;
  if (preferKey && node.keyStart >= 0) return { start: node.keyStart, end: node.keyEnd };
  return { start: Math.max(node.start, 0), end: Math.max(node.end, node.start, 0) };
}
