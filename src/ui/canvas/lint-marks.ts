/**
 * Lint warnings per workload, for the ⚠ marker on canvas nodes: a warning marks the workloads of
 * the pods it names. Computed once per list of warnings (cached on it), so building nodes stays
 * linear in workloads plus warnings.
 */
import type { ClusterModel, LintWarning } from '../../core/index.ts';

const cache = new WeakMap<readonly LintWarning[], ReadonlyMap<string, readonly string[]>>();
const NONE: ReadonlyMap<string, readonly string[]> = new Map();

/** `lint/code: message Fix: fix`, one line per warning. */
export function lintMarkText(warning: LintWarning): string {
  return `${warning.code}: ${warning.message} Fix: ${warning.fix}`;
}

export function lintByWorkload(model: ClusterModel, lint: readonly LintWarning[] | undefined): ReadonlyMap<string, readonly string[]> {
  if (!lint || lint.length === 0) return NONE;
  const cached = cache.get(lint);
  if (cached) return cached;
  const workloadOf = new Map(model.pods.map((p) => [p.id, p.workloadId]));
  const marks = new Map<string, string[]>();
  for (const warning of lint) {
    const workloads = new Set((warning.pods ?? []).map((id) => workloadOf.get(id) ?? id));
    for (const id of workloads) {
      const list = marks.get(id) ?? [];
      list.push(lintMarkText(warning));
      marks.set(id, list);
    }
  }
  cache.set(lint, marks);
  return marks;
}
