/** Helpers for lint tests: lint inline YAML, pick warnings by code, find a line in the text. */
import { expect } from 'vitest';
import { importManifests, lintCluster, type LintWarning } from '../../../src/core/index.ts';

/** Import the text (it must have no errors) and lint it, with positions. */
export function lintYaml(text: string, name = 'test.yaml'): LintWarning[] {
  const files = [{ name, text }];
  const { model, issues } = importManifests(files);
  expect(issues.filter((i) => i.severity === 'error'), JSON.stringify(issues, null, 1)).toEqual([]);
  return lintCluster(model, undefined, { files });
}

export function withCode(warnings: readonly LintWarning[], code: string): LintWarning[] {
  return warnings.filter((w) => w.code === code);
}

/** The one warning with `code` (fails when there is not exactly one). */
export function theWarning(warnings: readonly LintWarning[], code: string): LintWarning {
  const found = withCode(warnings, code);
  expect(found, JSON.stringify(warnings, null, 1)).toHaveLength(1);
  return found[0] as LintWarning;
}

/** 1-based line and column of the first occurrence of `needle` in `text` (after `from`). */
export function at(text: string, needle: string, from = ''): { line: number; column: number } {
  const index = text.indexOf(needle, from ? text.indexOf(from) : 0);
  if (index < 0) throw new Error(`"${needle}" not found`);
  const before = text.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}

/** A Deployment manifest (one document, no trailing `---`). */
export function deployment(name: string, labels: Record<string, string>, options: { namespace?: string; ports?: string[] } = {}): string {
  const labelLines = Object.entries(labels).map(([k, v]) => `        ${k}: ${v}`).join('\n');
  const ports = options.ports?.length
    ? `\n        ports:\n${options.ports.map((p) => `        - ${p}`).join('\n')}`
    : '';
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${options.namespace ?? 'default'}
spec:
  selector:
    matchLabels:
${labelLines.replace(/^ {4}/gm, '')}
  template:
    metadata:
      labels:
${labelLines}
    spec:
      containers:
      - name: main
        image: example${ports}`;
}

export const docs = (...parts: string[]): string => `${parts.join('\n---\n')}\n`;
