/**
 * Interop with netpol-analyzer: our connlist (in its format, with --compat npguard semantics)
 * must equal its golden `list` output for every case, compared by its own normalizer, including the
 * `{ingress-controller}` lines that Routes and Ingresses give.
 * The cases are another project's files: they are read from ../shared, never copied here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';

const interopDir = resolve(__dirname, '../../../shared/interop/np-guard');
const present = existsSync(join(interopDir, 'cases'));
const python = present ? spawnSync('python3', ['--version']).status === 0 : false;
const reason = !present
  ? `skipped: ${interopDir} is absent (the np-guard corpus lives only in ../shared, present in CI)`
  : `skipped: python3 is needed for the corpus's normalizer`;

describe.runIf(present && python)('netpol-analyzer interop (connlist --compat npguard)', () => {
  const cases = present ? readdirSync(join(interopDir, 'cases')).sort() : [];
  const out = mkdtempSync(join(tmpdir(), 'npguard-'));

  it.each(cases)('%s matches the golden connlist', (name) => {
    const inputs = join(interopDir, 'cases', name, 'inputs');
    const result = runCli(['connlist', inputs, '--compat', 'npguard']);
    expect(result.exitCode, result.stderr).toBe(0);
    const actual = join(out, `${name}.txt`);
    writeFileSync(actual, result.stdout);
    const compare = spawnSync(
      'python3',
      [join(interopDir, 'tools/npa_normalize.py'), '--compare', join(interopDir, 'cases', name, 'expected.txt'), actual],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    expect(compare.status, `differences (- expected, + ours):\n${compare.stdout.slice(0, 6000)}${compare.stderr}`).toBe(0);
  }, 120_000);
});

if (!present || !python) {
  describe('netpol-analyzer interop', () => {
    it.skip(reason, () => {});
  });
}
