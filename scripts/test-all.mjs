#!/usr/bin/env node
/**
 * `npm test`: everything CI checks, in one command.
 *   1. makes sure Debian's Chromium is installed (apt-get, when running as root);
 *   2. type-checks every tsconfig (`npm run typecheck`);
 *   3. runs the unit/property tests (vitest) and 4. the browser journeys (Playwright),
 *      each with a JSON report under reports/;
 *   5. prints a per-suite summary whose LAST line is exactly `N passed, M failed`
 *      (optionally followed by `, K skipped`), and exits non-zero when anything failed.
 * N and M count tests across vitest and Playwright. A failed type check, or a runner that
 * crashed without reporting its tests, counts as one failure so it can never read as green.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reportsDir = path.join(root, 'reports');
const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const chromiumPath = process.env.CHROMIUM_PATH ?? DEBIAN_CHROMIUM;
const isWindows = process.platform === 'win32';

/** Runs a command with the terminal as its output and no stdin; resolves with its exit code. */
function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...env },
      shell: isWindows,
    });
    child.on('error', (error) => {
      console.error(`[test-all] could not start ${command}: ${error.message}`);
      resolve(127);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

function banner(title) {
  console.log(`\n━━ ${title} ${'━'.repeat(Math.max(0, 70 - title.length))}`);
}

function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)}s`;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

async function ensureChromium() {
  if (existsSync(chromiumPath)) return { ok: true, note: `found ${chromiumPath}` };
  if (chromiumPath !== DEBIAN_CHROMIUM) return { ok: false, note: `CHROMIUM_PATH=${chromiumPath} does not exist` };
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    return { ok: false, note: `${chromiumPath} is missing; install it with: apt-get install -y chromium (as root)` };
  }
  banner('installing Chromium (apt-get)');
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  const updated = await run('apt-get', ['update'], env);
  const installed = updated === 0 ? await run('apt-get', ['install', '-y', 'chromium'], env) : updated;
  if (installed !== 0 || !existsSync(chromiumPath)) {
    return { ok: false, note: `apt-get could not install chromium (exit ${installed})` };
  }
  return { ok: true, note: `installed ${chromiumPath}` };
}

/** Test counts from vitest's JSON report (jest-compatible). */
function countVitest(report, exitCode) {
  if (!report) return { passed: 0, failed: 1, skipped: 0, note: `no JSON report (exit ${exitCode})` };
  const passed = report.numPassedTests ?? 0;
  let failed = report.numFailedTests ?? 0;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A test file that failed to load reports no failed test of its own: count the file.
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed'),
  );
  failed += brokenFiles.length;
  const notes = brokenFiles.map((f) => `could not run ${path.relative(root, f.name)}`);
  if (exitCode !== 0 && failed === 0) {
    failed = 1;
    notes.push(`vitest exited with ${exitCode}`);
  }
  return { passed, failed, skipped, note: notes.join('; ') };
}

/** Test counts from Playwright's JSON report. With no retries, a flaky test counts as failed. */
function countPlaywright(report, exitCode) {
  if (!report?.stats) return { passed: 0, failed: 1, skipped: 0, note: `no JSON report (exit ${exitCode})` };
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
  const errors = report.errors ?? [];
  let failed = unexpected + flaky + errors.length;
  const notes = errors.map((e) => (e.message ?? String(e)).split('\n')[0]);
  if (exitCode !== 0 && failed === 0) {
    failed = 1;
    notes.push(`playwright exited with ${exitCode}`);
  }
  return { passed: expected, failed, skipped, note: notes.join('; ') };
}

async function main() {
  const started = Date.now();
  rmSync(reportsDir, { recursive: true, force: true });
  mkdirSync(reportsDir, { recursive: true });
  const rows = [];

  const chromium = await ensureChromium();

  banner('typecheck');
  let since = Date.now();
  const typecheckCode = await run('npm', ['run', '--silent', 'typecheck']);
  rows.push({
    suite: 'typecheck',
    check: true,
    passed: 0,
    failed: typecheckCode === 0 ? 0 : 1,
    skipped: 0,
    time: seconds(since),
    note: typecheckCode === 0 ? 'ok' : `tsc exited with ${typecheckCode} (counted as 1 failed)`,
  });

  banner('vitest (unit and property tests)');
  since = Date.now();
  const vitestJson = path.join(reportsDir, 'vitest.json');
  const vitestCode = await run('npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestJson}`,
  ]);
  rows.push({ suite: 'vitest', ...countVitest(readJson(vitestJson), vitestCode), time: seconds(since) });

  banner('playwright (browser journeys)');
  since = Date.now();
  if (!chromium.ok) {
    rows.push({ suite: 'playwright', passed: 0, failed: 1, skipped: 0, time: '0.0s', note: chromium.note });
  } else {
    const playwrightJson = path.join(reportsDir, 'playwright.json');
    const playwrightCode = await run('npx', ['playwright', 'test'], {
      PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightJson,
    });
    rows.push({ suite: 'playwright', ...countPlaywright(readJson(playwrightJson), playwrightCode), time: seconds(since) });
  }

  banner(`summary (${seconds(started)})`);
  for (const row of rows) {
    const counts = row.check
      ? row.failed === 0
        ? 'passed'
        : 'FAILED'
      : `${row.passed} passed, ${row.failed} failed${row.skipped ? `, ${row.skipped} skipped` : ''}`;
    const note = row.note && row.note !== 'ok' ? `  - ${row.note}` : '';
    console.log(`${row.suite.padEnd(11)} ${counts.padEnd(34)} ${row.time.padStart(7)}${note}`);
  }
  const passed = rows.reduce((n, r) => n + r.passed, 0);
  const failed = rows.reduce((n, r) => n + r.failed, 0);
  const skipped = rows.reduce((n, r) => n + r.skipped, 0);
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
