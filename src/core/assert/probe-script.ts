/**
 * "Export as probe script": expected flows as a POSIX shell script that checks them on a live
 * cluster. Each flow runs `nc` inside a source pod (`kubectl exec`) against the destination's
 * address and compares the outcome with the expectation. Every value that comes from the user's
 * text (names, labels, addresses, file names) is single-quoted, so nothing in it runs.
 */
import type { ClusterModel, Labels, Pod, Protocol } from '../model/types.ts';
import { formatFlowAssertion } from './format.ts';
import { indexEndpoints, resolveFlowEndpoint, type EndpointIndex } from './resolve.ts';
import type { FlowAssertion, ResolvedFlowEndpoint } from './types.ts';

/** `it's` → `'it'\''s'`: safe as one word in any POSIX shell. */
export function quoteShell(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Text for a `#` comment: one line, no control characters. */
function commentText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, '?');
}

function selectorOf(labels: Labels): string | undefined {
  const parts = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
  return parts.length === 0 ? undefined : parts.sort().join(',');
}

/** A pod that stands for a template or was inferred has no real name: find it by its labels. */
function hasRealName(pod: Pod): boolean {
  return pod.fromTemplate !== true && pod.inferred !== true;
}

interface Target {
  readonly namespace: string;
  /** Shell text (a command substitution or a quoted word) giving `pod/NAME` or `NAME`. */
  readonly pod: string;
  readonly labels?: string;
}

function podOf(end: ResolvedFlowEndpoint, index: EndpointIndex): Pod | undefined {
  if (end.kind === 'ip') return undefined;
  return index.pods.get(end.kind === 'pod' ? end.id : (end.podIds[0] ?? ''));
}

/** The pod to address by name: a declared pod, or the pod of a standalone-Pod workload. */
function namedPod(end: ResolvedFlowEndpoint, index: EndpointIndex): Pod | undefined {
  const pod = podOf(end, index);
  if (!pod || !hasRealName(pod)) return undefined;
  if (end.kind === 'pod' || index.workloads.get(end.kind === 'ip' ? '' : end.id)?.kind === 'Pod') return pod;
  return undefined;
}

function labelsOf(end: ResolvedFlowEndpoint, index: EndpointIndex, pod: Pod): Labels {
  return end.kind === 'workload' ? (index.workloads.get(end.id)?.labels ?? pod.labels) : pod.labels;
}

/** Shell text for the source pod's name, or why there is none. */
function sourceOf(end: ResolvedFlowEndpoint, index: EndpointIndex): Target | string {
  if (end.kind === 'ip') return 'the source is an address outside the cluster: run the check from a machine with that address';
  const named = namedPod(end, index);
  if (named) return { namespace: named.namespace, pod: quoteShell(named.name) };
  const pod = podOf(end, index);
  if (!pod) return 'the source has no pod';
  const selector = selectorOf(labelsOf(end, index, pod));
  if (selector === undefined) return `${end.id} has no labels to find its pods by`;
  return {
    namespace: pod.namespace,
    pod: `"$($KUBECTL get pod -n ${quoteShell(pod.namespace)} -l ${quoteShell(selector)} -o name | head -n 1)"`,
    labels: selector,
  };
}

/** Shell text for the destination's address, or why there is none. */
function addressOf(end: ResolvedFlowEndpoint, index: EndpointIndex): string | { skip: string } {
  if (end.kind === 'ip') return quoteShell(end.ip);
  const named = namedPod(end, index);
  if (named) {
    const ip = named.ips[0];
    if (ip !== undefined) return quoteShell(ip);
    return `"$($KUBECTL get pod -n ${quoteShell(named.namespace)} ${quoteShell(named.name)} -o jsonpath='{.status.podIP}')"`;
  }
  const pod = podOf(end, index);
  if (!pod) return { skip: 'the destination has no pod' };
  const selector = selectorOf(labelsOf(end, index, pod));
  if (selector === undefined) return { skip: `${end.id} has no labels to find its pods by` };
  return `"$($KUBECTL get pod -n ${quoteShell(pod.namespace)} -l ${quoteShell(selector)} -o jsonpath='{.items[0].status.podIP}')"`;
}

