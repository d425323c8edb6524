/**
 * The canvas at scale: a generated cluster above the threshold (100 workloads, 5 namespaces)
 * opens with every namespace collapsed into a summary with its counts and flows gathered between
 * namespaces; a namespace expands into its workloads and collapses again; search highlights or
 * shows only matches; focus mode shows one workload and its peers, and Esc leaves it.
 * Truth from the generator (bench/generate-cluster.ts): workload app-i lives in team-(i mod 5),
 * 3 pods each; app-7 admits only the web-tier workloads of team-2 (app-12, 32, 52, 72, 92) and, its
 * egress open, may reach team-0, team-1 and team-3 (none of team-4 admits it).
 */
import { expect, test, type Page } from '@playwright/test';
import { generateClusterYaml } from '../bench/generate-cluster.ts';
import { CanvasPage } from './pages/canvas-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { ScalePage } from './pages/scale-page.ts';
import { saveShot } from './pages/shots.ts';

const CLUSTER = generateClusterYaml({ workloads: 100, pods: 300, policies: 60, style: 'deployments' });
const NAMESPACES = ['team-0', 'team-1', 'team-2', 'team-3', 'team-4'];

/**
 * Opens the editor and loads the cluster as a file picked in the Import dialog (filling the text
 * box with 65 kB is very slow in headless Chromium; the file takes the same path once read).
 */
async function openBigCluster(page: Page): Promise<{ canvas: CanvasPage; scale: ScalePage }> {
  await page.setViewportSize({ width: 1600, height: 900 });
  const canvas = new CanvasPage(page);
  const scale = new ScalePage(page);
  await page.goto('/?gallery=0');
  await expect(canvas.node('default/frontend')).toBeVisible();
  await new ImportPage(page).loadFile('cluster.yaml', CLUSTER);
  await expect(scale.summary('team-0')).toBeVisible();
  await scale.laidOut();
  return { canvas, scale };
}

