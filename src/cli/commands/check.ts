import { parseArgs } from 'node:util';
import { lintCluster } from '../../core/lint/index.ts';
import { plural } from '../../core/lint/words.ts';
import type { Issue } from '../../core/model/types.ts';
import { importManifests } from '../../core/parse/index.ts';
import { readManifestFiles } from '../files.ts';
import { fail, ok, type CommandOutput } from '../io.ts';
import { formatIssue } from './load.ts';

export const checkHelp = `Usage: netpol-canvas check PATH... [--quiet] [--lint[=error]] [--strict]

Validate manifests (NetworkPolicy, Namespace, Pod, workloads; folders are read recursively)
as the Kubernetes API server would, and print every problem as
  file:line:col: error CODE: message
Exits 1 when there is an error, 0 otherwise (warnings do not fail).

Options:
  --lint         also print teaching warnings about valid policies that probably do not say
                 what was meant (AND/OR peers, DNS blocked, a stray dash...; docs/lint.md):
                   file:line:col: warning lint/CODE: message (fix: how to fix it)
  --lint=error   print them as errors, and exit 1 when there is one
  --strict       exit 1 on any warning too (import or lint)
  --quiet        print errors only (no warnings, no notes about ignored kinds)
  -h, --help     show this help
`;

type LintMode = 'off' | 'warning' | 'error';

/** `--lint` and `--lint=warning|error` (parseArgs would take the next PATH as the value of a bare `--lint`). */
function takeLintMode(args: readonly string[]): { mode: LintMode; rest: string[] } | string {
  let mode: LintMode = 'off';
  const rest: string[] = [];
  for (const arg of args) {
    if (arg === '--lint' || arg === '--lint=warning') mode = mode === 'error' ? 'error' : 'warning';
    else if (arg === '--lint=error') mode = 'error';
    else if (arg.startsWith('--lint=')) return `check: --lint takes "warning" or "error", not "${arg.slice(7)}"`;
    else rest.push(arg);
  }
  return { mode, rest };
}

function formatLint(issue: Issue, asError: boolean): string {
  const line = formatIssue(asError ? { ...issue, severity: 'error' } : issue);
  return issue.fix ? `${line} (fix: ${issue.fix})` : line;
}

export function runCheck(args: string[]): CommandOutput {
  const lint = takeLintMode(args);
  if (typeof lint === 'string') return fail(`${lint}\n\n${checkHelp}`);
  const { values, positionals } = parseArgs({
    args: lint.rest,
    allowPositionals: true,
    options: { quiet: { type: 'boolean' }, strict: { type: 'boolean' } },
  });
  if (positionals.length === 0) return fail(`check: no PATH given\n\n${checkHelp}`);
  const files = readManifestFiles(positionals);
  const { issues, model } = importManifests(files);
  const lintWarnings = lint.mode === 'off' ? [] : lintCluster(model, undefined, { files });
  const lintAsError = lint.mode === 'error';

  const shown = issues.filter((i) => i.severity === 'error' || (!values.quiet && i.severity === 'warning'));
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.filter((i) => i.severity === 'warning').length;
  const lines = shown.map((i) => `${formatIssue(i)}\n`).join('');
  const lintLines = lintAsError || !values.quiet ? lintWarnings.map((w) => `${formatLint(w, lintAsError)}\n`).join('') : '';
  const lintSummary = lint.mode === 'off' ? '' : `, ${plural(lintWarnings.length, lintAsError ? 'lint error' : 'lint warning')}`;
  const counts = `${plural(model.policies.length, 'NetworkPolicy', 'NetworkPolicies')}, ${plural(model.workloads.length, 'workload')}, ${plural(model.namespaces.length, 'namespace')}`;
  const summary = `${counts}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${lintSummary}\n`;
  const failed =
    errors > 0 || (lintAsError && lintWarnings.length > 0) || (values.strict === true && warnings + lintWarnings.length > 0);
  const out = lines + lintLines + summary;
  return failed ? fail(out, 1) : ok(out);
}
