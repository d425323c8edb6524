/**
 * Real inputs: netpol-analyzer's corpus (live dumps, Lists, PodLists in JSON, Deployments,
 * Routes, ConfigMaps...) and the conformance corpus, read from ../shared (skipped when absent).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importManifests, type ManifestFile } from '../../../src/core/parse/index.ts';
import { sharedDir } from '../../helpers/scenarios.ts';

const interopCases = join(sharedDir, 'interop/np-guard/cases');
const conformance = join(sharedDir, 'conformance');

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)) : [join(dir, f)]));
}

function read(paths: readonly string[], root: string): ManifestFile[] {
  return paths.map((p) => ({ name: p.slice(root.length + 1), text: readFileSync(p, 'utf8') }));
}

/** Workloads named in a golden connlist (`ns/name[Kind]`), other than external ranges. */
function goldenWorkloads(expected: string): Set<string> {
  const names = new Set<string>();
  for (const m of expected.matchAll(/([^\s=>:]+\/[^\s=>:]+\[([A-Za-z]+)\])/g)) {
    if (m[2] !== 'External') names.add(m[1] as string);
  }
  return names;
}

/** Errors a real API server raises too, which netpol-analyzer does not check. */
const KNOWN_ERRORS: Readonly<Record<string, readonly string[]>> = {
  // NetworkPolicy "use_match_exp_with_all_gap_values_of_app": underscores are not allowed in names.
  example_pods_w_same_owner_and_labels_gap_with_good_match_expression2: ['invalid-name'],
};

describe.runIf(existsSync(interopCases))('importManifests on netpol-analyzer inputs', () => {
  const cases = existsSync(interopCases) ? readdirSync(interopCases).sort() : [];

  it.each(cases)('%s imports without errors and with the golden workloads', (name) => {
    const root = join(interopCases, name, 'inputs');
    const files = read(filesUnder(root), root);
    const strict = importManifests(files);
    expect(strict.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual(KNOWN_ERRORS[name] ?? []);
    const { model, issues } = importManifests(files, { nameErrors: 'warning' });
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(model.workloads.length).toBeGreaterThan(0);
    expect(model.inferredPods).toBe(false);
    const ours = new Set(model.workloads.map((w) => `${w.namespace}/${w.name}[${w.kind}]`));
    const golden = goldenWorkloads(readFileSync(join(interopCases, name, 'expected.txt'), 'utf8'));
    expect([...golden].filter((w) => !ours.has(w))).toEqual([]);
  });
});

describe.runIf(existsSync(conformance))('importManifests on the conformance corpus', () => {
  const clusters = existsSync(conformance) ? filesUnder(join(conformance, 'clusters')) : [];
  const cases = existsSync(conformance) ? filesUnder(join(conformance, 'cases')) : [];

  it.each(clusters.map((p) => [p.slice(conformance.length + 1), p]))('cluster %s imports without issues', (_, path) => {
    const { model, issues } = importManifests(read([path as string], conformance));
    expect(issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(model.pods.length).toBeGreaterThan(0);
  });

  it.each(cases.map((p) => [p.slice(conformance.length + 1), p]))('policies of %s validate as expected', (_, path) => {
    const c = JSON.parse(readFileSync(path as string, 'utf8')) as { policies: string; type: string; expect?: { valid: boolean; line?: number } };
    const errors = importManifests([{ name: 'policies.yaml', text: c.policies }]).issues.filter((i) => i.severity === 'error');
    if (c.type === 'validation' && c.expect && !c.expect.valid) {
      expect(errors.length).toBeGreaterThan(0);
      if (c.expect.line !== undefined) expect(errors.map((e) => e.line)).toContain(c.expect.line);
    } else {
      expect(errors).toEqual([]);
    }
  });
});

if (!existsSync(interopCases) || !existsSync(conformance)) {
  describe('importManifests on ../shared corpora', () => {
    it.skip(`skipped: ${sharedDir} is absent (the corpora live only beside the repository)`, () => {});
  });
}
