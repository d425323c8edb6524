/**
 * One fuzz input through everything the editor does with a paste (import, evaluator, both
 * matrices, flow counts, lint, a verdict and its explanation), returning what went wrong as
 * plain strings: a throw at any stage, an issue that is not a clear error, or a NetworkPolicy
 * that vanished without an error. Runs inside the fuzz worker (fuzz-worker-main.ts).
 */
import { CORE_SCHEMA, loadAll, mergeTag } from 'js-yaml';
import {
  gatherNamespacePairs,
  scanMatrixFlows,
  createEvaluator,
  explainVerdict,
  importManifests,
  lintCluster,
  type ClusterModel,
  type Evaluator,
  type Issue,
  type ManifestFile,
} from '../../src/core/index.ts';

export interface FuzzJob {
  /** The mutated file first, then the files imported with it unchanged. */
  readonly files: readonly ManifestFile[];
}

export interface FuzzOutcome {
  readonly violations: readonly string[];
  /** Time import and evaluation took, in milliseconds, the checks not counted (reported, never asserted). */
  readonly ms: number;
}

/** Pods above which the pod-granularity matrix is skipped (the workload matrix still runs). */
const MAX_PODS_FOR_POD_MATRIX = 500;

const SEVERITIES = new Set(['error', 'warning', 'info']);
const CODE = /^[a-z][a-z0-9]*(?:[-/][a-z0-9]+)*$/;
/** What a message shows when code formatted a value it should not have (unless the text has it). */
const LEAKS = ['undefined', '[object Object]', 'NaN', 'function ', '=>'] as const;
const STACK = /\n\s+at |\bat [\w.<>]+ \(.*:\d+:\d+\)/;

function firstLines(err: unknown): string {
  const text = err instanceof Error ? (err.stack ?? err.message) : String(err);
  return text.split('\n').slice(0, 4).join(' | ');
}

/**
 * The input files by name, with their lines (split once: a garbage file has a thousand issues).
 * A line ends at \n or at a lone \r, as the importer counts lines (a \r\n line keeps its \r).
 */
export type InputTexts = ReadonlyMap<string, { readonly text: string; readonly lines: readonly string[] }>;

export function inputTexts(files: readonly ManifestFile[]): InputTexts {
  return new Map(files.map((f) => [f.name, { text: f.text, lines: f.text.split(/\n|\r(?!\n)/) }]));
}

/** Whether an issue is a clear error: stable code, readable message, a position inside the text. */
export function issueProblems(issue: Issue, texts: InputTexts): string[] {
  const out: string[] = [];
  const where = `${issue.code} at ${issue.file}:${issue.line}:${issue.column}`;
  if (typeof issue.code !== 'string' || !CODE.test(issue.code)) out.push(`bad code ${JSON.stringify(issue.code)}`);
  if (!SEVERITIES.has(issue.severity)) out.push(`${where}: bad severity ${JSON.stringify(issue.severity)}`);
  const input = texts.get(issue.file);
  if (typeof issue.message !== 'string' || issue.message.trim() === '') out.push(`${where}: empty message`);
  else {
    for (const leak of LEAKS) {
      if (issue.message.includes(leak) && !(input?.text ?? '').includes(leak)) out.push(`${where}: message shows "${leak}": ${issue.message}`);
    }
    if (STACK.test(issue.message)) out.push(`${where}: message has a stack trace: ${issue.message}`);
  }
  if (input === undefined) {
    out.push(`${where}: names no input file`);
    return out;
  }
  const lines = input.lines;
  const inside = (line: unknown, column: unknown): boolean =>
    Number.isInteger(line) &&
    Number.isInteger(column) &&
    (line as number) >= 1 &&
    (line as number) <= lines.length &&
    (column as number) >= 1 &&
    (column as number) <= (lines[(line as number) - 1] as string).length + 1;
  if (!inside(issue.line, issue.column)) out.push(`${where}: position outside the text (${lines.length} lines)`);
  if (issue.endLine !== undefined || issue.endColumn !== undefined) {
    const after = (issue.endLine ?? 0) > issue.line || (issue.endLine === issue.line && (issue.endColumn ?? 0) >= issue.column);
    if (!inside(issue.endLine, issue.endColumn) || !after) out.push(`${where}: end ${issue.endLine}:${issue.endColumn} is outside the text or before the start`);
  }
  return out;
}

const SCHEMA = CORE_SCHEMA.withTags(mergeTag);

