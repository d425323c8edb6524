/**
 * `npm run bench`: import and full-matrix timings of the core on generated clusters, plus the
 * per-pair baseline peer analyzers use. Each size runs in its own process so peak memory is its own.
 * `npm run bench -- --json` prints one JSON document instead of the table.
 * Then the hostile inputs (bench/generate-hostile.ts), each at doubling sizes, timed per phase;
 * `npm run bench -- --hostile` runs only those.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { importManifests } from '../src/core/parse/index.ts';
import { createEvaluator } from '../src/core/evaluate/evaluator.ts';
import { PROTOCOLS } from '../src/core/model/types.ts';
import { naiveAllowed } from '../test/core/evaluate/naive-reference.ts';
import { generateClusterYaml, SIZES, type ClusterSize } from './generate-cluster.ts';
import { scanMatrixFlows } from '../src/core/evaluate/flow-counts.ts';
import { lintCluster } from '../src/core/lint/lint.ts';
import { ipv6Blocks, oldMacLineEndings, policiesOnlyPeers, rulesTimesPorts } from './generate-hostile.ts';

interface SizeResult {
  pods: number;
  workloads: number;
  policies: number;
  yamlMB: number;
  importMs: number;
  matrixMs: number;
  ratio: number;
  peakMB: number;
  perPairMs?: number;
  perPairSampled?: number;
  speedup?: number;
}

const PER_PAIR_SAMPLE = 4_000;
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Per-pair evaluation as peer analyzers do it: every workload pair, every port class, re-matching each time. */
function timePerPair(model: ReturnType<typeof importManifests>['model'], ports: readonly { protocol: (typeof PROTOCOLS)[number]; port: number }[]) {
  const reps = model.workloads.map((w) => w.podIds[0]!);
  const totalPairs = reps.length * reps.length;
  const sample = Math.min(totalPairs, PER_PAIR_SAMPLE);
  const start = performance.now();
  for (let k = 0; k < sample; k++) {
    const pair = Math.floor((k * totalPairs) / sample);
    const from = reps[Math.floor(pair / reps.length)]!;
    const to = reps[pair % reps.length]!;
    for (const p of ports) naiveAllowed(model, from, to, p.protocol, p.port);
  }
  const elapsed = performance.now() - start;
  return { perPairMs: (elapsed / sample) * totalPairs, sampled: sample };
}

function runSize(index: number): SizeResult {
  const size: ClusterSize = SIZES[index]!;
  const yaml = generateClusterYaml(size);
  global.gc?.();
  const t0 = performance.now();
  const { model, issues } = importManifests([{ name: 'bench.yaml', text: yaml }], { maxBytes: 64 * 1024 * 1024 });
  const importMs = performance.now() - t0;
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) throw new Error(`generated cluster has errors: ${errors[0]!.message}`);
  const t1 = performance.now();
  const evaluator = createEvaluator(model);
  const matrix = evaluator.matrix({ granularity: 'workload' });
  const matrixMs = performance.now() - t1;
  const result: SizeResult = {
    pods: size.pods,
    workloads: model.workloads.length,
    policies: model.policies.length,
    yamlMB: round(yaml.length / 1024 / 1024, 2),
    importMs: round(importMs),
    matrixMs: round(matrixMs),
    ratio: round(matrixMs / importMs, 3),
    peakMB: 0,
  };
  if (size.pods === 500 || size.pods === 5_000) {
    const ports = matrix.portClasses.map((c) => c.probe);
    const { perPairMs, sampled } = timePerPair(model, ports);
    result.perPairMs = round(perPairMs);
    result.perPairSampled = sampled;
    result.speedup = round(perPairMs / matrixMs);
  }
  result.peakMB = round(process.resourceUsage().maxRSS / 1024);
  return result;
}

