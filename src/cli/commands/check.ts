import { parseArgs } from 'node:util';
import { importManifests } from '../../core/parse/index.ts';
import { readManifestFiles } from '../files.ts';
import { fail, ok, type CommandOutput } from '../io.ts';
import { formatIssue } from './load.ts';

export const checkHelp = `Usage: netpol-canvas check PATH... [--quiet]

Validate manifests (NetworkPolicy, Namespace, Pod, workloads; folders are read recursively)
as the Kubernetes API server would, and print every problem as
  file:line:col: error CODE: message
Exits 1 when there is an error, 0 otherwise (warnings do not fail).

Options:
  --quiet      print errors only (no warnings, no notes about ignored kinds)
  -h, --help   show this help
`;

export function runCheck(args: string[]): CommandOutput {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { quiet: { type: 'boolean' } } });
  if (positionals.length === 0) return fail(`check: no PATH given\n\n${checkHelp}`);
  const { issues, model } = importManifests(readManifestFiles(positionals));
  const shown = issues.filter((i) => i.severity === 'error' || (!values.quiet && i.severity === 'warning'));
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.filter((i) => i.severity === 'warning').length;
  const lines = shown.map((i) => `${formatIssue(i)}\n`).join('');
  const summary = `${model.policies.length} NetworkPolicies, ${model.workloads.length} workloads, ${model.namespaces.length} namespaces: ${errors} errors, ${warnings} warnings\n`;
  return errors > 0 ? fail(lines + summary, 1) : ok(lines + summary);
}
