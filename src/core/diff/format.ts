/** Flow changes as text: `+ default/web -> default/db TCP 5432` lines, and Markdown. */
import type { FlowChange, ReachabilityDiff } from './types.ts';

/** `default/web -> default/db TCP 5432` (the ports text already names its protocol). */
export function formatFlowChange(change: FlowChange): string {
  return `${change.from} -> ${change.to} ${change.ports}`;
}

/** One line per change, `+ ...` for added and `- ...` for removed, removed first. */
export function formatDiffLines(diff: ReachabilityDiff): string[] {
  const line = (sign: string) => (c: FlowChange) => `${sign} ${formatFlowChange(c)}${c.kept ? ` (still allowed: ${c.kept})` : ''}`;
  return [...diff.removed.map(line('-')), ...diff.added.map(line('+'))];
}

function cell(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('|', '\\|');
}

/** A Markdown table: change, from, to, ports, still allowed. */
export function formatDiffMarkdown(diff: ReachabilityDiff): string {
  const rows = [
    ...diff.removed.map((c) => ['removed', c] as const),
    ...diff.added.map((c) => ['added', c] as const),
  ].map(([kind, c]) => `| ${kind} | ${cell(c.from)} | ${cell(c.to)} | ${cell(c.ports)} | ${cell(c.kept ?? '')} |`);
  return ['| change | from | to | ports | still allowed |', '| --- | --- | --- | --- | --- |', ...rows].join('\n') + '\n';
}

/** Plain JSON values (address sets as their label, no bigints). */
export function diffToJson(diff: ReachabilityDiff): { added: object[]; removed: object[] } {
  const plain = (c: FlowChange) => ({
    from: c.from,
    to: c.to,
    protocol: c.protocol,
    ports: c.ports,
    ...(c.kept ? { kept: c.kept } : {}),
    ...(c.external ? { external: c.external.end } : {}),
  });
  return { added: diff.added.map(plain), removed: diff.removed.map(plain) };
}