function printTable(results: readonly SizeResult[]): void {
  const header = ['pods', 'workloads', 'policies', 'YAML MB', 'import ms', 'matrix ms', 'matrix/import', 'peak MB', 'per-pair ms', 'speedup'];
  const rows = results.map((r) => [
    r.pods, r.workloads, r.policies, r.yamlMB, r.importMs, r.matrixMs, r.ratio, r.peakMB,
    r.perPairMs === undefined ? '-' : `${r.perPairMs}${r.perPairSampled ? ' (est.)' : ''}`,
    r.speedup === undefined ? '-' : `${r.speedup}x`,
  ].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log(`\nper-pair: the naive reference evaluator (re-matching every selector for every pair) over every workload pair`);
  console.log(`and port class, timed on ${PER_PAIR_SAMPLE} evenly spread pairs and scaled to all pairs. Targets: matrix/import <= 1,`);
  console.log(`speedup >= 100x at 5,000 pods, peak under 2 GB at 50,000 pods.`);
}

interface HostileResult {
  input: string;
  size: number;
  kb: number;
  pods: number;
  portClasses: number;
  importMs: number;
  /** The workload matrix and the flows the canvas draws (scanMatrixFlows). */
  workloadMs: number;
  podMs: number;
  lintMs: number;
}

const HOSTILE: readonly { input: string; sizes: readonly number[]; text: (size: number) => string }[] = [
  { input: 'policies-only peers', sizes: [750, 1_500, 3_000], text: policiesOnlyPeers },
  { input: 'rules x 100 ports', sizes: [75, 150, 300], text: (n) => rulesTimesPorts(n) },
  { input: 'IPv6 ipBlocks', sizes: [1_000, 2_000, 4_000], text: ipv6Blocks },
];

function timed<T>(run: () => T): [T, number] {
  const start = performance.now();
  const value = run();
  return [value, round(performance.now() - start)];
}

function runHostile(input: string, size: number, text: string): HostileResult {
  global.gc?.();
  const files = [{ name: 'hostile.yaml', text }];
  const [{ model }, importMs] = timed(() => importManifests(files));
  const evaluator = createEvaluator(model);
  const [workload, workloadMs] = timed(() => {
    const data = evaluator.matrixData({ granularity: 'workload' });
    scanMatrixFlows(data);
    return data;
  });
  const [, podMs] = timed(() => evaluator.matrixData({ granularity: 'pod' }));
  const [, lintMs] = timed(() => lintCluster(model, evaluator, { files }));
  return { input, size, kb: round(text.length / 1024), pods: model.pods.length, portClasses: workload.portClasses.length, importMs, workloadMs, podMs, lintMs };
}

function printHostile(results: readonly HostileResult[], lineEndings: string): void {
  const header = ['hostile input', 'size', 'KB', 'pods', 'port classes', 'import ms', 'workload matrix ms', 'pod matrix ms', 'lint ms'];
  const rows = results.map((r) => [r.input, r.size, r.kb, r.pods, r.portClasses, r.importMs, r.workloadMs, r.podMs, r.lintMs].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`
${line(header)}`);
  for (const row of rows) console.log(line(row));
  console.log(lineEndings);
  console.log(`Issue #6: each input imported, evaluated and linted within a second. Doubling a size about doubles each phase, except`);
  console.log(`the matrices of n distinct pods: n x n cells and up to n x n drawn pairs, so they grow four times.`);
}

function hostileLineEndings(): string {
  const { text, errorLine } = oldMacLineEndings(2_000);
  const [{ issues }, ms] = timed(() => importManifests([{ name: 'old-mac.yaml', text }]));
  const error = issues.find((i) => i.code === 'invalid-port');
  return `old Mac line endings (2,000 policies, ${round(text.length / 1024)} KB, lone \\r): import ${ms} ms, invalid port reported at line ${error?.line ?? '-'} (written at line ${errorLine})`;
}

function hostileSection(json: boolean): void {
  const results = HOSTILE.flatMap(({ input, sizes, text }) => sizes.map((size) => runHostile(input, size, text(size))));
  const lineEndings = hostileLineEndings();
  if (json) console.log(JSON.stringify({ hostile: results, lineEndings }, null, 2));
  else printHostile(results, lineEndings);
}

const args = process.argv.slice(2);
const only = args.indexOf('--size');
if (args.includes('--hostile')) {
  hostileSection(args.includes('--json'));
} else if (only >= 0) {
  process.stdout.write(JSON.stringify(runSize(Number(args[only + 1]))));
} else {
  const self = fileURLToPath(import.meta.url);
  const results = SIZES.map((_, i) => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--expose-gc', self, '--size', String(i)], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    return JSON.parse(out) as SizeResult;
  });
  if (args.includes('--json')) console.log(JSON.stringify({ sizes: results }, null, 2));
  else printTable(results);
  hostileSection(args.includes('--json'));
}
