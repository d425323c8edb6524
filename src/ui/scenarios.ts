/**
 * The example scenarios (`examples/<id>/`), bundled into the app as raw text by Vite.
 * Node code (CLI, tests) reads the same directories with fs.
 */
import { checkScenarioMeta, DEMO_SCENARIO_ID, type ScenarioMeta } from '../../examples/scenario.ts';
import type { ManifestFile } from '../core/index.ts';

export interface Scenario extends ScenarioMeta {
  /** The manifests listed in `files`, in that order, as `{ name: '<id>/<file>', text }`. */
  readonly manifests: readonly ManifestFile[];
}

const rawFiles = import.meta.glob<string>('/examples/*/*', { query: '?raw', import: 'default', eager: true });

function loadScenarios(raw: Readonly<Record<string, string>>): readonly Scenario[] {
  const byDir = new Map<string, Map<string, string>>();
  for (const [path, text] of Object.entries(raw)) {
    const match = /^\/examples\/([^/]+)\/([^/]+)$/.exec(path);
    if (!match) continue;
    const [, dir = '', file = ''] = match;
    const files = byDir.get(dir) ?? new Map<string, string>();
    files.set(file, text);
    byDir.set(dir, files);
  }
  const scenarios: Scenario[] = [];
  for (const [dir, files] of [...byDir].sort(([a], [b]) => a.localeCompare(b))) {
    const metaText = files.get('scenario.json');
    if (metaText === undefined) continue;
    const checked = checkScenarioMeta(JSON.parse(metaText));
    if (!checked.ok) throw new Error(`examples/${dir}/scenario.json: ${checked.problems.join('; ')}`);
    const manifests = checked.scenario.files.map((name) => {
      const text = files.get(name);
      if (text === undefined) throw new Error(`examples/${dir}/scenario.json lists ${name}, which does not exist`);
      return { name: `${dir}/${name}`, text };
    });
    scenarios.push({ ...checked.scenario, manifests });
  }
  return scenarios;
}

/** Every bundled scenario, sorted by directory name. */
export const scenarios: readonly Scenario[] = loadScenarios(rawFiles);

export function findScenario(id: string): Scenario | undefined {
  return scenarios.find((s) => s.id === id);
}

/** The scenario the editor opens with (`examples/seed-all`). */
export function findDemoScenario(): Scenario {
  const scenario = findScenario(DEMO_SCENARIO_ID);
  if (!scenario) throw new Error(`the demo scenario examples/${DEMO_SCENARIO_ID} is missing`);
  return scenario;
}
