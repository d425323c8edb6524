/** Imports a scenario's workspace at one step and checks its `.flows` files, as the app does. */
import {
  checkFlowAssertions,
  createEvaluator,
  importManifests,
  parseFlowAssertions,
  type FlowAssertionResult,
  type ImportResult,
  type Issue,
} from '../../src/core/index.ts';

interface NamedText {
  readonly name: string;
  readonly text: string;
}

export interface CheckedWorkspace extends ImportResult {
  readonly evaluator: ReturnType<typeof createEvaluator>;
  /** Problems reading the `.flows` files (syntax), with their lines. */
  readonly flowIssues: readonly Issue[];
  readonly results: readonly FlowAssertionResult[];
}

export function checkWorkspace(files: readonly NamedText[]): CheckedWorkspace {
  const flows = files.filter((f) => f.name.endsWith('.flows'));
  const imported = importManifests(files.filter((f) => !f.name.endsWith('.flows')));
  const evaluator = createEvaluator(imported.model);
  const parsed = flows.map((f) => parseFlowAssertions(f));
  const assertions = parsed.flatMap((p) => p.assertions);
  return {
    ...imported,
    evaluator,
    flowIssues: parsed.flatMap((p) => p.issues),
    results: checkFlowAssertions(imported.model, evaluator, assertions),
  };
}

/** `file:line: message` for each assertion that does not hold, to print on failure. */
export function describeFailures(results: readonly FlowAssertionResult[]): string[] {
  return results
    .filter((r) => r.status !== 'pass')
    .map((r) => `${r.assertion.file}:${r.assertion.line}: ${r.message}\n    ${r.explanation.join('\n    ')}`);
}
