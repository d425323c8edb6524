import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';

const seedAll = resolve(__dirname, '../../examples/seed-all');

/** A folder with seed-all's manifests and the given .flows files. */
function workspace(flows: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'netpol-test-'));
  cpSync(join(seedAll, 'cluster.yaml'), join(dir, 'cluster.yaml'));
  cpSync(join(seedAll, 'policies.yaml'), join(dir, 'policies.yaml'));
  for (const [name, text] of Object.entries(flows)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('netpol-canvas test', () => {
  it('prints PASS for each assertion of a scenario folder and exits 0', () => {
    const result = runCli(['test', seedAll]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`PASS ${seedAll}/expected.flows:2  api -> backend TCP 8080 allowed\n`);
    expect(result.stdout).toMatch(/^(\d+) of \1 assertions pass\n$/m);
  });

  it('prints FAIL with file:line and the evaluator reasons, and exits 1', () => {
    const dir = workspace({ 'expected.flows': '# flows\nbackend -> db TCP 5432 allowed\nfrontend -> backend TCP 8080 allowed\n' });
    const result = runCli(['test', dir]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(`PASS ${dir}/expected.flows:2  backend -> db TCP 5432 allowed\n`);
    expect(result.stdout).toContain(
      `FAIL ${dir}/expected.flows:3  frontend -> backend TCP 8080 allowed\n     Expected allowed on TCP 8080, but default/frontend → default/backend on TCP 8080 is denied.\n`,
    );
    expect(result.stdout).toContain('       - default/allow-ingress-egress: no ingress rule allows the source default/frontend.\n');
    expect(result.stdout).toContain('1 of 2 assertions pass, 1 failed\n');
  });

  it('reports syntax errors and unknown endpoints with line and column, and exits 1', () => {
    const dir = workspace({ 'a.flows': 'backend -> db TCP 5432 allowed\nfrontend => db denied\nfrontend -> dbb denied\n' });
    const result = runCli(['test', dir]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(`${dir}/a.flows:2:1: error flows/syntax: missing "->"`);
    expect(result.stdout).toContain(`ERROR ${dir}/a.flows:3  frontend -> dbb denied\n     ${dir}/a.flows:3:13: error flows/unknown-endpoint:`);
    expect(result.stdout).toContain('Did you mean `db`?');
    expect(result.stdout).toContain('1 of 2 assertions pass, 1 could not be checked, 1 error in the files\n');
  });

  it('takes files together as one workspace', () => {
    const dir = workspace({ 'x.flows': 'frontend -> database TCP 3306 denied\n' });
    const result = runCli(['test', join(dir, 'cluster.yaml'), join(dir, 'policies.yaml'), join(dir, 'x.flows')]);
    expect(result.stdout).toContain('1 of 1 assertions pass');
    expect(result.exitCode).toBe(0);
  });

  it('checks each scenario folder inside a folder against its own manifests', () => {
    const root = mkdtempSync(join(tmpdir(), 'netpol-scenarios-'));
    for (const id of ['one', 'two']) {
      mkdirSync(join(root, id));
      cpSync(join(seedAll, 'cluster.yaml'), join(root, id, 'cluster.yaml'));
      cpSync(join(seedAll, 'policies.yaml'), join(root, id, 'policies.yaml'));
    }
    // Scenario "two" lists its policies; "one" does not, so its cluster is wide open.
    writeFileSync(join(root, 'one', 'scenario.json'), JSON.stringify({ id: 'one', files: ['cluster.yaml', 'expected.flows'] }));
    writeFileSync(join(root, 'two', 'scenario.json'), JSON.stringify({ id: 'two', files: ['cluster.yaml', 'policies.yaml', 'expected.flows'] }));
    writeFileSync(join(root, 'one', 'expected.flows'), 'frontend -> backend TCP 8080 allowed\n');
    writeFileSync(join(root, 'two', 'expected.flows'), 'frontend -> backend TCP 8080 allowed\n');
    const result = runCli(['test', root]);
    expect(result.stdout).toContain(`${join(root, 'one')}\n  PASS`);
    expect(result.stdout).toContain(`${join(root, 'two')}\n  FAIL`);
    expect(result.stdout).toContain('1 of 2 assertions pass, 1 failed');
  });

  it('exits 2 when no assertion is found', () => {
    const result = runCli(['test', join(seedAll, 'cluster.yaml')]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('no flow assertions found');
  });

  it('--format json gives the results, issues and a summary', () => {
    const dir = workspace({ 'expected.flows': 'frontend -> backend TCP 8080 allowed\nbackend -> db TCP 5432 allowed\n' });
    const result = runCli(['test', dir, '--format', 'json']);
    expect(result.exitCode).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.summary).toEqual({ total: 2, passed: 1, failed: 1, errors: 0 });
    expect(json.results[0]).toMatchObject({
      file: `${dir}/expected.flows`,
      line: 1,
      assertion: 'frontend -> backend TCP 8080 allowed',
      status: 'fail',
      actual: 'denied',
      witness: { from: 'default/frontend', to: 'default/backend', port: 8080 },
    });
    expect(json.results[0].explanation[0]).toBe('default/frontend → default/backend on TCP 8080: denied.');
    expect(json.issues).toEqual([]);
    expect(runCli(['test', dir, '--format', 'xml']).exitCode).toBe(2);
  });

  it('--probe-script prints a shell script with a kubectl exec per flow', () => {
    const result = runCli(['test', seedAll, '--probe-script']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.startsWith('#!/bin/sh\n')).toBe(true);
    expect(result.stdout).toContain(`check allowed '${seedAll}/expected.flows:3 backend -> db TCP 5432 allowed' "$src" "$dst" -- $KUBECTL exec -n 'default' "$src" -- nc -z -w 2 "$dst" 5432`);
    expect(result.stdout).toContain('KUBECTL=${KUBECTL:-kubectl}');
    const many = runCli(['test', resolve(seedAll, '..'), '--probe-script']);
    expect(many.exitCode).toBe(2);
    expect(many.stderr).toContain('one workspace');
  });
});
