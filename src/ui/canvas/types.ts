/**
 * The typed node and edge union of the canvas. Node and edge data hold ids into the model plus
 * the display strings the adapter (graph.ts) derived from core values; never model objects.
 *
 * Data types are type aliases (not interfaces) so that they satisfy React Flow's
 * `Record<string, unknown>` constraint.
 *
 * Node ids: a workload's id (`<namespace>/<name>`), `ns:<namespace>` for a namespace group,
 * `ext:<address set>` for external addresses (see external.ts). Edge ids: `<source>-><target>`.
 */
import type { Edge, Node } from '@xyflow/react';
import type { Direction } from '../../core/index.ts';

/** Whether a workload's side is isolated, in the words of the badges. */
export interface IsolationBadge {
  readonly direction: Direction;
  readonly isolated: boolean;
  /** Ids (`ns/name`) of the policies that select the workload's pods for this direction. */
  readonly policies: readonly string[];
  /** `ingress: default allow`, `egress: default deny (2 policies)` */
  readonly text: string;
}

/** How the current policy selection touches an element: emphasised, dimmed, or not at all. */
export type Emphasis = 'highlight' | 'dim' | undefined;

export type WorkloadNodeData = {
  readonly workloadId: string;
  readonly namespace: string;
  readonly name: string;
  /** `Deployment ×3`, `Pod` */
  readonly kindText: string;
  /** `app=frontend` */
  readonly labels: readonly string[];
  /** `http 8080/TCP` */
  readonly ports: readonly string[];
  /** The chips as drawn: packed into rows (sizes.ts), with a `+N` chip for the rest. */
  readonly labelRows: readonly (readonly string[])[];
  readonly portRows: readonly (readonly string[])[];
  readonly ingress: IsolationBadge;
  readonly egress: IsolationBadge;
  /** Invented from policy selectors (no workload was pasted). */
  readonly inferred: boolean;
  readonly emphasis: Emphasis;
  /** Lint warnings about this workload's traffic, one line each (lint-marks.ts); absent when none. */
  readonly lint?: readonly string[];
};

export type NamespaceNodeData = {
  readonly name: string;
  /** `team=payments`; the automatic `kubernetes.io/metadata.name` is left out. */
  readonly labels: readonly string[];
  /** False when only referenced by a pod, workload or policy. */
  readonly declared: boolean;
  readonly emphasis: Emphasis;
};

export type ExternalNodeData = {
  /** `8.8.8.8/32`, `0.0.0.0/0 except 10.0.0.0/8`, or `anywhere`. */
  readonly label: string;
  /** One address of the set, to ask the evaluator with (`0.0.0.0` for anywhere). */
  readonly sampleIp: string;
  /** `IPv4`, `IPv6`, or `IPv4 and IPv6` */
  readonly familyText: string;
  readonly emphasis: Emphasis;
};

/** A collapsed namespace (collapse.ts): one node standing for all its workloads and their pods. */
export type NamespaceSummaryData = {
  readonly name: string;
  readonly labels: readonly string[];
  readonly declared: boolean;
  readonly workloads: number;
  readonly pods: number;
  /** How many of its workloads policies isolate, per direction. */
  readonly ingressIsolated: number;
  readonly egressIsolated: number;
  /** `3 of 12 isolated` per direction, in words. */
  readonly isolationText: string;
  /** Workloads matching the canvas search (filter.ts); undefined when nothing is searched. */
  readonly matches?: number;
  readonly emphasis: Emphasis;
};

export type WorkloadNode = Node<WorkloadNodeData, 'workload'>;
export type NamespaceNode = Node<NamespaceNodeData, 'namespace'>;
export type NamespaceSummaryNode = Node<NamespaceSummaryData, 'namespaceSummary'>;
export type ExternalNode = Node<ExternalNodeData, 'external'>;
export type CanvasNode = WorkloadNode | NamespaceNode | NamespaceSummaryNode | ExternalNode;

export type Verdict = 'allowed' | 'denied';

export type FlowEdgeData = {
  readonly verdict: Verdict;
  /** Denied, and one side explicitly allows while the other denies. */
  readonly halfOpen: boolean;
  /** The sides refusing a half-open flow (also set on allowed flows with half-open ports). */
  readonly refusing?: readonly Direction[];
  /** Short text drawn on the edge: `TCP 5432`, `all ports`, `✗ denied`, `⚠ half-open: ingress denies`. */
  readonly label: string;
  /** The label where the full one finds no room: `⚠`, `✗`, or the ports alone. */
  readonly compactLabel: string;
  /** Longer explanation for the tooltip. */
  readonly title: string;
  /** No policy isolates either side: allowed by default, drawn lighter (and hidden in a crowd). */
  readonly open: boolean;
  /** The opposite flow of the pair is drawn too (the two are drawn apart). */
  readonly twoWay: boolean;
  readonly emphasis: Emphasis;
  /** Drawn by the user, but the policies deny it (the reasons are in `title`). */
  readonly drawnDenied?: boolean;
  /** Allowed by a policy, but never drawn (while the user draws). */
  readonly undrawn?: boolean;
  /**
   * Compared with a baseline or the previous guide step (change-overlay.ts): the flow gained
   * connections (`added`), lost some but keeps others (`changed`), or lost them all (`removed`;
   * a `ghost` when the canvas would no longer draw it).
   */
  readonly change?: FlowChangeMark;
  readonly ghost?: boolean;
  /** A flow gathered from a collapsed namespace's workloads (collapse.ts). */
  readonly aggregate?: FlowAggregate;
  /** A painted flow under the pointer, drawn as an SVG edge (layer/): its label shows at any zoom. */
  readonly hovered?: boolean;
};

/**
 * Flows between the workloads behind two nodes, one of them (at least) a collapsed namespace:
 * how many ordered workload pairs there are, how many of them may connect on some port.
 */
export interface FlowAggregate {
  readonly pairs: number;
  readonly allowedPairs: number;
  /** allowed: every pair may connect; partial: some; denied: none. */
  readonly coverage: 'allowed' | 'partial' | 'denied';
}

export type FlowChangeMark = 'added' | 'removed' | 'changed';

export type FlowEdge = Edge<FlowEdgeData, 'flow'>;

export interface CanvasGraph {
  readonly nodes: readonly CanvasNode[];
  readonly edges: readonly FlowEdge[];
  /** Flows between two default-allow sides: how many, and whether they were left out. */
  readonly openFlows: { readonly count: number; readonly hidden: boolean };
}
