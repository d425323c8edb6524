import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';

const seedAll = resolve(__dirname, '../../examples/seed-all');
const projectConformance = resolve(__dirname, '../../conformance');

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'netpol-cli-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('netpol-canvas check', () => {
  it('prints file:line:col: error CODE: message and exits 1 on an error', () => {
    const path = tempFile('bad.yaml', 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  podselector: {}\n');
    const result = runCli(['check', path]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:6:3: error [a-z-]+: .*podSelector`, 'm'));
  });

  it('exits 0 on valid manifests and says what it read', () => {
    const result = runCli(['check', seedAll]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/5 NetworkPolicies, 5 workloads, 1 namespace: 0 errors/);
  });

  it('fails with a clear message for a missing path', () => {
    const result = runCli(['check', '/no/such/file.yaml']);
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('cannot read /no/such/file.yaml');
  });
});

describe('netpol-canvas matrix', () => {
  it('prints a truth table per port class with . allowed and X denied', () => {
    const result = runCli(['matrix', seedAll, '--port', '5432']);
    expect(result.exitCode).toBe(0);
    const row = result.stdout.split('\n').find((l) => l.startsWith('default/backend '));
    expect(row).toBeDefined();
    expect(result.stdout).toContain('TCP/5432');
  });

  it('prints JSON and markdown', () => {
    const json = JSON.parse(runCli(['matrix', seedAll, '--format', 'json']).stdout);
    expect(json.units).toContain('default/frontend');
    expect(json.tables.length).toBeGreaterThan(0);
    expect(runCli(['matrix', seedAll, '--format', 'md']).stdout).toMatch(/^\| .* \| default\/api \|/m);
  });

  it('rejects a bad --port with a non-zero exit', () => {
    const result = runCli(['matrix', seedAll, '--port', '70000']);
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('--port must be a number from 1 to 65535');
  });
});

describe('netpol-canvas explain', () => {
  it('explains a denied half-open flow with the policy that denies it', () => {
    const result = runCli(['explain', seedAll, '--from', 'default/backend', '--to', 'default/frontend', '--port', '80']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('default/backend → default/frontend on TCP 80: denied.');
    expect(result.stdout).toContain('default/allow-ingress-egress');
  });

  it('requires --from, --to and --port', () => {
    expect(runCli(['explain', seedAll, '--from', 'default/api']).exitCode).not.toBe(0);
  });

  it('names an unknown endpoint', () => {
    const result = runCli(['explain', seedAll, '--from', 'default/nope', '--to', 'default/db', '--port', '80']);
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('unknown source "default/nope"');
  });
});

describe('netpol-canvas connlist', () => {
  it('lists allowed connections in netpol-analyzer format', () => {
    const result = runCli(['connlist', seedAll]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^default\/api\[Pod\] => default\/backend\[Pod\] : All Connections$/m);
  });
});

describe('netpol-canvas conformance', () => {
  it('runs a conformance directory and ends with N passed, M failed', () => {
    const result = runCli(['conformance', projectConformance]);
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(/^\d+ passed, 0 failed$/);
    expect(result.exitCode).toBe(0);
  });
});

describe('netpol-canvas --help', () => {
  it.each(['check', 'matrix', 'explain', 'connlist', 'conformance'])('%s has --help', (command) => {
    const result = runCli([command, '--help']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: netpol-canvas ${command}`));
  });

  it('fails on an unknown command', () => {
    expect(runCli(['frobnicate']).exitCode).not.toBe(0);
  });
});
