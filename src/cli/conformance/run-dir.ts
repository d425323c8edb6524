/** Load and run every conformance case of one or more directories laid out as conformance/README.md says. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runConformanceCase, type CaseResult, type ConformanceCase } from './case.ts';

export interface LoadedCase {
  readonly dir: string;
  readonly file: string;
  readonly case: ConformanceCase;
}

export function loadConformanceCases(dir: string): LoadedCase[] {
  const casesDir = join(dir, 'cases');
  if (!existsSync(casesDir)) throw new Error(`${dir}: no cases/ folder (see conformance/README.md for the layout)`);
  return readdirSync(casesDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = join(casesDir, f);
      return { dir, file, case: JSON.parse(readFileSync(file, 'utf8')) as ConformanceCase };
    });
}

export function runLoadedCase(loaded: LoadedCase): CaseResult {
  return runConformanceCase(loaded.case, (name) => {
    const path = join(loaded.dir, 'clusters', `${name}.yaml`);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  });
}

export function formatCaseFailure(result: CaseResult): string {
  return [`FAIL ${result.id}`, ...result.failures.map((f) => `    ${f}`)].join('\n');
}
