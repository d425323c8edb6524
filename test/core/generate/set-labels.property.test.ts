import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setLabelsInText, yamlScalar } from '../../../src/core/generate/set-labels.ts';
import { importManifests, type Labels } from '../../../src/core/index.ts';
import { labelKeyArb, labelsArb, labelValueArb } from '../arbitraries.ts';

const editArb = fc.record({ key: labelKeyArb, value: fc.option(labelValueArb, { nil: null }) });

function podText(labels: Labels, style: 'block' | 'flow' | 'json'): string {
  const entries = Object.entries(labels);
  if (style === 'json') return `${JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'shop', labels }, spec: { containers: [] } }, null, 2)}\n`;
  if (style === 'flow') {
    const flow = entries.map(([k, v]) => `${yamlScalar(k, false)}: ${yamlScalar(v, false)}`).join(', ');
    return `apiVersion: v1\nkind: Pod\nmetadata: { name: web, namespace: shop, labels: { ${flow} } }\nspec: { containers: [] }\n`;
  }
  const block = entries.length === 0 ? '' : `  labels:\n${entries.map(([k, v]) => `    ${yamlScalar(k, false)}: ${yamlScalar(v, false)}  # ${k}\n`).join('')}`;
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\n${block}spec:\n  containers: []\n`;
}

function expected(labels: Labels, edits: readonly { key: string; value: string | null }[]): Labels {
  const out: Record<string, string> = { ...labels };
  for (const e of edits) {
    if (e.value === null) delete out[e.key];
    else out[e.key] = e.value;
  }
  return out;
}

describe('setLabelsInText on random labels and edits', () => {
  it('gives the object exactly the edited labels, in block, flow and JSON styles', () => {
    fc.assert(
      fc.property(labelsArb, fc.array(editArb, { maxLength: 4 }), fc.constantFrom('block' as const, 'flow' as const, 'json' as const), (labels, edits, style) => {
        const text = podText(labels, style);
        const result = setLabelsInText(text, 0, 'metadata.labels', edits);
        if ('problem' in result) throw new Error(result.problem);
        const { model, issues } = importManifests([{ name: style === 'json' ? 'pod.json' : 'pod.yaml', text: result.text }]);
        expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(model.pods[0]?.labels).toEqual(expected(labels, edits));
        if (edits.length === 0) expect(result.text).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
