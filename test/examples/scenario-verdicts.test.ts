import { describe, expect, it } from 'vitest';
import { checkFlowAssertions, isFlowQueryError, parseFlowQuery, type FlowAssertion } from '../../src/core/index.ts';
import { checkWorkspace, describeFailures } from '../helpers/scenario-check.ts';
import { loadScenario, scenarioIds } from '../helpers/scenarios.ts';

/**
 * Scenarios that show a broken paste on purpose: the import errors (by code) expected at each
 * step. Every other scenario, at every step, imports without errors.
 */
const EXPECTED_IMPORT_ERRORS: Readonly<Record<string, Readonly<Record<number, readonly string[]>>>> = {
  'mistake-tutorial-paste': { 1: ['yaml-syntax', 'yaml-syntax'] },
};

/** Steps whose point is that nothing changes (a paste that does not parse applies nothing). */
const STEPS_THAT_FLIP_NOTHING: Readonly<Record<string, readonly number[]>> = {
  'mistake-tutorial-paste': [1],
  'lesson-policies-add-up': [2],
};

const stepsOf = (id: string) => [0, ...(loadScenario(id).steps ?? []).map((_, i) => i + 1)];

describe.each(scenarioIds())('scenario %s', (id) => {
  const scenario = loadScenario(id);

  it.each(stepsOf(id))('at step %i: imports as expected and every expected flow holds', (step) => {
    const checked = checkWorkspace(scenario.stepFiles(step));
    const errors = checked.issues.filter((i) => i.severity === 'error').map((i) => i.code);
    expect(errors).toEqual(EXPECTED_IMPORT_ERRORS[id]?.[step] ?? []);
    expect(checked.flowIssues).toEqual([]);
    expect(checked.results.length).toBeGreaterThan(0);
    expect(describeFailures(checked.results)).toEqual([]);
  });

  const steps = scenario.steps ?? [];
  it.runIf(steps.length > 0).each(steps.map((s, i) => [i + 1, s] as const))(
    'step %i: its predictions are flows between existing endpoints, and one of them flips',
    (step, { predict = [] }) => {
      expect(predict.length).toBeGreaterThanOrEqual(2);
      expect(predict.length).toBeLessThanOrEqual(4);
      const before = checkWorkspace(scenario.stepFiles(step - 1));
      const after = checkWorkspace(scenario.stepFiles(step));
      const assertions: FlowAssertion[] = predict.map((text, i) => {
        const query = parseFlowQuery(text);
        if (isFlowQueryError(query)) throw new Error(`steps[${step - 1}].predict[${i}] "${text}": ${query.message}`);
        return { ...query, expect: 'allowed', file: `step ${step} predict`, line: i + 1, column: 1, endColumn: text.length + 1 };
      });
      const was = checkFlowAssertions(before.model, before.evaluator, assertions);
      const now = checkFlowAssertions(after.model, after.evaluator, assertions);
      for (const r of [...was, ...now]) expect(r.status, r.message).not.toBe('error');
      const flipped = predict.filter((_, i) => was[i]?.actual !== now[i]?.actual);
      if (STEPS_THAT_FLIP_NOTHING[id]?.includes(step)) expect(flipped).toEqual([]);
      else expect(flipped.length, 'no prediction changes its verdict at this step').toBeGreaterThan(0);
    },
  );
});
