/**
 * Line breaks are `\n`, `\r\n` or a lone `\r` (old Mac files), as YAML 1.2, js-yaml and CodeMirror
 * count them: issues and lint warnings point at the same line and column whichever a file uses
 * (the command line reads files as they are; before, a `\r`-only file reported everything on line 1).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../../../src/core/evaluate/evaluator.ts';
import { lintCluster } from '../../../src/core/lint/lint.ts';
import { importManifests } from '../../../src/core/parse/index.ts';
import { LineIndex, lineStarts } from '../../../src/core/parse/text-index.ts';
import type { ManifestFile } from '../../../src/core/parse/types.ts';

const lines = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata: {name: api, namespace: shop, labels: {app: api}}',
  'spec: {containers: [{name: c, ports: [{containerPort: 5432}]}]}',
  '---',
  'apiVersion: networking.k8s.io/v1',
  'kind: NetworkPolicy',
  'metadata:',
  '  name: db-allow-api',
  '  namespace: shop',
  'spec:',
  '  podSelector: {}',
  '  ingress:',
  '  - from:',
  '    - podSelector: {matchLabels: {app: api}}',
  '  - ports:',
  '    - port: 5432',
  '---',
  'apiVersion: networking.k8s.io/v1',
  'kind: NetworkPolicy',
  'metadata: {name: broken, namespace: shop}',
  'spec:',
  '  podSelector: {}',
  '  ingress:',
  '  - ports:',
  '    - port: 99999',
  '',
];

const where = (issues: readonly { code: string; line: number; column: number; endLine?: number; endColumn?: number }[]) =>
  issues.map((i) => [i.code, i.line, i.column, i.endLine, i.endColumn]);

function check(eol: string) {
  const files: ManifestFile[] = [{ name: 'p.yaml', text: lines.join(eol) }];
  const { model, issues } = importManifests(files);
  return { issues: where(issues), lint: where(lintCluster(model, createEvaluator(model), { files })) };
}

describe('line endings', () => {
  it('reports import issues and lint warnings at the same positions for \\n, \\r\\n and a lone \\r', () => {
    const unix = check('\n');
    expect(unix.issues).toContainEqual(['invalid-port', 26, 13, 26, 18]);
    expect(unix.lint.map(([code, line]) => [code, line])).toContainEqual(['lint/ports-only-rule', 16]);
    expect(check('\r\n')).toEqual(unix);
    expect(check('\r')).toEqual(unix);
  });

  it('LineIndex counts \\r\\n as one break and a lone \\r as one', () => {
    const index = new LineIndex('a\rb\r\nc\nd\r\re');
    expect([0, 2, 5, 7, 9, 10].map((offset) => index.position(offset))).toEqual([
      { line: 1, column: 1 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
      { line: 5, column: 1 },
      { line: 6, column: 1 },
    ]);
  });

  it('gives the lines a split on \\r\\n, \\r and \\n gives, for any text', () => {
    const textArb = fc.array(fc.constantFrom('a', 'bc', '\n', '\r', '\r\n', ' '), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(textArb, (text) => {
        const pieces = text.split(/\r\n|\r|\n/);
        const expected: number[] = [];
        let offset = 0;
        for (const piece of pieces) {
          expected.push(offset);
          offset += piece.length;
          const rest = text.slice(offset);
          offset += rest.startsWith('\r\n') ? 2 : rest.length > 0 ? 1 : 0;
        }
        expect(lineStarts(text)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
