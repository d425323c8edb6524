import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScenarioMeta, DEMO_SCENARIO_ID, type ScenarioExpectation } from '../../examples/scenario.ts';
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
function caseVerdict(seed: SeedCase, e: ScenarioExpectation): boolean | undefined {
  const probe = seed.probes.find((p) => p.port === e.port && p.protocol === e.protocol);
  if (!probe) return undefined;
  const override = probe.overrides.find(([from, to]) => from === e.from && to === e.to);
  if (override) return override[2];
  const isPod = (end: string) => end.includes('/');
  return isPod(e.from) && isPod(e.to) ? (probe.default ?? undefined) : undefined;
}

const stripLeadingSeparator = (text: string) => text.replace(/^---\n/, '');

describe('examples', () => {
  it('holds the five seed scenarios and the combined demo', () => {
    expect(scenarioIds()).toEqual([...SEED_IDS, 'seed-all']);
    expect(scenarioIds()).toContain(DEMO_SCENARIO_ID);
  });

  it.each(scenarioIds())('%s has a well-formed scenario.json naming existing files', (id) => {
    const scenario = loadScenario(id);
    expect(scenario.id).toBe(id);
    expect(scenario.files).toEqual(['cluster.yaml', 'policies.yaml']);
    for (const file of scenario.files) expect(existsSync(path.join(scenario.dir, file))).toBe(true);
    expect(scenario.expect.length).toBeGreaterThan(0);
    for (const e of scenario.expect) expect(e.from).not.toBe(e.to);
  });

  it.each(scenarioIds())('%s uses the seed cluster of the conformance corpus', (id) => {
    const seedCluster = readFileSync(path.join(conformanceDir, 'clusters', 'seed.yaml'), 'utf8');
    expect(loadScenario(id).manifests[0]?.text).toBe(stripLeadingSeparator(seedCluster));
  });

  it.each(SEED_IDS)('%s holds the policy and the verdicts of its conformance case', (id) => {
    const seed = readSeedCase(id);
    const scenario = loadScenario(id);
    expect(scenario.manifests[1]?.text).toBe(stripLeadingSeparator(seed.policies));
    for (const e of scenario.expect) {
      expect(caseVerdict(seed, e), `${e.from} → ${e.to} ${e.protocol} ${e.port}`).toBe(e.allowed);
    }
  });

  it('seed-all applies the five seed policies together', () => {
    const combined = SEED_IDS.map((id) => stripLeadingSeparator(readSeedCase(id).policies)).join('---\n');
    expect(loadScenario('seed-all').manifests[1]?.text).toBe(combined);
  });
});

describe('checkScenarioMeta', () => {
  it('reports every malformed field with its path', () => {
    const result = checkScenarioMeta({
      id: 'x',
      title: '',
      summary: 's',
      files: [],
      expect: [{ from: 'a/b', to: 'a/c', port: 70000, protocol: 'ICMP', allowed: 'yes' }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      'title: expected a non-empty string',
      'files: expected a non-empty list of file names',
      'expect[0].port: expected an integer in 1..65535',
      'expect[0].protocol: expected one of TCP, UDP, SCTP',
      'expect[0].allowed: expected a boolean',
    ]);
  });

  it('rejects a value that is not an object', () => {
    expect(checkScenarioMeta([])).toEqual({ ok: false, problems: ['scenario: expected an object'] });
  });
});
