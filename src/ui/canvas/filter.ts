/**
 * Search and focus on the canvas, applied to a built graph (cheap: no evaluation), so typing in
 * the search box never rebuilds the graph. Pure.
 *
 * Search terms (separated by spaces, all must hold; case-insensitive):
 * - `app=web`: the workload has the label app with the value web;
 * - `ns:shop` (or `namespace:shop`): the workload is in namespace shop;
 * - any other word, e.g. `app` or `front`: a label key equal to it, or a workload or namespace
 *   name containing it.
 * External address sets match a word their addresses contain (`10.0`).
 * A collapsed namespace matches when one of its workloads does, and shows how many do.
 *
 * Highlight dims what does not match; "only matches" hides it (and the flows to it).
 * Focus keeps one node, its peers (the other ends of its allowed, half-open or drawn flows) and
 * their namespaces, and only the flows between the node and its peers; nothing else.
 */
import type { Workload } from '../../core/index.ts';
import type { CanvasSearch } from '../store/view-slice.ts';
import type { CanvasGraph, CanvasNode, FlowEdge } from './types.ts';

export type SearchTerm =
  | { readonly kind: 'label'; readonly key: string; readonly value: string }
  | { readonly kind: 'namespace'; readonly name: string }
  | { readonly kind: 'word'; readonly word: string };

export function parseSearch(text: string): SearchTerm[] {
  return text
    .trim()
    .split(/\s+/)
    .filter((t) => t !== '')
    .map((term): SearchTerm => {
      const lower = term.toLowerCase();
      const ns = /^(?:ns|namespace):(.*)$/.exec(lower);
      if (ns) return { kind: 'namespace', name: ns[1] ?? '' };
      const eq = lower.indexOf('=');
      if (eq > 0) return { kind: 'label', key: lower.slice(0, eq), value: lower.slice(eq + 1) };
      return { kind: 'word', word: lower };
    });
}

/** What search looks at in a workload. */
export interface SearchableWorkload {
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
}

function termHolds(term: SearchTerm, w: SearchableWorkload): boolean {
  switch (term.kind) {
    case 'namespace':
      return w.namespace.toLowerCase() === term.name;
    case 'label':
      return Object.entries(w.labels).some(([k, v]) => k.toLowerCase() === term.key && v.toLowerCase() === term.value);
    case 'word':
      return (
        w.name.toLowerCase().includes(term.word) ||
        w.namespace.toLowerCase().includes(term.word) ||
        Object.keys(w.labels).some((k) => k.toLowerCase() === term.word)
      );
  }
}

export function matchesWorkload(terms: readonly SearchTerm[], w: SearchableWorkload): boolean {
  return terms.every((t) => termHolds(t, w));
}

export function searchableWorkloads(workloads: readonly Workload[]): SearchableWorkload[] {
  return workloads.map((w) => ({ id: w.id, namespace: w.namespace, name: w.name, labels: w.labels }));
}

export interface CanvasFilter {
  readonly search: CanvasSearch;
  /** The node in focus, if any. */
  readonly focus: string | undefined;
}

export interface FilteredGraph {
  readonly graph: CanvasGraph;
  /** Ids of the nodes on the canvas that match the search, in drawing order (empty without a search). */
  readonly matches: readonly string[];
  /** Matching workloads inside collapsed namespaces (not on the canvas themselves). */
  readonly hiddenMatches: number;
  /** Whether the focused node is on the canvas. */
  readonly focused: boolean;
}

function withNode(node: CanvasNode, hidden: boolean, dim: boolean, matches?: number): CanvasNode {
  if (!hidden && !dim && matches === undefined) return node;
  const data = { ...node.data, ...(dim ? { emphasis: 'dim' as const } : {}), ...(matches !== undefined ? { matches } : {}) };
  return { ...node, ...(hidden ? { hidden: true } : {}), data } as CanvasNode;
}

function withEdge(edge: FlowEdge, hidden: boolean, dim: boolean): FlowEdge {
  if (!hidden && !dim) return edge;
  return { ...edge, ...(hidden ? { hidden: true } : {}), ...(dim && edge.data ? { data: { ...edge.data, emphasis: 'dim' as const } } : {}) };
}

