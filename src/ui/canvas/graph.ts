/**
 * The adapter from core values to React Flow: (analysis, workload matrix, view) → nodes and
 * edges. Pure: no React, no store, no DOM, so it is unit-tested on the scenarios. Positions are
 * left at the origin; the layout (layout.ts) and the user's drags decide them (place.ts).
 *
 * Every flow edge carries `domAttributes` (`data-verdict`, and `data-half-open="true"` on
 * half-open denied flows) that React Flow spreads onto the edge's wrapper `<g>`, the element with
 * `data-testid="rf__edge-<id>"`; see FlowEdge.tsx.
 */
import { METADATA_NAME_LABEL, type ReachabilityMatrix } from '../../core/index.ts';
import { externalFlows, flowEdgeId, podFlows, type FlowSpec, type FlowView } from './flows.ts';
import { focusOnPolicy, type PolicyFocus } from './focus.ts';
import type { ExternalSet } from './external.ts';
import { lintByWorkload } from './lint-marks.ts';
import { CARD_Z, EXTERNAL_HEIGHT, EXTERNAL_WIDTH, WORKLOAD_WIDTH, workloadHeight, workloadRows } from './sizes.ts';
import type {
  CanvasGraph,
  CanvasNode,
  Emphasis,
  ExternalNode,
  FlowEdge,
  NamespaceNode,
  WorkloadNode,
} from './types.ts';
import { describeUnits, type CanvasSource, type UnitInfo } from './units.ts';

export type { CanvasSource } from './units.ts';
export type CanvasView = FlowView;
export { flowEdgeId, OPEN_FLOW_LIMIT } from './flows.ts';
export { externalNodeId, isExternalNodeId, ANYWHERE_ID } from './external.ts';

export function namespaceNodeId(name: string): string {
  return `ns:${name}`;
}

const ORIGIN = { x: 0, y: 0 } as const;

export function labelChips(labels: Readonly<Record<string, string>>): string[] {
  return Object.entries(labels)
    .filter(([key]) => key !== METADATA_NAME_LABEL)
    .map(([key, value]) => (value === '' ? key : `${key}=${value}`));
}

export function nodeEmphasis(focus: PolicyFocus | undefined, id: string): Emphasis {
  if (!focus) return undefined;
  if (focus.selected.has(id)) return 'highlight';
  return focus.ends.has(id) ? undefined : 'dim';
}

export function isSelectedNode(view: CanvasView, id: string): boolean {
  return view.selection?.kind === 'node' && view.selection.id === id;
}

export function workloadNode(source: CanvasSource, unit: UnitInfo, view: CanvasView, focus: PolicyFocus | undefined): WorkloadNode {
  const workload = unit.workload;
  const kind = workload?.kind ?? 'Pod';
  const replicas = workload?.replicas ?? 1;
  const labels = labelChips(workload?.labels ?? unit.endpoint?.labels ?? {});
  const ports = (workload?.ports ?? unit.endpoint?.ports ?? []).map(
    (p) => `${p.name ? `${p.name} ` : ''}${p.containerPort}/${p.protocol}`,
  );
  const inferred = Boolean(workload?.inferred) || source.model.inferredPods;
  const rows = workloadRows(labels, ports);
  const name = workload?.name ?? unit.id;
  const kindText = kind === 'Pod' ? 'Pod' : `${kind} ×${replicas}`;
  const lint = lintByWorkload(source.model, source.lint).get(unit.id);
  return {
    id: unit.id,
    type: 'workload',
    parentId: namespaceNodeId(unit.namespace),
    extent: 'parent',
    position: ORIGIN,
    width: WORKLOAD_WIDTH,
    height: workloadHeight(rows, inferred),
    selected: isSelectedNode(view, unit.id),
    ariaLabel: `${kindText} ${unit.id}; ${unit.ingress.text}; ${unit.egress.text}${inferred ? '; inferred from selectors' : ''}`,
    data: {
      workloadId: unit.id,
      namespace: unit.namespace,
      name,
      kindText,
      labels,
      ports,
      labelRows: rows.labelRows,
      portRows: rows.portRows,
      ingress: unit.ingress,
      egress: unit.egress,
      inferred,
      emphasis: nodeEmphasis(focus, unit.id),
      ...(lint ? { lint } : {}),
    },
  };
}

