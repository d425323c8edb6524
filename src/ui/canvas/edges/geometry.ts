/**
 * Floating flow edges: a curve from the border of one node to the border of the other, on the
 * line between their centres, so that a flow "upwards" in the layout does not loop around its
 * nodes. The two directions of a pair are offset to each side and label at different points.
 */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface FlowGeometry {
  readonly path: string;
  /** The same cubic curve as numbers: start, two control points, end (x, y each; 8 numbers). */
  readonly curve: Curve;
  readonly labelX: number;
  readonly labelY: number;
}

export type Curve = readonly [number, number, number, number, number, number, number, number];

interface Point {
  readonly x: number;
  readonly y: number;
}

/** Where a ray from `from` (inside the rectangle) towards `direction` leaves it, and the outward normal there. */
function exitPoint(rect: Rect, from: Point, direction: Point): { point: Point; normal: Point } {
  const tx =
    direction.x > 0 ? (rect.x + rect.width - from.x) / direction.x : direction.x < 0 ? (rect.x - from.x) / direction.x : Infinity;
  const ty =
    direction.y > 0 ? (rect.y + rect.height - from.y) / direction.y : direction.y < 0 ? (rect.y - from.y) / direction.y : Infinity;
  const t = Math.max(0, Math.min(tx, ty));
  const point = { x: from.x + direction.x * t, y: from.y + direction.y * t };
  const normal = tx < ty ? { x: Math.sign(direction.x), y: 0 } : { x: 0, y: Math.sign(direction.y) };
  return { point, normal };
}

function cubicAt(p0: Point, p1: Point, p2: Point, p3: Point, t: number): Point {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return { x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y };
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The curve from `source` to `target`: `offset` shifts it to the right of its direction (for
 * pairs drawn both ways), `labelAt` is where along it (0..1) the label sits.
 */
export function flowGeometry(source: Rect, target: Rect, offset = 0, labelAt = 0.5): FlowGeometry {
  const cs = { x: source.x + source.width / 2, y: source.y + source.height / 2 };
  const ct = { x: target.x + target.width / 2, y: target.y + target.height / 2 };
  const dx = ct.x - cs.x;
  const dy = ct.y - cs.y;
  const length = Math.hypot(dx, dy) || 1;
  const unit = { x: dx / length, y: dy / length };
  const shift = { x: -unit.y * offset, y: unit.x * offset };
  const from = exitPoint(source, { x: cs.x + shift.x, y: cs.y + shift.y }, unit);
  const to = exitPoint(target, { x: ct.x + shift.x, y: ct.y + shift.y }, { x: -unit.x, y: -unit.y });
  const gap = Math.hypot(to.point.x - from.point.x, to.point.y - from.point.y);
  const pull = Math.min(80, Math.max(12, gap * 0.3));
  const c1 = { x: from.point.x + from.normal.x * pull, y: from.point.y + from.normal.y * pull };
  const c2 = { x: to.point.x + to.normal.x * pull, y: to.point.y + to.normal.y * pull };
  const label = cubicAt(from.point, c1, c2, to.point, labelAt);
  const curve: Curve = [from.point.x, from.point.y, c1.x, c1.y, c2.x, c2.y, to.point.x, to.point.y].map(round) as unknown as Curve;
  const path = `M ${curve[0]},${curve[1]} C ${curve[2]},${curve[3]} ${curve[4]},${curve[5]} ${curve[6]},${curve[7]}`;
  return { path, curve, labelX: label.x, labelY: label.y };
}
