import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { createEvaluator, importManifests, lintCluster } from '../../src/core/index.ts';
import { buildCanvasGraph } from '../../src/ui/canvas/graph.ts';
import { lintByWorkload } from '../../src/ui/canvas/lint-marks.ts';
import { issuesToDiagnostics } from '../../src/ui/yaml/diagnostics.ts';
import { combineWithLint, selectLint } from '../../src/ui/yaml/lint-problems.ts';
import { analyzeFiles } from '../../src/ui/analysis.ts';
import type { AppState } from '../../src/ui/store/index.ts';
import { issue } from '../helpers/issues.ts';

const STRAY = `apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: api, image: api}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: frontend}
spec:
  selector: {matchLabels: {app: frontend}}
  template:
    metadata: {labels: {app: frontend}}
    spec: {containers: [{name: web, image: web}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-allow}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
  - from:
    - podSelector: {matchLabels: {app: frontend}}
  - ports:
    - port: 8080
`;
const files = [{ name: 'pasted.yaml', text: STRAY }];

describe('lint in the analysis', () => {
  it('is computed with the analysis, positioned in the workspace files', () => {
    const analysis = analyzeFiles(files);
    expect(analysis.lint.map((w) => `${w.file}:${w.line} ${w.code}`)).toEqual(['pasted.yaml:27 lint/ports-only-rule']);
    expect(analysis.issues.some((i) => i.code.startsWith('lint/'))).toBe(false);
  });

  it('is hidden while the analysis is stale (its positions belong to an older text)', () => {
    const analysis = analyzeFiles(files);
    expect(selectLint({ stale: false, analysis } as AppState)).toBe(analysis.lint);
    expect(selectLint({ stale: true, analysis } as AppState)).toEqual([]);
    expect(selectLint({ stale: false, analysis: undefined } as AppState)).toEqual([]);
  });

  it('joins the issues for the editor without a new array when nothing changed', () => {
    const combine = combineWithLint();
    const issues = [issue({})];
    const lint = analyzeFiles(files).lint;
    const both = combine(issues, lint);
    expect(both).toHaveLength(2);
    expect(combine(issues, lint)).toBe(both);
    expect(combine(issues, [])).toBe(issues);
  });
});

describe('lint in the YAML gutter', () => {
  it('puts the fix on its own line of the diagnostic', () => {
    const doc = Text.of(STRAY.split('\n'));
    const [warning] = analyzeFiles(files).lint;
    const [diagnostic] = issuesToDiagnostics(doc, warning ? [warning] : [], 'pasted.yaml');
    expect(diagnostic?.severity).toBe('warning');
    expect(diagnostic?.source).toBe('lint/ports-only-rule');
    expect(diagnostic?.message).toMatch(/ports but no from[\s\S]*\nFix: .*remove the dash before ports/);
    expect(doc.lineAt(diagnostic?.from ?? 0).number).toBe(27); // `  - ports:`
  });
});

describe('lint on the canvas', () => {
  it('marks the workloads a warning names, with the warnings as text', () => {
    const { model } = importManifests(files);
    const evaluator = createEvaluator(model);
    const lint = lintCluster(model, evaluator, { files });
    const graph = buildCanvasGraph({ model, evaluator, lint }, evaluator.matrix({ granularity: 'workload' }), { showAllDenied: false, selection: null });
    const data = (id: string) => graph.nodes.find((n) => n.id === id)?.data as { lint?: readonly string[] } | undefined;
    expect(data('default/api')?.lint).toEqual([expect.stringMatching(/^lint\/ports-only-rule: .* Fix: /)]);
    expect(data('default/frontend')?.lint).toBeUndefined();
  });

  it('maps pods to their workloads once per list of warnings', () => {
    const { model } = importManifests(files);
    const lint = lintCluster(model);
    expect(lintByWorkload(model, lint)).toBe(lintByWorkload(model, lint));
    expect([...lintByWorkload(model, lint).keys()]).toEqual(['default/api']);
  });
});
