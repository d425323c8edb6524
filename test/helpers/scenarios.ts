/** Reads `examples/<id>/` from disk, as Node code (tests, CLI) sees the scenarios. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkScenarioMeta, type ScenarioMeta } from '../../examples/scenario.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const examplesDir = path.join(repoRoot, 'examples');
/** The shared docs and corpora, beside the repository (present in CI; suites skip without it). */
export const sharedDir = path.resolve(repoRoot, '..', 'shared');

/** The project's own copy of the conformance corpus (a fresh clone tests itself). */
export const conformanceDir = path.resolve(repoRoot, 'conformance');

export interface LoadedScenario extends ScenarioMeta {
  readonly dir: string;
  /** The files listed in `files`, in order, named `<id>/<file>` as the UI names them. */
  readonly manifests: readonly { readonly name: string; readonly text: string }[];
}

export function scenarioIds(): string[] {
  return readdirSync(examplesDir)
    .filter((entry) => statSync(path.join(examplesDir, entry)).isDirectory())
    .sort();
}

export function loadScenario(id: string): LoadedScenario {
  const dir = path.join(examplesDir, id);
  const checked = checkScenarioMeta(JSON.parse(readFileSync(path.join(dir, 'scenario.json'), 'utf8')));
  if (!checked.ok) throw new Error(`examples/${id}/scenario.json: ${checked.problems.join('; ')}`);
  const manifests = checked.scenario.files.map((name) => ({
    name: `${id}/${name}`,
    text: readFileSync(path.join(dir, name), 'utf8'),
  }));
  return { ...checked.scenario, dir, manifests };
}
