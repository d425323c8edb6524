/**
 * Label maps (metadata.labels, selector matchLabels): keys and values checked against the
 * Kubernetes label syntax. Only valid entries are kept.
 */
import type { Labels } from '../model/types.ts';
import { checkLabelKey, checkLabelValue } from './names.ts';
import { childPath, type Path } from './path.ts';
import { describeValue, numberText, readMap } from './reader.ts';
import type { Reporter } from './reporter.ts';

/** Check one label key; reports at the key. */
export function checkKeyAt(r: Reporter, key: string, path: Path, target: 'key' | 'value'): boolean {
  const problem = checkLabelKey(key);
  if (problem) r.error('invalid-label-key', `Label key ${JSON.stringify(key)} ${problem}`, path, target);
  return !problem;
}

/** Check one label value; reports at the value. */
export function checkValueAt(r: Reporter, value: string, path: Path): boolean {
  const problem = checkLabelValue(value);
  if (problem) r.error('invalid-label-value', `Label value ${JSON.stringify(value)} ${problem}`, path);
  return !problem;
}

export function readLabels(r: Reporter, v: unknown, path: Path): Labels | undefined {
  const map = readMap(r, v, path);
  if (!map) return undefined;
  const out: Record<string, string> = {};
  for (const key of Object.keys(map)) {
    const at = childPath(path, key);
    const keyOk = checkKeyAt(r, key, at, 'key');
    let value = map[key];
    if (value === null || value === undefined) {
      r.warn('null-value', `Label ${JSON.stringify(key)} has no value; it is read as the empty string ""`, at);
      value = '';
    }
    if (typeof value !== 'string') {
      const written = typeof value === 'number' ? numberText(value) : typeof value === 'boolean' ? String(value) : undefined;
      const quoted = written === undefined ? '' : ` (quote it: "${written}")`;
      r.error('invalid-type', `Label ${JSON.stringify(key)} must have a string value, not ${describeValue(value)}${quoted}`, at);
      continue;
    }
    if (checkValueAt(r, value, at) && keyOk) out[key] = value;
  }
  return out;
}
