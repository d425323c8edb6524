import { parseArgs } from 'node:util';
import { fail, type CommandOutput } from '../io.ts';
import { formatCaseFailure, loadConformanceCases, runLoadedCase } from '../conformance/run-dir.ts';

export const conformanceHelp = `Usage: netpol-canvas conformance DIR...

Run every conformance case in each DIR (layout: cases/<id>.json + clusters/<name>.yaml,
see conformance/README.md) through the editor's own import and evaluator. Prints each
failing case with the cells that differ and the evaluator's explanation, then
'N passed, M failed'. Exits 1 if any case failed.
`;

export function runConformance(args: string[]): CommandOutput {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length === 0) return fail(`conformance: no DIR given\n\n${conformanceHelp}`);
  let passed = 0;
  let failed = 0;
  const out: string[] = [];
  for (const dir of positionals) {
    for (const loaded of loadConformanceCases(dir)) {
      const result = runLoadedCase(loaded);
      if (result.passed) passed++;
      else {
        failed++;
        out.push(formatCaseFailure(result));
      }
    }
  }
  out.push(`${passed} passed, ${failed} failed`);
  return { stdout: out.join('\n') + '\n', stderr: '', exitCode: failed > 0 ? 1 : 0 };
}
