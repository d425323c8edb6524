/**
 * The shape of one endpoint word: `ns/name`, `name`, `ns/name[Kind]` or a single IPv4/IPv6
 * address. CIDRs are refused: a claim is about one address.
 */
import { parseCidr, parseIp } from '../model/ipset.ts';
import { WORKLOAD_KINDS, type WorkloadKind } from '../model/types.ts';
import { suggestName } from '../parse/suggest.ts';
import type { FlowEndpoint } from './types.ts';

export interface EndpointError {
  readonly code: string;
  readonly message: string;
}

const NAME = /^[^\s/#[\]]+$/;

function kindOf(text: string): WorkloadKind | undefined {
  return WORKLOAD_KINDS.find((k) => k.toLowerCase() === text.toLowerCase());
}

export function readFlowEndpoint(text: string, column: number): FlowEndpoint | EndpointError {
  if (parseIp(text)) return { kind: 'ip', ip: text, column };
  if (parseCidr(text)) {
    return { code: 'flows/bad-endpoint', message: `"${text}" is a range of addresses: an endpoint is one address (e.g. ${text.split('/')[0]}).` };
  }
  if (/^[0-9]+(\.[0-9]+){3}$/.test(text) || (/^[0-9a-f:]+$/i.test(text) && text.includes(':'))) {
    return { code: 'flows/bad-endpoint', message: `"${text}" is not a valid IP address.` };
  }
  const match = /^(?:([^/]*)\/)?([^[]*)(?:\[([^\]]*)\])?$/.exec(text);
  const namespace = match?.[1];
  const name = match?.[2] ?? '';
  const kindText = match?.[3];
  const shape = 'expected `name`, `namespace/name`, `namespace/name[Kind]` or an IP address';
  if (!match || (namespace !== undefined && !NAME.test(namespace)) || !NAME.test(name)) {
    return { code: 'flows/bad-endpoint', message: `"${text}" is not an endpoint: ${shape}.` };
  }
  let qualifier: WorkloadKind | undefined;
  if (kindText !== undefined) {
    qualifier = kindOf(kindText);
    if (!qualifier) {
      const guess = WORKLOAD_KINDS.find((k) => kindText.length > 0 && k.toLowerCase().startsWith(kindText.toLowerCase())) ?? suggestName(kindText, WORKLOAD_KINDS);
      return {
        code: 'flows/bad-endpoint',
        message: `unknown kind "${kindText}" in "${text}": expected one of ${WORKLOAD_KINDS.join(', ')}.${guess ? ` Did you mean \`${guess}\`?` : ''}`,
      };
    }
  }
  return {
    kind: 'name',
    ...(namespace === undefined ? {} : { namespace }),
    name,
    ...(qualifier === undefined ? {} : { qualifier }),
    column,
  };
}
