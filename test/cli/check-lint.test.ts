import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { STRAY_DASH_POLICY } from '../helpers/stray-dash.ts';

const seedAll = resolve(__dirname, '../../examples/seed-all');

const STRAY = `apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: api, image: api}]}
---
${STRAY_DASH_POLICY}`;

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'netpol-lint-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('netpol-canvas check --lint', () => {
  const path = tempFile('stray.yaml', STRAY);

  it('prints file:line:col: warning lint/code: message (fix: …) and keeps exit 0', () => {
    const result = runCli(['check', '--lint', path]);
    expect(result.exitCode).toBe(0);
    const line = result.stdout.split('\n').find((l) => l.includes('lint/ports-only-rule'));
    expect(line).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:23:5: warning lint/ports-only-rule: .+ \\(fix: .*remove the dash.*\\)$`));
    expect(result.stdout).toMatch(/0 errors, 0 warnings, \d+ lint warnings?/);
  });

  it('prints nothing about lint without --lint', () => {
    const result = runCli(['check', path]);
    expect(result.stdout).not.toContain('lint/');
    expect(result.stdout).not.toContain('lint warning');
  });

  it('fails with --lint=error or --strict, and prints lint as errors with --lint=error', () => {
    const asError = runCli(['check', `--lint=error`, path]);
    expect(asError.exitCode).toBe(1);
    expect(asError.stderr).toContain(':23:5: error lint/ports-only-rule:');
    expect(runCli(['check', '--lint', '--strict', path]).exitCode).toBe(1);
    expect(runCli(['check', '--strict', seedAll]).exitCode).toBe(0);
  });

  it('hides lint warnings with --quiet, but not lint errors', () => {
    expect(runCli(['check', '--lint', '--quiet', path]).stdout).not.toContain('lint/ports-only-rule');
    expect(runCli(['check', '--lint=error', '--quiet', path]).stderr).toContain('lint/ports-only-rule');
  });

  it('rejects an unknown --lint mode', () => {
    const result = runCli(['check', '--lint=loud', path]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--lint takes "warning" or "error"');
  });

  it('documents --lint in its help', () => {
    expect(runCli(['check', '--help']).stdout).toContain('--lint=error');
  });
});
