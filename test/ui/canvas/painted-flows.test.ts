/**
 * The painted flow layer's pure parts (src/ui/canvas/layer/painted-flows.ts): which flows stay
 * SVG edges, how painted ones look, culling boxes, arrow heads, and the hit test that turns a
 * click on the pane into a selected flow. The hit index must agree with measuring every curve.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Curve } from '../../../src/ui/canvas/edges/geometry.ts';
import {
  FlowHitIndex,
  arrowHead,
  boxInView,
  curveBox,
  distanceToCurve,
  paintLook,
  staysSvg,
  viewRect,
  type PaintedFlow,
} from '../../../src/ui/canvas/layer/painted-flows.ts';
import type { FlowEdge, FlowEdgeData } from '../../../src/ui/canvas/types.ts';

function flowEdge(source: string, target: string, data: Partial<FlowEdgeData> = {}, extra: Partial<FlowEdge> = {}): FlowEdge {
  return {
    id: `${source}->${target}`,
    source,
    target,
    type: 'flow',
    data: { verdict: 'allowed', halfOpen: false, label: 'TCP 80', compactLabel: '80', title: '', open: false, twoWay: false, emphasis: undefined, ...data },
    ...extra,
  };
}

function painted(id: string, curve: Curve, dim = false): PaintedFlow {
  return { id, source: `${id}-from`, target: `${id}-to`, curve, look: 'allowed', dim, label: undefined, labelX: 0, labelY: 0, box: curveBox(curve) };
}

/** A straight flow: control points a third and two thirds of the way. */
function line(x0: number, y0: number, x1: number, y1: number): Curve {
  const dx = x1 - x0;
  const dy = y1 - y0;
  return [x0, y0, x0 + dx / 3, y0 + dy / 3, x0 + (2 * dx) / 3, y0 + (2 * dy) / 3, x1, y1];
}

function pointAt(c: Curve, t: number): [number, number] {
  const u = 1 - t;
  const [a, b, d, e] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return [a * c[0] + b * c[2] + d * c[4] + e * c[6], a * c[1] + b * c[3] + d * c[5] + e * c[7]];
}

describe('staysSvg', () => {
  it('paints ordinary flows: plain, dimmed, denied or half-open', () => {
    expect(staysSvg(flowEdge('a', 'b'))).toBe(false);
    expect(staysSvg(flowEdge('a', 'b', { emphasis: 'dim' }))).toBe(false);
    expect(staysSvg(flowEdge('a', 'b', { verdict: 'denied', halfOpen: true }))).toBe(false);
  });

  it('draws as SVG the flows the user looks at: selected, highlighted, changed, ghosts and drawn marks', () => {
    expect(staysSvg(flowEdge('a', 'b', {}, { selected: true }))).toBe(true);
    expect(staysSvg(flowEdge('a', 'b', { emphasis: 'highlight' }))).toBe(true);
    for (const change of ['added', 'removed', 'changed'] as const) expect(staysSvg(flowEdge('a', 'b', { change }))).toBe(true);
    expect(staysSvg(flowEdge('a', 'b', { ghost: true }))).toBe(true);
    expect(staysSvg(flowEdge('a', 'b', { drawnDenied: true }))).toBe(true);
    expect(staysSvg(flowEdge('a', 'b', { undrawn: true }))).toBe(true);
  });
});

describe('paintLook', () => {
  it('strokes a flow the way its SVG edge looks', () => {
    expect(paintLook(flowEdge('a', 'b'))).toBe('allowed');
    expect(paintLook(flowEdge('a', 'b', { open: true }))).toBe('open');
    expect(paintLook(flowEdge('a', 'b', { verdict: 'denied' }))).toBe('denied');
    expect(paintLook(flowEdge('a', 'b', { verdict: 'denied', halfOpen: true }))).toBe('half-open');
    expect(paintLook(flowEdge('ns:a', 'ns:b', { aggregate: { pairs: 4, allowedPairs: 2, coverage: 'partial' } }))).toBe('partial');
    expect(paintLook(flowEdge('ns:a', 'ns:b', { aggregate: { pairs: 4, allowedPairs: 4, coverage: 'allowed' } }))).toBe('allowed');
  });

  it('lets half-open win over partial, and partial over denied', () => {
    const partial = { pairs: 4, allowedPairs: 1, coverage: 'partial' } as const;
    expect(paintLook(flowEdge('a', 'b', { verdict: 'denied', halfOpen: true, aggregate: partial }))).toBe('half-open');
    expect(paintLook(flowEdge('a', 'b', { verdict: 'denied', aggregate: partial }))).toBe('partial');
  });
});

