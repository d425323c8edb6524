/**
 * Hostile and broken input: random mutations of real manifests (the project's conformance
 * clusters and cases, and ../shared's interop inputs when present) must never make import or
 * evaluation throw; every problem comes back as an issue with a position inside the text.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importManifests } from '../../../src/core/parse/index.ts';
import { createEvaluator } from '../../../src/core/evaluate/evaluator.ts';

const root = resolve(__dirname, '../../..');

function manifestFiles(dir: string, limit: number): string[] {
  const out: string[] = [];
  const walk = (path: string) => {
    if (out.length >= limit) return;
    if (statSync(path).isDirectory()) readdirSync(path).sort().forEach((e) => walk(join(path, e)));
    else if (/\.(ya?ml|json)$/.test(path) && statSync(path).size < 200_000) out.push(path);
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

const casePolicies = readdirSync(join(root, 'conformance/cases'))
  .sort()
  .map((f) => (JSON.parse(readFileSync(join(root, 'conformance/cases', f), 'utf8')) as { policies: string }).policies);
const corpus = [
  ...manifestFiles(join(root, 'conformance/clusters'), 40).map((f) => readFileSync(f, 'utf8')),
  ...casePolicies,
  ...manifestFiles(resolve(root, '../shared/interop/np-guard/cases'), 60).map((f) => readFileSync(f, 'utf8')),
];

type Mutation = (text: string) => string;

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.nat({ max: 40 })).map(([at, n]): Mutation => (t) => t.slice(0, at % (t.length + 1)) + t.slice((at % (t.length + 1)) + n)),
  fc.tuple(fc.nat(), fc.string({ maxLength: 12 })).map(([at, s]): Mutation => (t) => t.slice(0, at % (t.length + 1)) + s + t.slice(at % (t.length + 1))),
  fc.tuple(fc.nat(), fc.constantFrom('- ', '  ', '\t', ':', '{', '[', '&a ', '*a', '!!binary ', '---\n', '"', "'", '\u0000', '\u202e', '<img src=x onerror=alert(1)>')).map(
    ([at, s]): Mutation => (t) => t.slice(0, at % (t.length + 1)) + s + t.slice(at % (t.length + 1)),
  ),
  fc.nat().map((at): Mutation => (t) => {
    const lines = t.split('\n');
    const i = at % Math.max(1, lines.length);
    return [...lines.slice(0, i), lines[i] ?? '', ...lines.slice(i)].join('\n');
  }),
  fc.nat().map((at): Mutation => (t) => {
    const lines = t.split('\n');
    const i = at % Math.max(1, lines.length);
    return lines.map((l, k) => (k === i ? l.replace(/^ {2}/, '') : l)).join('\n');
  }),
  fc.nat().map((at): Mutation => (t) => t.slice(0, at % (t.length + 1))),
);

describe('import and evaluation under mutated real manifests', () => {
  it('never throw; every issue points inside the text', () => {
    expect(corpus.length).toBeGreaterThan(50);
    fc.assert(
      fc.property(fc.constantFrom(...corpus), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (original, mutations) => {
        const text = mutations.reduce((t, m) => m(t), original);
        const { model, issues } = importManifests([{ name: 'mutated.yaml', text }]);
        const lines = text.split('\n').length;
        for (const issue of issues) {
          expect(issue.file).toBe('mutated.yaml');
          expect(issue.line).toBeGreaterThanOrEqual(1);
          expect(issue.line).toBeLessThanOrEqual(lines + 1);
          expect(issue.column).toBeGreaterThanOrEqual(1);
          expect(issue.message.length).toBeGreaterThan(0);
        }
        const evaluator = createEvaluator(model);
        const matrix = evaluator.matrix({ granularity: 'workload' });
        expect(matrix.units.length).toBe(model.workloads.length);
        const first = model.pods[0];
        if (first) expect(typeof evaluator.verdict(first.id, '10.0.0.1', 'TCP', 80).allowed).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  }, 180_000);
});
