import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page.ts';
import { CanvasPage } from './pages/canvas-page.ts';
import { saveShot } from './pages/shots.ts';
import { SidePanelPage } from './pages/side-panel-page.ts';
import { WhatIfPage } from './pages/whatif-page.ts';
import { YamlPage } from './pages/yaml-page.ts';

const API_TO_BACKEND = 'default/api->default/backend';
const FRONTEND_TO_DATABASE = 'default/frontend->default/database';
const POLICIES = 'seed-all/policies.yaml';

/** Types over the end of a 1-based line as a user would: walk down to it, delete `old`, type `text`. */
async function replaceLineEnd(yaml: YamlPage, line: number, old: string, text: string): Promise<void> {
  await yaml.clickLineStart(1);
  for (let i = 1; i < line; i++) await yaml.page.keyboard.press('ArrowDown');
  await expect(yaml.editor).toHaveAttribute('data-cursor-line', String(line));
  await yaml.page.keyboard.press('End');
  for (let i = 0; i < old.length; i++) await yaml.page.keyboard.press('Backspace');
  await yaml.page.keyboard.type(text);
}

test.describe('what if', () => {
  test('a label changed in the inspector flips a verdict on the canvas, and undo restores it', async ({ page }) => {
    const canvas = new CanvasPage(page);
    const app = new AppPage(page);
    const side = new SidePanelPage(page);
    const whatIf = new WhatIfPage(page);
    await canvas.open();
    await page.waitForFunction(() => window.netpolCanvas !== undefined);
    const before = await app.yaml();
    expect((await app.verdict('default/api', 'default/backend', 8080)).allowed).toBe(true);
    await expect(canvas.edge(API_TO_BACKEND)).toHaveAttribute('data-verdict', 'allowed');

    // backend admits only app=api: relabel the api pod and it is shut out.
    await canvas.node('default/api').click();
    await expect(side.title).toHaveText('api');
    await whatIf.startEditingLabels();
    await whatIf.setLabel('app', 'gateway');
    await expect(canvas.edge(API_TO_BACKEND)).toHaveAttribute('data-verdict', 'denied');
    expect((await app.verdict('default/api', 'default/backend', 8080)).allowed).toBe(false);
    const edited = await app.yaml();
    expect(edited).toBe(before.replace('  name: api\n  namespace: default\n  labels:\n    app: api\n', '  name: api\n  namespace: default\n  labels:\n    app: gateway\n'));
    await expect(side.inspector.getByTestId('inspector.labels')).toContainText('app=gateway');
    await saveShot(page, 'whatif-label-changed');

    // Adding a label is one more step; undo takes the steps back one by one.
    await whatIf.addLabel('tier', 'edge');
    await expect(side.inspector.getByTestId('inspector.labels')).toContainText('tier=edge');
    await page.getByTestId('history.undo').click();
    await expect.poll(() => app.yaml()).toBe(edited);
    await page.getByTestId('history.undo').click();
    await expect.poll(() => app.yaml()).toBe(before);
    await expect(canvas.edge(API_TO_BACKEND)).toHaveAttribute('data-verdict', 'allowed');
    expect((await app.verdict('default/api', 'default/backend', 8080)).allowed).toBe(true);

    // A namespace's labels too: its Namespace document gets them.
    await canvas.node('ns:default').click({ position: { x: 30, y: 8 } });
    await expect(side.title).toHaveText('default');
    await whatIf.startEditingLabels();
    await whatIf.addLabel('team', 'shop');
    await expect(page.getByTestId('labels.place')).toContainText('seed-all/cluster.yaml, line 5');
    expect(await app.yaml()).toContain('kind: Namespace\nmetadata:\n  name: default\n  labels:\n    team: shop\n');
  });

  test('pods inferred from policies say why their labels cannot be edited', async ({ page }) => {
    const canvas = new CanvasPage(page);
    await canvas.open();
    await page.getByTestId('import.open').click();
    await page.getByTestId('import.text').fill(
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: db, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: db}}\n  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}]}]\n',
    );
    await page.getByTestId('import.apply').click();
    const app = new AppPage(page);
    await canvas.node('shop/db').click();
    await expect(page.getByTestId('labels.locked')).toContainText('inferred from the policies');
    expect((await app.verdict('shop/web', 'shop/db', 80)).allowed).toBe(true);

    // Written out as manifests, the same pods keep their verdicts and their labels can be edited.
    await page.getByTestId('labels.write-inferred').click();
    await expect(page.getByTestId('yaml.tab').and(page.locator('[data-file="cluster.yaml"]'))).toBeVisible();
    expect(await app.yaml()).toContain('kind: Pod');
    expect((await app.verdict('shop/web', 'shop/db', 80)).allowed).toBe(true);
    await canvas.node('shop/web').click();
    await page.getByTestId('workload.labels').fill('app=other');
    await page.getByTestId('workload.apply').click();
    await expect.poll(async () => (await app.verdict('shop/web', 'shop/db', 80)).allowed).toBe(false);
  });

  test('compare with a baseline lists the flows added and removed by a policy edit and marks them on the canvas', async ({ page }) => {
    const canvas = new CanvasPage(page);
    const yaml = new YamlPage(page);
    const whatIf = new WhatIfPage(page);
    await canvas.open();
    await whatIf.openCompare();
    await whatIf.saveBaseline();
    await whatIf.startComparing();
    await expect(whatIf.summary).toHaveText('No flow changed since the baseline.');

    // In the YAML: database no longer isolated (deny-all-ingress selects nothing), backend no longer admits api.
    await yaml.tab(POLICIES).click();
    await expect(yaml.editor).toHaveAttribute('data-file', POLICIES);
    const lines = readFileSync(new URL('../examples/seed-all/policies.yaml', import.meta.url), 'utf8').split('\n');
    const denyAll = lines.findIndex((l) => l.includes('name: deny-all-ingress'));
    await replaceLineEnd(yaml, lines.findIndex((l, i) => i > denyAll && l.trim() === 'app: database') + 1, 'database', 'nothing');
    await replaceLineEnd(yaml, lines.findIndex((l) => l.trim() === 'app: api') + 1, 'api', 'nobody');

    await expect(whatIf.addedFlow('default/frontend', 'default/database')).toContainText('TCP 3306');
    await expect(whatIf.removedFlow('default/api', 'default/backend')).toContainText('all ports');
    await expect(whatIf.summary).toContainText('allowing less');
    await expect(canvas.edge(FRONTEND_TO_DATABASE)).toHaveAttribute('data-change', 'added');
    await expect(canvas.edge(FRONTEND_TO_DATABASE)).toHaveAttribute('data-verdict', 'allowed');
    await expect(canvas.edge(API_TO_BACKEND)).toHaveAttribute('data-change', 'removed');
    await expect(canvas.edgeLabel(API_TO_BACKEND)).toHaveAttribute('title', /no longer allowed \(lost all ports\)/);
    await expect(page.getByTestId('canvas.changes')).toContainText('Since the baseline: +5 / −1');
    await saveShot(page, 'whatif-compare');

    // A listed change selects its flow on the canvas.
    await whatIf.removedFlow('default/api', 'default/backend').getByRole('button').click();
    await expect(canvas.edge(API_TO_BACKEND)).toHaveAttribute('data-selected', 'true');
    await expect(canvas.edge(API_TO_BACKEND)).toHaveAttribute('data-change', 'removed');
    await page.mouse.move(0, 0);
    await saveShot(page, 'whatif-compare-selected');
    await page.getByTestId('tab.inspector').click();
    await expect(page.getByTestId('inspector.flow-change')).toHaveText('Since the baseline: no longer allows all ports.');

    // The baseline survives a reload; clearing it removes the marks.
    await page.reload();
    await whatIf.openCompare();
    await expect(page.getByTestId('compare.baseline')).toBeVisible();
    await whatIf.startComparing();
    await expect(canvas.edge(FRONTEND_TO_DATABASE)).toHaveAttribute('data-change', 'added');
    await page.getByTestId('compare.clear').click();
    await expect(page.getByTestId('canvas.changes')).toHaveCount(0);
    await expect(canvas.edge(FRONTEND_TO_DATABASE)).not.toHaveAttribute('data-change', /.*/);
    await expect(canvas.edge(API_TO_BACKEND)).toHaveCount(0);
  });
});
