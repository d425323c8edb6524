/**
 * The shape of `examples/<id>/scenario.json`: a teaching scenario shared by the UI gallery,
 * guided mode, the CLI and the tests. The manifests and the `expected.flows` assertions live
 * beside it, in the files it lists. Pure data and a checker: no fs, no DOM (each caller reads
 * the files its own way).
 */

export const SCENARIO_CATEGORIES = ['seed', 'recipe', 'mistake', 'lesson'] as const;
export type ScenarioCategory = (typeof SCENARIO_CATEGORIES)[number];

/** One step of a guided scenario: what changes, why flows flip, what to predict first. */
export interface ScenarioStep {
  readonly title: string;
  /** Plain words: what this step changes and which flows flip, and why. */
  readonly narrative: string;
  /**
   * Workspace file name (as in the scenario's `files`, or a new one) → the file in the
   * scenario's directory holding its content from this step on; `null` removes the file.
   * Files not named keep the content of the previous step.
   */
  readonly files: Readonly<Record<string, string | null>>;
  /** Flow queries (`FROM -> TO [PROTOCOL] [PORT]`, no verdict) to predict before the step is shown. */
  readonly predict?: readonly string[];
}

export interface ScenarioMeta {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly category: ScenarioCategory;
  /** Files in the scenario's directory (manifests and `expected.flows`), in tab order. */
  readonly files: readonly string[];
  readonly steps?: readonly ScenarioStep[];
}

/** The scenario the editor opens with. */
export const DEMO_SCENARIO_ID = 'seed-all';

/** The name of the assertions file every scenario carries. */
export const EXPECTED_FLOWS_FILE = 'expected.flows';

/** One workspace file at a step: its name in the workspace and the scenario file holding it. */
export interface ScenarioFileAtStep {
  readonly name: string;
  readonly source: string;
}

/**
 * The workspace files at `stepIndex`: the base `files` (step 0) with the `files` mappings of
 * steps 1..stepIndex applied in turn. A new name is added after the existing ones; `null`
 * removes. `stepIndex` is clamped to 0..steps.length.
 */
export function resolveStepFiles(meta: ScenarioMeta, stepIndex: number): readonly ScenarioFileAtStep[] {
  const steps = meta.steps ?? [];
  const last = Math.max(0, Math.min(Math.trunc(stepIndex) || 0, steps.length));
  const current = new Map<string, string>(meta.files.map((name) => [name, name]));
  for (const step of steps.slice(0, last)) {
    for (const [name, source] of Object.entries(step.files)) {
      if (source === null) current.delete(name);
      else current.set(name, source);
    }
  }
  return [...current].map(([name, source]) => ({ name, source }));
}

/** Every file of the scenario's directory that the scenario reads, base and steps, once each. */
export function listScenarioSources(meta: ScenarioMeta): readonly string[] {
  const sources = new Set(meta.files);
  for (const step of meta.steps ?? []) {
    for (const source of Object.values(step.files)) if (source !== null) sources.add(source);
  }
  return [...sources];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isFileName = (value: unknown): value is string =>
  typeof value === 'string' && value !== '' && !value.includes('/') && !value.includes('\\') && value !== '.' && value !== '..';

function checkText(value: Record<string, unknown>, key: string, path: string, problems: string[]): void {
  if (typeof value[key] !== 'string' || (value[key] as string).trim() === '') problems.push(`${path}${key}: expected a non-empty string`);
}

function checkStep(value: unknown, path: string, problems: string[]): void {
  if (!isRecord(value)) {
    problems.push(`${path}: expected an object`);
    return;
  }
  checkText(value, 'title', `${path}.`, problems);
  checkText(value, 'narrative', `${path}.`, problems);
  const files = value['files'];
  if (!isRecord(files)) problems.push(`${path}.files: expected an object mapping file names to files or null`);
  else {
    for (const [name, source] of Object.entries(files)) {
      const at = `${path}.files[${JSON.stringify(name)}]`;
      if (!isFileName(name)) problems.push(`${at}: the key must be a plain file name`);
      if (source !== null && !isFileName(source)) problems.push(`${at}: expected a file name in the scenario's directory, or null`);
    }
  }
  const predict = value['predict'];
  if (predict === undefined) return;
  if (!Array.isArray(predict)) problems.push(`${path}.predict: expected a list of flow queries`);
  else {
    predict.forEach((query, i) => {
      if (typeof query !== 'string' || query.trim() === '') problems.push(`${path}.predict[${i}]: expected a non-empty flow query`);
    });
  }
}

const KNOWN_KEYS = new Set(['id', 'title', 'summary', 'category', 'files', 'steps']);

/**
 * Checks parsed `scenario.json` content. Returns the scenario, or the list of problems
 * (each prefixed with its field path) when the data does not have the expected shape.
 */
export function checkScenarioMeta(
  value: unknown,
): { readonly ok: true; readonly scenario: ScenarioMeta } | { readonly ok: false; readonly problems: readonly string[] } {
  const problems: string[] = [];
  if (!isRecord(value)) return { ok: false, problems: ['scenario: expected an object'] };
  for (const key of Object.keys(value)) {
    if (!KNOWN_KEYS.has(key)) problems.push(`${key}: unknown field${key === 'expect' ? ` (expectations now live in ${EXPECTED_FLOWS_FILE}, listed in files)` : ''}`);
  }
  for (const key of ['id', 'title', 'summary'] as const) checkText(value, key, '', problems);
  const category = value['category'];
  if (typeof category !== 'string' || !(SCENARIO_CATEGORIES as readonly string[]).includes(category)) {
    problems.push(`category: expected one of ${SCENARIO_CATEGORIES.join(', ')}`);
  }
  const files = value['files'];
  if (!Array.isArray(files) || files.length === 0) problems.push('files: expected a non-empty list of file names');
  else {
    files.forEach((file, i) => {
      if (!isFileName(file)) problems.push(`files[${i}]: expected a plain file name`);
    });
    if (new Set(files).size !== files.length) problems.push('files: a file is listed twice');
  }
  const steps = value['steps'];
  if (steps !== undefined) {
    if (!Array.isArray(steps) || steps.length === 0) problems.push('steps: expected a non-empty list of steps');
    else steps.forEach((step, i) => checkStep(step, `steps[${i}]`, problems));
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, scenario: value as unknown as ScenarioMeta };
}