describe('curveBox, boxInView and viewRect', () => {
  it('boxes the whole control polygon, at negative coordinates too', () => {
    expect(curveBox([10, 20, -30, 5, 40, 90, 0, -15])).toEqual([-30, -15, 40, 90]);
    expect(curveBox([-500, -400, -500, -400, -100, -50, -100, -50])).toEqual([-500, -400, -100, -50]);
  });

  it('culls boxes outside the view, keeping those that touch it or its margin', () => {
    const view = { x: 0, y: 0, width: 100, height: 50 };
    expect(boxInView([10, 10, 20, 20], view)).toBe(true);
    expect(boxInView([-50, -50, 500, 500], view)).toBe(true);
    expect(boxInView([100, 50, 120, 60], view)).toBe(true);
    expect(boxInView([-20, -10, 0, 0], view)).toBe(true);
    expect(boxInView([101, 10, 120, 20], view)).toBe(false);
    expect(boxInView([10, -30, 20, -1], view)).toBe(false);
    expect(boxInView([101, 10, 120, 20], view, 1)).toBe(true);
    expect(boxInView([10, -30, 20, -9], view, 8)).toBe(false);
  });

  it('maps the screen rectangle to flow coordinates through React Flow’s transform', () => {
    expect(viewRect([100, 50, 2], 800, 600)).toEqual({ x: -50, y: -25, width: 400, height: 300 });
    expect(viewRect([-20, 10, 0.5], 640, 480)).toEqual({ x: 40, y: -20, width: 1280, height: 960 });
  });

  it('puts the view’s corners where the screen’s corners show', () => {
    const transform = fc.tuple(fc.double({ min: -5000, max: 5000, noNaN: true }), fc.double({ min: -5000, max: 5000, noNaN: true }), fc.double({ min: 0.1, max: 2, noNaN: true }));
    fc.assert(
      fc.property(transform, fc.integer({ min: 1, max: 4000 }), fc.integer({ min: 1, max: 3000 }), ([x, y, zoom], width, height) => {
        const view = viewRect([x, y, zoom], width, height);
        // A flow point p shows on screen at p * zoom + translation.
        expect(view.x * zoom + x).toBeCloseTo(0, 6);
        expect(view.y * zoom + y).toBeCloseTo(0, 6);
        expect((view.x + view.width) * zoom + x).toBeCloseTo(width, 6);
        expect((view.y + view.height) * zoom + y).toBeCloseTo(height, 6);
      }),
    );
  });
});

describe('arrowHead', () => {
  it('points at the end of the flow, along its last tangent', () => {
    const [tipX, tipY, ax, ay, bx, by] = arrowHead([0, 0, 30, 0, 70, 0, 100, 0], 10);
    expect([tipX, tipY]).toEqual([100, 0]);
    expect([ax, ay]).toEqual([90, 5]);
    expect([bx, by]).toEqual([90, -5]);
    // Downwards, arriving from above although the flow starts to the right of its end.
    const down = arrowHead([200, 0, 200, 50, 100, 50, 100, 100], 8);
    expect(down.slice(0, 2)).toEqual([100, 100]);
    expect((down[3] + down[5]) / 2).toBeCloseTo(92, 9);
    expect((down[2] + down[4]) / 2).toBeCloseTo(100, 9);
  });

  it('falls back to the first control point, then the start, when control points sit on the end', () => {
    const second = arrowHead([0, 0, 0, 100, 100, 100, 100, 100], 10);
    expect(second.slice(0, 2)).toEqual([100, 100]);
    expect((second[2] + second[4]) / 2).toBeCloseTo(90, 9);
    expect((second[3] + second[5]) / 2).toBeCloseTo(100, 9);
    const start = arrowHead([100, 0, 100, 100, 100, 100, 100, 100], 10);
    expect((start[2] + start[4]) / 2).toBeCloseTo(100, 9);
    expect((start[3] + start[5]) / 2).toBeCloseTo(90, 9);
  });

  it('stays finite for a flow of no length', () => {
    const head = arrowHead([5, 5, 5, 5, 5, 5, 5, 5], 10);
    expect(head.every(Number.isFinite)).toBe(true);
    expect(head.slice(0, 2)).toEqual([5, 5]);
  });

  it('is a triangle of the given size whose base is square to the tangent', () => {
    const coordinate = fc.integer({ min: -2000, max: 2000 });
    const curve = fc.tuple(coordinate, coordinate, coordinate, coordinate, coordinate, coordinate, coordinate, coordinate);
    fc.assert(
      fc.property(curve, fc.integer({ min: 1, max: 30 }), (c, size) => {
        fc.pre(c[6] !== c[4] || c[7] !== c[5]);
        const [tx, ty, ax, ay, bx, by] = arrowHead(c, size);
        expect([tx, ty]).toEqual([c[6], c[7]]);
        const tangent = Math.hypot(c[6] - c[4], c[7] - c[5]);
        const [ux, uy] = [(c[6] - c[4]) / tangent, (c[7] - c[5]) / tangent];
        const [mx, my] = [(ax + bx) / 2, (ay + by) / 2];
        expect(mx).toBeCloseTo(tx - ux * size, 6);
        expect(my).toBeCloseTo(ty - uy * size, 6);
        expect(Math.hypot(ax - bx, ay - by)).toBeCloseTo(size, 6);
        expect((ax - bx) * ux + (ay - by) * uy).toBeCloseTo(0, 6);
      }),
    );
  });
});

