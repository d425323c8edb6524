/**
 * `npm run bench`: import and full-matrix timings of the core on generated clusters, plus the
 * per-pair baseline peer analyzers use. Each size runs in its own process so peak memory is its own.
 * `npm run bench -- --json` prints one JSON document instead of the table.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { importManifests } from '../src/core/parse/index.ts';
import { createEvaluator } from '../src/core/evaluate/evaluator.ts';
import { PROTOCOLS } from '../src/core/model/types.ts';
import { naiveAllowed } from '../test/core/evaluate/naive-reference.ts';
import { generateClusterYaml, SIZES, type ClusterSize } from './generate-cluster.ts';

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

const args = process.argv.slice(2);
const only = args.indexOf('--size');
if (only >= 0) {
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
}
