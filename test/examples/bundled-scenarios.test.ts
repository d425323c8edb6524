import { describe, expect, it } from 'vitest';
import { DEMO_SCENARIO_ID } from '../../examples/scenario.ts';
import { findDemoScenario, findScenario, scenarios } from '../../src/ui/scenarios.ts';
import { loadScenario, scenarioIds } from '../helpers/scenarios.ts';

describe('the scenarios bundled into the app', () => {
  it('are every folder of examples/, sorted, and the demo is seed-all', () => {
    expect(scenarios.map((s) => s.id)).toEqual(scenarioIds());
    expect(findDemoScenario().id).toBe(DEMO_SCENARIO_ID);
    expect(findScenario('no-such-scenario')).toBeUndefined();
  });

  it('load the demo as its three tabs, named <id>/<file>', () => {
    expect(findDemoScenario().manifests.map((f) => f.name)).toEqual(['seed-all/cluster.yaml', 'seed-all/policies.yaml', 'seed-all/expected.flows']);
  });

  it.each(scenarioIds())('%s: the same files as on disk, at every step', (id) => {
    const bundled = findScenario(id);
    const onDisk = loadScenario(id);
    expect(bundled?.manifests).toEqual(onDisk.stepFiles(0));
    for (let step = 0; step <= (onDisk.steps?.length ?? 0) + 1; step++) {
      expect(bundled?.stepFiles(step)).toEqual(onDisk.stepFiles(step));
    }
  });

  it('keep a tab name from step to step while its content changes', () => {
    const lesson = findScenario('lesson-default-deny');
    const before = lesson?.stepFiles(0).find((f) => f.name === 'lesson-default-deny/policies.yaml');
    const after = lesson?.stepFiles(1).find((f) => f.name === 'lesson-default-deny/policies.yaml');
    expect(before?.text).toContain('No NetworkPolicy yet');
    expect(after?.text).toContain('name: default-deny-ingress');
  });
});
