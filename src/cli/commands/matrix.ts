import { parseArgs } from 'node:util';
import { containsPort } from '../../core/model/portset.ts';
import type { ReachabilityMatrix } from '../../core/evaluate/types.ts';
import { fail, UsageError, type CommandOutput } from '../io.ts';
import { loadPaths } from './load.ts';
import { parsePortOption, parseProtocolOption } from './options.ts';

export const matrixHelp = `Usage: netpol-canvas matrix PATH... [--port N] [--protocol P] [--format text|json|md] [--granularity workload|pod]

Print the reachability truth table: rows are sources, columns destinations,
'.' allowed and 'X' denied. Without --port, one table per port class (every
protocol/port range a policy mentions, plus "any other port").

Options:
  --port N             one table for this destination port
  --protocol P         TCP (default), UDP or SCTP (with --port)
  --format F           text (default), json or md
  --granularity G      workload (default) or pod
  -h, --help           show this help
`;

interface Table {
  readonly title: string;
  readonly cells: boolean[][];
}

function tablesOf(matrix: ReachabilityMatrix, probe?: { protocol: 'TCP' | 'UDP' | 'SCTP'; port: number }): Table[] {
  const n = matrix.units.length;
  const range = [...Array(n).keys()];
  if (probe) {
    return [{
      title: `${probe.protocol}/${probe.port}`,
      cells: range.map((s) => range.map((d) => containsPort(matrix.connections(s, d), probe.protocol, probe.port))),
    }];
  }
  return matrix.portClasses.map((cls, c) => ({
    title: cls.label,
    cells: range.map((s) => range.map((d) => matrix.allowed(s, d, c))),
  }));
}

function renderText(ids: string[], table: Table): string {
  const width = Math.max(table.title.length, ...ids.map((id) => id.length));
  const pad = (s: string) => s.padEnd(width);
  const header = `${pad(table.title)} | ${ids.map((_, i) => String(i + 1).padStart(2)).join(' ')}`;
  const rule = '-'.repeat(header.length);
  const rows = table.cells.map((row, i) => `${pad(ids[i]!)} | ${row.map((v) => (v ? ' .' : ' X')).join(' ')}`);
  const legend = ids.map((id, i) => `${String(i + 1).padStart(2)}: ${id}`);
  return [header, rule, ...rows, '', 'columns:', ...legend, ''].join('\n');
}

function renderMarkdown(ids: string[], table: Table): string {
  const head = `| ${table.title} | ${ids.join(' | ')} |`;
  const sep = `|${' --- |'.repeat(ids.length + 1)}`;
  const rows = table.cells.map((row, i) => `| ${ids[i]} | ${row.map((v) => (v ? '✓' : '✗')).join(' | ')} |`);
  return [head, sep, ...rows, ''].join('\n');
}

export function runMatrix(args: string[]): CommandOutput {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      protocol: { type: 'string' },
      format: { type: 'string', default: 'text' },
      granularity: { type: 'string', default: 'workload' },
    },
  });
  if (positionals.length === 0) return fail(`matrix: no PATH given\n\n${matrixHelp}`);
  if (!['text', 'json', 'md'].includes(values.format!)) throw new UsageError(`--format must be text, json or md, got "${values.format}"`);
  if (values.granularity !== 'workload' && values.granularity !== 'pod') throw new UsageError(`--granularity must be workload or pod`);
  const probe = values.port ? { protocol: parseProtocolOption(values.protocol), port: parsePortOption(values.port) } : undefined;
  const { evaluator, errorText } = loadPaths(positionals);
  const matrix = evaluator.matrix({ granularity: values.granularity });
  const ids = matrix.units.map((u) => u.id);
  const tables = tablesOf(matrix, probe);
  let stdout: string;
  if (values.format === 'json') {
    stdout = JSON.stringify({ granularity: matrix.granularity, units: ids, tables: tables.map((t) => ({ ports: t.title, allowed: t.cells })) }, null, 2) + '\n';
  } else {
    const render = values.format === 'md' ? renderMarkdown : renderText;
    stdout = tables.map((t) => render(ids, t)).join('\n');
  }
  return { stdout, stderr: errorText, exitCode: 0 };
}
