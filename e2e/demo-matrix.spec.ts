import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page.ts';

/*
 * The demo: all five seed policies together (examples/seed-all). Truth reasoned from
 * semantics.md: frontend is isolated both ways (in: from backend; out: database TCP 3306 only),
 * backend both ways (in: from api; out: db TCP 5432 and 8.8.8.8), database for ingress with no
 * rules; api and db are open. A connection needs the sender's egress AND the receiver's ingress.
 */
test.describe('demo matrix', () => {
  test('opens on the seed-all scenario with its reachability matrix', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();

    await expect(app.title).toHaveText('All five seed policies together');
    await expect(app.summary).toContainText('A connection needs both');
    await expect(page.getByTestId('issues-empty')).toBeVisible();

    const labels = await app.portClassLabels();
    expect(labels).toEqual(expect.arrayContaining(['TCP 3306', 'TCP 5432']));

    // backend may open TCP 5432 to db (seed-5's egress rule); db is not isolated.
    await expect(app.cell('TCP 5432', 'default/backend', 'default/db')).toHaveText('✓ allowed');
    await expect(app.cell('TCP 5432', 'default/api', 'default/db')).toHaveText('✓ allowed');
    // frontend may only reach database on TCP 3306.
    await expect(app.cell('TCP 5432', 'default/frontend', 'default/db')).toHaveText('✗ denied');
    // Half-open: frontend's egress allows TCP 3306 to database, database's ingress refuses all.
    const halfOpen = app.cell('TCP 3306', 'default/frontend', 'default/database');
    await expect(halfOpen).toHaveText('✗ denied');
    await expect(halfOpen).toHaveAttribute('title', /default\/deny-all-ingress/);
    await expect(halfOpen).toHaveAttribute('title', /Half-open/);
    // seed-1 lets backend into frontend, but backend's egress only reaches db and 8.8.8.8.
    await expect(app.cell('TCP 3306', 'default/backend', 'default/frontend')).toHaveText('✗ denied');
    await expect(app.cell('TCP 3306', 'default/frontend', 'default/backend')).toHaveText('✗ denied');
    // api may connect to backend on any port (seed-5's ingress rule).
    await expect(app.cell('TCP 3306', 'default/api', 'default/backend')).toHaveText('✓ allowed');
    await expect(app.cell('TCP 3306', 'default/database', 'default/api')).toHaveText('✓ allowed');
    // A pod facing itself is outside policy.
    await expect(app.cell('TCP 3306', 'default/database', 'default/database')).toContainText('(self)');

    await expect(app.matrix.getByTestId('matrix-cell').first()).toHaveAttribute('title', /→/);

    mkdirSync('/tmp/shots', { recursive: true });
    await page.screenshot({ path: '/tmp/shots/demo-matrix.png', fullPage: true });
  });

  test('every cell says its verdict in words and agrees with window.netpolCanvas', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    const cells = await app.matrix.getByTestId('matrix-cell').evaluateAll((tds) =>
      tds.map((td) => ({
        text: td.textContent ?? '',
        from: td.getAttribute('data-from') ?? '',
        to: td.getAttribute('data-to') ?? '',
        allowed: td.getAttribute('data-allowed') === 'true',
        protocol: td.closest('table')?.getAttribute('data-protocol') ?? '',
        port: Number(td.closest('table')?.getAttribute('data-probe-port')),
      })),
    );
    expect(cells.length).toBeGreaterThanOrEqual(2 * 25);
    const mismatches = await page.evaluate((all) => {
      const api = window.netpolCanvas!;
      return all
        .filter((c) => api.verdict(c.from, c.to, c.port, c.protocol as 'TCP' | 'UDP' | 'SCTP').allowed !== c.allowed)
        .map((c) => `${c.protocol} ${c.port} ${c.from} → ${c.to}`);
    }, cells);
    expect(mismatches).toEqual([]);
    for (const cell of cells) expect(cell.text).toMatch(cell.allowed ? /^✓ allowed/ : /^✗ denied/);
  });

  test('window.netpolCanvas answers verdicts with their explanation', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();

    const halfOpen = await app.verdict('default/frontend', 'default/database', 3306, 'TCP');
    expect(halfOpen.allowed).toBe(false);
    expect(halfOpen.egress.allowed).toBe(true);
    expect(halfOpen.ingress.allowed).toBe(false);
    expect(halfOpen.explanation.join('\n')).toContain('default/deny-all-ingress');

    expect((await app.verdict('default/api', 'default/backend', 8080)).allowed).toBe(true);
    expect((await app.verdict('default/backend', 'default/db', 5432)).allowed).toBe(true);
    expect((await app.verdict('default/backend', '8.8.8.8', 53, 'UDP')).allowed).toBe(true);
    expect((await app.verdict('default/backend', '1.1.1.1', 53, 'UDP')).allowed).toBe(false);
    expect((await app.verdict('default/frontend', '8.8.8.8', 53, 'UDP')).allowed).toBe(false);

    const yaml = await app.yaml();
    expect(yaml).toContain('name: allow-ingress-egress');
    expect(yaml).toContain('kind: Pod');
    const podIds = await page.evaluate(() => window.netpolCanvas!.getModel().pods.map((p) => p.id));
    expect(podIds.sort()).toEqual(['default/api', 'default/backend', 'default/database', 'default/db', 'default/frontend']);
  });
});
