import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateProbeScript, importManifests, parseFlowAssertions, quoteShell, type ClusterModel } from '../../../src/core/index.ts';
import { cluster } from '../evaluate/fixture.ts';

/** A kubectl that logs its arguments, finds pods, and lets only port 8080 connect. */
const FAKE_KUBECTL = `#!/bin/sh
for a in "$@"; do printf '[%s]' "$a" >> "$LOG"; done
echo >> "$LOG"
case "$1" in
  get) case "$*" in *jsonpath*) printf '10.9.9.9' ;; *) printf 'pod/found\\n' ;; esac ;;
  exec) for a in "$@"; do last=$a; done; [ "$last" = 8080 ] ;;
esac
`;

function runScript(script: string): { stdout: string; status: number; log: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'probe-'));
  writeFileSync(join(dir, 'kubectl'), FAKE_KUBECTL);
  chmodSync(join(dir, 'kubectl'), 0o755);
  writeFileSync(join(dir, 'probe.sh'), script);
  const env = { PATH: `${dir}:/usr/bin:/bin`, LOG: join(dir, 'log'), HOME: dir };
  const log = () => (existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8') : '');
  try {
    const stdout = execFileSync('sh', [join(dir, 'probe.sh')], { cwd: dir, env, encoding: 'utf8' });
    return { stdout, status: 0, log: log(), dir };
  } catch (error) {
    const e = error as { stdout: string; status: number };
    return { stdout: e.stdout, status: e.status, log: log(), dir };
  }
}

const MANIFESTS = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: frontend, namespace: shop}
spec:
  selector: {matchLabels: {app: frontend}}
  template:
    metadata: {labels: {app: frontend, tier: web}}
    spec: {containers: [{name: c, image: x}]}
---
apiVersion: v1
kind: Pod
metadata: {name: backend, namespace: shop, labels: {app: backend}}
spec: {containers: [{name: c, image: x, ports: [{containerPort: 8080}, {containerPort: 9090}]}]}
status: {podIP: 10.1.0.2}
`;

function scriptFor(flows: string, model?: ClusterModel): string {
  const m = model ?? importManifests([{ name: 'cluster.yaml', text: MANIFESTS }]).model;
  return generateProbeScript(m, parseFlowAssertions({ name: 'expected.flows', text: flows }).assertions);
}

describe('quoteShell', () => {
  it('single-quotes, closing and reopening around quotes', () => {
    expect(quoteShell(`it's`)).toBe(`'it'\\''s'`);
    expect(execFileSync('sh', ['-c', `printf %s ${quoteShell(`a'b $(x) \`y\` "z"\n`)}`], { encoding: 'utf8' })).toBe(`a'b $(x) \`y\` "z"\n`);
  });
});

