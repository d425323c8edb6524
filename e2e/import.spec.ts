import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ImportPage } from './pages/import-page.ts';
import { YamlPage } from './pages/yaml-page.ts';

const read = (relative: string) => readFileSync(new URL(relative, import.meta.url), 'utf8');
const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

/** The seed cluster (five pods in `default`) and the five seed policies, as one paste. */
const seedCluster = read('../examples/seed-all/cluster.yaml');
const seedPolicies = read('../examples/seed-all/policies.yaml');
const seedPaste = `${seedCluster.trimEnd()}\n---\n${seedPolicies}`;

test.describe('Import', () => {
  test('pasting the seed cluster and its five policies loads them into pasted.yaml', async ({ page }) => {
    const yaml = new YamlPage(page);
    const dialog = new ImportPage(page);
    await yaml.open();

    await dialog.open();
    await expect(dialog.text).toBeFocused();
    await expect(dialog.modeReplace).toBeChecked();
    await dialog.paste(seedPaste);
    await dialog.load();

    await expect(page.getByTestId('scenario.title')).toHaveText('Imported manifests');
    await expect(yaml.tabs).toHaveCount(1);
    await expect(yaml.tab('pasted.yaml')).toHaveAttribute('aria-selected', 'true');
    await expect(yaml.editor).toHaveAttribute('data-file', 'pasted.yaml');
    expect(await yaml.yaml()).toBe(seedPaste);
    await expect(yaml.problems.getByTestId('problems.empty')).toBeVisible();

    const model = await yaml.model();
    expect(model.policies).toHaveLength(5);
    expect(model.pods.map((p) => p.id).sort()).toEqual([
      'default/api',
      'default/backend',
      'default/database',
      'default/db',
      'default/frontend',
    ]);
    expect(model.policies.every((p) => p.source?.file === 'pasted.yaml')).toBe(true);
    // seed-1 admits backend into frontend, but backend's own egress (seed-5) does not reach frontend.
    const verdict = await page.evaluate(() => window.netpolCanvas!.verdict('default/backend', 'default/frontend', 80));
    expect(verdict.allowed).toBe(false);
    expect(verdict.ingress.allowed).toBe(true);
    expect(verdict.egress.allowed).toBe(false);
  });

  test('choosing several files, a List and a NetworkPolicyList among them, loads each into its own tab', async ({ page }) => {
    const yaml = new YamlPage(page);
    const dialog = new ImportPage(page);
    await yaml.open();

    await dialog.open();
    await dialog.choose([fixture('shop-pods.yaml'), fixture('shop-policies.json'), fixture('notes.txt')], ['shop-pods.yaml', 'shop-policies.json']);
    await expect(dialog.skipped).toContainText('notes.txt');
    await dialog.load();

    await expect(yaml.tabs).toHaveCount(2);
    await expect(yaml.tab('shop-pods.yaml')).toBeVisible();
    await expect(yaml.tab('shop-policies.json')).toHaveAttribute('aria-selected', 'true');
    const model = await yaml.model();
    expect(model.pods.map((p) => p.id).sort()).toEqual(['shop/db', 'shop/web']);
    expect(model.policies.map((p) => `${p.namespace}/${p.name}`).sort()).toEqual(['shop/allow-web-to-db', 'shop/default-deny-ingress']);
    const [webToDb, webToDb80, dbToWeb] = await page.evaluate(() => {
      const api = window.netpolCanvas!;
      return [api.verdict('shop/web', 'shop/db', 5432), api.verdict('shop/web', 'shop/db', 80), api.verdict('shop/db', 'shop/web', 80)];
    });
    expect(webToDb?.allowed).toBe(true);
    expect(webToDb80?.allowed).toBe(false);
    expect(dbToWeb?.allowed).toBe(false);
  });

  test('"Add to it" keeps the scenario and adds the chosen files and the paste', async ({ page }) => {
    const yaml = new YamlPage(page);
    const dialog = new ImportPage(page);
    await yaml.open();
    // The demo's cluster.yaml, policies.yaml and expected.flows.
    await expect(yaml.tabs).toHaveCount(3);

    await dialog.open();
    await dialog.modeAdd.check();
    await dialog.choose([fixture('shop-pods.yaml'), fixture('shop-policies.json')], ['shop-pods.yaml', 'shop-policies.json']);
    await dialog.paste('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\n');
    await dialog.load();

    await expect(yaml.tabs).toHaveCount(6);
    await expect(yaml.tab('pasted.yaml')).toHaveAttribute('aria-selected', 'true');
    const model = await yaml.model();
    expect(model.pods).toHaveLength(7);
    expect(model.policies).toHaveLength(7);
    await expect(yaml.problems.getByTestId('problems.ignored')).toContainText('1 object ignored (Service)');
  });

  test('files dropped on the window replace the scenario, or join it with Shift held', async ({ page }) => {
    const yaml = new YamlPage(page);
    const dialog = new ImportPage(page);
    await yaml.open();

    await dialog.drop([{ name: 'shop-pods.yaml', text: read('./fixtures/shop-pods.yaml') }]);
    await expect(yaml.tabs).toHaveCount(1);
    await expect(yaml.tab('shop-pods.yaml')).toBeVisible();
    await expect(page.getByTestId('scenario.title')).toHaveText('Imported manifests');

    await dialog.drop([{ name: 'shop-policies.json', text: read('./fixtures/shop-policies.json') }], { shift: true });
    await expect(yaml.tabs).toHaveCount(2);
    await expect.poll(async () => (await yaml.model()).policies.length).toBe(2);
    expect((await yaml.model()).pods).toHaveLength(2);
  });

  test('binary input is reported, kept in its tab, and the app keeps working', async ({ page }) => {
    const yaml = new YamlPage(page);
    const dialog = new ImportPage(page);
    await yaml.open();

    await dialog.open();
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    await dialog.choose([{ name: 'image.yaml', mimeType: 'application/yaml', buffer: binary }], ['image.yaml']);
    await dialog.load();

    await expect(yaml.tab('image.yaml')).toHaveAttribute('aria-selected', 'true');
    await expect(yaml.problemRows('error').first()).toHaveAttribute('data-code', 'not-text');
    await expect(yaml.tab('image.yaml').getByTestId('yaml.tab.errors')).toHaveText('1');
    await expect(yaml.content).toContainText('PNG');

    // Still alive: a good paste afterwards loads normally.
    await dialog.pasteAndLoad(seedPaste);
    await expect.poll(async () => (await yaml.model()).policies.length).toBe(5);
  });

  test('the dialog keeps focus inside, closes on Escape and gives focus back', async ({ page }) => {
    const yaml = new YamlPage(page);
    const dialog = new ImportPage(page);
    await yaml.open();

    await dialog.open();
    await expect(dialog.dialog).toHaveAttribute('aria-modal', 'true');
    await expect(dialog.text).toBeFocused();
    await expect(dialog.apply).toBeDisabled();
    await dialog.paste('kind: Pod');
    await dialog.apply.focus();
    await page.keyboard.press('Tab');
    await expect(dialog.close).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(dialog.apply).toBeFocused();

    await page.keyboard.press('Escape');
    await expect(dialog.dialog).toBeHidden();
    await expect(dialog.openButton).toBeFocused();
    // Nothing was loaded.
    await expect(page.getByTestId('scenario.title')).toHaveText('All five seed policies together');

    await dialog.open();
    await dialog.cancel.click();
    await expect(dialog.dialog).toBeHidden();
  });
});
