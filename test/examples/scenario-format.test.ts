import { describe, expect, it } from 'vitest';
import { checkScenarioMeta, listScenarioSources, resolveStepFiles, type ScenarioMeta } from '../../examples/scenario.ts';

const lesson: ScenarioMeta = {
  id: 'lesson',
  title: 'A lesson',
  summary: 'Two steps. Then done.',
  category: 'lesson',
  files: ['cluster.yaml', 'policies.yaml', 'expected.flows'],
  steps: [
    { title: 'Deny', narrative: 'n', files: { 'policies.yaml': 'step-1.yaml', 'expected.flows': 'step-1.flows' } },
    { title: 'Add egress', narrative: 'n', files: { 'egress.yaml': 'step-2-egress.yaml' } },
    { title: 'Drop policies', narrative: 'n', files: { 'policies.yaml': null, 'expected.flows': 'step-3.flows' } },
  ],
};

describe('resolveStepFiles', () => {
  it('is the base files at step 0', () => {
    expect(resolveStepFiles(lesson, 0)).toEqual([
      { name: 'cluster.yaml', source: 'cluster.yaml' },
      { name: 'policies.yaml', source: 'policies.yaml' },
      { name: 'expected.flows', source: 'expected.flows' },
    ]);
  });

  it('applies the steps cumulatively: replaced files keep their tab name and place, new ones come last, null removes', () => {
    expect(resolveStepFiles(lesson, 1).map((f) => `${f.name}=${f.source}`)).toEqual([
      'cluster.yaml=cluster.yaml',
      'policies.yaml=step-1.yaml',
      'expected.flows=step-1.flows',
    ]);
    expect(resolveStepFiles(lesson, 2).map((f) => `${f.name}=${f.source}`)).toEqual([
      'cluster.yaml=cluster.yaml',
      'policies.yaml=step-1.yaml',
      'expected.flows=step-1.flows',
      'egress.yaml=step-2-egress.yaml',
    ]);
    expect(resolveStepFiles(lesson, 3).map((f) => f.name)).toEqual(['cluster.yaml', 'expected.flows', 'egress.yaml']);
  });

  it('clamps a step outside 0..steps.length', () => {
    expect(resolveStepFiles(lesson, -2)).toEqual(resolveStepFiles(lesson, 0));
    expect(resolveStepFiles(lesson, 99)).toEqual(resolveStepFiles(lesson, 3));
    expect(resolveStepFiles({ ...lesson, steps: undefined }, 2)).toEqual(resolveStepFiles(lesson, 0));
  });

  it('lists every source file once', () => {
    expect(listScenarioSources(lesson)).toEqual([
      'cluster.yaml',
      'policies.yaml',
      'expected.flows',
      'step-1.yaml',
      'step-1.flows',
      'step-2-egress.yaml',
      'step-3.flows',
    ]);
  });
});

describe('checkScenarioMeta', () => {
  it('accepts a lesson with steps', () => {
    expect(checkScenarioMeta(lesson)).toEqual({ ok: true, scenario: lesson });
  });

  it('reports every malformed field with its path', () => {
    const result = checkScenarioMeta({
      id: 'x',
      title: '',
      summary: 's',
      category: 'tutorial',
      files: ['a.yaml', '../b.yaml', 'a.yaml'],
      expect: [],
      steps: [
        { title: 't', narrative: ' ', files: { 'p.yaml': 3, 'dir/q.yaml': null }, predict: ['a -> b', ''] },
        'step',
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      'expect: unknown field (expectations now live in expected.flows, listed in files)',
      'title: expected a non-empty string',
      'category: expected one of seed, recipe, mistake, lesson',
      'files[1]: expected a plain file name',
      'files: a file is listed twice',
      'steps[0].narrative: expected a non-empty string',
      `steps[0].files["p.yaml"]: expected a file name in the scenario's directory, or null`,
      'steps[0].files["dir/q.yaml"]: the key must be a plain file name',
      'steps[0].predict[1]: expected a non-empty flow query',
      'steps[1]: expected an object',
    ]);
  });

  it('rejects a value that is not an object, and empty lists', () => {
    expect(checkScenarioMeta([])).toEqual({ ok: false, problems: ['scenario: expected an object'] });
    const empty = checkScenarioMeta({ ...lesson, files: [], steps: [] });
    expect(empty.ok ? [] : empty.problems).toEqual(['files: expected a non-empty list of file names', 'steps: expected a non-empty list of steps']);
  });
});
