/**
 * Large drawings paint their flows on one canvas (issue #6): above 400 flows the ordinary ones are
 * pixels of `canvas.flow-layer`, not SVG edges, yet a person still points at a flow to see it,
 * clicks it to inspect it, clicks the empty pane to let go, and pans without losing the flows.
 * The flows someone looks at (a selected policy's or workload's) are SVG edges over the painted rest,
 * and a workload's card stays in front of the flows painted behind it: pointing at it or dragging
 * it reaches the workload. Points on painted flows are found in the canvas's pixels (FlowLayerPage).
 *
 * Truth from the generator (bench/generate-cluster.ts): 130 workloads in team-0 … team-5 (app-i
 * in team-(i mod 6), tier web for i mod 4 = 0) with 260 policies; expanded, 826 flows are drawn
 * (no pair of default-allow sides among them). In team-0, `tier-web-12` selects the web and cache
 * workloads and admits team-0's web tier on TCP 8000-8100: app-0 → app-36 is one of its flows.
 */
import { expect, test, type Page } from '@playwright/test';
import { generateClusterYaml } from '../bench/generate-cluster.ts';
import { CanvasPage } from './pages/canvas-page.ts';
import { EDITOR_URL } from './pages/editor-url.ts';
import { distanceToPoints, FlowLayerPage, type ScreenPoint } from './pages/flow-layer-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { ScalePage } from './pages/scale-page.ts';
import { saveShot } from './pages/shots.ts';
import { SidePanelPage } from './pages/side-panel-page.ts';

const CLUSTER = generateClusterYaml({ workloads: 130, pods: 390, policies: 260, style: 'deployments' });
/** HIT_TOLERANCE in src/ui/canvas/layer/use-painted-flows.ts: within this many pixels of a painted flow, the pointer is on it. */
const HIT_TOLERANCE = 6;

