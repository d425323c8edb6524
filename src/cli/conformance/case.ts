/**
 * One conformance case (format: conformance/README.md) run through the same import and
 * evaluator the editor uses. Pure: the caller supplies the cluster text.
 */
import { importManifests } from '../../core/parse/index.ts';
import { createEvaluator } from '../../core/evaluate/evaluator.ts';
import { explainVerdict } from '../../core/evaluate/explain.ts';
import type { Protocol } from '../../core/model/types.ts';

export interface Probe {
  readonly port: number;
  readonly protocol: Protocol;
  readonly default: boolean | null;
  readonly overrides: readonly (readonly [string, string, boolean])[];
}

export interface ConformanceCase {
  readonly id: string;
  readonly type: 'reachability' | 'validation';
  readonly title?: string;
  readonly cluster: string | null;
  readonly policies: string;
  readonly probes?: readonly Probe[];
  readonly expect?: { readonly valid: boolean; readonly line?: number };
}

export interface CaseResult {
  readonly id: string;
  readonly passed: boolean;
  /** Human-readable lines, one per problem (empty when passed). */
  readonly failures: readonly string[];
  /** Number of cells (or validation expectations) checked. */
  readonly checks: number;
}

function runValidation(c: ConformanceCase): CaseResult {
  const { issues } = importManifests([{ name: `${c.id}.policies.yaml`, text: c.policies }]);
  const errors = issues.filter((i) => i.severity === 'error');
  const expect = c.expect ?? { valid: true };
  const failures: string[] = [];
  if (expect.valid && errors.length > 0) {
    failures.push(...errors.map((e) => `expected valid, got ${e.file}:${e.line}:${e.column}: ${e.code}: ${e.message}`));
  }
  if (!expect.valid && errors.length === 0) failures.push('expected at least one error, got none');
  if (!expect.valid && expect.line !== undefined && errors.length > 0 && !errors.some((e) => e.line === expect.line)) {
    failures.push(`expected an error on line ${expect.line}, got lines ${errors.map((e) => e.line).join(', ')}`);
  }
  return { id: c.id, passed: failures.length === 0, failures, checks: 1 };
}

function runReachability(c: ConformanceCase, clusterText: string): CaseResult {
  const { model, issues } = importManifests([
    { name: `clusters/${c.cluster}.yaml`, text: clusterText },
    { name: `cases/${c.id}.json#policies`, text: c.policies },
  ]);
  const failures: string[] = issues
    .filter((i) => i.severity === 'error')
    .map((e) => `import error ${e.file}:${e.line}:${e.column}: ${e.code}: ${e.message}`);
  const evaluator = createEvaluator(model);
  const pods = model.pods.filter((p) => !p.fromTemplate && !p.inferred).map((p) => p.id);
  let checks = 0;
  for (const probe of c.probes ?? []) {
    const expected = new Map<string, boolean>();
    if (probe.default !== null) {
      for (const from of pods) for (const to of pods) if (from !== to) expected.set(`${from}\u0000${to}`, probe.default);
    }
    for (const [from, to, allowed] of probe.overrides) expected.set(`${from}\u0000${to}`, allowed);
    for (const [key, want] of expected) {
      const [from, to] = key.split('\u0000') as [string, string];
      checks++;
      let verdict;
      try {
        verdict = evaluator.verdict(from, to, probe.protocol, probe.port);
      } catch (error) {
        failures.push(`${probe.protocol}/${probe.port} ${from} -> ${to}: ${(error as Error).message}`);
        continue;
      }
      if (verdict.allowed !== want) {
        failures.push(
          `${probe.protocol}/${probe.port} ${from} -> ${to}: expected ${want ? 'allowed' : 'denied'}, got ${verdict.allowed ? 'allowed' : 'denied'}\n` +
            explainVerdict(verdict).map((l) => `      ${l}`).join('\n'),
        );
      }
    }
  }
  return { id: c.id, passed: failures.length === 0, failures, checks };
}

/** Run one case; `loadCluster` returns the text of `clusters/<name>.yaml` (undefined if missing). */
export function runConformanceCase(c: ConformanceCase, loadCluster: (name: string) => string | undefined): CaseResult {
  if (c.type === 'validation') return runValidation(c);
  const clusterText = c.cluster === null ? '' : loadCluster(c.cluster);
  if (clusterText === undefined) {
    return { id: c.id, passed: false, failures: [`cluster "${c.cluster}" not found`], checks: 0 };
  }
  return runReachability(c, clusterText);
}
