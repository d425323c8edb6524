import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ImportPage } from './pages/import-page.ts';
import { ShellPage } from './pages/shell-page.ts';

const clusterYaml = readFileSync(new URL('../examples/seed-all/cluster.yaml', import.meta.url), 'utf8');

const TWO_NAMESPACES = `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
  labels:
    app: web
---
apiVersion: v1
kind: Pod
metadata:
  name: job
  labels:
    app: job
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny-all
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress]
`;

test.describe('Export', () => {
  test('downloads everything, one namespace, and offers a kubectl command', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const shell = new ShellPage(page);
    await shell.open();

    // The demo: all of it, as one multi-document file.
    await shell.openExport();
    const all = await shell.download();
    expect(all.text).toBe(await shell.yaml());
    expect(all.text).toContain(clusterYaml);
    expect(all.name).toMatch(/\.yaml$/);

    await shell.exportDialog.getByTestId('export.copy').click();
    await expect(shell.exportDialog.getByTestId('export.status')).toHaveText('YAML copied to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(all.text);
    await shell.exportDialog.getByTestId('export.close').click();
    await expect(shell.exportDialog).toBeHidden();

    // Two namespaces: pick one.
    await new ImportPage(page).pasteAndLoad(TWO_NAMESPACES);
    await shell.openExport();
    const scope = shell.exportDialog.getByTestId('export.scope');
    await expect(scope.locator('option')).toHaveText(['Everything (1 file)', 'Namespace default (1 document)', 'Namespace shop (2 documents)']);
    await shell.exportScope('shop');
    const shop = await shell.download();
    expect(shop.name).toMatch(/-shop\.yaml$/);
    expect(shop.text).toContain('name: web');
    expect(shop.text).toContain('name: deny-all');
    expect(shop.text).not.toContain('name: job');

    const snippet = await shell.snippet.inputValue();
    expect(snippet).toBe(`kubectl apply -f - <<'EOF'\n${shop.text}EOF\n`);
    await expect(shell.snippet).toHaveAttribute('readonly', '');
    await shell.exportDialog.getByTestId('export.copy-snippet').click();
    await expect(shell.exportDialog.getByTestId('export.status')).toHaveText('Command copied to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);

    await shell.exportScope('default');
    await expect(shell.snippet).toHaveValue(/name: job/);
    await expect(shell.snippet).not.toHaveValue(/name: web/);
    await page.keyboard.press('Escape');
    await expect(shell.exportDialog).toBeHidden();
  });
});
