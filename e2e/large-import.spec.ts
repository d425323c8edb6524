/**
 * A 5,000-pod cluster (500 workloads, 1,000 policies, 2.8 MB of YAML) imported through the
 * Import dialog is analysed in a Web Worker: progress with Cancel shows, the YAML editor takes
 * typing and the canvas pans meanwhile, Cancel keeps the text and the last analysis, and a
 * finished analysis is drawn.
 */
import { expect, test, type Page } from '@playwright/test';
import { generateClusterYaml, SIZES } from '../bench/generate-cluster.ts';
import { AnalysisProgressPage } from './pages/analysis-progress-page.ts';
import { CanvasPage } from './pages/canvas-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { saveShot } from './pages/shots.ts';
import { YamlPage } from './pages/yaml-page.ts';

const CLUSTER = generateClusterYaml(SIZES.find((s) => s.pods === 5_000)!);
const TYPED = '# typed while the analysis runs';

/** The canvas viewport's transform (changes when the canvas is panned). */
function viewportTransform(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '');
}

/**
 * The line of the first Namespace in the analysis on screen (what the canvas and panels show):
 * each typed line pushes it down, so it tells which text was analysed.
 */
function firstNamespaceLine(page: Page): Promise<number | undefined> {
  return page.evaluate(() => window.netpolCanvas?.getModel().namespaces.find((ns) => ns.name === 'team-0')?.source?.line);
}

/** Drag the empty canvas background (right of the demo's namespace, above its external node). */

test('a 5,000-pod import is analysed off the main thread, with progress, cancel and retry', async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  // The worker is a script of the page's own origin: no request elsewhere, no CSP violation.
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (baseURL && new URL(request.url()).origin !== new URL(baseURL).origin) foreign.push(request.url());
  });
  const cspMessages: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) cspMessages.push(message.text());
  });
  // Until released, the worker's script is held on the network, as a slow connection would: the
  // analysis stays running however fast this machine is, so the steps below never race it.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/analysis\.worker-[^/]*\.js$/, async (route) => {
    await released;
    await route.continue().catch(() => undefined); // a worker terminated meanwhile no longer wants it
  });
  const canvas = new CanvasPage(page);
  const dialog = new ImportPage(page);
  const yaml = new YamlPage(page);
  const progress = new AnalysisProgressPage(page);
  const firstLine = yaml.content.locator('.cm-line').first();
  await canvas.open();

  // A paste this large is held aside, not laid out in the dialog's text box.
  await dialog.open();
  await dialog.clipboardPaste(CLUSTER);
  await expect(dialog.held).toContainText('Pasted 159,677 lines');
  await expect(dialog.text).toBeHidden();
  await dialog.held.getByRole('button', { name: 'Remove' }).click();
  await expect(dialog.text).toHaveValue('');
  await expect(dialog.apply).toBeDisabled();
  await dialog.clipboardPaste(CLUSTER);
  await saveShot(page, 'large-import-held');
  await dialog.load();
  await expect(progress.root).toBeVisible();
  await expect(progress.cancel).toBeVisible();
  await expect(progress.text).toHaveText('Starting the analysis');
  await saveShot(page, 'large-import-progress');

  // The page answers while the analysis runs: the editor takes typing (which starts the analysis
  // again, of the text as typed) and the canvas pans.
  await yaml.content.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.insertText(`${TYPED}\n`); // one edit, as a paste or an input method makes
  await expect(firstLine).toHaveText(TYPED);
  const before = await viewportTransform(page);
  await canvas.pan();
  await expect.poll(() => viewportTransform(page)).not.toBe(before);
  await expect(progress.root).toBeVisible();

  // Cancel keeps the text as typed and the last analysis (the demo) on screen.
  await progress.cancel.click();
  await expect(progress.cancelled).toBeVisible();
  await expect(progress.root).toBeHidden();
  await expect(firstLine).toHaveText(TYPED);
  await expect(canvas.node('default/frontend')).toBeVisible();
  expect(await firstNamespaceLine(page)).toBeUndefined();
  await saveShot(page, 'large-import-cancelled');

  // Retry, the worker's script now served: the analysis of the text as typed finishes and is drawn.
  release();
  await progress.retry.click();
  await expect(progress.cancelled).toBeHidden();
  await expect(canvas.node('ns:team-0')).toBeVisible({ timeout: 120_000 });
  await expect(progress.root).toBeHidden();
  await expect(canvas.node('default/frontend')).toHaveCount(0);
  expect(await firstNamespaceLine(page)).toBe(2);
  const model = await yaml.model();
  expect(model.pods).toHaveLength(5_000);
  expect(model.policies).toHaveLength(1_000);
  expect(foreign).toEqual([]);
  expect(cspMessages).toEqual([]);
  await saveShot(page, 'large-import-drawn');
});
