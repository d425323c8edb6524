/**
 * The reachability matrix: workloads (or pods) × workloads per port class, with external
 * address ranges as extra rows (sources) and columns (destinations). Each cell is a button that
 * opens the same explanation as the canvas edge in the inspector.
 */
import { memo, useCallback, useMemo, useState, type ReactNode } from 'react';
import type { Granularity, PortClass } from '../../core/index.ts';
import { appStore, selectAnalysis, selectSelection, selectStale, useAppStore } from '../store/index.ts';
import { buildMatrixGrid, SYMBOLS, type GridAxis, type GridCell, type MatrixGrid } from './matrix/matrix-model.ts';
import { matrixOf } from './matrix/workload-matrix.ts';
import './inspector/inspector.css';
import './matrix/matrix.css';

/** Show external ranges by default when there are few of them. */
const EXTERNAL_OPEN_UP_TO = 6;

function openFlow(cell: GridCell): void {
  const { select, setSidePanel } = appStore.getState();
  select({ kind: 'flow', source: cell.from, target: cell.to });
  setSidePanel('inspector');
}

const Cell = memo(function Cell({ cell, selected }: { readonly cell: GridCell; readonly selected: boolean }) {
  return (
    <td className={`mx-td${cell.self ? ' mx-self' : ''}`}>
      <button
        type="button"
        className={`mx-cell mx-${cell.verdict}${selected ? ' mx-selected' : ''}`}
        data-testid="matrix.cell"
        data-from={cell.from}
        data-to={cell.to}
        data-verdict={cell.verdict}
        aria-label={cell.description}
        title={cell.description}
        onClick={() => openFlow(cell)}
      >
        {cell.self ? '·' : SYMBOLS[cell.verdict]}
      </button>
    </td>
  );
});

function ColumnHeader({ axis }: { readonly axis: GridAxis }) {
  return (
    <th scope="col" className={axis.external ? 'mx-col mx-ext' : 'mx-col'} title={axis.external ? `${axis.name} (outside the cluster)` : axis.name} data-id={axis.id}>
      <span className="mx-col-label">{axis.short}</span>
    </th>
  );
}

function RowBand({ label, span }: { readonly label: string; readonly span: number }) {
  return (
    <tr className="mx-band-row">
      <th scope="rowgroup" className="mx-row-band">
        {label}
      </th>
      <td colSpan={span} className="mx-band-fill" />
    </tr>
  );
}

const Grid = memo(function Grid({
  grid,
  probe,
  selectedKey,
}: {
  readonly grid: MatrixGrid;
  readonly probe: PortClass['probe'] | undefined;
  readonly selectedKey: string | undefined;
}) {
  const banded = grid.columnGroups.length > 0;
  const body: ReactNode[] = [];
  grid.rows.forEach((row, r) => {
    const previous = grid.rows[r - 1];
    if (banded && row.axis.group !== previous?.axis.group) {
      body.push(<RowBand key={`band:${row.axis.group}:${r}`} label={row.axis.group} span={grid.columns.length} />);
    }
    body.push(
      <tr key={row.axis.id} className={row.axis.external ? 'mx-ext-row' : undefined}>
        <th
          scope="row"
          className={row.axis.external ? 'mx-row mx-ext' : 'mx-row'}
          title={row.axis.external ? `${row.axis.name} (outside the cluster)` : row.axis.name}
          data-id={row.axis.id}
        >
          {row.axis.short}
        </th>
        {row.cells.map((cell, i) =>
          cell ? (
            <Cell key={grid.columns[i]!.id} cell={cell} selected={selectedKey === `${cell.from}->${cell.to}`} />
          ) : (
            <td key={grid.columns[i]!.id} className="mx-td mx-none" aria-label="no flow between two outside ranges" />
          ),
        )}
      </tr>,
    );
  });
  return (
    <table
      className={banded ? 'mx-table mx-banded' : 'mx-table'}
      data-testid="matrix.table"
      data-port-class={grid.portClass}
      data-protocol={probe?.protocol}
      data-probe-port={probe?.port}
    >
      <caption className="mx-caption">May the row open a connection to the column on {grid.portClass}?</caption>
      <thead>
        {banded ? (
          <tr className="mx-bands">
            <th scope="col" className="mx-corner" rowSpan={2}>
              <span>from ↓ to →</span>
            </th>
            {grid.columnGroups.map((g, i) => (
              <th key={`${g.label}:${i}`} scope="colgroup" colSpan={g.span} className="mx-col-band" title={g.label}>
                <span>{g.label}</span>
              </th>
            ))}
          </tr>
        ) : null}
        <tr className="mx-names">
          {banded ? null : (
            <th scope="col" className="mx-corner">
              <span>from ↓ to →</span>
            </th>
          )}
          {grid.columns.map((c) => (
            <ColumnHeader key={c.id} axis={c} />
          ))}
        </tr>
      </thead>
      <tbody>{body}</tbody>
    </table>
  );
});

