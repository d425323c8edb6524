import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { generateClusterYaml } from '../bench/generate-cluster.ts';
import { CanvasPage } from './pages/canvas-page.ts';
import { ImportPage } from './pages/import-page.ts';
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

test('an image of a drawing with painted flows has every flow in it, not only those on screen', async ({ page }) => {
  // Two images of a drawing of 3,000 flows and 100 workloads: seconds each in a browser without a GPU.
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1600, height: 900 });
  const canvas = new CanvasPage(page);
  const images = new ImageExportPage(page);
  await canvas.open();
  await new ImportPage(page).loadFile('cluster.yaml', generateClusterYaml({ workloads: 100, pods: 300, policies: 60, style: 'deployments' }));
  await page.getByTestId('canvas.expand-all').click();
  // Over 3,000 default-allow flows: drawn, they are painted on the flow layer.
  await page.getByTestId('canvas.open-flows').getByRole('button', { name: 'Draw them' }).click();
  const layer = page.getByTestId('canvas.flow-layer');
  await expect.poll(async () => Number(await layer.getAttribute('data-flows'))).toBeGreaterThan(3_000);
  await expect(layer).toHaveAttribute('data-state', 'ready');
  // Zoom in on a corner: most flows are now off screen.
  for (let i = 0; i < 4; i++) await canvas.canvas.locator('.react-flow__controls-zoomin').click();

  await images.open();
  const svg = (await images.download('svg')).bytes.toString('utf8');
  // The flows come as one painted image; the live layer (the screen only) is left out.
  expect(svg).toMatch(/<img[^>]+src="data:image\/png;base64,/);
  // Every workload is in the picture with its name, also those outside the view (which the
  // canvas does not render while they are off screen).
  for (let i = 0; i < 100; i++) expect(svg).toContain(`>app-${i}<`);
  const png = await images.download('png');
  keep('painted-graph.png', png.bytes);
  // Green flows across the whole picture: count green pixels in each quarter of it.
  const quarters = await page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const c = document.createElement('canvas');
    [c.width, c.height] = [image.width, image.height];
    const ctx = c.getContext('2d')!;
    ctx.drawImage(image, 0, 0);
    const counts = [0, 0, 0, 0];
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      if (g > r + 30 && g > b + 15) {
        const p = i / 4;
        const quarter = (p % c.width < c.width / 2 ? 0 : 1) + (Math.floor(p / c.width) < c.height / 2 ? 0 : 2);
        counts[quarter]!++;
      }
    }
    return counts;
  }, png.bytes.toString('base64'));
  for (const count of quarters) expect(count).toBeGreaterThan(500);
});
