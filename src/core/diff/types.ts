import type { IpSet } from '../model/ipset.ts';
import type { PortSet } from '../model/portset.ts';
import type { Protocol } from '../model/types.ts';

/**
 * One change of reachability between two ends, for one protocol (or for every port of every
 * protocol at once, `protocol: 'any'`).
 *
 * Ends are keyed like canvas nodes: a workload (or bare pod) by its id `ns/name`; addresses
 * outside the cluster by the text of their set (`8.8.8.8/32`, `0.0.0.0/0 except 10.0.0.0/8`).
 */
export interface FlowChange {
  readonly from: string;
  readonly to: string;
  readonly protocol: Protocol | 'any';
  /** The ports that changed: `TCP 80, 443`, `UDP (all ports)`, `all ports`. */
  readonly ports: string;
  /** The same ports as a set (only of `protocol`, or every port for `any`). */
  readonly portSet: PortSet;
  /**
   * What the pair allows both before and after (any protocol), when not nothing: the change
   * is partial (`TCP 8080` removed while `TCP 80` stays).
   */
  readonly kept?: string;
  /** When one end is outside the cluster: which one, and its addresses. */
  readonly external?: { readonly end: 'from' | 'to'; readonly addresses: IpSet };
}

/** What `after` allows that `before` did not (`added`), and the reverse (`removed`). */
export interface ReachabilityDiff {
  readonly added: readonly FlowChange[];
  readonly removed: readonly FlowChange[];
}
