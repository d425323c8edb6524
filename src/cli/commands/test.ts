/**
 * `netpol-canvas test`: check the expected flows of `.flows` files against the manifests beside
 * them, with the evaluator the editor uses; or print them as a probe script for a live cluster.
 */
import { parseArgs } from 'node:util';
import { createEvaluator } from '../../core/evaluate/evaluator.ts';
import { importManifests } from '../../core/parse/index.ts';
import {
  checkFlowAssertions,
  formatFlowAssertion,
  generateProbeScript,
  isFlowsFile,
  parseFlowAssertions,
  type FlowAssertion,
  type FlowAssertionResult,
} from '../../core/assert/index.ts';
import type { ClusterModel, Issue } from '../../core/model/types.ts';
import { fail, ok, UsageError, type CommandOutput } from '../io.ts';
import { readWorkspaces, type Workspace } from '../workspaces.ts';
import { formatIssue } from './load.ts';

export const testHelp = `Usage: netpol-canvas test PATH... [--format text|json] [--probe-script]

Check flow assertions: every line of the .flows files found, like
  frontend -> backend TCP 8080 allowed
  default/frontend -> prod/db denied
against the manifests read with them (format: docs/flow-assertions.md). Files named on the
command line form one workspace; a folder forms one, except that each scenario folder inside it
(one with a scenario.json) is checked on its own. Prints PASS or FAIL with file:line for each
assertion, the evaluator's reasons for each failure, and a summary.

Exit status: 0 every assertion passes; 1 an assertion fails, names nothing, or a manifest or
.flows file has an error; 2 no assertion was found, or bad usage.

Options:
  --format F      text (default) or json
  --probe-script  print a POSIX shell script that checks the same flows on a live cluster
                  with kubectl exec and nc (one workspace only)
  -h, --help      show this help
`;

interface CheckedWorkspace {
  readonly workspace: Workspace;
  readonly model: ClusterModel;
  readonly assertions: readonly FlowAssertion[];
  readonly results: readonly FlowAssertionResult[];
  /** Errors in the manifests and the .flows files. */
  readonly errors: readonly Issue[];
}

function checkWorkspace(workspace: Workspace): CheckedWorkspace {
  const manifests = workspace.files.filter((f) => !isFlowsFile(f.name));
  const imported = importManifests(manifests);
  const assertions: FlowAssertion[] = [];
  const errors = imported.issues.filter((i) => i.severity === 'error');
  for (const file of workspace.files.filter((f) => isFlowsFile(f.name))) {
    const parsed = parseFlowAssertions(file);
    assertions.push(...parsed.assertions);
    errors.push(...parsed.issues);
  }
  const results = checkFlowAssertions(imported.model, createEvaluator(imported.model), assertions);
  return { workspace, model: imported.model, assertions, results, errors };
}

function indent(lines: readonly string[], by: string): string {
  return lines.map((l) => `${by}${l}\n`).join('');
}

function formatResult(r: FlowAssertionResult): string {
  const a = r.assertion;
  const head = `${r.status === 'pass' ? 'PASS' : r.status === 'fail' ? 'FAIL' : 'ERROR'} ${a.file}:${a.line}  ${formatFlowAssertion(a)}\n`;
  if (r.status === 'pass') return head;
  if (r.issue) return head + `     ${formatIssue(r.issue)}\n`;
  return head + indent([r.message], '     ') + indent(r.explanation, '       ');
}

interface Summary {
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly errors: number;
}

function summarize(results: readonly FlowAssertionResult[]): Summary {
  const count = (s: FlowAssertionResult['status']) => results.filter((r) => r.status === s).length;
  return { total: results.length, passed: count('pass'), failed: count('fail'), errors: count('error') };
}

function summaryLine(s: Summary, fileErrors: number): string {
  const parts = [`${s.passed} of ${s.total} assertions pass`];
  if (s.failed > 0) parts.push(`${s.failed} failed`);
  if (s.errors > 0) parts.push(`${s.errors} could not be checked`);
  if (fileErrors > 0) parts.push(`${fileErrors} ${fileErrors === 1 ? 'error' : 'errors'} in the files`);
  return `${parts.join(', ')}\n`;
}

function toJson(checked: readonly CheckedWorkspace[], summary: Summary): string {
  const results = checked.flatMap((c) =>
    c.results.map((r) => ({
      workspace: c.workspace.label,
      file: r.assertion.file,
      line: r.assertion.line,
      column: r.assertion.column,
      assertion: formatFlowAssertion(r.assertion),
      status: r.status,
      actual: r.actual ?? null,
      message: r.message,
      explanation: r.explanation,
      ...(r.witness ? { witness: r.witness } : {}),
      ...(r.issue ? { issue: r.issue } : {}),
    })),
  );
  const issues = checked.flatMap((c) => c.errors);
  return `${JSON.stringify({ summary, results, issues }, null, 2)}\n`;
}

function noAssertions(paths: readonly string[]): CommandOutput {
  return fail(`test: no flow assertions found in ${paths.join(' ')}: add a .flows file (see docs/flow-assertions.md)\n`, 2);
}

function runProbeScript(checked: readonly CheckedWorkspace[], paths: readonly string[]): CommandOutput {
  const withAssertions = checked.filter((c) => c.assertions.length > 0);
  const [only] = withAssertions;
  if (!only) return noAssertions(paths);
  if (withAssertions.length > 1) {
    throw new UsageError(
      `--probe-script writes one script for one workspace; these paths hold ${withAssertions.length}: ${withAssertions.map((c) => c.workspace.label).join(', ')}`,
    );
  }
  const script = generateProbeScript(only.model, only.assertions);
  const errors = checked.flatMap((c) => c.errors);
  if (errors.length === 0) return ok(script);
  return { stdout: script, stderr: errors.map((e) => `${formatIssue(e)}\n`).join(''), exitCode: 1 };
}

export function runTest(args: string[]): CommandOutput {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string' }, 'probe-script': { type: 'boolean' } },
  });
  if (positionals.length === 0) return fail(`test: no PATH given\n\n${testHelp}`);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, got "${format}"`);
  const checked = readWorkspaces(positionals).map(checkWorkspace);
  if (values['probe-script']) return runProbeScript(checked, positionals);
  const results = checked.flatMap((c) => c.results);
  const errors = checked.flatMap((c) => c.errors);
  if (results.length === 0 && errors.length === 0) return noAssertions(positionals);
  const summary = summarize(results);
  const exitCode = summary.failed + summary.errors + errors.length > 0 ? 1 : 0;
  if (format === 'json') return { stdout: toJson(checked, summary), stderr: '', exitCode };
  const many = checked.length > 1;
  const body = checked
    .map((c) => {
      const text = c.errors.map((e) => `${formatIssue(e)}\n`).join('') + c.results.map(formatResult).join('');
      return many && text !== '' ? `${c.workspace.label}\n${indent(text.trimEnd().split('\n'), '  ')}` : text;
    })
    .join('');
  return { stdout: body + summaryLine(summary, errors.length), stderr: '', exitCode };
}
