import { parseArgs } from 'node:util';
import { explainVerdict } from '../../core/evaluate/explain.ts';
import { fail, ok, type CommandOutput } from '../io.ts';
import { loadPaths } from './load.ts';
import { parseCompatOption, parsePortOption, parseProtocolOption } from './options.ts';

export const explainHelp = `Usage: netpol-canvas explain PATH... --from X --to Y --port N [--protocol P]

Decide one connection and say why: which policies isolate each end, and which rule
allowed it or why none did. X and Y are <namespace>/<pod>, <namespace>/<workload>
or an IPv4/IPv6 address. Prints the verdict; exits 0 whether allowed or denied.

Options:
  --from X          source
  --to Y            destination
  --port N          destination port (1-65535)
  --protocol P      TCP (default), UDP or SCTP
  --compat npguard  ipBlocks never match pods (netpol-analyzer's semantics)
  -h, --help        show this help
`;

export function runExplain(args: string[]): CommandOutput {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      port: { type: 'string' },
      protocol: { type: 'string' },
      compat: { type: 'string' },
    },
  });
  if (positionals.length === 0) return fail(`explain: no PATH given\n\n${explainHelp}`);
  if (!values.from || !values.to || !values.port) return fail(`explain: --from, --to and --port are required\n\n${explainHelp}`);
  const port = parsePortOption(values.port);
  const protocol = parseProtocolOption(values.protocol);
  const { evaluator, errorText } = loadPaths(positionals, { npguard: parseCompatOption(values.compat) });
  const verdict = evaluator.verdict(values.from, values.to, protocol, port);
  return { stdout: explainVerdict(verdict).join('\n') + '\n', stderr: errorText, exitCode: 0 };
}