/** The nodes focus keeps: the node, its peers, and the namespaces around them. */
function focusSet(graph: CanvasGraph, id: string): { nodes: Set<string>; edges: Set<string> } | undefined {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  if (!byId.has(id)) return undefined;
  const nodes = new Set([id]);
  const edges = new Set<string>();
  for (const edge of graph.edges) {
    if (edge.source !== id && edge.target !== id) continue;
    // Peers are what it may talk to (or what a side explicitly allows, or what the user drew).
    if (edge.data && edge.data.verdict !== 'allowed' && !edge.data.halfOpen && !edge.data.drawnDenied) continue;
    edges.add(edge.id);
    nodes.add(edge.source);
    nodes.add(edge.target);
  }
  for (const nodeId of [...nodes]) {
    const parent = byId.get(nodeId)?.parentId;
    if (parent) nodes.add(parent);
  }
  return { nodes, edges };
}

export function filterGraph(graph: CanvasGraph, workloads: readonly SearchableWorkload[], filter: CanvasFilter): FilteredGraph {
  const terms = parseSearch(filter.search.text);
  const focus = filter.focus === undefined ? undefined : focusSet(graph, filter.focus);
  if (terms.length === 0 && !focus) return { graph, matches: [], hiddenMatches: 0, focused: false };

  const matched = new Set<string>();
  const perNamespace = new Map<string, number>();
  if (terms.length > 0) {
    for (const w of workloads) {
      if (!matchesWorkload(terms, w)) continue;
      matched.add(w.id);
      perNamespace.set(w.namespace, (perNamespace.get(w.namespace) ?? 0) + 1);
    }
  }
  const words = terms.every((t) => t.kind === 'word') ? terms : [];
  const nodeMatches = (node: CanvasNode): boolean => {
    if (terms.length === 0) return true;
    switch (node.type) {
      case 'workload':
        return matched.has(node.id);
      case 'namespaceSummary':
        return (perNamespace.get(node.data.name) ?? 0) > 0;
      case 'namespace':
        return false; // shown when one of its workloads is
      case 'external':
        return words.length > 0 && words.every((t) => t.kind === 'word' && node.data.label.toLowerCase().includes(t.word));
    }
  };
  const only = filter.search.mode === 'only';
  const shown = new Set<string>();
  const matches: string[] = [];
  let hiddenMatches = 0;
  for (const node of graph.nodes) {
    if (focus && !focus.nodes.has(node.id)) continue;
    if (node.type === 'namespace') continue;
    if (nodeMatches(node)) {
      shown.add(node.id);
      if (terms.length > 0) matches.push(node.id);
      if (node.type === 'namespaceSummary') hiddenMatches += perNamespace.get(node.data.name) ?? 0;
      if (node.parentId) shown.add(node.parentId);
    }
  }
  // A namespace group stays when it matches by name, even with none of its workloads shown.
  const nodes = graph.nodes.map((node) => {
    const inFocus = !focus || focus.nodes.has(node.id);
    const visible = inFocus && (shown.has(node.id) || !only);
    const dim = inFocus && !shown.has(node.id) && !only && terms.length > 0;
    const count = node.type === 'namespaceSummary' && terms.length > 0 ? (perNamespace.get(node.data.name) ?? 0) : undefined;
    return withNode(node, !visible, dim, count);
  });
  const visibleIds = new Set(nodes.filter((n) => !n.hidden).map((n) => n.id));
  const edges = graph.edges.map((edge) => {
    const inFocus = !focus || focus.edges.has(edge.id);
    const visible = inFocus && visibleIds.has(edge.source) && visibleIds.has(edge.target);
    const dim = terms.length > 0 && !(shown.has(edge.source) && shown.has(edge.target));
    return withEdge(edge, !visible, visible && dim);
  });
  return { graph: { ...graph, nodes, edges }, matches, hiddenMatches, focused: focus !== undefined };
}
