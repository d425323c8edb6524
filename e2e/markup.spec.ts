import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { CanvasPage } from './pages/canvas-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { ShellPage } from './pages/shell-page.ts';
import { SidePanelPage } from './pages/side-panel-page.ts';

/**
 * Names, labels, annotations and comments come from the user's manifests and may hold markup:
 * the editor shows them as text, everywhere (problems, ignored objects, file tabs, inspector,
 * matrix, probe), and never runs or renders them. The fixture puts an `<img onerror>`, a
 * `javascript:` URL, a right-to-left override and 10,000-character strings wherever Kubernetes
 * lets them be (annotations, comments, an ignored object's name) and where it does not (label
 * values, policy names: the validation errors quote them).
 */

const IMG = '<img src=x onerror="window.__pwned=1">';
const JS_URL = 'javascript:alert(1)';
const RTL = '\u202e';
const FILE_NAME = `${IMG}.yaml`;
const markup = readFileSync(new URL('./fixtures/markup.yaml', import.meta.url), 'utf8');

async function expectInert(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
}

test('markup in manifests is shown as text and never runs', async ({ page }) => {
  const shell = new ShellPage(page);
  const importer = new ImportPage(page);
  const canvas = new CanvasPage(page);
  const side = new SidePanelPage(page);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await shell.open();
  await importer.open();
  await importer.file.setInputFiles([{ name: FILE_NAME, mimeType: 'application/yaml', buffer: Buffer.from(markup) }]);
  await expect(importer.picked).toContainText(FILE_NAME);
  await importer.load();
  await expectInert(page);

  // The file's tab names it literally; the editor shows the text, comments included.
  await expect(page.getByTestId('yaml.tab').filter({ hasText: IMG })).toHaveCount(1);
  const editor = page.locator('.cm-content');
  await expect(editor).toContainText(IMG);
  await expect(editor).toContainText(JS_URL);

  // The valid objects are in the model; the invalid ones are refused, and the errors quote them.
  await expect(canvas.node('markup/web')).toBeVisible();
  await expect(canvas.node('markup/api')).toBeVisible();
  const problems = page.getByTestId('problems');
  await expect(problems).toContainText(IMG);
  await expect(problems).toContainText(JS_URL);
  await expect(problems).toContainText(`${RTL}evil`);
  await expect(problems).toContainText('L'.repeat(100));
  await expect(problems.getByTestId('problem').filter({ hasText: 'L'.repeat(100) })).not.toHaveCount(0);
  await expectInert(page);

  // The ignored ConfigMap is named by its markup name, as text.
  const ignored = page.getByTestId('problems.ignored');
  await ignored.locator('summary').click();
  await expect(ignored).toContainText(IMG);

  // The inspector on a node and on a flow into it.
  await canvas.node('markup/web').click();
  await expect(side.tab('inspector')).toHaveAttribute('aria-selected', 'true');
  await expect(side.title).toContainText('web');
  await expectInert(page);
  await side.openTab('matrix');
  await expect(side.cells().first()).toBeVisible();
  await expectInert(page);

  // The probe, with markup typed as an end.
  await side.openTab('probe');
  await side.setProbeEnd('from', IMG);
  await side.setProbeEnd('to', 'markup/web');
  await page.getByTestId('probe.port').fill('80');
  await page.getByTestId('probe.run').click();
  await expect(page.getByTestId('probe').getByText(IMG, { exact: false }).first()).toBeVisible();
  await side.setProbeEnd('from', 'markup/api');
  await side.runProbe('80');
  await expect(side.probeResult).toHaveAttribute('data-verdict', 'allowed');

  await expectInert(page);
  expect(dialogs).toEqual([]);
  // Every panel still renders (the error boundaries did not have to catch anything).
  await expect(page.locator('[data-testid^="panel-failed."]')).toHaveCount(0);
  await expect(page.getByTestId('canvas')).toBeVisible();
  await expect(page.getByTestId('problems')).toBeVisible();
  await expect(page.getByTestId('probe')).toBeVisible();
});
