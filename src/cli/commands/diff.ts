/**
 * `netpol-canvas diff A B`: which flows B allows that A does not, and the reverse, at workload
 * granularity (the same diff the editor's "Compare with baseline" shows). Exit codes follow
 * diff(1): 0 same reachability, 1 different, 2 trouble (bad usage, unreadable paths, or
 * manifests with errors: those objects are left out, so the comparison is incomplete).
 */
import { parseArgs } from 'node:util';
import { diffReachability, diffToJson, formatDiffLines, formatDiffMarkdown, isEmptyDiff } from '../../core/index.ts';
import { fail, UsageError, type CommandOutput } from '../io.ts';
import { loadPaths } from './load.ts';

export const diffHelp = `Usage: netpol-canvas diff A B [--format text|json|md]

Compare the reachability of two sets of manifests (each a file or a folder, read
like the other commands): every flow between workloads, and between workloads and
addresses outside the cluster, that B allows and A does not ('+') or that A
allows and B does not ('-'), with the ports that changed:

  - default/api -> default/backend all ports
  + default/frontend -> default/database TCP 3306
  - shop/web -> shop/db TCP 8080 (still allowed: TCP 80)

Workloads are matched by namespace and name. A flow that kept some ports says so
in "still allowed".

Options:
  --format F    text (default), json or md
  -h, --help    show this help

Exit status: 0 when A and B allow the same flows, 1 when they differ, 2 on
trouble (bad usage, a path that cannot be read, or manifests with errors: the
differences are still printed, but objects with errors were left out).
`;

export function runDiff(args: string[]): CommandOutput {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'text' } },
  });
  if (positionals.length !== 2) return fail(`diff: expected two paths (A and B), got ${positionals.length}\n\n${diffHelp}`);
  if (!['text', 'json', 'md'].includes(values.format!)) throw new UsageError(`--format must be text, json or md, got "${values.format}"`);
  const [a, b] = positionals as [string, string];
  const before = loadPaths([a]);
  const after = loadPaths([b]);
  const diff = diffReachability(before, after);
  const equal = isEmptyDiff(diff);
  let stdout: string;
  if (values.format === 'json') stdout = `${JSON.stringify({ equal, ...diffToJson(diff) }, null, 2)}\n`;
  else if (values.format === 'md') stdout = equal ? 'No reachability changes.\n' : formatDiffMarkdown(diff);
  else stdout = formatDiffLines(diff).map((line) => `${line}\n`).join('');
  const stderr = before.errorText + after.errorText;
  return { stdout, stderr, exitCode: stderr !== '' ? 2 : equal ? 0 : 1 };
}
