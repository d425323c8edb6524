import type { Protocol, WorkloadKind } from '../model/types.ts';
import type { PortSet } from '../model/portset.ts';
import type { IpFamily, IpSet } from '../model/ipset.ts';

export type Direction = 'ingress' | 'egress';

/** One end of a connection, as resolved by the evaluator. */
export type EndpointRef =
  | { readonly kind: 'pod'; readonly id: string; readonly namespace: string; readonly workloadId: string }
  | { readonly kind: 'ip'; readonly ip: string };

/** A rule of a policy: `policy` is `<namespace>/<name>`, `ruleIndex` 0-based within its direction. */
export interface RuleRef {
  readonly policy: string;
  readonly direction: Direction;
  readonly ruleIndex: number;
}

/**
 * Why a policy that isolates the pod did not allow the connection.
 * - `no-rules`: the policy has no rules for this direction (it only isolates).
 * - `peer`: no rule's peers matched the other end.
 * - `port`: a rule's peers matched, but not its ports or protocol.
 * - `named-port`: a rule's peers matched and it names a port the destination does not declare.
 */
export type MissReason = 'no-rules' | 'peer' | 'port' | 'named-port';

export interface PolicyMiss {
  readonly policy: string;
  readonly reason: MissReason;
  /** For `port` / `named-port`: the rule whose peers matched (0-based). */
  readonly ruleIndex?: number;
  /** For `named-port`: the port name that did not resolve. */
  readonly portName?: string;
}

export interface DirectionVerdict {
  readonly direction: Direction;
  /** False when this side is an external address (policies do not apply to it). */
  readonly applies: boolean;
  /** The pod is isolated for this direction (some policy selects it with this type). */
  readonly isolated: boolean;
  /** Policies (`ns/name`) that select the pod with this policy type, sorted. */
  readonly isolatingPolicies: readonly string[];
  readonly allowed: boolean;
  /** Every rule that allows the connection (empty when not isolated or denied). */
  readonly allowedBy: readonly RuleRef[];
  /** When denied: one entry per isolating policy saying why it did not allow. */
  readonly misses: readonly PolicyMiss[];
}

export interface Verdict {
  readonly source: EndpointRef;
  readonly destination: EndpointRef;
  readonly protocol: Protocol;
  readonly port: number;
  readonly allowed: boolean;
  /** A pod connecting to itself: outside policy, reported as allowed. */
  readonly loopback: boolean;
  readonly egress: DirectionVerdict;
  readonly ingress: DirectionVerdict;
}

export interface EvaluateOptions {
  /**
   * Whether ipBlock peers match pods by their pod IPs (Kubernetes semantics, the default: true).
   * netpol-analyzer never does; `false` reproduces its results.
   */
  readonly ipBlockMatchesPods?: boolean;
}

export type Granularity = 'pod' | 'workload';

export interface MatrixUnit {
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  readonly kind: WorkloadKind;
  /** For pod granularity, the workload the pod belongs to. */
  readonly workloadId: string;
}

/**
 * A set of ports that every policy treats alike: a protocol/port range some policy mentions,
 * or "any other port" (every port no policy mentions, across protocols).
 */
export interface PortClass {
  readonly ports: PortSet;
  /** One (protocol, port) inside the class, to ask the evaluator with. */
  readonly probe: { readonly protocol: Protocol; readonly port: number };
  /** `TCP 80`, `UDP 53-60`, `any other port` */
  readonly label: string;
  /** True for the class gathering every port no policy mentions. */
  readonly other: boolean;
}

/**
 * The addresses (one family) whose connections are the same for every unit: a maximal set,
 * possibly several ranges (`0.0.0.0/0 except 10.0.0.0/8`).
 */
export interface ExternalRange {
  readonly set: IpSet;
  readonly family: IpFamily;
  /** Display form: `8.8.8.8/32`, `0.0.0.0/0 except 10.0.0.0/8`, or `a-b` when neither fits. */
  readonly label: string;
}

/** One side of a pair: whether policies isolate it, and the connections that side allows. */
export interface SideAllowance {
  readonly isolated: boolean;
  /** ALL_PORTS when not isolated. */
  readonly ports: PortSet;
  /**
   * What rules singling out the other end allow (rules that admit every pod of every namespace,
   * like a cluster-wide DNS egress rule, are left out). Empty when not isolated.
   */
  readonly targeted: PortSet;
}

/**
 * Ports on which one side explicitly allows the flow (its policies isolate it and a rule that
 * singles out the other end admits it) while the other side denies it: the "half-open" flows
 * users most often get wrong.
 */
export interface HalfOpen {
  readonly egressOnly: PortSet;
  readonly ingressOnly: PortSet;
}

export interface ReachabilityMatrix {
  readonly granularity: Granularity;
  readonly units: readonly MatrixUnit[];
  readonly portClasses: readonly PortClass[];
  /** Allowed connections from units[src] to units[dst] (loopback pairs are all allowed). */
  connections(src: number, dst: number): PortSet;
  /** Whether units[src] may connect to units[dst] on portClasses[cls]. */
  allowed(src: number, dst: number, cls: number): boolean;
  /**
   * Each side of the pair on its own: what the source's egress policies let out towards the
   * destination, and what the destination's ingress policies let in from the source.
   */
  sides(src: number, dst: number): { readonly egress: SideAllowance; readonly ingress: SideAllowance };
  /** External sources, each with what it may open towards every unit (index = unit). */
  readonly ingressFromExternal: readonly { readonly range: ExternalRange; connections(dst: number): PortSet }[];
  /** External destinations, each with what every unit may open towards it. */
  readonly egressToExternal: readonly { readonly range: ExternalRange; connections(src: number): PortSet }[];
}
