/** Reads `examples/<id>/` from disk, as Node code (tests, CLI) sees the scenarios. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkScenarioMeta, resolveStepFiles, type ScenarioMeta } from '../../examples/scenario.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const examplesDir = path.join(repoRoot, 'examples');
/** The shared docs and corpora, beside the repository (present in CI; suites skip without it). */
export const sharedDir = path.resolve(repoRoot, '..', 'shared');

/** The project's own copy of the conformance corpus (a fresh clone tests itself). */
export const conformanceDir = path.resolve(repoRoot, 'conformance');

interface NamedText {
  readonly name: string;
  readonly text: string;
}

export interface LoadedScenario extends ScenarioMeta {
  readonly dir: string;
  /** Every file listed in `files` (manifests and `expected.flows`), in order, named `<id>/<file>` as the UI names them. */
  readonly workspace: readonly NamedText[];
  /** The Kubernetes manifests among them (what `importManifests` takes): `workspace` without `.flows` files. */
  readonly manifests: readonly NamedText[];
  /** The workspace files at a step (0 = `workspace`), named as the UI names them, `.flows` files included. */
  stepFiles(stepIndex: number): readonly NamedText[];
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
  const meta = checked.scenario;
  const stepFiles = (stepIndex: number): readonly NamedText[] =>
    resolveStepFiles(meta, stepIndex).map(({ name, source }) => ({
      name: `${id}/${name}`,
      text: readFileSync(path.join(dir, source), 'utf8'),
    }));
  const workspace = stepFiles(0);
  return { ...meta, dir, workspace, manifests: manifestsOnly(workspace), stepFiles };
}

/** Only the Kubernetes manifests among workspace files (not the `.flows` assertion files). */
export function manifestsOnly<T extends NamedText>(files: readonly T[]): T[] {
  return files.filter((f) => !f.name.endsWith('.flows'));
}
