import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { CanvasPage } from './pages/canvas-page.ts';
import { DrawPage } from './pages/draw-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { ShellPage } from './pages/shell-page.ts';
import { SidePanelPage } from './pages/side-panel-page.ts';

/**
 * Nothing leaves the browser: through a whole journey (the demo, an import, a selected flow, the
 * matrix, the probe, the generator, drawing, export) the page asks only its own origin for
 * anything, and the built app's Content-Security-Policy is never violated (React Flow's and
 * CodeMirror's inline styles, the lazily loaded elkjs chunk and the export download all fit it).
 */

const read = (relative: string) => readFileSync(new URL(relative, import.meta.url), 'utf8');
const seedPaste = `${read('../examples/seed-all/cluster.yaml').trimEnd()}\n---\n${read('../examples/seed-all/policies.yaml')}`;

interface Watch {
  readonly foreign: string[];
  readonly requests: string[];
  readonly cspMessages: string[];
  readonly errors: string[];
  violations(): Promise<string[]>;
}

/** Records every request, CSP console message and page error, and CSP violation events. */
async function watch(page: Page, origin: string): Promise<Watch> {
  const foreign: string[] = [];
  const requests: string[] = [];
  const cspMessages: string[] = [];
  const errors: string[] = [];
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('request', (request) => {
    const url = request.url();
    requests.push(url);
    if (url.startsWith('data:')) return;
    // blob: URLs carry the origin that made them (`blob:http://127.0.0.1:4320/<uuid>`).
    if (new URL(url).origin !== origin) foreign.push(url);
  });
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) cspMessages.push(message.text());
    else if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    foreign,
    requests,
    cspMessages,
    errors,
    violations: () => page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []),
  };
}

function originOf(baseURL: string | undefined): string {
  if (!baseURL) throw new Error('no baseURL');
  return new URL(baseURL).origin;
}

test('the whole journey asks only the page’s own origin, within the Content-Security-Policy', async ({ page, baseURL }) => {
  const origin = originOf(baseURL);
  const seen = await watch(page, origin);
  const canvas = new CanvasPage(page);
  const shell = new ShellPage(page);
  const importer = new ImportPage(page);
  const side = new SidePanelPage(page);
  const draw = new DrawPage(page);

  // The demo, laid out by elkjs (a lazily loaded chunk, fetched from our origin).
  await canvas.open();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain("style-src 'self' 'unsafe-inline'");
  await expect(page.locator('.cm-content')).toBeVisible();

  // Import by paste.
  await importer.pasteAndLoad(seedPaste);
  await expect(page.getByTestId('scenario.title')).toHaveText('Imported manifests');
  await expect(canvas.node('default/frontend')).toBeVisible();

  // A flow, then every tab of the side panel.
  const label = page.locator('[data-testid^="flow-label."]').first();
  await label.click();
  await expect(side.tab('inspector')).toHaveAttribute('aria-selected', 'true');
  await expect(side.inspector.getByTestId('inspector.title')).toBeVisible();
  await side.openTab('matrix');
  await expect(side.cells().first()).toBeVisible();
  await side.openTab('probe');
  await side.setProbeEnd('from', 'default/backend');
  await side.setProbeEnd('to', 'default/frontend');
  await side.runProbe('80');
  await expect(side.probeResult).toHaveAttribute('data-verdict', /.+/);
  await page.getByTestId('tab.generate').click();
  await expect(page.getByTestId('tab.generate')).toHaveAttribute('aria-selected', 'true');

  // Drawing: a new workload on the canvas.
  await draw.addWorkload({ namespace: 'default', name: 'cache', labels: 'app=cache', ports: '6379' });

  // Export: the dialog and its download (a blob: URL of our own origin).
  await shell.openExport();
  const download = page.waitForEvent('download');
  await shell.exportDialog.getByTestId('export.download').click();
  expect((await download).suggestedFilename()).toMatch(/\.ya?ml$/);

  expect(seen.requests.some((url) => /\/assets\/index-[^/]*\.js$/.test(url))).toBe(true);
  expect(seen.requests.some((url) => /\/assets\/elk[^/]*\.js$/.test(url))).toBe(true);
  expect(seen.foreign).toEqual([]);
  expect(seen.cspMessages).toEqual([]);
  expect(await seen.violations()).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test('the policy is in force: an injected inline script does not run, and is reported', async ({ page, baseURL }) => {
  const seen = await watch(page, originOf(baseURL));
  await new ShellPage(page).open();
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.head.append(script);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => seen.violations()).toEqual([expect.stringMatching(/^script-src/)]);
  expect(seen.foreign).toEqual([]);
});
