/**
 * The ports of a drawn flow as NetworkPolicy port entries: checked as the API server checks
 * them, written with an explicit protocol, sorted and deduplicated, so the same drawing always
 * gives the same text. `undefined` means every port of every protocol (no `ports` field).
 */
import { PROTOCOLS, type NetworkPolicyPort, type Protocol, type Workload } from '../model/types.ts';
import { ALL_PORTS, EMPTY_PORTS, portSetOf, unionPorts, type PortSet } from '../model/portset.ts';
import { checkPortName } from '../parse/names.ts';
import type { PortIntent } from './intent.ts';

export interface PortEntry {
  readonly protocol: Protocol;
  readonly port?: number | string;
  readonly endPort?: number;
}

/** Port entries of a rule; undefined: all ports. */
export type RulePorts = readonly PortEntry[] | undefined;

export interface PortProblem {
  readonly code: 'invalid-port' | 'no-ports' | 'named-port-to-external' | 'named-port-undeclared' | 'no-declared-ports';
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
}

const isPort = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 65535;

/** What is wrong with a custom entry (as the API server would say), or undefined. */
function entryProblem(e: NetworkPolicyPort): string | undefined {
  if (e.protocol !== undefined && !PROTOCOLS.includes(e.protocol)) return `protocol ${String(e.protocol)} is not TCP, UDP or SCTP`;
  if (typeof e.port === 'string') {
    const problem = checkPortName(e.port);
    if (problem) return `port name "${e.port}" ${problem}`;
    if (e.endPort !== undefined) return 'endPort cannot be used with a named port';
    return undefined;
  }
  if (e.port !== undefined && !isPort(e.port)) return `port ${String(e.port)} is outside 1..65535`;
  if (e.endPort === undefined) return undefined;
  if (e.port === undefined) return 'endPort needs a numeric port';
  if (!isPort(e.endPort)) return `endPort ${String(e.endPort)} is outside 1..65535`;
  if (e.endPort < e.port) return `endPort ${e.endPort} is less than port ${e.port}`;
  return undefined;
}

function protocolRank(p: Protocol): number {
  return PROTOCOLS.indexOf(p);
}

function compareEntries(a: PortEntry, b: PortEntry): number {
  const byProtocol = protocolRank(a.protocol) - protocolRank(b.protocol);
  if (byProtocol !== 0) return byProtocol;
  const kind = (e: PortEntry): number => (e.port === undefined ? 0 : typeof e.port === 'number' ? 1 : 2);
  if (kind(a) !== kind(b)) return kind(a) - kind(b);
  if (typeof a.port === 'number' && typeof b.port === 'number') return a.port - b.port || (a.endPort ?? a.port) - (b.endPort ?? b.port);
  return String(a.port) < String(b.port) ? -1 : String(a.port) > String(b.port) ? 1 : 0;
}

const entryKey = (e: PortEntry): string => `${e.protocol}|${String(e.port)}|${String(e.endPort)}`;

/** Sorted, without duplicates or entries a whole-protocol entry covers; all three protocols whole: undefined. */
export function canonicalPorts(entries: readonly PortEntry[]): RulePorts {
  const whole = new Set(entries.filter((e) => e.port === undefined).map((e) => e.protocol));
  if (whole.size === PROTOCOLS.length) return undefined;
  const seen = new Set<string>();
  const out: PortEntry[] = [];
  for (const e of [...entries].sort(compareEntries)) {
    const single = e.endPort === undefined || e.endPort === e.port;
    const normal: PortEntry = single ? { protocol: e.protocol, ...(e.port === undefined ? {} : { port: e.port }) } : e;
    if ((whole.has(e.protocol) && normal.port !== undefined) || seen.has(entryKey(normal))) continue;
    seen.add(entryKey(normal));
    out.push(normal);
  }
  return out;
}

/** The union of two rules' ports (undefined: all ports wins). */
export function mergePorts(a: RulePorts, b: RulePorts): RulePorts {
  return a === undefined || b === undefined ? undefined : canonicalPorts([...a, ...b]);
}

/**
 * The entries of one flow towards `destination` (undefined for an address). Problems are
 * reported; entries with errors are left out, and `skip` says the flow gives no rule at all.
 */
export function portsOfIntent(
  ports: PortIntent,
  destination: Workload | undefined,
  report: (p: PortProblem) => void,
): { readonly ports: RulePorts; readonly skip: boolean } {
  if (ports.kind === 'all') return { ports: undefined, skip: false };
  const target = destination ? destination.id : 'an address outside the cluster';
  if (ports.kind === 'declared') {
    const declared = destination?.ports ?? [];
    if (declared.length === 0) {
      report({ code: 'no-declared-ports', severity: 'info', message: `${target} declares no container ports: the flow allows all ports` });
      return { ports: undefined, skip: false };
    }
    return { ports: canonicalPorts(declared.map((p) => ({ protocol: p.protocol, port: p.containerPort }))), skip: false };
  }
  if (ports.entries.length === 0) {
    report({ code: 'no-ports', severity: 'error', message: 'The flow has custom ports but no entry: it was left out' });
    return { ports: [], skip: true };
  }
  const kept: PortEntry[] = [];
  for (const e of ports.entries) {
    const problem = entryProblem(e);
    const protocol = e.protocol ?? 'TCP';
    if (problem) {
      report({ code: 'invalid-port', severity: 'error', message: `Port entry left out: ${problem}` });
    } else if (typeof e.port === 'string' && !destination) {
      const message = `Port entry left out: the named port "${e.port}" never matches an address outside the cluster`;
      report({ code: 'named-port-to-external', severity: 'error', message });
    } else {
      if (typeof e.port === 'string' && destination && !destination.ports.some((p) => p.name === e.port && p.protocol === protocol)) {
        const message = `${destination.id} declares no ${protocol} port named "${e.port}": this entry matches nothing`;
        report({ code: 'named-port-undeclared', severity: 'warning', message });
      }
      kept.push({
        protocol,
        ...(e.port === undefined ? {} : { port: e.port }),
        ...(e.endPort === undefined ? {} : { endPort: e.endPort }),
      });
    }
  }
  return kept.length === 0 ? { ports: [], skip: true } : { ports: canonicalPorts(kept), skip: false };
}

/** The connections the entries allow towards `destination` (named ports resolve against it). */
export function portSetOfEntries(ports: RulePorts, destination: Workload | undefined): PortSet {
  if (ports === undefined) return ALL_PORTS;
  let set = EMPTY_PORTS;
  for (const e of ports) {
    if (typeof e.port === 'string') {
      const named = destination?.ports.find((p) => p.name === e.port && p.protocol === e.protocol);
      if (named) set = unionPorts(set, portSetOf(e.protocol, named.containerPort));
    } else {
      set = unionPorts(set, portSetOf(e.protocol, e.port, e.endPort));
    }
  }
  return set;
}

/** `all ports`, `TCP 8080`, `TCP 8000-8100`, `every UDP port`, `TCP port "http"`, joined with ", ". */
export function describePorts(ports: RulePorts): string {
  if (ports === undefined) return 'all ports';
  return ports
    .map((e) => {
      if (e.port === undefined) return `every ${e.protocol} port`;
      if (typeof e.port === 'string') return `${e.protocol} port "${e.port}"`;
      return e.endPort === undefined ? `${e.protocol} ${e.port}` : `${e.protocol} ${e.port}-${e.endPort}`;
    })
    .join(', ');
}
