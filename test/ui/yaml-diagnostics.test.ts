import { readFileSync } from 'node:fs';
import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { importManifests } from '../../src/core/index.ts';
import { issueRange, issuesToDiagnostics } from '../../src/ui/yaml/diagnostics.ts';
import { lineColumnOf, offsetOf } from '../../src/ui/yaml/positions.ts';
import { issue } from '../helpers/issues.ts';

const docOf = (text: string) => Text.of(text.split('\n'));

describe('offsetOf', () => {
  const doc = docOf('ab\ncdef\n');
  it('maps 1-based line and column to an offset and back', () => {
    expect(offsetOf(doc, 2, 3)).toBe(5);
    expect(lineColumnOf(doc, 5)).toEqual({ line: 2, column: 3 });
  });
  it('clamps positions outside the text', () => {
    expect(offsetOf(doc, 0, 0)).toBe(0);
    expect(offsetOf(doc, 2, 99)).toBe(7);
    expect(offsetOf(doc, 42, 1)).toBe(doc.length);
  });
});

describe('issueRange', () => {
  const doc = docOf('kind: Service  \nmetadata:\n  name: x\n\n');
  it('runs to endLine/endColumn when the core knows them (end exclusive)', () => {
    const range = issueRange(doc, issue({ line: 1, column: 7, endLine: 1, endColumn: 14 }));
    expect(doc.sliceString(range.from, range.to)).toBe('Service');
  });
  it('runs to the end of the line without trailing blanks when there is no end', () => {
    const range = issueRange(doc, issue({ line: 1, column: 1 }));
    expect(doc.sliceString(range.from, range.to)).toBe('kind: Service');
  });
  it('underlines the line content when the issue sits at its end', () => {
    const range = issueRange(doc, issue({ line: 3, column: 10 }));
    expect(doc.sliceString(range.from, range.to)).toBe('name: x');
  });
  it('uses the end of endLine when only endLine is given', () => {
    const range = issueRange(doc, issue({ line: 2, column: 1, endLine: 3 }));
    expect(doc.sliceString(range.from, range.to)).toBe('metadata:\n  name: x');
  });
  it('is a point on a blank line', () => {
    const range = issueRange(doc, issue({ line: 4, column: 1 }));
    expect(range.from).toBe(range.to);
  });
});

describe('issuesToDiagnostics', () => {
  it('marks the broken seed paste at line 13 as an error, with the code as its source', () => {
    const seed = JSON.parse(readFileSync('conformance/cases/seed-1-as-printed.json', 'utf8')) as { policies: string };
    const { issues } = importManifests([{ name: 'pasted.yaml', text: seed.policies }]);
    const doc = docOf(seed.policies);
    const diagnostics = issuesToDiagnostics(doc, issues, 'pasted.yaml');
    const syntax = diagnostics.find((d) => d.source === 'yaml-syntax');
    expect(syntax?.severity).toBe('error');
    expect(doc.lineAt(syntax!.from).number).toBe(13);
    expect(syntax!.to).toBeGreaterThan(syntax!.from);
  });
  it('keeps only the issues of the given file and maps severities', () => {
    const doc = docOf('a: 1\nb: 2\n');
    const diagnostics = issuesToDiagnostics(
      doc,
      [
        issue({ file: 'a.yaml', severity: 'info', line: 2 }),
        issue({ file: 'b.yaml', severity: 'error' }),
        issue({ file: 'a.yaml', severity: 'warning', message: '<b>not html</b>' }),
      ],
      'a.yaml',
    );
    expect(diagnostics.map((d) => d.severity)).toEqual(['info', 'warning']);
    expect(diagnostics[1]?.message).toBe('<b>not html</b>');
  });
});
