import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page.ts';
import { SidePanelPage } from './pages/side-panel-page.ts';

/*
 * The demo: all five seed policies together (examples/seed-all). Truth reasoned from
 * semantics.md: frontend is isolated both ways (in: from backend; out: database TCP 3306 only),
 * backend both ways (in: from api; out: db TCP 5432 and 8.8.8.8), database for ingress with no
 * rules; api and db are open. A connection needs the sender's egress AND the receiver's ingress.
 */
test.describe('demo matrix', () => {
  test('opens on the seed-all scenario; its matrix says each verdict with a symbol and in words', async ({ page }) => {
    const app = new AppPage(page);
    const side = new SidePanelPage(page);
    await app.open();
    await expect(page.getByTestId('scenario.title')).toHaveText('All five seed policies together');
    await side.openTab('matrix');

    expect(await side.portClassLabels()).toEqual(expect.arrayContaining(['TCP 3306', 'TCP 5432', 'any other port']));

    await side.choosePortClass('TCP 5432');
    // backend may open TCP 5432 to db (seed-5's egress rule); db is not isolated.
    await expect(side.cell('default/backend', 'default/db')).toHaveAttribute('data-verdict', 'allowed');
    await expect(side.cell('default/backend', 'default/db')).toHaveText('✓');
    await expect(side.cell('default/api', 'default/db')).toHaveAttribute('data-verdict', 'allowed');
    // frontend may only reach database, and only on TCP 3306.
    await expect(side.cell('default/frontend', 'default/db')).toHaveAttribute('data-verdict', 'denied');
    await expect(side.cell('default/frontend', 'default/db')).toHaveText('✗');

    await side.choosePortClass('TCP 3306');
    // Half-open: frontend's egress allows TCP 3306 to database, database's ingress refuses all.
    const halfOpen = side.cell('default/frontend', 'default/database');
    await expect(halfOpen).toHaveAttribute('data-verdict', 'half-open');
    await expect(halfOpen).toHaveText('◐');
    await expect(halfOpen).toHaveAttribute('aria-label', /denied \(half-open/);
    // seed-1 lets backend into frontend, but backend's egress only reaches db and 8.8.8.8.
    await expect(side.cell('default/backend', 'default/frontend')).toHaveAttribute('data-verdict', 'half-open');
    await expect(side.cell('default/frontend', 'default/backend')).toHaveAttribute('data-verdict', 'denied');
    // api may connect to backend on any port (seed-5's ingress rule).
    await expect(side.cell('default/api', 'default/backend')).toHaveAttribute('data-verdict', 'allowed');
    await expect(side.cell('default/database', 'default/api')).toHaveAttribute('data-verdict', 'allowed');
    // A single pod facing itself is outside policy.
    await expect(side.cell('default/database', 'default/database')).toHaveText('·');
    await expect(side.cell('default/database', 'default/database')).toHaveAttribute('aria-label', /itself/);
    // Outside addresses: backend may reach 8.8.8.8 and nothing else outside.
    await expect(side.cell('default/backend', 'ext:8.8.8.8/32')).toHaveAttribute('data-verdict', 'allowed');
    await expect(side.cell('default/backend', 'ext:0.0.0.0/0,except:8.8.8.8/32')).toHaveAttribute('data-verdict', 'denied');
    await expect(side.cell('ext:0.0.0.0/0', 'default/api')).toHaveAttribute('data-verdict', 'allowed');
  });

  test('every cell of every port class agrees with window.netpolCanvas', async ({ page }) => {
    const app = new AppPage(page);
    const side = new SidePanelPage(page);
    await app.open();
    await side.openTab('matrix');
    for (const label of await side.portClassLabels()) {
      await side.choosePortClass(label);
      const table = side.matrix.getByTestId('matrix.table');
      const protocol = (await table.getAttribute('data-protocol')) as 'TCP' | 'UDP' | 'SCTP';
      const port = Number(await table.getAttribute('data-probe-port'));
      const cells = await side.cells().evaluateAll((buttons) =>
        buttons.map((b) => ({
          from: b.getAttribute('data-from') ?? '',
          to: b.getAttribute('data-to') ?? '',
          verdict: b.getAttribute('data-verdict') ?? '',
          text: b.textContent ?? '',
        })),
      );
      expect(cells.length).toBeGreaterThanOrEqual(25);
      const mismatches = await page.evaluate(
        ({ all, protocol, port }) => {
          const api = window.netpolCanvas!;
          const asked = (end: string) => (end.startsWith('ext:') ? null : end);
          return all
            .filter((c) => asked(c.from) !== null && asked(c.to) !== null && c.from !== c.to)
            .filter((c) => api.verdict(c.from, c.to, port, protocol).allowed !== (c.verdict === 'allowed'))
            .map((c) => `${protocol} ${port} ${c.from} → ${c.to}`);
        },
        { all: cells, protocol, port },
      );
      expect(mismatches).toEqual([]);
      for (const cell of cells) {
        if (cell.from === cell.to) continue;
        expect(cell.text).toBe({ allowed: '✓', denied: '✗', 'half-open': '◐' }[cell.verdict]);
      }
    }
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
