import { describe, expect, it } from 'vitest';
import { createEvaluator, importManifests } from '../../src/core/index.ts';
import { buildMatrixTables } from '../../src/ui/panels/matrix-tables.ts';
import { loadScenario } from '../helpers/scenarios.ts';

function demoTables() {
  const { model } = importManifests(loadScenario('seed-all').manifests);
  const evaluator = createEvaluator(model);
  const matrix = evaluator.matrix({ granularity: 'pod' });
  return { evaluator, matrix, tables: buildMatrixTables(matrix, evaluator) };
}

describe('buildMatrixTables', () => {
  it('makes one square table per port class, over every pod', () => {
    const { matrix, tables } = demoTables();
    expect(tables.map((t) => t.label)).toEqual(matrix.portClasses.map((c) => c.label));
    for (const table of tables) {
      expect(table.rows.map((r) => r.unit.id)).toEqual(matrix.units.map((u) => u.id));
      for (const row of table.rows) expect(row.cells.map((c) => c.to)).toEqual(matrix.units.map((u) => u.id));
    }
  });

  it('agrees cell by cell with the verdict on the class probe port, and explains it', () => {
    const { evaluator, tables, matrix } = demoTables();
    tables.forEach((table, cls) => {
      const portClass = matrix.portClasses[cls]!;
      for (const row of table.rows) {
        for (const cell of row.cells) {
          const verdict = evaluator.verdict(cell.from, cell.to, portClass.probe.protocol, portClass.probe.port);
          expect(cell.allowed, `${table.label} ${cell.from} → ${cell.to}`).toBe(verdict.allowed);
          expect(cell.loopback).toBe(cell.from === cell.to);
          expect(cell.explanation.length).toBeGreaterThan(0);
        }
      }
    });
  });

  it('shows the half-open demo pair: frontend may send to database on TCP 3306, database refuses', () => {
    const { tables } = demoTables();
    const table = tables.find((t) => t.label === 'TCP 3306');
    const cell = table?.rows.find((r) => r.unit.id === 'default/frontend')?.cells.find((c) => c.to === 'default/database');
    expect(cell?.allowed).toBe(false);
    expect(cell?.explanation.join('\n')).toContain('default/deny-all-ingress');
  });
});
