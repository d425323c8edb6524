import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_SCENARIO_ID, EXPECTED_FLOWS_FILE, SCENARIO_CATEGORIES, listScenarioSources } from '../../examples/scenario.ts';
import { parseFlowAssertions } from '../../src/core/index.ts';
import { checkWorkspace } from '../helpers/scenario-check.ts';
import { conformanceDir, loadScenario, scenarioIds } from '../helpers/scenarios.ts';

const SEED_IDS = [
  'seed-1-allow-frontend-ingress',
  'seed-2-deny-all-ingress',
  'seed-3-allow-egress-database',
  'seed-4-allow-egress-external',
  'seed-5-allow-ingress-egress',
];

interface SeedCase {
  readonly policies: string;
  readonly probes: readonly {
    readonly port: number;
    readonly protocol: string;
    readonly default: boolean | null;
    readonly overrides: readonly (readonly [string, string, boolean])[];
  }[];
}

function readSeedCase(id: string): SeedCase {
  return JSON.parse(readFileSync(path.join(conformanceDir, 'cases', `${id}.json`), 'utf8')) as SeedCase;
}

/** What the conformance case says about one connection, or undefined when it does not probe it. */
function caseVerdict(seed: SeedCase, from: string, to: string, protocol: string, port: number): boolean | undefined {
  const probe = seed.probes.find((p) => p.port === port && p.protocol === protocol);
  if (!probe) return undefined;
  const override = probe.overrides.find(([f, t]) => f === from && t === to);
  if (override) return override[2];
  const isPod = (end: string) => end.includes('/');
  return isPod(from) && isPod(to) ? (probe.default ?? undefined) : undefined;
}

const stripLeadingSeparator = (text: string) => text.replace(/^---\n/, '');
const countSentences = (text: string) => text.split(/(?<=[.!?])\s+(?=[A-Z0-9`(])/).filter((s) => s.trim() !== '').length;
const expectedFlowsOf = (id: string) => {
  const scenario = loadScenario(id);
  const file = scenario.workspace.find((f) => f.name === `${id}/${EXPECTED_FLOWS_FILE}`);
  return file ? parseFlowAssertions(file).assertions : [];
};

describe('the gallery', () => {
  const all = scenarioIds().map(loadScenario);

  it('holds the five seed scenarios, the combined demo, and recipes, mistakes and lessons', () => {
    expect(all.filter((s) => s.category === 'seed').map((s) => s.id)).toEqual([...SEED_IDS, 'seed-all']);
    expect(scenarioIds()).toContain(DEMO_SCENARIO_ID);
    for (const category of SCENARIO_CATEGORIES) expect(all.filter((s) => s.category === category).length).toBeGreaterThan(0);
    expect(all.filter((s) => s.category === 'lesson').length).toBeGreaterThanOrEqual(2);
  });

  it('gives every scenario a unique id (its directory) and a unique title', () => {
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    expect(new Set(all.map((s) => s.title)).size).toBe(all.length);
  });

  it.each(scenarioIds())('%s: a short summary, and every file it names exists', (id) => {
    const scenario = loadScenario(id);
    expect(scenario.id).toBe(id);
    expect(scenario.title.length).toBeLessThanOrEqual(70);
    const sentences = countSentences(scenario.summary);
    expect(sentences, scenario.summary).toBeGreaterThanOrEqual(2);
    expect(sentences, scenario.summary).toBeLessThanOrEqual(5);
    for (const file of listScenarioSources(scenario)) expect(existsSync(path.join(scenario.dir, file)), file).toBe(true);
  });

  // A guided scenario may start with everything open (no policy yet, or a paste that did not
  // parse); its steps then pin the denied flows.
  it.each(scenarioIds())('%s: expected.flows pins 4-12 flows, some allowed and some denied', (id) => {
    const scenario = loadScenario(id);
    expect(scenario.files).toContain(EXPECTED_FLOWS_FILE);
    const assertions = expectedFlowsOf(id);
    expect(assertions.length).toBeGreaterThanOrEqual(4);
    expect(assertions.length).toBeLessThanOrEqual(12);
    const atSteps = (scenario.steps ?? []).map((_, i) =>
      scenario.stepFiles(i + 1).filter((f) => f.name.endsWith('.flows')).flatMap((f) => parseFlowAssertions(f).assertions),
    );
    for (const verdict of ['allowed', 'denied'] as const) {
      expect([assertions, ...atSteps].some((list) => list.some((a) => a.expect === verdict)), verdict).toBe(true);
    }
    for (const list of atSteps) expect(list.length).toBeGreaterThanOrEqual(3);
    for (const list of atSteps) expect(list.length).toBeLessThanOrEqual(12);
  });

  it.each(scenarioIds())('%s: its cluster declares namespaces, and workloads with labels and container ports', (id) => {
    const { model } = checkWorkspace(loadScenario(id).workspace);
    expect(model.inferredPods).toBeFalsy();
    expect(model.namespaces.some((n) => n.declared)).toBe(true);
    expect(model.workloads.length).toBeGreaterThanOrEqual(3);
    expect(model.workloads.length).toBeLessThanOrEqual(8);
    for (const pod of model.pods) {
      expect(Object.keys(pod.labels).length, pod.id).toBeGreaterThan(0);
      expect(pod.ports.length, pod.id).toBeGreaterThan(0);
    }
  });

  it.each(all.filter((s) => s.steps).map((s) => s.id))('%s: every step has a title, a narrative and changes a file', (id) => {
    const scenario = loadScenario(id);
    (scenario.steps ?? []).forEach((step, i) => {
      expect(step.title.trim()).not.toBe('');
      expect(countSentences(step.narrative)).toBeGreaterThanOrEqual(2);
      const before = JSON.stringify(scenario.stepFiles(i));
      expect(JSON.stringify(scenario.stepFiles(i + 1)), `step ${i + 1} changes nothing`).not.toBe(before);
    });
  });
});

describe('the seed scenarios', () => {
  it.each([...SEED_IDS, 'seed-all'])('%s uses the seed cluster of the conformance corpus', (id) => {
    const seedCluster = readFileSync(path.join(conformanceDir, 'clusters', 'seed.yaml'), 'utf8');
    expect(loadScenario(id).manifests[0]?.text).toBe(stripLeadingSeparator(seedCluster));
  });

  it.each(SEED_IDS)('%s holds the policy and agrees with the verdicts of its conformance case', (id) => {
    const seed = readSeedCase(id);
    const scenario = loadScenario(id);
    expect(scenario.manifests[1]?.text).toBe(stripLeadingSeparator(seed.policies));
    const withName = (end: { kind: string; name?: string; ip?: string }) => (end.kind === 'ip' ? (end.ip ?? '') : `default/${end.name ?? ''}`);
    let compared = 0;
    for (const a of expectedFlowsOf(id)) {
      if (a.port === undefined) continue;
      const truth = caseVerdict(seed, withName(a.from), withName(a.to), a.protocol, a.port);
      if (truth === undefined) continue;
      compared += 1;
      expect(truth, `${a.file}:${a.line}`).toBe(a.expect === 'allowed');
    }
    expect(compared).toBeGreaterThanOrEqual(3);
  });

  it('seed-all applies the five seed policies together', () => {
    const combined = SEED_IDS.map((id) => stripLeadingSeparator(readSeedCase(id).policies)).join('---\n');
    expect(loadScenario('seed-all').manifests[1]?.text).toBe(combined);
  });
});
