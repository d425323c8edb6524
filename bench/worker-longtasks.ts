/// <reference lib="dom" />
/**
 * How long the page's main thread is busy while a 5,000-pod cluster (500 workloads, 1,000
 * policies, 2.8 MB) is pasted into the Import dialog and analysed in the worker: every long
 * task (over 50 ms, PerformanceObserver "longtask") from clicking Load until the analysis is on
 * screen, and until the canvas has laid it out. Not a test: prints figures.
 *
 *   npx vite build && npx vite preview &      # serves dist/ at http://127.0.0.1:4173
 *   npx tsx bench/worker-longtasks.ts [url]   # Debian's Chromium, headless
 */
import { chromium, type Page } from '@playwright/test';
import { generateClusterYaml, SIZES } from './generate-cluster.ts';

interface Task {
  readonly start: number;
  readonly duration: number;
}

const url = process.argv[2] ?? 'http://127.0.0.1:4173';
const LIMIT_MS = 180_000;

function state(page: Page) {
  return page.evaluate(() => ({
    now: performance.now(),
    progress: document.querySelector('[data-testid="analysis.progress.text"]')?.textContent ?? undefined,
    counts: document.querySelector('[data-testid="inspector.counts"]')?.textContent ?? '',
    layout: document.querySelector('[data-testid="canvas"]')?.getAttribute('data-layout') ?? '',
    teamNode: document.querySelector('[data-id^="ns:team-"]') !== null,
  }));
}

function summarize(label: string, tasks: readonly Task[]): string {
  const total = tasks.reduce((sum, t) => sum + t.duration, 0);
  const longest = tasks.reduce((max, t) => Math.max(max, t.duration), 0);
  return `${label}: ${tasks.length} long tasks, longest ${Math.round(longest)} ms, ${Math.round(total)} ms in all`;
}

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  await page.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    (window as unknown as { longTasks: typeof tasks }).longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${url}/?gallery=0`);
  await page.getByTestId('rf__node-default/frontend').waitFor();
  const yaml = generateClusterYaml(SIZES.find((s) => s.pods === 5_000)!);
  await page.getByTestId('import.open').click();
  await page.getByTestId('import.text').evaluate((box, value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, yaml);
  await page.getByTestId('import.held').waitFor();

  const start = (await state(page)).now;
  await page.getByTestId('import.apply').click();
  const phases: string[] = [];
  let analysed: number | undefined;
  let drawn: number | undefined;
  for (;;) {
    const s = await state(page);
    if (s.progress && phases.at(-1)?.split(': ')[1] !== s.progress) phases.push(`${Math.round(s.now - start)} ms: ${s.progress}`);
    if (analysed === undefined && !s.progress && s.counts.includes('500 workloads')) analysed = s.now;
    if (analysed !== undefined && s.teamNode && s.layout === 'done') {
      drawn = s.now;
      break;
    }
    if (s.now - start > LIMIT_MS) break;
    await page.waitForTimeout(50); // sampling interval of this script (not a test)
  }
  const tasks = await page.evaluate(() => (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks);
  const after = tasks.filter((t) => t.start >= start);
  const until = (end: number | undefined) => after.filter((t) => end === undefined || t.start < end);

  console.log(`5,000 pods, 500 workloads, 1,000 policies (${(yaml.length / 1e6).toFixed(1)} MB), Load clicked at 0 ms`);
  for (const p of phases) console.log(`  progress at ${p}`);
  console.log(`analysis on screen after ${analysed === undefined ? 'more than the limit' : `${Math.round(analysed - start)} ms`}`);
  console.log(summarize('  main thread until then', until(analysed)));
  console.log(`canvas laid out after ${drawn === undefined ? `more than ${LIMIT_MS / 1000} s` : `${Math.round(drawn - start)} ms`}`);
  console.log(summarize('  main thread until then', until(drawn)));
  console.log('  long tasks (ms after Load: duration):', after.map((t) => `${Math.round(t.start - start)}:${Math.round(t.duration)}`).join(' '));
  await browser.close();
}

await main();
