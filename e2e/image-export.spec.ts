import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { CanvasPage } from './pages/canvas-page.ts';
import { saveShot } from './pages/shots.ts';
import { ImageExportPage, pngSize } from './pages/share-page.ts';

/** For a person to look at (SHOTS set): the exported files themselves. */
function keep(name: string, bytes: Buffer): void {
  const dir = process.env['SHOTS'];
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/${name}`, bytes);
}

const WORKLOADS = ['frontend', 'backend', 'database', 'api', 'db'];

test('the canvas downloads as PNG and SVG, whole or as on screen, without leaving the page’s origin', async ({ page, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('data:') && new URL(url).origin !== origin) foreign.push(url);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content[- ]Security[- ]Policy/i.test(message.text())) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });

  const canvas = new CanvasPage(page);
  const images = new ImageExportPage(page);
  await canvas.open();
  await images.open();
  await saveShot(page, 'image-export-dialog');

  // The whole graph, as PNG: named after the title, at least projector size, at pixel ratio 2.
  const png = await images.download('png');
  expect(png.name).toMatch(/^[\p{L}\p{N}-]+\.png$/u);
  const size = pngSize(png.bytes);
  expect(size.width).toBeGreaterThan(400 * 2);
  expect(size.height).toBeGreaterThan(300 * 2);
  expect(png.bytes.length).toBeGreaterThan(20_000);
  await expect(images.status).toHaveText(`Downloaded ${png.name}.`);
  keep('graph.png', png.bytes);

  // As SVG: the workload names are text in it, and the flows are drawn with their arrow heads.
  const svg = await images.download('svg');
  expect(svg.name).toBe(png.name.replace(/\.png$/, '.svg'));
  const text = svg.bytes.toString('utf8');
  expect(text.startsWith('<svg')).toBe(true);
  // Buttons (the namespace's collapse button) mean nothing in a picture.
  expect(text).not.toContain('ns.collapse.default');
  for (const name of WORKLOADS) expect(text).toContain(`>${name}<`);
  expect(text).toContain('react-flow__edge-path');
  expect(text).toContain('<marker');
  keep('graph.svg', svg.bytes);

  // What is on screen: the size of the canvas pane.
  await images.choose('screen');
  const screen = await images.download('png');
  const pane = await canvas.canvas.locator('.react-flow').boundingBox();
  const shot = pngSize(screen.bytes);
  expect(Math.abs(shot.width - Math.round((pane?.width ?? 0) * 2))).toBeLessThanOrEqual(2);
  keep('screen.png', screen.bytes);

  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])).toEqual([]);
});
