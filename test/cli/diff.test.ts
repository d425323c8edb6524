import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';

const seedAll = resolve(__dirname, '../../examples/seed-all');

/** A copy of the seed whose policies admit frontend into database and no longer admit api into backend. */
function changedSeed(): string {
  const dir = mkdtempSync(join(tmpdir(), 'netpol-diff-'));
  cpSync(seedAll, dir, { recursive: true });
  const path = join(dir, 'policies.yaml');
  const text = readFileSync(path, 'utf8')
    .replace('  ingress: []\n', '  ingress:\n  - from:\n    - podSelector:\n        matchLabels:\n          app: frontend\n')
    .replace('          app: api\n', '          app: nobody\n');
  writeFileSync(path, text);
  return dir;
}

describe('netpol-canvas diff', () => {
  it('prints - and + lines with the ports that changed and exits 1 when the reachability differs', () => {
    const result = runCli(['diff', seedAll, changedSeed()]);
    expect(result.stdout).toBe('- default/api -> default/backend all ports\n+ default/frontend -> default/database TCP 3306\n');
    expect(result.exitCode).toBe(1);
  });

  it('exits 0 and prints nothing when both allow the same flows', () => {
    const copy = mkdtempSync(join(tmpdir(), 'netpol-diff-'));
    cpSync(join(seedAll, 'cluster.yaml'), join(copy, 'pods.yaml'));
    cpSync(join(seedAll, 'policies.yaml'), join(copy, 'netpol.yaml'));
    expect(runCli(['diff', seedAll, copy])).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('reports a port removed while another stays, between single files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netpol-diff-'));
    const pods = readFileSync(join(seedAll, 'cluster.yaml'), 'utf8');
    const policy = (ports: string) =>
      `${pods}---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: api, namespace: default}\nspec:\n  podSelector: {matchLabels: {app: api}}\n  ingress: [{ports: ${ports}}]\n`;
    writeFileSync(join(dir, 'a.yaml'), policy('[{port: 80}, {port: 8080}]'));
    writeFileSync(join(dir, 'b.yaml'), policy('[{port: 80}]'));
    const result = runCli(['diff', join(dir, 'a.yaml'), join(dir, 'b.yaml')]);
    expect(result.stdout).toContain('- default/frontend -> default/api TCP 8080 (still allowed: TCP 80)\n');
    expect(result.stdout).not.toMatch(/^\+/m);
  });

  it('writes JSON and Markdown', () => {
    const json = JSON.parse(runCli(['diff', seedAll, changedSeed(), '--format', 'json']).stdout);
    expect(json).toEqual({
      equal: false,
      added: [{ from: 'default/frontend', to: 'default/database', protocol: 'TCP', ports: 'TCP 3306' }],
      removed: [{ from: 'default/api', to: 'default/backend', protocol: 'any', ports: 'all ports' }],
    });
    const md = runCli(['diff', seedAll, changedSeed(), '--format', 'md']).stdout;
    expect(md).toContain('| added | default/frontend | default/database | TCP 3306 |  |');
    expect(runCli(['diff', seedAll, seedAll, '--format', 'md']).stdout).toBe('No reachability changes.\n');
  });

  it('exits 2 on bad usage, unreadable paths and manifests with errors', () => {
    expect(runCli(['diff', seedAll]).exitCode).toBe(2);
    expect(runCli(['diff', seedAll, seedAll, '--format', 'xml']).exitCode).toBe(2);
    const missing = runCli(['diff', seedAll, '/no/such/dir']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('cannot read /no/such/dir');
    const dir = mkdtempSync(join(tmpdir(), 'netpol-diff-'));
    writeFileSync(join(dir, 'bad.yaml'), 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  podselector: {}\n');
    const broken = runCli(['diff', seedAll, dir]);
    expect(broken.exitCode).toBe(2);
    expect(broken.stderr).toMatch(/bad\.yaml:6:3: error/);
  });

  it('is listed in the main help', () => {
    expect(runCli(['--help']).stdout).toContain('diff A B');
    expect(runCli(['diff', '--help']).stdout).toContain('Exit status: 0 when A and B allow the same flows');
  });
});
