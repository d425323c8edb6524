/**
 * Every conformance case runs through the editor's own import and evaluator: the project's copy
 * under conformance/, and ../shared/conformance as well when it is there (it may grow).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCaseFailure, loadConformanceCases, runLoadedCase } from '../../src/cli/conformance/run-dir.ts';

const projectDir = resolve(__dirname, '../../conformance');
const sharedDir = resolve(__dirname, '../../../shared/conformance');

describe('conformance (project copy)', () => {
  it.each(loadConformanceCases(projectDir).map((c) => [c.case.id, c] as const))('%s', (_, loaded) => {
    const result = runLoadedCase(loaded);
    expect(result.passed, formatCaseFailure(result)).toBe(true);
    expect(result.checks).toBeGreaterThan(0);
  });
});

describe.runIf(existsSync(sharedDir))('conformance (../shared/conformance)', () => {
  const cases = existsSync(sharedDir) ? loadConformanceCases(sharedDir) : [];
  it.each(cases.map((c) => [c.case.id, c] as const))('%s', (_, loaded) => {
    const result = runLoadedCase(loaded);
    expect(result.passed, formatCaseFailure(result)).toBe(true);
  });
});

if (!existsSync(sharedDir)) {
  describe('conformance (../shared/conformance)', () => {
    it.skip(`skipped: ${sharedDir} is absent; the project copy above still runs`, () => {});
  });
}