/** The port(s) to try: the one given, else those the destination declares for the protocol. */
function portsOf(a: FlowAssertion, end: ResolvedFlowEndpoint, index: EndpointIndex): number[] {
  if (a.port !== undefined) return [a.port];
  const pod = podOf(end, index);
  const declared = end.kind === 'workload' ? (index.workloads.get(end.id)?.ports ?? []) : (pod?.ports ?? []);
  return [...new Set(declared.filter((p) => p.protocol === a.protocol).map((p) => p.containerPort))].sort((x, y) => x - y);
}

const NC_FLAGS: Record<Protocol, string | undefined> = { TCP: '-z', UDP: '-zu', SCTP: undefined };

const HEADER = `#!/bin/sh
# Probe script exported by netpol-canvas: checks expected flows on a live cluster.
# Needs kubectl pointed at the cluster (set KUBECTL to add flags, e.g. KUBECTL="kubectl --context prod")
# and nc in the source pods' images. Each check runs nc inside a source pod against the
# destination's address: connected means allowed. UDP checks are indicative only: nc -zu reports
# success unless something answers "port unreachable", and NetworkPolicy drops packets silently.
set -u
KUBECTL=\${KUBECTL:-kubectl}
pass=0
fail=0
skip=0

# check EXPECTED DESCRIPTION POD ADDRESS -- COMMAND...: run COMMAND (kubectl exec in POD), compare with EXPECTED.
check() {
  expected=$1; what=$2; pod=$3; address=$4
  shift 5
  if [ -z "$pod" ]; then
    fail=$((fail + 1)); printf 'FAIL %s: no source pod found\\n' "$what"; return
  fi
  if [ -z "$address" ]; then
    fail=$((fail + 1)); printf 'FAIL %s: the destination has no address (no pod found, or no pod IP yet)\\n' "$what"; return
  fi
  "$@" >/dev/null 2>&1
  code=$?
  if [ "$code" -eq 126 ] || [ "$code" -eq 127 ]; then
    fail=$((fail + 1)); printf 'FAIL %s: could not run nc in %s (exit %s)\\n' "$what" "$pod" "$code"; return
  fi
  if [ "$code" -eq 0 ]; then actual=allowed; else actual=denied; fi
  if [ "$actual" = "$expected" ]; then
    pass=$((pass + 1)); printf 'PASS %s\\n' "$what"
  else
    fail=$((fail + 1)); printf 'FAIL %s: %s\\n' "$what" "$actual"
  fi
}

# skipped DESCRIPTION REASON
skipped() {
  skip=$((skip + 1)); printf 'SKIP %s: %s\\n' "$1" "$2"
}
`;

const FOOTER = `
printf '%s passed, %s failed, %s skipped\\n' "$pass" "$fail" "$skip"
[ "$fail" -eq 0 ]
`;

function linesFor(a: FlowAssertion, index: EndpointIndex): string[] {
  const label = `${a.file}:${a.line} ${formatFlowAssertion(a)}`;
  const what = quoteShell(label);
  const out = [``, `# ${commentText(label)}`];
  const skip = (reason: string) => [...out, `skipped ${what} ${quoteShell(reason)}`];
  const from = resolveFlowEndpoint(a.from, index);
  if ('code' in from) return skip(from.message);
  const to = resolveFlowEndpoint(a.to, index);
  if ('code' in to) return skip(to.message);
  const flags = NC_FLAGS[a.protocol];
  if (flags === undefined) return skip('SCTP cannot be checked with nc');
  const source = sourceOf(from, index);
  if (typeof source === 'string') return skip(source);
  const address = addressOf(to, index);
  if (typeof address !== 'string') return skip(address.skip);
  const ports = portsOf(a, to, index);
  if (ports.length === 0) return skip(`no port given and the destination declares no ${a.protocol} port: add a port to the line`);
  const lines = [...out, `src=${source.pod}`, `dst=${address}`];
  for (const port of ports) {
    const item = a.port === undefined ? quoteShell(`${label} (port ${port})`) : what;
    lines.push(`check ${a.expect} ${item} "$src" "$dst" -- $KUBECTL exec -n ${quoteShell(source.namespace)} "$src" -- nc ${flags} -w 2 "$dst" ${port}`);
  }
  return lines;
}

/** A POSIX shell script that checks the assertions on a live cluster; exits non-zero when one fails. */
export function generateProbeScript(model: ClusterModel, assertions: readonly FlowAssertion[]): string {
  const index = indexEndpoints(model);
  const body = assertions.flatMap((a) => linesFor(a, index));
  return `${HEADER}${body.join('\n')}\n${FOOTER}`;
}
