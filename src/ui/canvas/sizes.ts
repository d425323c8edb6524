/**
 * Node sizes, decided before rendering so that the layout (ELK) and the DOM agree: chips are
 * packed into rows here with a generous character width, each row renders as one line that
 * clips, and the node is given exactly the height of its rows. canvas.css uses the same numbers.
 */

export const WORKLOAD_WIDTH = 240;
/**
 * The stacking level of top-level cards (external address sets, collapsed namespaces): that of a
 * workload inside its namespace, so that flows (SVG or painted, layer/) run under every card and
 * over the namespace groups.
 */
export const CARD_Z = 1;
export const EXTERNAL_WIDTH = 176;
export const EXTERNAL_HEIGHT = 44;

const PADDING_X = 8;
const PADDING_Y = 6;
const BORDER = 2;
/** Name on the left, kind and replicas on the right. */
const NAME_LINE = 19;
export const CHIP_ROW = 19;
const BADGE_LINE = 17;
const NOTE_LINE = 15;

/** Horizontal room for chips inside a workload node. */
const INNER_WIDTH = WORKLOAD_WIDTH - 2 * PADDING_X - BORDER;
/** At 11px, a chip's characters average about 6.3px; its padding and gap add 12px. */
const CHAR_WIDTH = 6.3;
const CHIP_EXTRA = 12;
const MAX_LABEL_ROWS = 2;
const MAX_PORT_ROWS = 1;

/** Namespace groups: room for the title (and a line of label chips) above the children. */
export const NAMESPACE_HEADER = 28;
export const NAMESPACE_HEADER_WITH_LABELS = 50;
export const NAMESPACE_PADDING = 14;

function chipWidth(text: string): number {
  return Math.min(INNER_WIDTH, text.length * CHAR_WIDTH + CHIP_EXTRA);
}

/**
 * Packs chips into at most `maxRows` rows of the node's width; what does not fit is counted
 * into a final `+N` chip (which always fits on the last row, displacing chips if needed).
 */
export function packChips(items: readonly string[], maxRows: number, width = INNER_WIDTH): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let used = 0;
  let placed = 0;
  for (const item of items) {
    const w = chipWidth(item);
    if (row.length > 0 && used + w > width) {
      rows.push(row);
      if (rows.length === maxRows) break;
      row = [];
      used = 0;
    }
    row.push(item);
    used += w;
    placed++;
  }
  if (rows.length < maxRows && row.length > 0) rows.push(row);
  let hidden = items.length - placed;
  if (hidden > 0) {
    const last = rows[rows.length - 1] ?? [];
    const room = () => last.reduce((sum, chip) => sum + chipWidth(chip), 0) + chipWidth(`+${hidden}`) <= width;
    while (last.length > 1 && !room()) {
      last.pop();
      hidden++;
    }
    last.push(`+${hidden}`);
    if (rows.length === 0) rows.push(last);
  }
  return rows;
}

export interface WorkloadLayoutRows {
  readonly labelRows: readonly (readonly string[])[];
  readonly portRows: readonly (readonly string[])[];
}

export function workloadRows(labels: readonly string[], ports: readonly string[]): WorkloadLayoutRows {
  return { labelRows: packChips(labels, MAX_LABEL_ROWS), portRows: packChips(ports, MAX_PORT_ROWS) };
}

export function workloadHeight(rows: WorkloadLayoutRows, inferred: boolean): number {
  return (
    2 * PADDING_Y +
    BORDER +
    NAME_LINE +
    (rows.labelRows.length + rows.portRows.length) * CHIP_ROW +
    2 * BADGE_LINE +
    (inferred ? NOTE_LINE : 0)
  );
}

/** A collapsed namespace (collapse.ts): title, label chips, counts, isolation per direction. */
export const SUMMARY_WIDTH = 240;
export const SUMMARY_HEIGHT = 112;
