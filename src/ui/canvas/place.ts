/**
 * Where each node goes: where the user dragged it, else where the layout put it. Namespace groups
 * take the layout's size, grown to hold children the user dragged. Nodes the layout has not
 * placed yet (it runs asynchronously) stay hidden until it has.
 */
import type { Layout } from './layout.ts';
import { NAMESPACE_PADDING } from './sizes.ts';
import type { CanvasNode } from './types.ts';

export type Positions = Readonly<Record<string, { readonly x: number; readonly y: number }>>;

export function placeNodes(nodes: readonly CanvasNode[], layout: Layout | undefined, dragged: Positions): CanvasNode[] {
  const placed = nodes.map((node): CanvasNode => {
    const box = layout?.get(node.id);
    if (!box) return { ...node, hidden: true };
    const position = dragged[node.id] ?? { x: box.x, y: box.y };
    if (node.type === 'namespace') return { ...node, position, width: box.width, height: box.height };
    return { ...node, position };
  });
  // Grow each group around its children (the user may have dragged them towards an edge).
  const extent = new Map<string, { right: number; bottom: number }>();
  for (const node of placed) {
    if (node.hidden || !node.parentId) continue;
    const right = node.position.x + (node.width ?? 0) + NAMESPACE_PADDING;
    const bottom = node.position.y + (node.height ?? 0) + NAMESPACE_PADDING;
    const seen = extent.get(node.parentId);
    extent.set(node.parentId, { right: Math.max(right, seen?.right ?? 0), bottom: Math.max(bottom, seen?.bottom ?? 0) });
  }
  return placed.map((node) => {
    const needed = extent.get(node.id);
    if (!needed || node.type !== 'namespace') return node;
    const width = Math.max(node.width ?? 0, needed.right);
    const height = Math.max(node.height ?? 0, needed.bottom);
    return width === node.width && height === node.height ? node : { ...node, width, height };
  });
}


/** Fields React Flow adds to the nodes it is given (sizes it measured, drag state). */
const RUNTIME_FIELDS = new Set(['measured', 'dragging', 'resizing', 'internals']);

/** A node's description without React Flow's runtime fields: equal keys, same drawing. */
export function nodeKey(node: CanvasNode): string {
  return JSON.stringify(node, (key, value: unknown) => (RUNTIME_FIELDS.has(key) ? undefined : value));
}

/**
 * The next nodes, keeping the current object of every node whose description did not change
 * (memoised node components then skip rendering) and React Flow's `measured` on the others.
 */
export function mergeNodes(current: readonly CanvasNode[], next: readonly CanvasNode[]): CanvasNode[] {
  const before = new Map(current.map((node) => [node.id, node]));
  return next.map((node) => {
    const old = before.get(node.id);
    if (!old) return node;
    if (nodeKey(old) === nodeKey(node)) return old;
    // A namespace collapsed or expanded keeps its id but not its size.
    return old.measured && old.type === node.type ? ({ ...node, measured: old.measured } as CanvasNode) : node;
  });
}