export function externalNode(set: ExternalSet, view: CanvasView, focus: PolicyFocus | undefined): ExternalNode {
  return {
    id: set.id,
    type: 'external',
    position: ORIGIN,
    zIndex: CARD_Z,
    width: EXTERNAL_WIDTH,
    height: EXTERNAL_HEIGHT,
    selected: isSelectedNode(view, set.id),
    ariaLabel: `External addresses: ${set.label}`,
    data: { label: set.label, sampleIp: set.sampleIp, familyText: set.familyText, emphasis: nodeEmphasis(focus, set.id) },
  };
}

export function flowEdge(spec: FlowSpec, view: CanvasView, focus: PolicyFocus | undefined, drawn: ReadonlySet<string>): FlowEdge {
  const { data } = spec;
  const emphasis: Emphasis = focus ? (focus.flows.has(spec.id) ? 'highlight' : 'dim') : undefined;
  const domAttributes: Record<string, string> = { 'data-verdict': data.verdict };
  if (data.halfOpen) domAttributes['data-half-open'] = 'true';
  const selected = view.selection?.kind === 'flow' && view.selection.source === spec.source && view.selection.target === spec.target;
  if (selected) domAttributes['data-selected'] = 'true';
  return {
    id: spec.id,
    source: spec.source,
    target: spec.target,
    type: 'flow',
    selected,
    ariaLabel: `Flow ${spec.source} to ${spec.target}: ${data.verdict}${data.halfOpen ? ', half-open' : ''}; ${data.label}`,
    domAttributes,
    data: { ...data, twoWay: drawn.has(flowEdgeId(spec.target, spec.source)), emphasis },
  };
}

/**
 * Nodes (namespace groups, each followed by its workloads, then external sets) and flow edges
 * for a matrix of workload granularity.
 */
export function buildCanvasGraph(source: CanvasSource, matrix: ReachabilityMatrix, view: CanvasView): CanvasGraph {
  const units = describeUnits(source, matrix);
  const pods = podFlows(matrix, units, view);
  const external = externalFlows(matrix, units, view);
  const flows = [...pods.flows, ...external.flows];
  const focus =
    view.selection?.kind === 'policy'
      ? focusOnPolicy(source, matrix, units, external.sets, flows, view.selection.id)
      : undefined;

  const byNamespace = new Map<string, UnitInfo[]>();
  for (const unit of units) byNamespace.set(unit.namespace, [...(byNamespace.get(unit.namespace) ?? []), unit]);
  const namespaceOrder = [
    ...source.model.namespaces.map((ns) => ns.name).filter((name) => byNamespace.has(name)),
    ...[...byNamespace.keys()].filter((name) => !source.model.namespaces.some((ns) => ns.name === name)),
  ];

  const nodes: CanvasNode[] = [];
  for (const name of namespaceOrder) {
    const namespace = source.model.namespaces.find((ns) => ns.name === name);
    const members = byNamespace.get(name) ?? [];
    const id = namespaceNodeId(name);
    const dimmed = focus !== undefined && members.every((u) => nodeEmphasis(focus, u.id) === 'dim');
    const group: NamespaceNode = {
      id,
      type: 'namespace',
      position: ORIGIN,
      selected: isSelectedNode(view, id),
      ariaLabel: `Namespace ${name}`,
      data: {
        name,
        labels: labelChips(namespace?.labels ?? {}),
        declared: namespace?.declared ?? false,
        emphasis: dimmed ? 'dim' : undefined,
      },
    };
    nodes.push(group, ...members.map((unit) => workloadNode(source, unit, view, focus)));
  }
  nodes.push(...external.sets.map((set) => externalNode(set, view, focus)));

  const drawn = new Set(flows.map((f) => f.id));
  return { nodes, edges: flows.map((spec) => flowEdge(spec, view, focus, drawn)), openFlows: pods.openFlows };
}
