import { parseArgs } from 'node:util';
import { connlistEntries, formatConnlist } from '../../core/evaluate/connlist.ts';
import { fail, type CommandOutput } from '../io.ts';
import { loadPaths } from './load.ts';
import { parseCompatOption } from './options.ts';

export const connlistHelp = `Usage: netpol-canvas connlist PATH... [--compat npguard] [--format txt|json]

List every allowed connection between workloads, and between workloads and external
address ranges, in netpol-analyzer's format:
  ns/name[Kind] => ns/name[Kind] : TCP 80,UDP 53
  0.0.0.0-9.255.255.255[External] => ns/name[Kind] : All Connections

Options:
  --compat npguard  reproduce netpol-analyzer's semantics: ipBlocks never match pods,
                    IPv4 only (Kubernetes' semantics are the default)
  --format F        txt (default) or json
  -h, --help        show this help
`;

export function runConnlist(args: string[]): CommandOutput {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { compat: { type: 'string' }, format: { type: 'string', default: 'txt' } },
  });
  if (positionals.length === 0) return fail(`connlist: no PATH given\n\n${connlistHelp}`);
  const npguard = parseCompatOption(values.compat);
  const { evaluator, errorText } = loadPaths(positionals, { npguard });
  const entries = connlistEntries(evaluator.matrix({ granularity: 'workload' }), { families: npguard ? [4] : [4, 6] });
  const stdout = values.format === 'json' ? JSON.stringify(entries, null, 2) + '\n' : formatConnlist(entries);
  return { stdout, stderr: errorText, exitCode: 0 };
}
