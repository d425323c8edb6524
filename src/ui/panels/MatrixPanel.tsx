import { memo, useMemo } from 'react';
import type { Evaluator, ReachabilityMatrix } from '../../core/index.ts';
import { buildMatrixTables, type MatrixCell, type MatrixTable } from './matrix-tables.ts';

interface MatrixPanelProps {
  readonly matrix: ReachabilityMatrix;
  readonly evaluator: Evaluator;
}

function CellContent({ cell }: { readonly cell: MatrixCell }) {
  return (
    <td
      className={`cell ${cell.allowed ? 'cell-allowed' : 'cell-denied'}${cell.loopback ? ' cell-self' : ''}`}
      title={cell.explanation.join('\n')}
      data-testid="matrix-cell"
      data-from={cell.from}
      data-to={cell.to}
      data-allowed={String(cell.allowed)}
    >
      {cell.allowed ? '✓ allowed' : '✗ denied'}
      {cell.loopback ? <span className="cell-note"> (self)</span> : null}
    </td>
  );
}

function PortClassTable({ table }: { readonly table: MatrixTable }) {
  return (
    <table
      className="matrix-table"
      data-testid="matrix-table"
      data-port-class={table.label}
      data-protocol={table.protocol}
      data-probe-port={table.probePort}
    >
      <caption>{table.label}</caption>
      <thead>
        <tr>
          <th scope="col" className="corner">
            from ↓ / to →
          </th>
          {table.rows.map((row) => (
            <th scope="col" key={row.unit.id}>
              {row.unit.id}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => (
          <tr key={row.unit.id}>
            <th scope="row">{row.unit.id}</th>
            {row.cells.map((cell) => (
              <CellContent key={cell.to} cell={cell} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One table per port class: may the row's pod open a connection to the column's pod? */
export const MatrixPanel = memo(function MatrixPanel({ matrix, evaluator }: MatrixPanelProps) {
  const tables = useMemo(() => buildMatrixTables(matrix, evaluator), [matrix, evaluator]);
  return (
    <section className="panel" aria-labelledby="matrix-heading">
      <h2 id="matrix-heading">Reachability</h2>
      <p className="hint">
        May the pod in the row open a connection to the pod in the column? Hover a cell for the reason.
      </p>
      <div className="matrix" data-testid="matrix">
        {tables.length === 0 || matrix.units.length === 0 ? (
          <p>No pods to show.</p>
        ) : (
          tables.map((table) => <PortClassTable key={table.label} table={table} />)
        )}
      </div>
    </section>
  );
});
