/**
 * A NetworkPolicy port entry: protocol (TCP, UDP, SCTP), a numeric port with an optional
 * endPort, or a named port (an IANA service name).
 */
import type { NetworkPolicyPort, Protocol } from '../model/types.ts';
import { PROTOCOLS } from '../model/types.ts';
import { POLICY_PORT } from './fields.ts';
import { checkPortName } from './names.ts';
import { childPath, type Path } from './path.ts';
import { checkFields, describeValue, field, readInteger, readMap, readString } from './reader.ts';
import type { Reporter } from './reporter.ts';
import { suggestName } from './suggest.ts';

/** A protocol name, reporting anything but TCP, UDP or SCTP (which are case-sensitive). */
export function readProtocol(r: Reporter, v: unknown, path: Path): Protocol | undefined {
  const text = readString(r, v, path);
  if (text === undefined) return undefined;
  if ((PROTOCOLS as readonly string[]).includes(text)) return text as Protocol;
  const guess = suggestName(text, PROTOCOLS);
  r.error(
    'invalid-protocol',
    `Protocol ${JSON.stringify(text)} is not supported: use TCP, UDP or SCTP${guess ? ` (did you mean "${guess}"?)` : ''}`,
    path,
  );
  return undefined;
}

/** A port number, reporting values outside 1..65535. */
export function checkPortNumber(r: Reporter, n: number, path: Path, what: string): boolean {
  if (n >= 1 && n <= 65535) return true;
  r.error('invalid-port', `${what} ${n} is outside 1..65535`, path);
  return false;
}

function readPortValue(r: Reporter, v: unknown, path: Path): number | string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number' && Number.isInteger(v)) {
    checkPortNumber(r, v, path, 'Port');
    return v;
  }
  if (typeof v === 'string') {
    const problem = checkPortName(v);
    if (problem) {
      const hint = /^\d+$/.test(v) ? ` (a quoted number is a port name; write ${v} without quotes)` : '';
      r.error('invalid-port-name', `Named port ${JSON.stringify(v)} is not a valid port name: it ${problem}${hint}`, path);
    }
    return v;
  }
  r.error('invalid-type', `"port" must be a number or a port name, not ${describeValue(v)}`, path);
  return undefined;
}

export function readPolicyPort(r: Reporter, v: unknown, path: Path): NetworkPolicyPort | undefined {
  if (v === null) {
    r.warn('null-value', 'This empty port entry is read as {}: every TCP port', path);
    return {};
  }
  const entry = readMap(r, v, path);
  if (!entry) return undefined;
  checkFields(r, entry, path, POLICY_PORT);
  const out: { protocol?: Protocol; port?: number | string; endPort?: number } = {};
  const protocol = readProtocol(r, field(entry, 'protocol'), childPath(path, 'protocol'));
  if (protocol) out.protocol = protocol;
  const port = readPortValue(r, field(entry, 'port'), childPath(path, 'port'));
  if (port !== undefined) out.port = port;
  const endPath = childPath(path, 'endPort');
  const endPort = readInteger(r, field(entry, 'endPort'), endPath);
  if (endPort !== undefined) {
    out.endPort = endPort;
    if (port === undefined) {
      r.error('end-port-without-port', '"endPort" needs a numeric "port" (the start of the range)', endPath, 'key');
    } else if (typeof port === 'string') {
      r.error('end-port-without-port', `"endPort" cannot be used with the named port ${JSON.stringify(port)}`, endPath, 'key');
    } else if (checkPortNumber(r, endPort, endPath, 'endPort') && endPort < port) {
      r.error('end-port-before-port', `"endPort" ${endPort} is less than "port" ${port}`, endPath);
    }
  }
  return out;
}
