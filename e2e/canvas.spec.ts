import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { saveShot } from './pages/shots.ts';
import { CanvasPage } from './pages/canvas-page.ts';
import { ImportPage } from './pages/import-page.ts';

/*
 * Paste, then see: the demo (examples/seed-all) drawn as namespaces, workloads and flows.
 * Truth from semantics.md: frontend may only send TCP 3306 to database, which admits nothing
 * (half-open); backend is admitted into frontend but its egress only reaches db and 8.8.8.8
 * (half-open); api may open anything to backend.
 */
const PODS = ['default/api', 'default/backend', 'default/database', 'default/db', 'default/frontend'];

test.describe('canvas', () => {
  test('draws the demo: namespace, pods, allowed and half-open flows, fitted in view', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const canvas = new CanvasPage(page);
    await canvas.open();

    for (const id of [...PODS, 'ns:default', 'ext:8.8.8.8/32']) await expect(canvas.node(id)).toBeVisible();
    await expect(canvas.node('default/backend')).toContainText('ingress: default deny (1 policy)');
    await expect(canvas.node('default/backend')).toContainText('egress: default deny (2 policies)');
    await expect(canvas.node('default/api')).toContainText('ingress: default allow');
    await expect(canvas.node('default/db')).toContainText('postgres 5432/TCP');

    const apiToBackend = canvas.edge('default/api->default/backend');
    await expect(apiToBackend).toHaveAttribute('data-verdict', 'allowed');
    await expect(apiToBackend).not.toHaveAttribute('data-half-open', /.*/);
    await expect(canvas.edge('default/backend->default/db')).toHaveAttribute('data-verdict', 'allowed');
    await expect(canvas.edgeLabel('default/backend->default/db')).toHaveText('TCP 5432');
    await expect(canvas.edge('default/backend->ext:8.8.8.8/32')).toHaveAttribute('data-verdict', 'allowed');

    for (const id of ['default/backend->default/frontend', 'default/frontend->default/database']) {
      await expect(canvas.edge(id)).toHaveAttribute('data-verdict', 'denied');
      await expect(canvas.edge(id)).toHaveAttribute('data-half-open', 'true');
    }
    await expect(canvas.edgeLabel('default/frontend->default/database')).toHaveText('⚠ half-open: database ingress denies');
    await expect(canvas.edgeLabel('default/frontend->default/database')).toHaveAttribute('title', /TCP 3306/);
    await expect(canvas.edgeLabel('default/backend->default/frontend')).toHaveText('⚠ half-open: backend egress denies');

    // No plain denied flow by default, and the first layout is fitted into the canvas.
    await expect(canvas.canvas.locator('[data-testid^="rf__edge-"][data-verdict="denied"]:not([data-half-open])')).toHaveCount(0);
    await expect.poll(() => canvas.everyNodeInView()).toBe(true);
    await saveShot(page, 'canvas-e2e-demo-1280x720');
    await page.setViewportSize({ width: 1600, height: 900 });
    await saveShot(page, 'canvas-e2e-demo-1600x900');
  });

  test('"Show all denied flows" adds every denied pair, and takes them away again', async ({ page }) => {
    const canvas = new CanvasPage(page);
    await canvas.open();
    const before = await canvas.edgeIds();
    expect(before).not.toContain('default/frontend->default/backend');

    await canvas.deniedToggle.check();
    await expect(canvas.edge('default/frontend->default/backend')).toHaveAttribute('data-verdict', 'denied');
    await expect(canvas.edgeLabel('default/frontend->default/backend')).toHaveText('✗');
    const after = await canvas.edgeIds();
    // Every ordered pair of the five pods is drawn once, plus frontend → 8.8.8.8 (denied).
    expect(after.filter((id) => !id.includes('ext:'))).toHaveLength(20);
    expect(after).toEqual(expect.arrayContaining(before));
    await expect(canvas.edge('default/frontend->ext:8.8.8.8/32')).toHaveAttribute('data-verdict', 'denied');

    await canvas.deniedToggle.uncheck();
    await expect(canvas.edge('default/frontend->default/backend')).toHaveCount(0);
    expect(await canvas.edgeIds()).toEqual(before);
  });

  test('clicking a denied flow selects it and shows the inspector', async ({ page }) => {
    const canvas = new CanvasPage(page);
    await canvas.open();
    await page.getByTestId('tab.matrix').click();
    await canvas.deniedToggle.check();

    const id = 'default/db->default/frontend';
    await canvas.edgeLabel(id).click();
    await expect(canvas.edge(id)).toHaveAttribute('data-selected', 'true');
    await expect(canvas.edge(id)).toHaveClass(/\bselected\b/);
    await expect(page.getByTestId('tab.inspector')).toHaveAttribute('aria-selected', 'true');
    // The automation API still answers, and agrees with the drawing.
    const verdict = await page.evaluate(() => window.netpolCanvas!.verdict('default/db', 'default/frontend', 80));
    expect(verdict.allowed).toBe(false);

    // Selecting a node instead moves the selection; the empty pane clears it.
    await canvas.node('default/api').click();
    await expect(canvas.edge(id)).not.toHaveAttribute('data-selected', 'true');
    await expect(canvas.node('default/api')).toHaveClass(/\bselected\b/);
    const pane = await canvas.canvas.locator('.react-flow__pane').boundingBox();
    await page.mouse.click(pane!.x + 10, pane!.y + pane!.height - 10);
    await expect(canvas.node('default/api')).not.toHaveClass(/\bselected\b/);
  });

  test("a selected node shows its own denied flows", async ({ page }) => {
    const canvas = new CanvasPage(page);
    await canvas.open();
    await expect(canvas.edge('default/api->default/database')).toHaveCount(0);
    await canvas.node('default/database').click();
    await expect(canvas.edge('default/api->default/database')).toHaveAttribute('data-verdict', 'denied');
    await expect(canvas.edge('default/api->default/frontend')).toHaveCount(0);
  });

  test('keyboard: Tab reaches a node, Enter selects it and opens the inspector', async ({ page }) => {
    const canvas = new CanvasPage(page);
    await canvas.open();
    await page.getByTestId('tab.matrix').click();
    await expect(page.getByTestId('tab.inspector')).toHaveAttribute('aria-selected', 'false');

    const id = await canvas.tabToWorkload();
    await expect(canvas.node(id)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(canvas.node(id)).toHaveClass(/\bselected\b/);
    await expect(page.getByTestId('tab.inspector')).toHaveAttribute('aria-selected', 'true');
  });

  test('a dragged node keeps its place when the YAML is edited', async ({ page }) => {
    const canvas = new CanvasPage(page);
    await canvas.open();
    const api = await canvas.nodePosition('default/api');
    const db = await canvas.nodePosition('default/db');
    await canvas.dragNode('default/api', 40, 30);
    await expect.poll(async () => (await canvas.nodePosition('default/api')).x).not.toBe(api.x);
    const dragged = await canvas.nodePosition('default/api');

    // Edit the policies: backend may now reach db on TCP 5433 instead of 5432 (same nodes).
    await page.locator('[data-testid="yaml.tab"][data-file="seed-all/policies.yaml"]').click();
    const editor = page.locator('[data-testid="yaml.editor"] .cm-content');
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('3\n');
    await expect(canvas.edgeLabel('default/backend->default/db')).toHaveText('TCP 5433');

    expect(await canvas.nodePosition('default/api')).toEqual(dragged);
    expect(await canvas.nodePosition('default/db')).toEqual(db);

    // Asking for a fresh layout forgets the drag.
    await page.getByTestId('canvas.relayout').click();
    await expect.poll(() => canvas.nodePosition('default/api')).toEqual(api);
  });

  test('an import of three namespaces draws one group each, the flows across them, nothing overlapping', async ({ page }) => {
    await page.setViewportSize({ width: 1600, height: 900 });
    const canvas = new CanvasPage(page);
    await canvas.open();
    await new ImportPage(page).pasteAndLoad(THREE_NAMESPACES);

    for (const id of ['ns:shop', 'ns:pay', 'ns:ops', 'shop/web', 'pay/api', 'ops/probe']) await expect(canvas.node(id)).toBeVisible();
    await expect(canvas.node('shop/web')).toContainText('Deployment ×3');
    await expect(canvas.node('ns:pay')).toContainText('team=pay');
    await expect(canvas.edge('shop/web->pay/api')).toHaveAttribute('data-verdict', 'allowed');
    await expect(canvas.edgeLabel('shop/web->pay/api')).toHaveText('TCP 5432');
    await expect(canvas.edge('ops/probe->pay/api')).toHaveCount(0);
    await expect.poll(() => canvas.everyNodeInView()).toBe(true);

    const groups = await Promise.all(['ns:shop', 'ns:pay', 'ns:ops'].map((id) => canvas.node(id).boundingBox()));
    groups.forEach((a, i) =>
      groups.slice(i + 1).forEach((b) => {
        const apart = a!.x + a!.width <= b!.x || b!.x + b!.width <= a!.x || a!.y + a!.height <= b!.y || b!.y + b!.height <= a!.y;
        expect(apart).toBe(true);
      }),
    );
    await saveShot(page, 'canvas-e2e-three-namespaces-1600x900');
  });
});

/** Three namespaces (shop, pay, ops) and one cross-namespace policy; shared with test/ui/canvas-graph.test.ts. */
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const THREE_NAMESPACES = `${fixture('three-namespaces-cluster.yaml')}---\n${fixture('three-namespaces-policies.yaml')}`;
