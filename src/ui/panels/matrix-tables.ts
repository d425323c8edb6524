/**
 * The reachability matrix as display rows: one table per port class, sources down, destinations
 * across, each cell with its verdict and the core's explanation sentences. Pure, so it is tested
 * without a browser.
 */
import {
  explainVerdict,
  type Evaluator,
  type MatrixUnit,
  type Protocol,
  type ReachabilityMatrix,
} from '../../core/index.ts';

export interface MatrixCell {
  readonly from: string;
  readonly to: string;
  readonly allowed: boolean;
  /** A unit facing itself: outside policy, shown as allowed. */
  readonly loopback: boolean;
  readonly explanation: readonly string[];
}

export interface MatrixRow {
  readonly unit: MatrixUnit;
  readonly cells: readonly MatrixCell[];
}

export interface MatrixTable {
  /** `TCP 3306`, `TCP (any other port)` ... */
  readonly label: string;
  /** The (protocol, port) the cells were asked with: any port of the class answers alike. */
  readonly protocol: Protocol;
  readonly probePort: number;
  readonly rows: readonly MatrixRow[];
}

export function buildMatrixTables(matrix: ReachabilityMatrix, evaluator: Evaluator): MatrixTable[] {
  const { units } = matrix;
  return matrix.portClasses.map((portClass, cls) => ({
    label: portClass.label,
    protocol: portClass.probe.protocol,
    probePort: portClass.probe.port,
    rows: units.map((from, src) => ({
      unit: from,
      cells: units.map((to, dst) => {
        const verdict = evaluator.verdict(from.id, to.id, portClass.probe.protocol, portClass.probe.port);
        return {
          from: from.id,
          to: to.id,
          allowed: matrix.allowed(src, dst, cls),
          loopback: src === dst,
          explanation: explainVerdict(verdict),
        };
      }),
    })),
  }));
}
