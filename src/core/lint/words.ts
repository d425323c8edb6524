/** Short plain-text forms of selectors, ports and lists for lint messages. */
import type { LabelSelector, LabelSelectorRequirement, NetworkPolicyPort } from '../model/types.ts';

function requirementText(req: LabelSelectorRequirement): string {
  const values = (req.values ?? []).join(', ');
  switch (req.operator) {
    case 'In':
      return `${req.key} in (${values})`;
    case 'NotIn':
      return `${req.key} not in (${values})`;
    case 'Exists':
      return req.key;
    case 'DoesNotExist':
      return `!${req.key}`;
    default:
      return req.key;
  }
}

/** `app=frontend, tier in (web, api)`; `{}` for the empty selector. */
export function selectorText(selector: LabelSelector | undefined): string {
  const parts = [
    ...Object.entries(selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`),
    ...(selector?.matchExpressions ?? []).map(requirementText),
  ];
  return parts.length === 0 ? '{}' : parts.join(', ');
}

/** `TCP 8080`, `UDP 53-60`, `TCP http`, `every TCP port` */
export function portText(port: NetworkPolicyPort): string {
  const protocol = port.protocol ?? 'TCP';
  if (port.port === undefined) return `every ${protocol} port`;
  if (port.endPort !== undefined) return `${protocol} ${port.port}-${port.endPort}`;
  return `${protocol} ${port.port}`;
}

/** `a, b and c`; past `max` items, `a, b, c and 4 more`. */
export function listText(items: readonly string[], max = 3): string {
  if (items.length <= max) {
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
  }
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
