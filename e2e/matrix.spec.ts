import { expect, test } from '@playwright/test';
import { saveShot } from './pages/shots.ts';
import { SidePanelPage } from './pages/side-panel-page.ts';

test.describe('matrix', () => {
  test('a cell opens the same explanation as the edge: api → backend', async ({ page }) => {
    const side = new SidePanelPage(page);
    await side.open();
    await page.setViewportSize({ width: 1280, height: 720 });
    await side.openTab('matrix');

    await expect(side.matrix).toHaveAttribute('data-granularity', 'workload');
    await expect(side.matrix.getByTestId('matrix.table')).toHaveAttribute('data-port-class', 'TCP 3306');
    await expect(side.matrix.getByTestId('matrix.summary')).toContainText('2 half-open');
    await saveShot(page, 'panels-matrix');

    const cell = side.cell('default/api', 'default/backend');
    await expect(cell).toHaveAttribute('data-verdict', 'allowed');
    await expect(cell).toHaveAttribute('aria-label', 'default/api → default/backend on TCP 3306: allowed');
    await cell.click();

    await expect(side.tab('inspector')).toHaveAttribute('aria-selected', 'true');
    await expect(side.title).toHaveText('default/api → default/backend');
    await expect(side.inspector.getByTestId('inspector.allowed-ports')).toContainText('all ports');
    const group = side.flowGroups().first();
    await expect(side.flowGroups()).toHaveCount(1);
    await expect(group).toHaveAttribute('data-status', 'allowed');
    await expect(side.side(group, 'egress')).toContainText('No NetworkPolicy selects default/api for egress');
    await expect(side.side(group, 'ingress')).toContainText('Allowed by default/allow-ingress-egress');
    await expect(side.side(group, 'ingress').getByTestId('inspector.rule-link')).toHaveText('ingress rule #1');

    // Back in the matrix, the chosen flow is marked.
    await side.openTab('matrix');
    await expect(side.cell('default/api', 'default/backend')).toHaveClass(/mx-selected/);
  });

  test('switches port class and granularity, and folds the outside addresses', async ({ page }) => {
    const side = new SidePanelPage(page);
    await side.open();
    await side.openTab('matrix');

    await side.choosePortClass('TCP 5432');
    await expect(side.cell('default/backend', 'default/db')).toHaveAttribute('data-verdict', 'allowed');
    await side.choosePortClass('any other port');
    await expect(side.cell('default/backend', 'default/db')).toHaveAttribute('data-verdict', 'denied');

    await page.getByTestId('matrix.granularity-pod').click();
    await expect(side.matrix).toHaveAttribute('data-granularity', 'pod');
    await expect(side.cell('default/api', 'default/api')).toHaveText('·');

    const toggle = page.getByTestId('matrix.external-toggle');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(side.cell('default/backend', 'ext:8.8.8.8/32')).toHaveAttribute('data-verdict', 'allowed');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(side.cell('default/backend', 'ext:8.8.8.8/32')).toHaveCount(0);
    await toggle.click();

    // An outside cell explains the flow with one address of the set, and says which.
    await side.cell('default/frontend', 'ext:0.0.0.0/0,except:8.8.8.8/32').click();
    await expect(side.title).toHaveText('default/frontend → 0.0.0.0/0 except 8.8.8.8/32');
    await expect(side.inspector.getByTestId('inspector.address-note')).toContainText('asked as 0.0.0.1');
    await expect(side.flowGroups().first()).toHaveAttribute('data-status', 'denied');
    await expect(side.side(side.flowGroups().first(), 'ingress')).toContainText('outside the cluster');
  });
});
