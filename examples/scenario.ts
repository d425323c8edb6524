/**
 * The shape of `examples/<id>/scenario.json`: a teaching scenario shared by the UI gallery,
 * the CLI and the tests. The manifests themselves live beside it, in the files it lists.
 * Pure data and a checker: no fs, no DOM (each caller reads the files its own way).
 */

export type ScenarioProtocol = 'TCP' | 'UDP' | 'SCTP';

/** One connection whose verdict the scenario pins: `from`/`to` are `ns/pod` ids or IP addresses. */
export interface ScenarioExpectation {
  readonly from: string;
  readonly to: string;
  readonly port: number;
  readonly protocol: ScenarioProtocol;
  readonly allowed: boolean;
}

export interface ScenarioMeta {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  /** Manifest files in the scenario's directory, in the order they are imported. */
  readonly files: readonly string[];
  readonly expect: readonly ScenarioExpectation[];
}

/** The scenario the editor opens with. */
export const DEMO_SCENARIO_ID = 'seed-all';

const PROTOCOLS: readonly string[] = ['TCP', 'UDP', 'SCTP'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkExpectation(value: unknown, path: string, problems: string[]): void {
  if (!isRecord(value)) {
    problems.push(`${path}: expected an object`);
    return;
  }
  for (const key of ['from', 'to'] as const) {
    if (typeof value[key] !== 'string' || value[key] === '') problems.push(`${path}.${key}: expected a non-empty string`);
  }
  const port = value['port'];
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    problems.push(`${path}.port: expected an integer in 1..65535`);
  }
  if (typeof value['protocol'] !== 'string' || !PROTOCOLS.includes(value['protocol'])) {
    problems.push(`${path}.protocol: expected one of ${PROTOCOLS.join(', ')}`);
  }
  if (typeof value['allowed'] !== 'boolean') problems.push(`${path}.allowed: expected a boolean`);
}

/**
 * Checks parsed `scenario.json` content. Returns the scenario, or the list of problems
 * (each prefixed with its field path) when the data does not have the expected shape.
 */
export function checkScenarioMeta(
  value: unknown,
): { readonly ok: true; readonly scenario: ScenarioMeta } | { readonly ok: false; readonly problems: readonly string[] } {
  const problems: string[] = [];
  if (!isRecord(value)) return { ok: false, problems: ['scenario: expected an object'] };
  for (const key of ['id', 'title', 'summary'] as const) {
    if (typeof value[key] !== 'string' || value[key] === '') problems.push(`${key}: expected a non-empty string`);
  }
  const files = value['files'];
  if (!Array.isArray(files) || files.length === 0 || !files.every((f) => typeof f === 'string' && f !== '')) {
    problems.push('files: expected a non-empty list of file names');
  }
  const expect = value['expect'];
  if (!Array.isArray(expect)) problems.push('expect: expected a list');
  else expect.forEach((e, i) => checkExpectation(e, `expect[${i}]`, problems));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, scenario: value as unknown as ScenarioMeta };
}
