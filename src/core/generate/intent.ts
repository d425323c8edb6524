/**
 * What the user drew: flows ("allow this traffic") between workloads and external addresses,
 * the settings that turn them into NetworkPolicies, and the problems found on the way.
 * A flow is always a connection-initiation direction (replies are implicit).
 */
import type { LabelSelector, NetworkPolicy, NetworkPolicyPort, Severity } from '../model/types.ts';

/**
 * One end of a drawn flow: a workload of the model (by id, `<namespace>/<name>`), an address
 * block outside the cluster (`cidr` minus `except`, a bare address reads as /32 or /128), or
 * anywhere (every IPv4 and IPv6 address).
 */
export type FlowEnd =
  | { readonly kind: 'workload'; readonly id: string }
  | { readonly kind: 'ipBlock'; readonly cidr: string; readonly except?: readonly string[] }
  | { readonly kind: 'anywhere' };

/**
 * The ports of a flow: the destination's declared container ports (the default), all ports,
 * or custom entries as in a NetworkPolicy (protocol defaults to TCP; `port` a number, a
 * number with `endPort`, or the name of a destination container port; no `port`: every port
 * of the protocol).
 */
export type PortIntent =
  | { readonly kind: 'declared' }
  | { readonly kind: 'all' }
  | { readonly kind: 'custom'; readonly entries: readonly NetworkPolicyPort[] };

export interface FlowIntent {
  readonly source: FlowEnd;
  readonly destination: FlowEnd;
  readonly ports: PortIntent;
}

/**
 * - `ingress-only`: rules on the destination only (the default: a first drawing changes
 *   nothing but its destinations).
 * - `zero-trust`: ingress rules on the destination, egress rules on the source, and default
 *   deny for both directions in every namespace that has workloads (but `kube-system`).
 */
export type PolicyStyle = 'ingress-only' | 'zero-trust';

/** Per-namespace default-deny toggles; an absent direction follows the style. */
export interface DefaultDenyToggle {
  readonly ingress?: boolean;
  readonly egress?: boolean;
}

export interface GeneratorSettings {
  readonly style: PolicyStyle;
  /** By namespace name. */
  readonly defaultDeny?: Readonly<Record<string, DefaultDenyToggle>>;
  /** Add egress to kube-dns (UDP and TCP 53) for every drawn workload whose egress is isolated. */
  readonly allowDns?: boolean;
}

export const DEFAULT_GENERATOR_SETTINGS: GeneratorSettings = { style: 'ingress-only', defaultDeny: {}, allowDns: false };

/**
 * Stable codes of generator problems. Errors skip the flow (or the port entry) they are about;
 * warnings and infos never change the output.
 */
export type GeneratorProblemCode =
  | 'unknown-workload'
  | 'cannot-select-workload'
  | 'external-to-external'
  | 'invalid-ip-block'
  | 'invalid-port'
  | 'no-ports'
  | 'named-port-to-external'
  | 'named-port-undeclared'
  | 'no-declared-ports'
  | 'no-policy-needed'
  | 'name-taken'
  | 'dns-blocked';

export interface GeneratorProblem {
  readonly code: GeneratorProblemCode;
  readonly severity: Severity;
  readonly message: string;
  /** Index of the flow in the intents given, when the problem is about one flow. */
  readonly intentIndex?: number;
  readonly workloadId?: string;
  /** For `cannot-select-workload`: a label to add to the workload so it can be singled out. */
  readonly suggestion?: LabelSuggestion;
}

export interface LabelSuggestion {
  readonly key: string;
  readonly value: string;
}

/** Comments written above a policy (`header`) and above its rules (by rule index). */
export interface PolicyComments {
  readonly header?: string;
  readonly ingress?: readonly string[];
  readonly egress?: readonly string[];
}

/** Comments by policy id (`<namespace>/<name>`). */
export type CommentMap = Readonly<Record<string, PolicyComments>>;

export interface GeneratedPolicies {
  /** Sorted by namespace, then default deny, DNS, then per workload (ingress before egress). */
  readonly policies: readonly NetworkPolicy[];
  readonly comments: CommentMap;
}

export interface GenerateResult extends GeneratedPolicies {
  readonly problems: readonly GeneratorProblem[];
}

/** A selector that singles out one workload, or why none does. */
export type WorkloadSelection =
  | { readonly selector: LabelSelector; readonly problem?: undefined; readonly suggestion?: undefined }
  | { readonly selector?: undefined; readonly problem: string; readonly suggestion?: LabelSuggestion };
