/**
 * ipBlock: `cidr` must be a CIDR; every `except` entry a CIDR of the same family strictly
 * inside it (a longer prefix), as the API server requires. Host bits set are accepted (as
 * Kubernetes does) with a warning saying which network is meant.
 */
import { cidrContains, formatCidr, parseCidr, type ParsedCidr } from '../model/ipset.ts';
import type { IPBlock } from '../model/types.ts';
import { IP_BLOCK } from './fields.ts';
import { childPath, type Path } from './path.ts';
import { checkFields, describeValue, field, label, readList, readMap, readString } from './reader.ts';
import type { Reporter } from './reporter.ts';

function readCidr(r: Reporter, text: string, path: Path, what: string): ParsedCidr | undefined {
  const cidr = parseCidr(text);
  if (!cidr) {
    const bare = /^[0-9a-fA-F.:]+$/.test(text) && !text.includes('/');
    const hint = bare ? ` (add a prefix length, e.g. "${text}/${text.includes(':') ? 128 : 32}")` : '';
    const message = `${what} ${JSON.stringify(text)} is not a valid CIDR${hint}; write e.g. 10.0.0.0/8 or 2001:db8::/32`;
    r.error('invalid-cidr', message, path);
    return undefined;
  }
  if (cidr.hostBitsSet) {
    const meant = formatCidr(cidr.family, cidr.start, cidr.prefix);
    r.warn('cidr-host-bits', `${what} ${text} has host bits set; Kubernetes reads it as ${meant}`, path);
  }
  return cidr;
}

export function readIpBlock(r: Reporter, v: unknown, path: Path): IPBlock | undefined {
  const block = readMap(r, v, path);
  if (!block) return undefined;
  checkFields(r, block, path, IP_BLOCK);
  const cidrPath = childPath(path, 'cidr');
  const cidrText = readString(r, field(block, 'cidr'), cidrPath);
  if (cidrText === undefined) {
    if (field(block, 'cidr') == null) r.error('missing-field', `${label(path)} has no "cidr"`, path, 'key');
  }
  const outer = cidrText === undefined ? undefined : readCidr(r, cidrText, cidrPath, 'cidr');
  const exceptPath = childPath(path, 'except');
  const list = readList(r, field(block, 'except'), exceptPath);
  let except: string[] | undefined;
  if (list) {
    except = [];
    list.forEach((item, i) => {
      const at = childPath(exceptPath, i);
      if (typeof item !== 'string') {
        r.error('invalid-type', `except entries must be CIDR strings, not ${describeValue(item)}`, at);
        return;
      }
      except?.push(item);
      const inner = readCidr(r, item, at, 'except entry');
      if (!inner || !outer) return;
      if (inner.family !== outer.family) {
        r.error('except-outside-cidr', `except entry ${item} is not the same IP family as cidr ${cidrText}`, at);
      } else if (!cidrContains(outer, inner) || inner.prefix <= outer.prefix) {
        r.error('except-outside-cidr', `except entry ${item} must be strictly inside cidr ${cidrText}`, at);
      }
    });
  }
  if (cidrText === undefined) return undefined;
  return except ? { cidr: cidrText, except } : { cidr: cidrText };
}
