/**
 * Names of generated policies: `allow-<workload>-ingress`, `allow-<workload>-egress`,
 * `default-deny-ingress`, `default-deny-egress`, `allow-dns-egress`. A name a hand-written policy
 * of the namespace already uses (or an earlier generated one) gets `-2`, `-3`... Names are
 * assigned in output order, so the same drawing always gets the same names.
 */
import type { ClusterModel, Workload } from '../model/types.ts';
import { isGeneratedPolicy } from './managed.ts';

/** Room for `allow-`, `-ingress` and a `-NN` suffix within the 253 characters of a DNS subdomain. */
const MAX_PART = 253 - 'allow--ingress'.length - 4;

/** A workload name as part of a DNS-1123 subdomain (it already is one, unless imported leniently). */
function namePart(name: string): string {
  const clean = name
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/[-.]*\.[-.]*/g, '.')
    .slice(0, MAX_PART)
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return clean || 'workload';
}

/**
 * Base name of a workload's policy; `clashes` says another drawn workload of the namespace has
 * the same name (a Deployment and a Pod both called `web`), so the kind is added.
 */
export function workloadPolicyName(workload: Workload, direction: 'ingress' | 'egress', clashes: boolean): string {
  const kind = clashes ? `-${workload.kind.toLowerCase()}` : '';
  return `allow-${namePart(workload.name)}${kind}-${direction}`;
}

export interface NameBook {
  /** A free name in the namespace, `base` when possible; `taken` is the hand-written policy it avoided. */
  take(namespace: string, base: string): { readonly name: string; readonly taken?: string };
}

export function createNameBook(model: ClusterModel): NameBook {
  const used = new Map<string, Set<string>>();
  const usedIn = (ns: string): Set<string> => {
    let set = used.get(ns);
    if (!set) used.set(ns, (set = new Set()));
    return set;
  };
  const handWritten = new Set(model.policies.filter((p) => !isGeneratedPolicy(p)).map((p) => `${p.namespace}/${p.name}`));
  for (const id of handWritten) usedIn(id.slice(0, id.indexOf('/'))).add(id.slice(id.indexOf('/') + 1));
  return {
    take(namespace, base) {
      const names = usedIn(namespace);
      let name = base;
      for (let n = 2; names.has(name); n++) name = `${base}-${n}`;
      names.add(name);
      const taken = name !== base && handWritten.has(`${namespace}/${base}`) ? base : undefined;
      return taken ? { name, taken } : { name };
    },
  };
}