/** Loads the cluster from a file in the Import dialog and expands every namespace. */
async function openExpanded(page: Page): Promise<{ canvas: CanvasPage; layer: FlowLayerPage; side: SidePanelPage }> {
  await page.setViewportSize({ width: 1600, height: 900 });
  const canvas = new CanvasPage(page);
  const scale = new ScalePage(page);
  await page.goto(EDITOR_URL);
  await expect(canvas.node('default/frontend')).toBeVisible();
  await new ImportPage(page).loadFile('cluster.yaml', CLUSTER);
  await expect(scale.summary('team-0')).toBeVisible();
  await page.getByTestId('canvas.expand-all').click();
  await expect(scale.workloadNodes()).toHaveCount(130);
  await scale.laidOut();
  return { canvas, layer: new FlowLayerPage(page), side: new SidePanelPage(page) };
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function edgeEnds(id: string): { source: string; target: string } {
  const [source, target] = id.split('->');
  return { source: source!, target: target! };
}

test.describe('painted flows', () => {
  test('a drawing of over 400 flows is painted; pointing at a flow shows it, clicking inspects it, panning keeps it', async ({ page }) => {
    const { canvas, layer, side } = await openExpanded(page);
    await layer.ready();
    const total = await layer.paintedCount();
    expect(total).toBeGreaterThan(800);
    expect(await layer.svgEdges.count()).toBeLessThan(5);
    expect(Number(await layer.layer.getAttribute('data-painted'))).toBeGreaterThan(400);
    await saveShot(page, 'painted-flows-overview');

    // Closer, where flows are curves with arrow heads: at team-0's corner (the first group, top
    // left), so that the empty pane beyond the drawing stays in view.
    const team0 = (await canvas.node('ns:team-0').boundingBox())!;
    await layer.zoomInAt({ x: team0.x + 20, y: team0.y + 20 }, 0.45);
    await layer.ready();
    await saveShot(page, 'painted-flows-zoomed');

    // Pointing at a painted flow draws it as an SVG edge under the pointer, with its label and
    // tooltip; away from every flow, nothing is. Spots are tried until one is on a flow between
    // two workloads (the inspector names external addresses otherwise).
    const empty = await layer.emptySpot();
    const spots = await layer.paintedSpots();
    expect(spots.length).toBeGreaterThan(0);
    let found: { spot: ScreenPoint; id: string } | undefined;
    for (const spot of spots.filter((_, i) => i % 7 === 0).slice(0, 10)) {
      await page.mouse.move(empty.x, empty.y);
      await expect(layer.canvas).not.toHaveClass(/\bflow-hovered\b/);
      await expect(layer.svgEdges).toHaveCount(0);
      await page.mouse.move(spot.x, spot.y);
      await expect(layer.canvas).toHaveClass(/\bflow-hovered\b/);
      await expect(layer.svgEdges).toHaveCount(1);
      const hovered = layer.svgEdges.first();
      const id = (await hovered.getAttribute('data-testid'))!.slice('rf__edge-'.length);
      expect(distanceToPoints(await layer.svgEdgePoints(hovered), spot)).toBeLessThanOrEqual(HIT_TOLERANCE);
      await expect(hovered).toHaveAttribute('data-verdict', 'allowed');
      if (!id.includes('ext:') && !id.includes('ns:')) {
        found = { spot, id };
        break;
      }
    }
    if (!found) throw new Error('no painted flow between two workloads found on the pane');
    const { spot, id } = found;
    const { source, target } = edgeEnds(id);
    expect(await page.evaluate(({ x, y }) => getComputedStyle(document.elementFromPoint(x, y)!).cursor, spot)).toBe('pointer');
    await expect(canvas.edgeLabel(id)).toBeVisible();
    await expect(canvas.edgeLabel(id)).toHaveAttribute('title', new RegExp(`^${escaped(source)} → ${escaped(target)}: allowed on `));
    await saveShot(page, 'painted-flows-hover');
    await page.mouse.move(empty.x, empty.y);
    await expect(layer.svgEdges).toHaveCount(0);

    // Clicking the flow pointed at inspects it; selected, it leaves the painted ones for an SVG edge.
    await page.mouse.move(spot.x, spot.y);
    await expect(canvas.edge(id)).toBeVisible();
    await page.mouse.click(spot.x, spot.y);
    await expect(side.inspector).toHaveAttribute('data-selection', 'flow');
    await expect(side.title).toHaveText(`${source} → ${target}`);
    await expect(canvas.edge(id)).toHaveAttribute('data-selected', 'true');
    await expect(layer.layer).toHaveAttribute('data-flows', String(total - 1));
    await saveShot(page, 'painted-flows-selected');

    // The empty pane lets go of it, and it is painted again.
    await page.mouse.click(empty.x, empty.y);
    await expect(side.inspector).toHaveAttribute('data-selection', 'none');
    await expect(layer.layer).toHaveAttribute('data-flows', String(total));
    await expect(layer.svgEdges).toHaveCount(0);

    // A click with no hover before it (a tap), on the pane or inside a namespace's box, selects
    // the painted flow under it too.
    const [tapSpot] = await layer.paintedSpots();
    if (!tapSpot) throw new Error('no painted flow on the pane or in a namespace');
    await page.evaluate(({ x, y }) => {
      document.elementFromPoint(x, y)!.dispatchEvent(new MouseEvent('click', { clientX: x, clientY: y, bubbles: true, cancelable: true }));
    }, tapSpot);
    await expect(side.inspector).toHaveAttribute('data-selection', 'flow');
    const tapped = layer.canvas.locator('.react-flow__edge[data-selected="true"]');
    await expect(tapped).toHaveCount(1);
    expect(distanceToPoints(await layer.svgEdgePoints(tapped), tapSpot)).toBeLessThanOrEqual(HIT_TOLERANCE);
    await page.mouse.click(empty.x, empty.y);
    await expect(side.inspector).toHaveAttribute('data-selection', 'none');

    // Panning by dragging the empty pane: the painting follows, and the same flow is under the moved spot.
    const before = await layer.transform();
    const box = (await layer.pane.boundingBox())!;
    const shift: ScreenPoint = { x: spot.x > box.x + box.width / 2 ? -320 : 320, y: spot.y > box.y + box.height / 2 ? -160 : 160 };
    await page.mouse.move(empty.x, empty.y);
    await page.mouse.down();
    await page.mouse.move(empty.x + shift.x / 2, empty.y + shift.y / 2, { steps: 5 });
    await page.mouse.move(empty.x + shift.x, empty.y + shift.y, { steps: 5 });
    await page.mouse.up();
    const after = await layer.transform();
    expect(after.x - before.x).toBeCloseTo(shift.x, 0);
    expect(after.y - before.y).toBeCloseTo(shift.y, 0);
    await layer.ready();
    await expect(layer.layer).toHaveAttribute('data-flows', String(total));
    const moved = { x: spot.x + shift.x, y: spot.y + shift.y };
    expect(await layer.paintedSpots({ near: { ...moved, radius: 2 }, clearance: 0 })).not.toEqual([]);
    await page.mouse.move(moved.x, moved.y);
    await expect(canvas.edge(id)).toBeVisible();
    await saveShot(page, 'painted-flows-panned');
  });

  test('a selected policy’s flows are drawn as SVG edges over the painted rest, dimmed', async ({ page }) => {
    const { canvas, layer, side } = await openExpanded(page);
    await layer.ready();
    const total = await layer.paintedCount();
    // The flows it allows are highlighted SVG edges; the others are painted, dimmed.
    await side.inspector.locator('[data-testid="inspector.policy-item"][data-policy="team-0/tier-web-12"]').click();
    await expect(side.inspector).toHaveAttribute('data-selection', 'policy');
    await expect(canvas.edge('team-0/app-0->team-0/app-36')).toBeVisible();
    const highlighted = await layer.svgEdges.count();
    expect(highlighted).toBeGreaterThan(20);
    await expect(layer.svgEdges.locator('path.flow-path:not(.emphasis-highlight)')).toHaveCount(0);
    await expect(layer.layer).toHaveAttribute('data-flows', String(total - highlighted));
    await layer.ready();
    await saveShot(page, 'painted-flows-policy');
  });

  test('a workload’s card stays in front of the painted flows: pointing at it shows none, it drags, and selected its flows are SVG edges', async ({ page }) => {
    const { canvas, layer, side } = await openExpanded(page);
    await layer.ready();
    const total = await layer.paintedCount();
    const team0 = (await canvas.node('ns:team-0').boundingBox())!;
    await layer.zoomInAt({ x: team0.x + team0.width / 2, y: team0.y + team0.height / 2 }, 0.6);
    await layer.ready();

    // From a painted flow onto app-36's card, where another flow is painted behind it: none is pointed at.
    const [spot] = await layer.paintedSpots();
    if (!spot) throw new Error('no painted flow in view');
    await page.mouse.move(spot.x, spot.y);
    await expect(layer.svgEdges).toHaveCount(1);
    const card = (await canvas.node('team-0/app-36').boundingBox())!;
    const behind = await layer.paintedUnder(card);
    if (!behind) throw new Error('no flow painted behind team-0/app-36');
    await page.mouse.move(behind.x, behind.y, { steps: 4 });
    await expect(layer.svgEdges).toHaveCount(0);
    await expect(layer.canvas).not.toHaveClass(/\bflow-hovered\b/);

    // Dragged from there, the card moves and its flows follow it as SVG edges; dropped, they are painted again.
    await page.mouse.down();
    await page.mouse.move(behind.x + 30, behind.y + 40, { steps: 6 });
    await expect(layer.svgEdges.first()).toBeAttached();
    expect((await canvas.edgeIds()).filter((id) => !id.split('->').includes('team-0/app-36'))).toEqual([]);
    expect(await layer.paintedCount()).toBeLessThan(total);
    await page.mouse.up();
    const moved = (await canvas.node('team-0/app-36').boundingBox())!;
    expect(moved.x - card.x).toBeGreaterThan(15);
    expect(moved.y - card.y).toBeGreaterThan(20);
    await expect(layer.layer).toHaveAttribute('data-flows', String(total));
    await layer.ready();

    // Selected: its flows, allowed and (now drawn) denied, are SVG edges; the rest stay painted.
    await canvas.node('team-0/app-36').click();
    await expect(side.inspector).toHaveAttribute('data-selection', 'node');
    await expect(canvas.edge('team-0/app-0->team-0/app-36')).toBeVisible();
    await expect(canvas.edge('team-0/app-36->team-0/app-0')).toBeVisible();
    const ids = await canvas.edgeIds();
    expect(ids.length).toBeGreaterThan(20);
    expect(ids.filter((id) => !id.split('->').includes('team-0/app-36'))).toEqual([]);
    expect(await layer.paintedCount()).toBeGreaterThan(400);
    await layer.ready();
    await saveShot(page, 'painted-flows-workload');
  });
});
