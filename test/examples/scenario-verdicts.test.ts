import { describe, expect, it } from 'vitest';
import { createEvaluator, explainVerdict, importManifests } from '../../src/core/index.ts';
import { loadScenario, scenarioIds } from '../helpers/scenarios.ts';

describe.each(scenarioIds())('scenario %s', (id) => {
  const scenario = loadScenario(id);
  const { model, issues } = importManifests(scenario.manifests);
  const evaluator = createEvaluator(model);

  it('imports its manifests without errors', () => {
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(model.pods.map((p) => p.id).sort()).toEqual([
      'default/api',
      'default/backend',
      'default/database',
      'default/db',
      'default/frontend',
    ]);
  });

  it.each(scenario.expect.map((e) => [`${e.from} → ${e.to} ${e.protocol} ${e.port}`, e] as const))(
    '%s',
    (_, e) => {
      const verdict = evaluator.verdict(e.from, e.to, e.protocol, e.port);
      expect(verdict.allowed, explainVerdict(verdict).join('\n')).toBe(e.allowed);
    },
  );
});
