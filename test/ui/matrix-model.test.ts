import { describe, expect, it } from 'vitest';
import { createEvaluator, importManifests } from '../../src/core/index.ts';
import { abbreviate, buildMatrixGrid, SYMBOLS } from '../../src/ui/panels/matrix/matrix-model.ts';
import { loadScenario } from '../helpers/scenarios.ts';

function demo(granularity: 'workload' | 'pod' = 'workload') {
  const { model } = importManifests(loadScenario('seed-all').manifests);
  const evaluator = createEvaluator(model);
  return { evaluator, matrix: evaluator.matrix({ granularity }), model };
}

const cellOf = (grid: ReturnType<typeof buildMatrixGrid>, from: string, to: string) =>
  grid.rows.find((r) => r.axis.id === from)?.cells.find((c) => c?.to === to);

describe('buildMatrixGrid', () => {
  it('draws every unit down and across, names shortened when they share a namespace', () => {
    const { matrix } = demo();
    const grid = buildMatrixGrid(matrix, 0, { external: false });
    expect(grid.columns.map((c) => c.id)).toEqual(matrix.units.map((u) => u.id));
    expect(grid.columns.map((c) => c.short)).toEqual(['api', 'backend', 'database', 'db', 'frontend']);
    expect(grid.rows.map((r) => r.cells.length)).toEqual(matrix.units.map(() => matrix.units.length));
  });

  it('agrees cell by cell with the evaluator on each class probe port', () => {
    const { matrix, evaluator } = demo();
    matrix.portClasses.forEach((cls, i) => {
      const grid = buildMatrixGrid(matrix, i, { external: false });
      for (const row of grid.rows) {
        for (const cell of row.cells) {
          if (!cell || cell.from === cell.to) continue;
          const v = evaluator.verdict(cell.from, cell.to, cls.probe.protocol, cls.probe.port);
          expect(cell.verdict === 'allowed', `${cls.label} ${cell.from} → ${cell.to}`).toBe(v.allowed);
        }
      }
    });
  });

  it('marks the half-open demo pairs', () => {
    const { matrix } = demo();
    const tcp3306 = matrix.portClasses.findIndex((c) => c.label === 'TCP 3306');
    const grid = buildMatrixGrid(matrix, tcp3306, { external: false, loopbackUnits: new Set(matrix.units.map((u) => u.id)) });
    expect(cellOf(grid, 'default/frontend', 'default/database')?.verdict).toBe('half-open');
    expect(cellOf(grid, 'default/backend', 'default/frontend')?.verdict).toBe('half-open');
    expect(cellOf(grid, 'default/api', 'default/frontend')?.verdict).toBe('denied');
    expect(cellOf(grid, 'default/api', 'default/backend')?.verdict).toBe('allowed');
    expect(cellOf(grid, 'default/frontend', 'default/database')?.description).toBe(
      'default/frontend → default/database on TCP 3306: denied (half-open: one side allows it, the other denies it)',
    );
    // 20 pairs of distinct workloads (the diagonal is loopback and not counted).
    expect(grid.counts).toEqual({ allowed: 5, denied: 13, halfOpen: 2 });
    const other = buildMatrixGrid(matrix, matrix.portClasses.findIndex((c) => c.other), { external: false });
    expect(cellOf(other, 'default/frontend', 'default/database')?.verdict).toBe('denied');
  });

  it('adds external sources as rows and destinations as columns, with no cell between two of them', () => {
    const { matrix } = demo();
    const grid = buildMatrixGrid(matrix, 0, { external: true });
    const extColumns = grid.columns.filter((c) => c.external).map((c) => c.id);
    expect(extColumns).toEqual(['ext:0.0.0.0/0,except:8.8.8.8/32', 'ext:8.8.8.8/32', 'ext:::/0']);
    expect(grid.rows.filter((r) => r.axis.external).map((r) => r.axis.id)).toEqual(['ext:0.0.0.0/0', 'ext:::/0']);
    expect(cellOf(grid, 'default/backend', 'ext:8.8.8.8/32')?.verdict).toBe('allowed');
    expect(cellOf(grid, 'default/backend', 'ext:0.0.0.0/0,except:8.8.8.8/32')?.verdict).toBe('denied');
    expect(cellOf(grid, 'ext:0.0.0.0/0', 'default/api')?.verdict).toBe('allowed');
    expect(cellOf(grid, 'ext:0.0.0.0/0', 'default/frontend')?.verdict).toBe('denied');
    const extRow = grid.rows.find((r) => r.axis.id === 'ext:0.0.0.0/0')!;
    expect(extRow.cells.slice(matrix.units.length)).toEqual([null, null, null]);
  });

  it('shows a unit facing itself as loopback: every pod, and single-replica workloads when told', () => {
    const pods = demo('pod');
    const podGrid = buildMatrixGrid(pods.matrix, 0, { external: false });
    expect(cellOf(podGrid, 'default/frontend', 'default/frontend')).toMatchObject({ self: true, verdict: 'allowed' });
    const workloads = demo();
    const plain = buildMatrixGrid(workloads.matrix, 0, { external: false });
    expect(cellOf(plain, 'default/frontend', 'default/frontend')?.self).toBe(false);
    const told = buildMatrixGrid(workloads.matrix, 0, { external: false, loopbackUnits: new Set(['default/frontend']) });
    expect(cellOf(told, 'default/frontend', 'default/frontend')?.self).toBe(true);
    expect(told.counts.allowed + told.counts.denied + told.counts.halfOpen).toBe(24);
  });
});

describe('abbreviate', () => {
  it('keeps short names and cuts long ones in the middle', () => {
    expect(abbreviate('frontend')).toBe('frontend');
    const cut = abbreviate('checkoutservice-canary-eu-west-1', 18);
    expect(cut).toHaveLength(18);
    expect(cut.startsWith('checkout')).toBe(true);
    expect(cut.endsWith('west-1')).toBe(true);
    expect(cut).toContain('…');
  });

  it('has a symbol for every verdict', () => {
    expect(SYMBOLS).toEqual({ allowed: '✓', denied: '✗', 'half-open': '◐' });
  });
});