test.describe('canvas at scale', () => {
  test('a large cluster opens collapsed: summaries with counts, flows gathered between namespaces', async ({ page }) => {
    const { canvas, scale } = await openBigCluster(page);
    await expect(scale.summaryNodes()).toHaveCount(NAMESPACES.length);
    await expect(scale.workloadNodes()).toHaveCount(0);
    for (const ns of NAMESPACES) {
      await expect(scale.summary(ns).getByTestId('ns-summary.counts')).toHaveText('20 workloads · 60 pods');
    }
    await expect(scale.summary('team-0').getByTestId('ns-summary.ingress')).toContainText(/ingress isolated: \d+ of 20/);

    // Every team may reach team-1 on some port; team-0 reaches only some of team-3.
    await expect(canvas.edge('ns:team-0->ns:team-1')).toHaveAttribute('data-verdict', 'allowed');
    await expect(canvas.edgeLabel('ns:team-0->ns:team-1')).toHaveText('400 pairs · all ports');
    await expect(canvas.edge('ns:team-0->ns:team-3')).toHaveAttribute('data-verdict', 'partial');
    await expect(canvas.edgeLabel('ns:team-0->ns:team-3')).toHaveText(/^\d+\/400 pairs · /);
    await expect(canvas.edge('ns:team-0->ns:team-2')).toHaveCount(0);
    expect(await scale.gatheredEdges().count()).toBeGreaterThan(5);
    await saveShot(page, 'scale-collapsed');

    // "Show all denied flows" also draws the namespace pairs where nothing may connect.
    await canvas.deniedToggle.check();
    await expect(canvas.edge('ns:team-0->ns:team-2')).toHaveAttribute('data-verdict', 'denied');
    await expect(canvas.edgeLabel('ns:team-0->ns:team-2')).toHaveText('✗ 400 pairs');
  });

  test('expanding a namespace shows its workloads, with flows to the others gathered; collapsing hides them again', async ({ page }) => {
    const { canvas, scale } = await openBigCluster(page);
    await scale.expand('team-2').click();
    await expect(canvas.node('team-2/app-7')).toBeVisible();
    await expect(canvas.node('ns:team-2')).toHaveClass(/react-flow__node-namespace\b/);
    await expect(scale.workloadNodes()).toHaveCount(20);
    await expect(scale.summaryNodes()).toHaveCount(4);
    await scale.laidOut();
    await expect(canvas.edge('team-2/app-12->team-2/app-7')).toHaveAttribute('data-verdict', 'allowed');
    await expect(canvas.edgeLabel('team-2/app-12->team-2/app-7')).toHaveText('TCP 8000-8100');
    // Flows from team-2's workloads to collapsed team-1 are gathered at team-1's summary; nothing
    // isolates either side, so they are among the default-allow flows left out until asked for.
    const toTeam1 = canvas.canvas.locator('[data-testid^="rf__edge-team-2/"][data-testid$="->ns:team-1"]');
    await expect(toTeam1).toHaveCount(0);
    await page.getByTestId('canvas.open-flows').getByRole('button', { name: 'Draw them' }).click();
    await expect(toTeam1).toHaveCount(20);
    await expect(canvas.edge('team-2/app-7->ns:team-1')).toHaveAttribute('data-verdict', 'allowed');
    await saveShot(page, 'scale-expanded');

    await scale.collapse('team-2').click();
    await expect(scale.summary('team-2')).toBeVisible();
    await expect(scale.workloadNodes()).toHaveCount(0);

    // From the keyboard: E on the selected namespace expands it.
    await canvas.node('ns:team-3').click();
    await page.keyboard.press('e');
    await expect(canvas.node('team-3/app-8')).toBeVisible();
  });

  test('search highlights matches, or shows only them, and jumps to a match', async ({ page }) => {
    const { canvas, scale } = await openBigCluster(page);
    await scale.search.fill('app=app-7');
    await expect(scale.searchCount).toHaveText('1 match (1 workload in collapsed namespaces)');
    await expect(scale.summary('team-2').getByTestId('ns-summary.matches')).toHaveText('1 match');
    await expect(scale.summary('team-0')).toHaveClass(/emphasis-dim/);
    await expect(scale.summary('team-2')).not.toHaveClass(/emphasis-dim/);

    await scale.searchMode.selectOption('only');
    await expect(canvas.node('ns:team-0')).toBeHidden();
    await expect(canvas.node('ns:team-2')).toBeVisible();
    await saveShot(page, 'scale-search-only');

    // In an expanded namespace the workload itself matches; Enter goes to it and selects it.
    await scale.expand('team-2').click();
    await expect(canvas.node('team-2/app-7')).toBeVisible();
    await expect(canvas.node('team-2/app-12')).toBeHidden();
    await expect(scale.searchCount).toHaveText('1 match');
    await scale.search.press('Enter');
    await expect(canvas.node('team-2/app-7')).toHaveClass(/selected/);

    // Words match names, namespaces and label keys.
    await scale.searchMode.selectOption('highlight');
    await scale.search.fill('ns:team-4');
    await expect(scale.searchCount).toHaveText('1 match (20 workloads in collapsed namespaces)');
    await scale.search.fill('');
    await expect(scale.searchCount).toHaveCount(0);
  });

  test('focus mode shows a workload and its peers only; Esc leaves it', async ({ page }) => {
    const { canvas, scale } = await openBigCluster(page);
    await scale.expand('team-2').click();
    await scale.laidOut();
    await canvas.node('team-2/app-7').click();
    await page.keyboard.press('f');
    await expect(scale.focusBar).toContainText('team-2/app-7');
    // Its peers: the five web workloads of team-2 it admits, and the namespaces it may reach.
    await expect(scale.focusBar).toContainText('8 peers');
    for (const peer of ['team-2/app-12', 'team-2/app-32', 'team-2/app-52', 'team-2/app-72', 'team-2/app-92', 'ns:team-0', 'ns:team-1', 'ns:team-3']) {
      await expect(canvas.node(peer)).toBeVisible();
    }
    await expect(canvas.node('team-2/app-17')).toBeHidden();
    await expect(canvas.node('ns:team-4')).toBeHidden();
    await expect(canvas.edge('team-2/app-7->ns:team-1')).toHaveAttribute('data-verdict', 'allowed');
    await saveShot(page, 'scale-focus');

    await page.keyboard.press('Escape');
    await expect(scale.focusBar).toHaveCount(0);
    await expect(canvas.node('team-2/app-17')).toBeVisible();
    await expect(canvas.node('ns:team-4')).toBeVisible();

    // The same from the button, with the workload selected again.
    await canvas.node('team-2/app-7').click();
    await scale.focusEnter.click();
    await expect(scale.focusBar).toContainText('team-2/app-7');
    await scale.focusExit.click();
    await expect(canvas.node('ns:team-4')).toBeVisible();
  });

  test('zoomed far out, workloads are plain boxes and namespaces are named above their groups; zooming in brings the details back', async ({ page }) => {
    const { canvas, scale } = await openBigCluster(page);
    await page.getByTestId('canvas.expand-all').click();
    await expect(scale.summaryNodes()).toHaveCount(0);
    await scale.laidOut();
    const zoom = () => canvas.canvas.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
    const zoomOut = canvas.canvas.locator('.react-flow__controls-zoomout');
    const zoomIn = canvas.canvas.locator('.react-flow__controls-zoomin');
    while ((await zoom()) >= 0.3) await zoomOut.click();
    await expect(canvas.canvas).toHaveClass(/boxes-only/);
    const app7 = canvas.node('team-2/app-7');
    await expect(app7.locator('.wl-box')).toHaveCount(1);
    await expect(app7.locator('.wl-name')).toHaveCount(0);
    // The tooltip still names the workload.
    await expect(app7.locator('.wl-box')).toHaveAttribute('title', /^team-2\/app-7\n/);
    const titles = page.getByTestId('canvas.namespace-titles');
    for (const ns of NAMESPACES) await expect(titles.getByText(ns, { exact: true })).toBeVisible();
    // Each name sits just above its group, and follows it when the view pans.
    const titleAbove = async () => {
      const title = (await titles.getByText('team-2', { exact: true }).boundingBox())!;
      const group = (await canvas.node('ns:team-2').boundingBox())!;
      return Math.abs(title.x - group.x) <= 1 && Math.abs(title.y + title.height - group.y) <= 1;
    };
    expect(await titleAbove()).toBe(true);
    // Drag the empty pane (a point where nothing else is) a little up and left.
    const start = await page.evaluate(() => {
      const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
      for (let y = pane.bottom - 150; y > pane.top + 100; y -= 10) {
        for (let x = pane.right - 150; x > pane.left + 100; x -= 10) {
          if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
        }
      }
      throw new Error('no empty point on the pane');
    });
    const before = (await canvas.node('ns:team-2').boundingBox())!;
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x - 60, start.y - 40, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await canvas.node('ns:team-2').boundingBox())!.x).toBeLessThan(before.x - 30);
    expect(await titleAbove()).toBe(true);
    await saveShot(page, 'scale-far');

    while ((await zoom()) < 0.3) await zoomIn.click();
    await expect(canvas.canvas).not.toHaveClass(/boxes-only/);
    await expect(titles).toHaveCount(0);
    await expect(page.locator('.react-flow__node-workload .wl-name').first()).toBeVisible();
  });
});
