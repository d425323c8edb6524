/**
 * Helpers for parser tests: import inline YAML, and find where a token is in it, so tests can
 * assert that an issue points at the offending field itself.
 */
import { expect } from 'vitest';
import { importManifests, type ImportResult } from '../../../src/core/parse/index.ts';
import type { Issue } from '../../../src/core/model/types.ts';

export function importText(text: string, name = 'test.yaml'): ImportResult {
  return importManifests([{ name, text }]);
}

/** 1-based line and column of the `nth` (1-based) occurrence of `needle` in `text`. */
export function at(text: string, needle: string, nth = 1): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i < nth; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" occurs fewer than ${nth} times`);
  }
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

export function errorsOf(result: ImportResult): Issue[] {
  return result.issues.filter((i) => i.severity === 'error');
}

/** The one issue with `code` (fails when there is not exactly one). */
export function theIssue(result: ImportResult, code: string): Issue {
  const found = result.issues.filter((i) => i.code === code);
  expect(found, `issues: ${JSON.stringify(result.issues, null, 1)}`).toHaveLength(1);
  return found[0] as Issue;
}

/** A NetworkPolicy manifest named `test` in `default`, with `spec` lines given indented by 2. */
export function policyYaml(specLines: string, extraMetadata = ''): string {
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: test
  namespace: default
${extraMetadata}spec:
${specLines}`;
}

/** Expect exactly one issue `code`, at `needle` (its nth occurrence), with `path`. */
export function expectIssueAt(text: string, code: string, needle: string, path?: string, nth = 1): Issue {
  const result = importText(text);
  const issue = theIssue(result, code);
  expect({ line: issue.line, column: issue.column }).toEqual(at(text, needle, nth));
  if (path !== undefined) expect(issue.path).toBe(path);
  return issue;
}
