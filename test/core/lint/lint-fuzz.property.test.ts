/**
 * Lint on broken and odd text: random line edits of the example scenarios' manifests must never
 * make lintCluster throw, and every warning must point at a line of the file it names: the same
 * position locateField gives for the whole file (lint reads only the documents it needs).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEvaluator, importManifests, lintCluster } from '../../../src/core/index.ts';
import { locateField } from '../../../src/core/parse/index.ts';

const examples = resolve(__dirname, '../../../examples');
const corpus = readdirSync(examples)
  .filter((d) => statSync(join(examples, d)).isDirectory())
  .sort()
  .map((d) =>
    readdirSync(join(examples, d))
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => readFileSync(join(examples, d, f), 'utf8'))
      .join('---\n'),
  )
  .filter((text) => text.length > 0);

type Edit = (lines: string[]) => string[];
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.nat().map((at): Edit => (lines) => lines.filter((_, i) => i !== at % lines.length)),
  fc.nat().map((at): Edit => (lines) => lines.flatMap((l, i) => (i === at % lines.length ? [l, l] : [l]))),
  fc.tuple(fc.nat(), fc.constantFrom('  ', '- ', '')).map(([at, prefix]): Edit => (lines) => lines.map((l, i) => (i === at % lines.length ? prefix + l.trimStart() : l))),
);

describe('lintCluster on edited example manifests', () => {
  it('never throws and points inside the text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...corpus), fc.array(editArb, { maxLength: 6 }), (text, edits) => {
        const edited = edits.reduce((lines, edit) => (lines.length > 0 ? edit(lines) : lines), text.split('\n')).join('\n');
        const files = [{ name: 'edited.yaml', text: edited }];
        const { model } = importManifests(files);
        const lines = edited.split('\n').length;
        for (const w of lintCluster(model, createEvaluator(model), { files })) {
          expect(w.file).toBe('edited.yaml');
          expect(w.line).toBeGreaterThanOrEqual(1);
          expect(w.line).toBeLessThanOrEqual(lines);
          const source = model.policies.find((p) => `${p.namespace}/${p.name}` === w.policy)?.source;
          if (source && w.path) {
            const path = source.itemPath ? `${source.itemPath}.${w.path}` : w.path;
            const whole = locateField(files[0]!, source.documentIndex, path);
            expect({ line: w.line, column: w.column }).toEqual({ line: whole?.line, column: whole?.column });
          }
        }
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});
