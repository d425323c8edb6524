/**
 * `npm run bench:ui`: how the editor copes with large clusters, in a real browser. Builds the app
 * into a temporary folder, serves it with `vite preview` on a free port, and drives Debian's
 * Chromium (the flags of playwright.config.ts) with Playwright's library API. For generated
 * clusters (bench/generate-cluster.ts) of 50, 500 and 2,000 workloads it measures:
 *
 * - drawn: from the paste to a drawn canvas. The cluster's YAML is pasted into the Import dialog
 *   as a browser paste event carrying the text (a paste this large is held aside by the dialog,
 *   as when a user presses Ctrl+V), then Load is clicked. "Drawn" is the first frame where the
 *   canvas says `data-layout="done"` (the layout of the current node set is placed and React Flow
 *   holds those nodes) and a node of the new cluster is in the DOM and measured.
 * - longest task: the longest main-thread task in that time (PerformanceObserver 'longtask',
 *   installed before the page loads; tasks under 50 ms are not reported by the browser).
 * - pan frames: requestAnimationFrame intervals while the pane is dragged by a scripted mouse
 *   (median and 95th percentile, in ms); zoom frames: the same while the wheel zooms in 12 steps
 *   and out again.
 *
 * Large clusters open with namespaces collapsed; "500-expanded" and "1000-expanded" also time
 * "Expand all" and pan the expanded drawing (about 530 and 1,060 nodes, all in view). Nothing here is asserted: `--json` prints one JSON document instead.
 * Targets: 500 workloads drawn in under 2 s with no task over 200 ms; 2,000 drawn in under 3 s.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { generateClusterYaml, type ClusterSize } from '../generate-cluster.ts';

const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

interface Scenario {
  readonly label: string;
  readonly size: ClusterSize;
  /** Expand every namespace after the first drawing, and time that too. */
  readonly expandAll?: boolean;
}

const SCENARIOS: readonly Scenario[] = [
  { label: '50', size: { workloads: 50, pods: 500, policies: 100, style: 'deployments' } },
  { label: '500', size: { workloads: 500, pods: 5_000, policies: 1_000, style: 'deployments' } },
  { label: '500-expanded', size: { workloads: 500, pods: 5_000, policies: 1_000, style: 'deployments' }, expandAll: true },
  { label: '1000-expanded', size: { workloads: 1_000, pods: 10_000, policies: 2_000, style: 'deployments' }, expandAll: true },
  { label: '2000', size: { workloads: 2_000, pods: 50_000, policies: 5_000, style: 'deployments' } },
];

interface Result {
  scenario: string;
  workloads: number;
  pods: number;
  policies: number;
  yamlMB: number;
  drawnMs: number;
  longestTaskMs: number;
  nodes: number;
  edges: number;
  collapsed: number;
  expandMs?: number;
  expandLongestTaskMs?: number;
  panFrameMedianMs: number;
  panFrameP95Ms: number;
  panFrames: number;
  zoomFrameMedianMs: number;
  zoomFrameP95Ms: number;
}

