/**
 * The page stays responsive while a generated 5,000-pod cluster (2.8 MB of YAML) is analysed
 * for real in the Web Worker (nothing held on the network): typed text shows in the YAML pane
 * and the canvas pans while the analysis is still running, then the text as typed is analysed
 * and drawn.
 *
 * No timings: each step reads, in one synchronous snapshot of the page, what the user sees
 * (the typed text, the viewport) together with the analysis's state (running: the progress, or
 * before it shows its hidden marker; the imported cluster not drawn yet). Were the analysis run
 * on the page's thread, the text would only show once the cluster was drawn and the snapshot
 * would say so. Typing starts the analysis again (latest wins, 250 ms after the keystroke), so
 * the pan runs during a full analysis of the text as typed. What could race is the typing
 * itself, sent right after Load: it must land before the import's analysis is drawn, which
 * takes seconds for 2.8 MB of YAML (`npm run bench`), against one keystroke's round trip.
 * The bar itself shows only after half a second: the step that waits for it relies on the
 * analysis of the text as typed lasting that long (again seconds).
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

interface Snapshot {
  /** The YAML pane's first line. */
  readonly firstLine: string;
  /** The canvas viewport's transform (changes when the canvas is panned). */
  readonly viewport: string;
  /** An analysis is running: its progress (with Cancel) is on screen, or its marker before that. */
  readonly analysing: boolean;
  /** The imported cluster is drawn: an analysis of it has finished. */
  readonly drawn: boolean;
}

/** What the page shows, read in one go (no frame can run between the readings). */
function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(() => ({
    firstLine: document.querySelector('[data-testid="yaml.editor"] .cm-line')?.textContent ?? '',
    viewport: document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '',
    analysing: document.querySelector('[data-testid="analysis.progress"], [data-testid="analysis.running"]') !== null,
    drawn: document.querySelector('[data-testid="rf__node-ns:team-0"]') !== null,
  }));
}

/** Drag the empty canvas background, near the right edge, above the bottom row of controls. */

test('typing and panning keep working while a 5,000-pod import is analysed in the worker', async ({ page }) => {
  test.setTimeout(60_000); // about 15 s here: two analyses of 5,000 pods and one drawing, on a shared machine
  const canvas = new CanvasPage(page);
  const dialog = new ImportPage(page);
  const yaml = new YamlPage(page);
  const progress = new AnalysisProgressPage(page);
  await canvas.open();
  await dialog.loadFile('teams.yaml', CLUSTER);

  // Type: the text shows while the import's analysis is still running.
  await yaml.content.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.insertText(`${TYPED}\n`);
  let seen: Snapshot | undefined;
  await expect.poll(async () => (seen = await snapshot(page)).firstLine).toBe(TYPED);
  expect(seen).toMatchObject({ analysing: true, drawn: false });

  // Pan: the viewport moves while the analysis of the text as typed runs, its progress shown.
  await expect(progress.root).toBeVisible();
  await expect(progress.cancel).toBeVisible();
  await saveShot(page, 'responsive-import-typed');
  const before = (await snapshot(page)).viewport;
  await canvas.pan();
  await expect.poll(async () => (seen = await snapshot(page)).viewport).not.toBe(before);
  expect(seen!.analysing).toBe(true);

  // The analysis of the text as typed finishes and is drawn.
  await expect(canvas.node('ns:team-0')).toBeVisible({ timeout: 20_000 });
  await expect(progress.root).toBeHidden();
  await expect(canvas.node('default/frontend')).toHaveCount(0);
  const team0 = await page.evaluate(() => window.netpolCanvas?.getModel().namespaces.find((ns) => ns.name === 'team-0')?.source?.line);
  expect(team0).toBe(2); // below the typed line: the text as typed was analysed
  await saveShot(page, 'responsive-import-drawn');
});
