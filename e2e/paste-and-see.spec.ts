/**
 * The "paste, then see" journey end to end: manifests pasted into the Import dialog become
 * nodes, allowed flows and the half-open flows users get wrong, and the canvas agrees with the
 * evaluator for a cluster from the conformance corpus.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { CanvasPage } from './pages/canvas-page.ts';
import { ImportPage } from './pages/import-page.ts';

const read = (relative: string) => readFileSync(new URL(relative, import.meta.url), 'utf8');

test.describe('paste, then see', () => {
  test('the five seed policies over the seed cluster: nodes, allowed flows and the two half-open flows', async ({ page }) => {
    const canvas = new CanvasPage(page);
    const dialog = new ImportPage(page);
    await canvas.open();
    await dialog.open();
    await dialog.paste(`${read('../examples/seed-all/cluster.yaml').trimEnd()}\n---\n${read('../examples/seed-all/policies.yaml')}`);
    await dialog.load();

    for (const pod of ['frontend', 'backend', 'database', 'api', 'db']) await expect(canvas.node(`default/${pod}`)).toBeVisible();
    await expect(canvas.node('ns:default')).toBeVisible();
    await expect(canvas.node('ext:8.8.8.8/32')).toBeVisible();

    for (const allowed of ['default/api->default/backend', 'default/backend->default/db', 'default/backend->ext:8.8.8.8/32']) {
      await expect(canvas.edge(allowed)).toHaveAttribute('data-verdict', 'allowed');
    }
    for (const halfOpen of ['default/backend->default/frontend', 'default/frontend->default/database']) {
      await expect(canvas.edge(halfOpen)).toHaveAttribute('data-verdict', 'denied');
      await expect(canvas.edge(halfOpen)).toHaveAttribute('data-half-open', 'true');
    }
    const halfOpenCount = await page.locator('[data-half-open="true"][data-testid^="rf__edge-"]').count();
    expect(halfOpenCount).toBe(2);
  });

  test('a conformance cluster and its policy: the canvas agrees with the evaluator', async ({ page }) => {
    const canvas = new CanvasPage(page);
    const dialog = new ImportPage(page);
    const conformanceCase = JSON.parse(read('../conformance/cases/k8s-e2e-010-podselector-and-nsselector.json')) as { policies: string };
    await canvas.open();
    await dialog.open();
    await dialog.paste(`${read('../conformance/clusters/xyz.yaml').trimEnd()}\n${conformanceCase.policies}`);
    await dialog.load();

    for (const ns of ['x', 'y', 'z']) await expect(canvas.node(`ns:${ns}`)).toBeVisible();
    // Only pods labelled pod=b in namespaces other than x may reach x/a.
    await expect(canvas.edge('y/b->x/a')).toHaveAttribute('data-verdict', 'allowed');
    const verdicts = await page.evaluate(() => ({
      yb: window.netpolCanvas!.verdict('y/b', 'x/a', 80).allowed,
      xb: window.netpolCanvas!.verdict('x/b', 'x/a', 80).allowed,
    }));
    expect(verdicts).toEqual({ yb: true, xb: false });
    await canvas.deniedToggle.check();
    await expect(canvas.edge('x/b->x/a')).toHaveAttribute('data-verdict', 'denied');
  });
});
