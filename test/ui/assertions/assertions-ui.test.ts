import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeFiles, joinYaml } from '../../../src/ui/analysis.ts';
import { newFlowsFileName, planExpectFlow } from '../../../src/ui/panels/assertions/expect-flow.ts';
import { endpointTextOfNode, flowOfResult } from '../../../src/ui/panels/assertions/flow-nodes.ts';
import { summarizeAssertions, unreadableLines } from '../../../src/ui/panels/assertions/summary.ts';
import { parseFlowQuery, type FlowQuery } from '../../../src/core/index.ts';

const read = (name: string) => readFileSync(new URL(`../../../examples/seed-all/${name}`, import.meta.url), 'utf8');
const manifests = [
  { name: 'cluster.yaml', text: read('cluster.yaml') },
  { name: 'policies.yaml', text: read('policies.yaml') },
];
const query = (text: string) => parseFlowQuery(text) as FlowQuery;

describe('analyzeFiles with a .flows file', () => {
  const flows = { name: 'expected.flows', text: 'backend -> db TCP 5432 allowed\nfrontend -> backend TCP 8080 allowed\nfrontend -> nope denied\nbad line\n' };
  const analysis = analyzeFiles([...manifests, flows]);

  it('imports only the manifests and checks the assertions against them', () => {
    expect(analysis.model.policies).toHaveLength(5);
    expect(analysis.assertions.map((r) => [r.assertion.line, r.status])).toEqual([
      [1, 'pass'],
      [2, 'fail'],
      [3, 'error'],
    ]);
  });

  it('lists syntax errors and unknown endpoints with the other problems, at their line and column', () => {
    const flowIssues = analysis.issues.filter((i) => i.file === 'expected.flows');
    expect(flowIssues.map((i) => [i.code, i.line, i.column])).toEqual([
      ['flows/syntax', 4, 1],
      ['flows/unknown-endpoint', 3, 13],
    ]);
    expect(analysis.issues.some((i) => i.file === 'expected.flows' && i.code.startsWith('yaml'))).toBe(false);
  });

  it('keeps results plain data (a worker can post them)', () => {
    expect(structuredClone(analysis.assertions)).toEqual(analysis.assertions);
  });

  it('leaves .flows files out of the workspace YAML', () => {
    expect(joinYaml([...manifests, flows])).toBe(joinYaml(manifests));
  });

  it('finds the canvas flow of a result, for workloads and addresses', () => {
    const [pass, fail] = analysis.assertions;
    expect(flowOfResult(analysis, pass!)).toEqual({ source: 'default/backend', target: 'default/db' });
    expect(flowOfResult(analysis, fail!)).toEqual({ source: 'default/frontend', target: 'default/backend' });
    const withIp = analyzeFiles([...manifests, { name: 'x.flows', text: 'backend -> 8.8.8.8 UDP 53 allowed\n' }]);
    expect(flowOfResult(withIp, withIp.assertions[0]!)).toEqual({ source: 'default/backend', target: 'ext:8.8.8.8/32' });
    expect(endpointTextOfNode(withIp, 'ext:8.8.8.8/32')).toBe('8.8.8.8');
    expect(endpointTextOfNode(withIp, 'default/backend')).toBe('default/backend');
    expect(endpointTextOfNode(withIp, 'ns:default')).toBeUndefined();
  });
});

describe('planExpectFlow', () => {
  const line = { ...query('default/backend -> default/db TCP 5432'), expect: 'allowed' as const };

  it('creates expected.flows when the workspace has no flows file', () => {
    const edit = planExpectFlow(manifests, line);
    expect(edit).toMatchObject({ kind: 'append', file: 'expected.flows', line: 2, created: true });
    expect(edit.kind === 'append' && edit.text.endsWith('\ndefault/backend -> default/db TCP 5432 allowed\n')).toBe(true);
    expect(newFlowsFileName([{ name: 'seed-all/a.yaml', text: '' }, { name: 'seed-all/b.yaml', text: '' }])).toBe('seed-all/expected.flows');
  });

  it('appends to the first flows file, keeping its text and line ends', () => {
    expect(planExpectFlow([...manifests, { name: 'mine.flows', text: '# mine\na -> b denied' }], line)).toEqual({
      kind: 'append',
      file: 'mine.flows',
      text: '# mine\na -> b denied\ndefault/backend -> default/db TCP 5432 allowed\n',
      line: 3,
      created: false,
    });
    const crlf = planExpectFlow([{ name: 'x.flows', text: 'a -> b denied\r\n' }], line);
    expect(crlf).toMatchObject({ text: 'a -> b denied\r\ndefault/backend -> default/db TCP 5432 allowed\r\n', line: 2 });
  });

  it('says where the same assertion already is', () => {
    const files = [{ name: 'x.flows', text: '\n\ndefault/backend  ->  default/db tcp 5432 allowed\n' }];
    expect(planExpectFlow(files, line)).toEqual({ kind: 'exists', file: 'x.flows', line: 3 });
  });
});

describe('summarizeAssertions', () => {
  it('counts passes for the panel and the tab', () => {
    const results = analyzeFiles([...manifests, { name: 'e.flows', text: 'backend -> db TCP 5432 allowed\nfrontend -> backend TCP 8080 allowed\n' }]).assertions;
    expect(summarizeAssertions(results)).toEqual({ total: 2, passed: 1, tone: 'fail', text: '1 of 2 pass (1 failing)', short: '1/2' });
    expect(summarizeAssertions(results.slice(0, 1))).toMatchObject({ tone: 'pass', text: '1 of 1 pass', short: '1/1' });
  });

  it('counts the lines of .flows files that could not be read (not the assertions naming nothing)', () => {
    const analysis = analyzeFiles([...manifests, { name: 'e.flows', text: 'oops\nfrontend -> nope denied\nfrontend -> db 99999 denied\n' }]);
    expect(analysis.assertions).toHaveLength(1);
    expect(unreadableLines(analysis.issues, analysis.assertions)).toBe(2);
  });
});

describe('rescueYaml', () => {
  it('keeps the text of .flows files, as YAML comments after the manifests', async () => {
    const { rescueYaml } = await import('../../../src/ui/shell/PanelBoundary.tsx');
    expect(rescueYaml([{ name: 'a.yaml', text: 'a: 1\n' }, { name: 'e.flows', text: 'x -> y denied\n# why' }])).toBe(
      'a: 1\n# e.flows:\n# x -> y denied\n# # why\n',
    );
  });
});