const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForServer(url: string, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the preview server did not answer at ${url}`);
}

/** Long tasks and a frame sampler, installed before any script of the page runs. */
function instrument(): void {
  const w = window as unknown as { __longTasks: { start: number; duration: number }[]; __frames?: number[] };
  w.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * Waits (in the page, frame by frame) until the canvas is drawn with a node matching `selector`
 * in the DOM and measured (React Flow hides nodes until then); returns the time since `since`.
 */
async function whenDrawn(page: Page, selector: string, since: number, timeoutMs = 180_000): Promise<number> {
  return page.evaluate(
    ({ selector, since, timeoutMs }) =>
      new Promise<number>((resolve, reject) => {
        const check = () => {
          const canvas = document.querySelector('[data-testid="canvas"]');
          const node = document.querySelector<HTMLElement>(selector);
          if (canvas?.getAttribute('data-layout') === 'done' && node && node.style.visibility !== 'hidden') {
            resolve(performance.now() - since);
          } else if (performance.now() - since > timeoutMs) reject(new Error(`not drawn after ${timeoutMs} ms: ${selector}`));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    { selector, since, timeoutMs },
  );
}

async function longestTask(page: Page, from: number, to: number): Promise<number> {
  return page.evaluate(
    ({ from, to }) => {
      const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks;
      return tasks.filter((t) => t.start + t.duration >= from && t.start <= to).reduce((max, t) => Math.max(max, t.duration), 0);
    },
    { from, to },
  );
}

/** requestAnimationFrame intervals (ms) in the page while `act` runs. */
async function framesDuring(page: Page, act: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __sampling: boolean };
    w.__frames = [];
    w.__sampling = true;
    let last = performance.now();
    const tick = (now: number) => {
      w.__frames.push(now - last);
      last = now;
      if (w.__sampling) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await act();
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __sampling: boolean };
    w.__sampling = false;
    return w.__frames.slice(1);
  });
}

/** Drags the empty pane in small steps, recording requestAnimationFrame intervals meanwhile. */
async function panFrames(page: Page): Promise<number[]> {
  const box = await page.getByTestId('canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  // A point of the pane itself (not a node, a panel or a control).
  const start = await page.evaluate((b) => {
    for (let fy = 0.5; fy < 0.95; fy += 0.05) {
      for (let fx = 0.3; fx < 0.95; fx += 0.05) {
        const x = b.x + b.width * fx;
        const y = b.y + b.height * fy;
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return { x: b.x + b.width * 0.6, y: b.y + b.height * 0.6 };
  }, box);
  return framesDuring(page, async () => {
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 1; i <= 60; i++) {
      await page.mouse.move(start.x - i * 4, start.y - i * 2);
    }
    await page.mouse.up();
  });
}

/** Zooms in and out again with the mouse wheel over the pane, recording requestAnimationFrame intervals. */
async function zoomFrames(page: Page): Promise<number[]> {
  const box = await page.getByTestId('canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.55);
  return framesDuring(page, async () => {
    for (const delta of [-120, 120]) {
      for (let i = 0; i < 12; i++) {
        await page.mouse.wheel(0, delta);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(undefined))));
      }
    }
  });
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]!;
}

async function pasteAndLoad(page: Page, yaml: string): Promise<number> {
  await page.getByTestId('import.open').click();
  await page.getByTestId('import.text').waitFor();
  // The clock starts at the paste; Load is clicked as soon as the dialog shows what was pasted.
  const since = await page.evaluate((text) => {
    const box = document.querySelector<HTMLTextAreaElement>('[data-testid="import.text"]')!;
    const t0 = performance.now();
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    if (box.dispatchEvent(event)) {
      // The dialog let the browser insert a short paste itself: do what the browser would.
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      setter.call(box, text);
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }
    return t0;
  }, yaml);
  await page.getByTestId('import.apply').click();
  return since;
}

async function runScenario(baseUrl: string, scenario: Scenario): Promise<Result> {
  const yaml = generateClusterYaml(scenario.size);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    // tsx keeps function names with a `__name` helper that the page lacks; functions sent to the page need it.
    await page.addInitScript('globalThis.__name = (f) => f;');
    await page.addInitScript(instrument);
    await page.goto(`${baseUrl}/?gallery=0`);
    await page.locator('[data-testid="canvas"][data-layout="done"] .react-flow__node').first().waitFor({ timeout: 60_000 });
    const since = await pasteAndLoad(page, yaml);
    const drawnMs = await whenDrawn(page, '.react-flow__node[data-id="ns:team-0"]', since);
    const longestTaskMs = await longestTask(page, since, since + drawnMs);
    const counts = await page.evaluate(() => ({
      nodes: document.querySelectorAll('.react-flow__node').length,
      edges: document.querySelectorAll('.react-flow__edge').length,
      collapsed: Number(document.querySelector('[data-testid="canvas"]')?.getAttribute('data-collapsed') ?? 0),
    }));
    let expandMs: number | undefined;
    let expandLongestTaskMs: number | undefined;
    if (scenario.expandAll) {
      const t0 = await page.evaluate(() => performance.now());
      await page.getByTestId('canvas.expand-all').click();
      await page.locator('[data-testid="canvas"][data-collapsed="0"]').waitFor({ timeout: 180_000 });
      expandMs = await whenDrawn(page, '.react-flow__node-workload', t0);
      expandLongestTaskMs = await longestTask(page, t0, t0 + expandMs);
      Object.assign(counts, await page.evaluate(() => ({
        nodes: document.querySelectorAll('.react-flow__node').length,
        edges: document.querySelectorAll('.react-flow__edge').length,
        collapsed: 0,
      })));
    }
    const frames = await panFrames(page);
    const zooms = await zoomFrames(page);
    return {
      scenario: scenario.label,
      workloads: scenario.size.workloads,
      pods: scenario.size.pods,
      policies: scenario.size.policies,
      yamlMB: round(yaml.length / 1e6, 2),
      drawnMs: round(drawnMs),
      longestTaskMs: round(longestTaskMs),
      ...counts,
      ...(expandMs !== undefined ? { expandMs: round(expandMs), expandLongestTaskMs: round(expandLongestTaskMs ?? 0) } : {}),
      panFrameMedianMs: round(percentile(frames, 0.5), 1),
      panFrameP95Ms: round(percentile(frames, 0.95), 1),
      panFrames: frames.length,
      zoomFrameMedianMs: round(percentile(zooms, 0.5), 1),
      zoomFrameP95Ms: round(percentile(zooms, 0.95), 1),
    };
  } finally {
    await browser.close();
  }
}

function printTable(results: readonly Result[]): void {
  const rows = results.map((r) => [
    r.scenario,
    r.pods.toLocaleString('en-US'),
    r.policies.toLocaleString('en-US'),
    `${r.yamlMB} MB`,
    `${r.drawnMs} ms`,
    `${r.longestTaskMs} ms`,
    r.expandMs !== undefined ? `${r.expandMs} ms (task ${r.expandLongestTaskMs} ms)` : '',
    `${r.nodes} / ${r.edges}`,
    String(r.collapsed),
    `${r.panFrameMedianMs} / ${r.panFrameP95Ms} ms`,
    `${r.zoomFrameMedianMs} / ${r.zoomFrameP95Ms} ms`,
  ]);
  const head = ['workloads', 'pods', 'policies', 'YAML', 'paste → drawn', 'longest task', 'expand all → drawn', 'DOM nodes / edges', 'collapsed', 'pan frame median / p95', 'zoom frame median / p95'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log('\nTargets: 500 workloads drawn < 2000 ms with no task > 200 ms; 2,000 workloads drawn (collapsed) < 3000 ms.');
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  // `--only=500,2000`: some scenarios only.
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const outDir = mkdtempSync(join(tmpdir(), 'netpol-bench-ui-'));
  let server: ChildProcess | undefined;
  try {
    if (!json) console.log('Building the app…');
    execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'], { stdio: ['ignore', 'ignore', 'inherit'] });
    const port = await freePort();
    server = spawn('npx', ['vite', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
      stdio: 'ignore',
      detached: true,
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitForServer(baseUrl);
    const results: Result[] = [];
    for (const scenario of SCENARIOS) {
      if (only && !only.split(',').includes(scenario.label)) continue;
      if (!json) console.log(`Measuring ${scenario.label}…`);
      try {
        const result = await runScenario(baseUrl, scenario);
        results.push(result);
        if (!json) console.log(`  ${JSON.stringify(result)}`);
      } catch (error) {
        console.error(`  ${scenario.label}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
    }
    if (json) console.log(JSON.stringify({ machine: { cpus: (await import('node:os')).cpus().length }, results }, null, 2));
    else printTable(results);
  } finally {
    if (server?.pid) {
      try {
        process.kill(-server.pid);
      } catch {
        // already gone
      }
    }
    rmSync(outDir, { recursive: true, force: true });
  }
}

await main();