export function MatrixView() {
  const analysis = useAppStore(selectAnalysis);
  const selection = useAppStore(selectSelection);
  const stale = useAppStore(selectStale);
  const [granularity, setGranularity] = useState<Granularity>('workload');
  const [classIndex, setClassIndex] = useState(0);
  const [externalChoice, setExternalChoice] = useState<boolean | undefined>(undefined);

  const matrix = analysis ? matrixOf(analysis, granularity) : undefined;
  const classes = matrix?.portClasses ?? [];
  const cls = Math.min(classIndex, Math.max(0, classes.length - 1));
  const externalCount = (matrix?.ingressFromExternal.length ?? 0) + (matrix?.egressToExternal.length ?? 0);
  const showExternal = externalChoice ?? externalCount <= EXTERNAL_OPEN_UP_TO;
  const loopbackUnits = useMemo(
    () => new Set(analysis?.model.workloads.filter((w) => w.replicas <= 1).map((w) => w.id) ?? []),
    [analysis],
  );
  const grid = useMemo(
    () =>
      matrix && classes.length > 0 ? buildMatrixGrid(matrix, cls, { external: showExternal, maxNameLength: 22, loopbackUnits }) : undefined,
    [matrix, classes.length, cls, showExternal, loopbackUnits],
  );
  const selectedKey = selection?.kind === 'flow' ? `${selection.source}->${selection.target}` : undefined;
  const toggleExternal = useCallback(() => setExternalChoice(!showExternal), [showExternal]);

  if (!analysis || !matrix) {
    return (
      <div className="matrix-view" data-testid="matrix">
        <p className="muted">Nothing loaded yet.</p>
      </div>
    );
  }
  const unitWord = granularity === 'pod' ? 'pods' : 'workloads';
  return (
    <div className="matrix-view" data-testid="matrix" data-granularity={granularity}>
      {stale ? (
        <p className="insp-stale" role="status">
          The YAML has errors: this is the last version that parsed.
        </p>
      ) : null}
      <div className="mx-controls">
        <label className="mx-control">
          <span>Port</span>
          <select value={cls} onChange={(e) => setClassIndex(Number(e.target.value))} data-testid="matrix.port-class">
            {classes.map((c, i) => (
              <option key={c.label} value={i}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <div className="mx-segmented" role="group" aria-label="Rows and columns">
          {(['workload', 'pod'] as const).map((g) => (
            <button
              key={g}
              type="button"
              aria-pressed={granularity === g}
              className={granularity === g ? 'active' : undefined}
              onClick={() => setGranularity(g)}
              data-testid={`matrix.granularity-${g}`}
            >
              {g === 'workload' ? 'Workloads' : 'Pods'}
            </button>
          ))}
        </div>
      </div>
      <ul className="mx-legend" aria-label="Legend">
        <li>
          <span className="mx-key mx-allowed">✓</span> allowed
        </li>
        <li>
          <span className="mx-key mx-denied">✗</span> denied
        </li>
        <li title="Denied, but one side's policies explicitly allow it: the other side refuses">
          <span className="mx-key mx-half-open">◐</span> half-open
        </li>
        <li>
          <span className="mx-key mx-self-key">·</span> itself
        </li>
      </ul>
      {grid ? (
        <p className="mx-summary" data-testid="matrix.summary">
          Can the row open a connection to the column on <strong>{grid.portClass}</strong>? {grid.counts.allowed} allowed,{' '}
          {grid.counts.denied} denied{grid.counts.halfOpen > 0 ? `, ${grid.counts.halfOpen} half-open` : ''}. Click a cell for why.
        </p>
      ) : null}
      {externalCount > 0 ? (
        <button type="button" className="mx-disclosure" aria-expanded={showExternal} onClick={toggleExternal} data-testid="matrix.external-toggle">
          <span aria-hidden="true">{showExternal ? '▾' : '▸'}</span> Addresses outside the cluster: {matrix.ingressFromExternal.length} source
          rows, {matrix.egressToExternal.length} destination columns
        </button>
      ) : null}
      {matrix.units.length === 0 ? (
        <p className="muted">No {unitWord} in the YAML.</p>
      ) : grid ? (
        <div className="mx-scroll" tabIndex={0} aria-label="Reachability matrix (scrolls)">
          <Grid grid={grid} probe={classes[cls]?.probe} selectedKey={selectedKey} />
        </div>
      ) : null}
    </div>
  );
}
