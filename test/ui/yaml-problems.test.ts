import { describe, expect, it } from 'vitest';
import { importManifests } from '../../src/core/index.ts';
import {
  countProblemsByFile,
  formatIgnoredSummary,
  groupProblems,
  ignoredKindOf,
  lineReader,
  sortProblems,
} from '../../src/ui/yaml/problems.ts';
import { issue } from '../helpers/issues.ts';


const files = [
  { name: 'a.yaml', text: '' },
  { name: 'b.yaml', text: '' },
];

describe('sortProblems', () => {
  it('puts errors first, then warnings, then notes, each by file order and position', () => {
    const sorted = sortProblems(
      [
        issue({ severity: 'info', file: 'a.yaml', line: 1 }),
        issue({ severity: 'warning', file: 'a.yaml', line: 9 }),
        issue({ severity: 'error', file: 'b.yaml', line: 1 }),
        issue({ severity: 'error', file: 'a.yaml', line: 5, column: 3 }),
        issue({ severity: 'error', file: 'a.yaml', line: 5, column: 1 }),
      ],
      files,
    );
    expect(sorted.map((i) => `${i.severity} ${i.file}:${i.line}:${i.column}`)).toEqual([
      'error a.yaml:5:1',
      'error a.yaml:5:3',
      'error b.yaml:1:1',
      'warning a.yaml:9:1',
      'info a.yaml:1:1',
    ]);
  });
});

describe('groupProblems', () => {
  const text = [
    'apiVersion: v1',
    'kind: Service',
    'metadata: {name: web}',
    '---',
    'apiVersion: v1',
    'kind: "ConfigMap"',
    'metadata: {name: conf}',
    '---',
    'apiVersion: v1',
    'kind: Service',
    'metadata: {name: api}',
    '---',
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata: {name: p}',
    'spec:',
    '  podSelector: {}',
    '  ingress:',
    '  - from:',
    '    - ipBlock: {cidr: 10.0.0.0/33}',
  ].join('\n');

  it('folds objects of ignored kinds into one summary naming their kinds', () => {
    const { issues } = importManifests([{ name: 'all.yaml', text }]);
    const groups = groupProblems(issues, [{ name: 'all.yaml', text }]);
    expect(groups.ignored.issues).toHaveLength(3);
    expect(groups.ignored.kinds).toEqual(['Service', 'ConfigMap']);
    expect(formatIgnoredSummary(groups.ignored)).toBe('3 objects ignored (Service, ConfigMap)');
    expect(groups.listed.every((i) => i.code !== 'ignored-kind')).toBe(true);
    expect(groups.listed[0]?.severity).toBe('error');
  });

  it('shortens a long list of kinds with an ellipsis', () => {
    expect(formatIgnoredSummary({ issues: [issue({}), issue({}), issue({}), issue({})], kinds: ['A', 'B', 'C', 'D'] }, 2)).toBe(
      '4 objects ignored (A, B…)',
    );
    expect(formatIgnoredSummary({ issues: [issue({})], kinds: ['Service'] })).toBe('1 object ignored (Service)');
  });
});

describe('ignoredKindOf', () => {
  it('reads the kind from the text the issue points at, else from the message', () => {
    const read = lineReader('a: 1\nkind: Secret\n');
    expect(ignoredKindOf(issue({ line: 2, column: 7, endLine: 2, endColumn: 13 }), read)).toBe('Secret');
    expect(ignoredKindOf(issue({ message: 'A Secret is not used by the simulation' }), undefined)).toBe('Secret');
    expect(ignoredKindOf(issue({ message: 'Ingress "x" is not used' }), undefined)).toBe('Ingress');
  });
});

describe('lineReader', () => {
  it('returns single lines, 1-based, undefined past the end', () => {
    const read = lineReader('one\ntwo\n');
    expect([read(1), read(2), read(3), read(4)]).toEqual(['one', 'two', '', undefined]);
  });
});

describe('countProblemsByFile', () => {
  it('counts errors and warnings per file, not notes', () => {
    const counts = countProblemsByFile([
      issue({ file: 'a.yaml' }),
      issue({ file: 'a.yaml', severity: 'warning' }),
      issue({ file: 'a.yaml', severity: 'info' }),
      issue({ file: 'b.yaml' }),
    ]);
    expect(counts.get('a.yaml')).toEqual({ errors: 1, warnings: 1 });
    expect(counts.get('b.yaml')).toEqual({ errors: 1, warnings: 0 });
  });
});