describe('distanceToCurve', () => {
  it('measures across a straight flow, and to its ends beyond them', () => {
    const flat = line(0, 0, 160, 0);
    expect(distanceToCurve(flat, 80, 0)).toBeCloseTo(0, 9);
    expect(distanceToCurve(flat, 50, 7)).toBeCloseTo(7, 9);
    expect(distanceToCurve(flat, 50, -3)).toBeCloseTo(3, 9);
    expect(distanceToCurve(flat, -30, 40)).toBeCloseTo(50, 9);
    expect(distanceToCurve(flat, 163, -4)).toBeCloseTo(5, 9);
  });

  it('follows a bent flow to within a unit (a pixel at zoom 1)', () => {
    const arch: Curve = [0, 0, 0, 120, 300, 120, 300, 0];
    for (let k = 1; k < 50; k++) {
      const [x, y] = pointAt(arch, k / 50);
      expect(distanceToCurve(arch, x, y)).toBeLessThan(1);
    }
    // Under the arch's top, not on the chord between its ends.
    expect(distanceToCurve(arch, 150, 80)).toBeCloseTo(10, 0);
  });

  it('is (nearly) zero on the curve and never more than the distance to a point of it', () => {
    const coordinate = fc.integer({ min: -3000, max: 3000 });
    const curve = fc.tuple(coordinate, coordinate, coordinate, coordinate, coordinate, coordinate, coordinate, coordinate);
    fc.assert(
      fc.property(curve, fc.integer({ min: 0, max: 1000 }), coordinate, coordinate, (c, k, x, y) => {
        const t = k / 1000;
        const polygon = Math.hypot(c[2] - c[0], c[3] - c[1]) + Math.hypot(c[4] - c[2], c[5] - c[3]) + Math.hypot(c[6] - c[4], c[7] - c[5]);
        const [px, py] = pointAt(c, t);
        // Sampled in 16 segments: off the true curve by well under 0.3% of the control polygon.
        expect(distanceToCurve(c, px, py)).toBeLessThanOrEqual(0.005 * polygon + 1e-6);
        expect(distanceToCurve(c, x, y)).toBeLessThanOrEqual(Math.hypot(x - px, y - py) + 0.005 * polygon + 1e-6);
        for (const end of [0, 1]) expect(distanceToCurve(c, ...pointAt(c, end))).toBeCloseTo(0, 6);
      }),
    );
  });
});