/** The documents of a text as an independent reader sees them; undefined when it cannot read them. */
function oracleDocuments(text: string): unknown[] | undefined {
  const first = /[^\s\uFEFF]/.exec(text);
  if (first && (first[0] === '{' || first[0] === '[')) {
    try {
      return [JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)];
    } catch {
      // not JSON: read as YAML below
    }
  }
  try {
    return loadAll(text, { schema: SCHEMA });
  } catch {
    return undefined;
  }
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `namespace/name` of every NetworkPolicy in the documents (Lists included) with a usable name. */
function networkPolicyKeys(documents: readonly unknown[]): string[] {
  const keys: string[] = [];
  const visit = (value: unknown, inheritedKind: string | undefined, depth: number): void => {
    if (!isMap(value) || depth > 5) return;
    const kind = typeof value.kind === 'string' && value.kind ? value.kind : inheritedKind;
    if (kind === undefined) return;
    if (kind.endsWith('List') && (Array.isArray(value.items) || kind === 'List')) {
      const itemKind = kind === 'List' ? undefined : kind.slice(0, -4);
      if (Array.isArray(value.items)) for (const item of value.items) visit(item, itemKind, depth + 1);
      return;
    }
    if (kind !== 'NetworkPolicy' || !isMap(value.metadata)) return;
    const { name, namespace } = value.metadata;
    if (typeof name === 'string' && name) keys.push(`${typeof namespace === 'string' && namespace ? namespace : 'default'}/${name}`);
  };
  for (const doc of documents) visit(doc, undefined, 0);
  return keys;
}

/**
 * No silent loss: when an independent YAML reader cannot read the mutated file, import must
 * report an error in it; when it can, every NetworkPolicy it finds is in the model or the file
 * has at least as many errors as policies went missing.
 */
export function lossProblems(target: ManifestFile, model: ClusterModel, issues: readonly Issue[]): string[] {
  const errors = issues.filter((i) => i.file === target.name && i.severity === 'error').length;
  const documents = oracleDocuments(target.text);
  if (documents === undefined) return errors > 0 ? [] : ['js-yaml cannot read the file, but import reported no error in it'];
  if (issues.some((i) => i.code === 'too-many-issues')) return [];
  const inModel = new Set(model.policies.map((p) => `${p.namespace}/${p.name}`));
  const missing = [...new Set(networkPolicyKeys(documents))].filter((k) => !inModel.has(k));
  return missing.length > errors ? [`NetworkPolicies ${missing.join(', ')} are missing from the model with only ${errors} errors reported`] : [];
}

function evaluate(model: ClusterModel, files: readonly ManifestFile[], out: string[]): void {
  const stage = <T>(name: string, run: () => T): T | undefined => {
    try {
      return run();
    } catch (err) {
      out.push(`${name} threw: ${firstLines(err)}`);
      return undefined;
    }
  };
  const evaluator = stage<Evaluator>('createEvaluator', () => createEvaluator(model));
  if (!evaluator) return;
  const workloads = stage('matrixData(workload)', () => evaluator.matrixData({ granularity: 'workload' }));
  if (workloads && workloads.units.length !== model.workloads.length) out.push(`workload matrix has ${workloads.units.length} units for ${model.workloads.length} workloads`);
  // What the editor computes from it with every analysis (src/ui/analysis.ts): the pairs worth a flow, the namespace tables.
  if (workloads) stage('scanMatrixFlows', () => scanMatrixFlows(workloads));
  if (workloads) stage('gatherNamespacePairs', () => gatherNamespacePairs(workloads));
  if (model.pods.length <= MAX_PODS_FOR_POD_MATRIX) {
    const pods = stage('matrixData(pod)', () => evaluator.matrixData({ granularity: 'pod' }));
    if (pods && pods.units.length !== model.pods.length) out.push(`pod matrix has ${pods.units.length} units for ${model.pods.length} pods`);
  }
  const warnings = stage('lintCluster', () => lintCluster(model, evaluator, { files }));
  const texts = inputTexts(files);
  for (const w of warnings ?? []) for (const p of issueProblems(w, texts)) out.push(`lint: ${p}`);
  const first = model.pods[0];
  const last = model.pods[model.pods.length - 1];
  if (first && last) {
    stage('verdict(pod, pod)', () => explainVerdict(evaluator.verdict(first.id, last.id, 'TCP', 80)));
    stage('verdict(pod, address)', () => explainVerdict(evaluator.verdict(first.id, '203.0.113.9', 'UDP', 53)));
    stage('verdict(address, pod)', () => explainVerdict(evaluator.verdict('2001:db8::1', last.id, 'SCTP', 65535)));
  }
}

export function checkInput(job: FuzzJob): FuzzOutcome {
  let started = performance.now();
  const out: string[] = [];
  const target = job.files[0] as ManifestFile;
  let result: ReturnType<typeof importManifests> | undefined;
  try {
    result = importManifests(job.files);
  } catch (err) {
    out.push(`importManifests threw: ${firstLines(err)}`);
  }
  let ms = performance.now() - started;
  if (result) {
    const texts = inputTexts(job.files);
    for (const issue of result.issues) {
      // importManifests turns its own crashes into these: for the fuzz, they are crashes.
      if (issue.code === 'internal-error' || issue.code === 'parse-failed') out.push(`crash reported as an issue: ${issue.message}`);
      for (const p of issueProblems(issue, texts)) out.push(p);
    }
    out.push(...lossProblems(target, result.model, result.issues));
    started = performance.now();
    evaluate(result.model, job.files, out);
    ms += performance.now() - started;
  }
  if ((Object.prototype as Record<string, unknown>).polluted !== undefined) out.push('Object.prototype was polluted');
  return { violations: out, ms };
}