describe('generateProbeScript', () => {
  it('runs nc in a source pod for each flow and compares with the expectation', () => {
    const script = scriptFor('frontend -> backend TCP 8080 allowed\nfrontend -> backend TCP 9090 allowed\nbackend -> frontend TCP 80 denied');
    expect(script.startsWith('#!/bin/sh\n')).toBe(true);
    expect(script).toContain(`src="$($KUBECTL get pod -n 'shop' -l 'app=frontend,tier=web' -o name | head -n 1)"`);
    expect(script).toContain(`dst='10.1.0.2'`);
    expect(script).toContain(`check allowed 'expected.flows:1 frontend -> backend TCP 8080 allowed' "$src" "$dst" -- $KUBECTL exec -n 'shop' "$src" -- nc -z -w 2 "$dst" 8080`);
    expect(script).toContain(`dst="$($KUBECTL get pod -n 'shop' -l 'app=frontend,tier=web' -o jsonpath='{.items[0].status.podIP}')"`);
    const run = runScript(script);
    expect(run.stdout).toContain('PASS expected.flows:1 frontend -> backend TCP 8080 allowed');
    expect(run.stdout).toContain('FAIL expected.flows:2 frontend -> backend TCP 9090 allowed: denied');
    expect(run.stdout).toContain('PASS expected.flows:3 backend -> frontend TCP 80 denied');
    expect(run.stdout).toContain('2 passed, 1 failed, 0 skipped');
    expect(run.status).toBe(1);
    expect(run.log).toContain('[exec][-n][shop][pod/found][--][nc][-z][-w][2][10.1.0.2][8080]');
    expect(run.log).toContain('[exec][-n][shop][backend][--][nc][-z][-w][2][10.9.9.9][80]');
  });

  it('exits 0 when every flow behaves as expected; UDP uses nc -zu; no port means the declared ports', () => {
    const script = scriptFor('frontend -> backend allowed\nfrontend -> backend UDP 53 denied');
    expect(script).toContain(`'expected.flows:1 frontend -> backend allowed (port 8080)'`);
    expect(script).toContain(`'expected.flows:1 frontend -> backend allowed (port 9090)'`);
    expect(script).toContain(`nc -zu -w 2 "$dst" 53`);
    const run = runScript(scriptFor('frontend -> backend TCP 8080 allowed\nbackend -> frontend TCP 1 denied'));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('2 passed, 0 failed, 0 skipped');
  });

  it('skips what it cannot check, saying why', () => {
    const script = scriptFor('8.8.8.8 -> backend TCP 80 denied\nfrontend -> backend SCTP 80 denied\nbackend -> frontend denied\nfrontend -> nope TCP 1 denied');
    const run = runScript(script);
    expect(run.stdout).toContain("SKIP expected.flows:1 8.8.8.8 -> backend TCP 80 denied: the source is an address outside the cluster");
    expect(run.stdout).toContain('SKIP expected.flows:2 frontend -> backend SCTP 80 denied: SCTP cannot be checked with nc');
    expect(run.stdout).toContain('SKIP expected.flows:3 backend -> frontend denied: no port given and the destination declares no TCP port');
    expect(run.stdout).toContain('SKIP expected.flows:4 frontend -> nope TCP 1 denied: unknown endpoint "nope"');
    expect(run.stdout).toContain('0 passed, 0 failed, 4 skipped');
    expect(run.status).toBe(0);
  });

  it('fails a flow whose pod or address cannot be found instead of calling it denied', () => {
    const script = scriptFor('frontend -> backend TCP 8080 denied').replace(`printf 'pod/found\\n'`, 'true');
    const run = runScript(script.replace(/src="[^\n]*"/, 'src=""'));
    expect(run.stdout).toContain('FAIL expected.flows:1 frontend -> backend TCP 8080 denied: no source pod found');
    expect(run.status).toBe(1);
  });

  it('never runs text from names, labels or file names', () => {
    const ns1 = 'ns$(touch${IFS}pwned-1)';
    const pod1 = "a'b;touch${IFS}pwned-2";
    const label = '$(touch${IFS}pwned-3)';
    const ns2 = 'n"s';
    const pod2 = '`touch${IFS}pwned-4`';
    const file = "x'; touch pwned-5; echo '\n$(touch pwned-5).flows";
    const model = cluster([{ id: `${ns1}/${pod1}`, labels: { app: label } }, { id: `${ns2}/${pod2}`, ips: ['10.0.0.1'] }], []);
    // The first stands for a Deployment's template: it is found by its labels at run time.
    const withTemplate: ClusterModel = {
      ...model,
      pods: model.pods.map((p, i) => (i === 0 ? { ...p, fromTemplate: true } : p)),
      workloads: model.workloads.map((w, i) => (i === 0 ? { ...w, kind: 'Deployment' as const } : w)),
    };
    const flows = `${ns1}/${pod1} -> ${ns2}/${pod2} TCP 8080 allowed\n${ns2}/${pod2} -> ${ns1}/${pod1} TCP 8080 allowed\n`;
    const assertions = parseFlowAssertions({ name: file, text: flows }).assertions;
    expect(assertions).toHaveLength(2);
    const run = runScript(generateProbeScript(withTemplate, assertions));
    for (const n of [1, 2, 3, 4, 5]) expect(existsSync(join(run.dir, `pwned-${n}`)), `pwned-${n}`).toBe(false);
    expect(run.log).toContain(`[get][pod][-n][${ns1}][-l][app=${label}][-o][name]`);
    expect(run.log).toContain(`[exec][-n][${ns1}][pod/found][--][nc][-z][-w][2][10.0.0.1][8080]`);
    expect(run.log).toContain(`[exec][-n][${ns2}][${pod2}][--][nc][-z][-w][2][10.9.9.9][8080]`);
    expect(run.stdout).toContain('2 passed, 0 failed, 0 skipped');
  });
});