describe('FlowHitIndex.nearest', () => {
  const upper = painted('upper', line(0, 0, 200, 0));
  const lower = painted('lower', line(0, 10, 200, 10));

  it('finds the nearest flow within the tolerance', () => {
    const index = new FlowHitIndex([upper, lower]);
    expect(index.nearest(100, 3, 6)?.id).toBe('upper');
    expect(index.nearest(100, 6, 6)?.id).toBe('lower');
    expect(index.nearest(-4, 1, 6)?.id).toBe('upper');
  });

  it('finds none outside the tolerance', () => {
    const index = new FlowHitIndex([upper, lower]);
    expect(index.nearest(100, -6.5, 6)).toBeUndefined();
    expect(index.nearest(100, 16.5, 6)).toBeUndefined();
    expect(index.nearest(207, 0, 6)).toBeUndefined();
    expect(new FlowHitIndex([]).nearest(0, 0, 100)).toBeUndefined();
  });

  it('prefers an undimmed flow within the tolerance to a nearer dimmed one', () => {
    const dimmed = painted('dimmed', line(0, 0, 200, 0), true);
    const bright = painted('bright', line(0, 5, 200, 5));
    const index = new FlowHitIndex([dimmed, bright]);
    expect(index.nearest(100, 0, 6)?.id).toBe('bright');
    // Only the dimmed one within reach: it is still found.
    expect(index.nearest(100, -3, 6)?.id).toBe('dimmed');
    expect(new FlowHitIndex([bright, dimmed]).nearest(100, 0, 6)?.id).toBe('bright');
  });

  it('finds a long flow far from its ends, in cells that only it crosses', () => {
    const long = painted('long', line(-3000, -2000, 4000, 2500));
    const short = painted('short', line(0, 0, 30, 30));
    const index = new FlowHitIndex([long, short]);
    for (const t of [0.05, 0.27, 0.5, 0.81, 0.99]) {
      const [x, y] = pointAt(long.curve, t);
      expect(index.nearest(x + 1, y - 1, 4)?.id).toBe('long');
    }
  });

  it('finds a flow across a cell border, on every side', () => {
    // Cells are 256 units wide: each flow lies in one cell, each point in the next one.
    const cases: [Curve, number, number][] = [
      [line(253, 10, 253, 200), 258, 100],
      [line(259, 10, 259, 200), 254, 100],
      [line(10, 253, 200, 253), 100, 258],
      [line(10, 259, 200, 259), 100, 254],
      [line(-259, -200, -259, -10), -254, -100],
      [line(-200, -259, -10, -259), -100, -254],
      [line(-253, -200, -253, -10), -258, -100],
    ];
    for (const [curve, x, y] of cases) expect(new FlowHitIndex([painted('flow', curve)]).nearest(x, y, 6)?.id).toBe('flow');
  });

  it('works at negative coordinates and across cell borders', () => {
    const west = painted('west', line(-700, -300, -260, -300));
    const north = painted('north', line(-255, -900, -255, -258));
    const index = new FlowHitIndex([west, north]);
    expect(index.nearest(-500, -297, 6)?.id).toBe('west');
    expect(index.nearest(-257, -280, 6)?.id).toBe('north');
    // The point lies in the cell beyond (-256 is a border); the flow's box does not.
    expect(index.nearest(-255.5, -255.5, 6)?.id).toBe('north');
    expect(index.nearest(-262, -296, 6)?.id).toBe('west');
  });

  it('agrees with measuring every flow', () => {
    const coordinate = fc.integer({ min: -3000, max: 3000 });
    const long = fc.tuple(coordinate, coordinate, coordinate, coordinate, coordinate, coordinate, coordinate, coordinate);
    // Short flows lie in one cell or two, where a search that misses a neighbouring cell shows.
    const near = fc.integer({ min: -60, max: 60 });
    const short = fc
      .tuple(coordinate, coordinate, near, near, near, near, near, near)
      .map(([x, y, a, b, c, d, e, f]): Curve => [x, y, x + a, y + b, x + c, y + d, x + e, y + f]);
    const flows = fc.array(fc.tuple(fc.oneof(long, short, short), fc.boolean()), { minLength: 1, maxLength: 40 });
    const probe = fc.record({
      flow: fc.nat(),
      t: fc.integer({ min: 0, max: 1000 }).map((k) => k / 1000),
      dx: fc.double({ min: -40, max: 40, noNaN: true }),
      dy: fc.double({ min: -40, max: 40, noNaN: true }),
    });
    fc.assert(
      fc.property(flows, fc.array(probe, { minLength: 1, maxLength: 10 }), fc.double({ min: 0.5, max: 60, noNaN: true }), (specs, probes, tolerance) => {
        const all = specs.map(([c, dim], i) => painted(`f${i}`, c, dim));
        const index = new FlowHitIndex(all);
        const score = (f: PaintedFlow, x: number, y: number) => distanceToCurve(f.curve, x, y) + (f.dim ? tolerance : 0);
        for (const { flow, t, dx, dy } of probes) {
          // Near a flow (where clicks land), or anywhere off it.
          const [px, py] = pointAt(all[flow % all.length]!.curve, t);
          const [x, y] = [px + dx, py + dy];
          const within = all.filter((f) => distanceToCurve(f.curve, x, y) <= tolerance);
          const best = within.length === 0 ? undefined : Math.min(...within.map((f) => score(f, x, y)));
          const found = index.nearest(x, y, tolerance);
          expect(found === undefined ? undefined : score(found, x, y)).toBe(best);
        }
      }),
      { numRuns: 200 },
    );
  });
});
