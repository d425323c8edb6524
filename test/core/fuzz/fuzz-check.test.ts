/**
 * The fuzz suite's checks catch what they claim to (a check that never fires would make the
 * suite pass vacuously), and the mutations replay exactly.
 */
import { describe, expect, it } from 'vitest';
import { importManifests, type Issue } from '../../../src/core/index.ts';
import { checkInput, inputTexts, issueProblems, lossProblems } from '../../helpers/fuzz-check.ts';
import { FuzzWatchdog } from '../../helpers/fuzz-watchdog.ts';
import { applyMutations } from '../../helpers/text-mutations.ts';
import { issue } from '../../helpers/issues.ts';

const policy = (name: string): string => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ${name}, namespace: prod}
spec: {podSelector: {}}
`;
const texts = inputTexts([{ name: 'a.yaml', text: 'kind: Pod\nmetadata: {}\n' }]);

describe('issueProblems', () => {
  it('accepts an issue inside the text with a plain message', () => {
    expect(issueProblems(issue({ file: 'a.yaml', line: 2, column: 13, code: 'missing-name', message: 'Pod has no name' }), texts)).toEqual([]);
  });

  it.each<[string, Partial<Issue>]>([
    ['a line past the end', { line: 4 }],
    ['a column past the end of its line', { line: 1, column: 11 }],
    ['a column of 0', { column: 0 }],
    ['an end before the start', { line: 2, column: 3, endLine: 1, endColumn: 1 }],
    ['another file', { file: 'b.yaml' }],
    ['an empty message', { message: ' ' }],
    ['"undefined" in the message', { message: 'port undefined is wrong' }],
    ['"[object Object]" in the message', { message: 'not [object Object]' }],
    ['a stack trace in the message', { message: 'failed\n    at readPort (read-policy-port.ts:3:4)' }],
    ['a code that is not a stable identifier', { code: 'Bad Code' }],
  ])('reports %s', (_, fields) => {
    expect(issueProblems(issue({ file: 'a.yaml', message: 'fine', ...fields }), texts)).not.toEqual([]);
  });

  it('accepts "undefined" in a message when the text has it', () => {
    const withWord = inputTexts([{ name: 'a.yaml', text: 'name: undefined\n' }]);
    expect(issueProblems(issue({ file: 'a.yaml', message: 'the name undefined is taken' }), withWord)).toEqual([]);
  });
});

describe('lossProblems', () => {
  const text = `${policy('one')}---\n${policy('two')}`;
  const target = { name: 'a.yaml', text };

  it('accepts a model with every policy', () => {
    const { model, issues } = importManifests([target]);
    expect(lossProblems(target, model, issues)).toEqual([]);
  });

  it('reports a policy missing from the model without an error', () => {
    const { model, issues } = importManifests([target]);
    const dropped = { ...model, policies: model.policies.filter((p) => p.name !== 'two') };
    expect(lossProblems(target, dropped, issues)).toEqual(['NetworkPolicies prod/two are missing from the model with only 0 errors reported']);
  });

  it('reports a file YAML cannot read when import found no error in it', () => {
    expect(lossProblems({ name: 'a.yaml', text: 'a: [' }, importManifests([]).model, [])).toEqual([
      'js-yaml cannot read the file, but import reported no error in it',
    ]);
  });
});

describe('checkInput', () => {
  it('passes a valid paste and a broken one alike: both end in clear issues', () => {
    expect(checkInput({ files: [{ name: 'a.yaml', text: policy('one') }] }).violations).toEqual([]);
    expect(checkInput({ files: [{ name: 'a.yaml', text: `${policy('one')}  - : [` }] }).violations).toEqual([]);
  });
});

describe('applyMutations', () => {
  it('replays value, key, line and byte edits', () => {
    const text = 'spec:\n  podSelector: {}\n  policyTypes: [Ingress]\n';
    expect(applyMutations(text, [{ op: 'set-value', entry: 2, value: '[Sideways]' }])).toBe('spec:\n  podSelector: {}\n  policyTypes: [Sideways]\n');
    expect(applyMutations(text, [{ op: 'rename-key', entry: 1, key: 'ingress' }])).toBe('spec:\n  ingress: {}\n  policyTypes: [Ingress]\n');
    expect(applyMutations(text, [{ op: 'dedent-line', line: 1 }, { op: 'insert', at: 0, text: '- ' }])).toBe(
      '- spec:\npodSelector: {}\n  policyTypes: [Ingress]\n',
    );
    expect(applyMutations('{\n  "a": 1,\n  "b": 2\n}', [{ op: 'set-value', entry: 0, value: '[]' }])).toBe('{\n  "a": [],\n  "b": 2\n}');
  });
});

describe('FuzzWatchdog', () => {
  it('stops an input that never ends, survives a crash, and runs the next input in a fresh worker', async () => {
    const watchdog = new FuzzWatchdog(60_000);
    try {
      expect(await watchdog.run({ selfTest: 'hang' }, 200)).toEqual({ kind: 'hang', budgetMs: 200 });
      expect(await watchdog.run({ selfTest: 'crash' })).toEqual({ kind: 'died', message: 'Error: fuzz worker self-test crash' });
      const next = await watchdog.run({ files: [{ name: 'a.yaml', text: policy('one') }] });
      expect(next.kind === 'done' && next.outcome.violations).toEqual([]);
    } finally {
      await watchdog.close();
    }
  }, 120_000);
});
