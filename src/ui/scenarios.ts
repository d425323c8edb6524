/**
 * The example scenarios (`examples/<id>/`), bundled into the app as raw text by Vite.
 * Node code (CLI, tests) reads the same directories with fs.
 */
import { checkScenarioMeta, DEMO_SCENARIO_ID, listScenarioSources, resolveStepFiles, type ScenarioMeta } from '../../examples/scenario.ts';
import type { ManifestFile } from '../core/index.ts';

export type { ScenarioCategory, ScenarioStep } from '../../examples/scenario.ts';
export { SCENARIO_CATEGORIES } from '../../examples/scenario.ts';

export interface Scenario extends ScenarioMeta {
  /** The files listed in `files` (manifests and `expected.flows`), in that order, as `{ name: '<id>/<file>', text }`. */
  readonly manifests: readonly ManifestFile[];
  /**
   * The workspace files at a step of a guided scenario: step 0 is `manifests`; step n applies the
   * `files` mappings of steps 1..n in turn. Names stay `<id>/<workspace file>` whichever scenario
   * file holds the content, so the same tab keeps its name from step to step. Out-of-range steps
   * are clamped.
   */
  stepFiles(stepIndex: number): readonly ManifestFile[];
}

const rawFiles = import.meta.glob<string>('/examples/*/*', { query: '?raw', import: 'default', eager: true });

/** Builds a scenario from its checked metadata and the text of its directory's files; throws naming a missing file. */
export function buildScenario(dir: string, meta: ScenarioMeta, files: ReadonlyMap<string, string>): Scenario {
  for (const source of listScenarioSources(meta)) {
    if (!files.has(source)) throw new Error(`examples/${dir}/scenario.json names ${source}, which does not exist`);
  }
  const stepFiles = (stepIndex: number): readonly ManifestFile[] =>
    resolveStepFiles(meta, stepIndex).map(({ name, source }) => ({ name: `${dir}/${name}`, text: files.get(source) ?? '' }));
  return { ...meta, manifests: stepFiles(0), stepFiles };
}

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
    scenarios.push(buildScenario(dir, checked.scenario, files));
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
