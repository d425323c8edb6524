/** netpol-canvas: the command-line face of the same core the editor uses. */
import { checkHelp, runCheck } from './commands/check.ts';
import { conformanceHelp, runConformance } from './commands/conformance.ts';
import { connlistHelp, runConnlist } from './commands/connlist.ts';
import { diffHelp, runDiff } from './commands/diff.ts';
import { explainHelp, runExplain } from './commands/explain.ts';
import { matrixHelp, runMatrix } from './commands/matrix.ts';
import { runTest, testHelp } from './commands/test.ts';
import { fail, ok, type CommandOutput } from './io.ts';

export const mainHelp = `Usage: netpol-canvas <command> [options]

Commands:
  check PATH...         validate manifests; file:line:col errors, exit 1 on errors (--lint: teaching warnings)
  matrix PATH...        reachability truth table (--port, --protocol, --format text|json|md)
  explain PATH...       one connection and why (--from X --to Y --port N [--protocol P])
  connlist PATH...      allowed connections in netpol-analyzer's format (--compat npguard)
  conformance DIR...    run conformance cases (cases/*.json + clusters/*.yaml)
  test PATH...          check expected flows (.flows files); exit 1 on a failure (--probe-script)
  diff A B              flows B allows that A does not (+) and the reverse (-); exit 1 when they differ

Run 'netpol-canvas <command> --help' for a command's options.
`;

const commands: Record<string, { help: string; run: (args: string[]) => CommandOutput }> = {
  check: { help: checkHelp, run: runCheck },
  matrix: { help: matrixHelp, run: runMatrix },
  explain: { help: explainHelp, run: runExplain },
  connlist: { help: connlistHelp, run: runConnlist },
  conformance: { help: conformanceHelp, run: runConformance },
  test: { help: testHelp, run: runTest },
  diff: { help: diffHelp, run: runDiff },
};

export function runCli(argv: string[]): CommandOutput {
  const [name, ...args] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') return ok(mainHelp);
  const command = commands[name];
  if (!command) return fail(`netpol-canvas: unknown command "${name}"\n\n${mainHelp}`);
  if (args.includes('-h') || args.includes('--help')) return ok(command.help);
  try {
    return command.run(args);
  } catch (error) {
    return fail(`netpol-canvas ${name}: ${(error as Error).message}\n`);
  }
}
