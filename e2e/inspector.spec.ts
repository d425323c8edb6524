import { expect, test, type Page } from '@playwright/test';
import { saveShot } from './pages/shots.ts';
import { SidePanelPage } from './pages/side-panel-page.ts';

const FLOW = { source: 'default/backend', target: 'default/frontend' };

/**
 * Selects backend → frontend on the canvas when its edge is there (another panel's work), else
 * through the matrix. Either way the inspector must show the same explanation.
 */
async function selectHalfOpenFlow(page: Page, side: SidePanelPage): Promise<'canvas' | 'matrix'> {
  const edge = page.locator(`[data-testid="rf__edge-${FLOW.source}->${FLOW.target}"]`);
  const onCanvas = await edge.waitFor({ state: 'attached', timeout: 5_000 }).then(
    () => true,
    () => false,
  );
  if (onCanvas) {
    // The edge's label lies over its middle; the click goes to the edge itself.
    await edge.dispatchEvent('click');
  } else {
    await side.openTab('matrix');
    await side.cell(FLOW.source, FLOW.target).click();
  }
  await expect(side.tab('inspector')).toHaveAttribute('aria-selected', 'true');
  return onCanvas ? 'canvas' : 'matrix';
}

test.describe('inspector', () => {
  test('explains the half-open backend → frontend flow and shows the deciding policy in the YAML', async ({ page }) => {
    const side = new SidePanelPage(page);
    await side.open();
    await page.setViewportSize({ width: 1280, height: 720 });
    await selectHalfOpenFlow(page, side);

    await expect(side.inspector).toHaveAttribute('data-selection', 'flow');
    await expect(side.title).toHaveText('default/backend → default/frontend');
    await expect(side.inspector.getByTestId('inspector.allowed-ports')).toContainText('nothing');

    // One group for every port: denied, half-open, frontend's ingress admits, backend's egress refuses.
    const groups = side.flowGroups();
    await expect(groups).toHaveCount(1);
    const group = groups.first();
    await expect(group).toHaveAttribute('data-status', 'half-open');
    await expect(group).toHaveAttribute('data-ports', 'every port');
    await expect(group.getByTestId('inspector.half-open')).toHaveText(
      "Half-open: default/frontend's ingress allows it; default/backend's egress denies it.",
    );
    const egress = side.side(group, 'egress');
    await expect(egress).toHaveAttribute('data-allowed', 'false');
    await expect(egress).toContainText('✗ denies');
    const miss = egress
      .locator('li[data-reason="peer"]')
      .filter({ has: page.locator('[data-testid="inspector.policy-link"][data-policy="default/allow-ingress-egress"]') });
    await expect(miss).toContainText('no egress rule goes to default/frontend');
    await expect(miss).toContainText('To pods app=db in this namespace (default); on TCP 5432.');
    const ingress = side.side(group, 'ingress');
    await expect(ingress).toHaveAttribute('data-allowed', 'true');
    await expect(ingress.locator('li[data-reason="allowed-by"]')).toContainText('Allowed by default/allow-frontend-ingress');
    await expect(ingress.getByTestId('inspector.rule-link')).toHaveText('ingress rule #1');

    // The core's own sentences are there too.
    await group.locator('details.insp-as-text summary').click();
    await expect(group.getByTestId('inspector.flow-text')).toContainText(
      'default/allow-ingress-egress: no egress rule allows the destination default/frontend.',
    );
    await saveShot(page, 'panels-inspector-flow');

    // The policy link moves the YAML cursor to the policy; the inspector stays on the flow.
    const editor = page.getByTestId('yaml.editor');
    await side.policyLink(egress, 'default/allow-ingress-egress').first().click();
    await expect(editor).toHaveAttribute('data-file', 'seed-all/policies.yaml');
    const policyLine = await page.evaluate(() => {
      const text = window.netpolCanvas!.getModel().policies.find((p) => p.name === 'allow-ingress-egress')!.source!;
      return text.line;
    });
    await expect(editor).toHaveAttribute('data-cursor-line', String(policyLine));
    await expect(editor.locator('.cm-activeLine')).toHaveText('apiVersion: networking.k8s.io/v1');
    await expect(side.inspector).toHaveAttribute('data-selection', 'flow');

    // A rule link moves it to the rule.
    await ingress.getByTestId('inspector.rule-link').click();
    await expect(editor.locator('.cm-activeLine')).toHaveText('  - from:');
    const ruleLine = Number(await editor.getAttribute('data-cursor-line'));
    expect(ruleLine).toBeGreaterThan(0);
    expect(ruleLine).toBeLessThan(policyLine);

    // "Select" shows the policy itself: what it selects, its rules in words, the flows it admits.
    await side.inspector.locator('[data-testid="inspector.policy-select"][data-policy="default/allow-ingress-egress"]').first().click();
    await expect(side.inspector).toHaveAttribute('data-selection', 'policy');
    await expect(side.title).toHaveText('default/allow-ingress-egress');
    await expect(side.inspector.getByTestId('inspector.rules-egress')).toContainText('To pods app=db in this namespace (default); on TCP 5432.');
    await expect(side.inspector.getByTestId('inspector.rules-ingress')).toContainText('From pods app=api in this namespace (default)');
    await expect(side.inspector.getByTestId('inspector.selected-pods')).toHaveText('backend');
    await expect(side.inspector.getByTestId('inspector.policy-flows')).toContainText('api → backend');
    await expect(side.inspector.getByTestId('inspector.policy-flows')).toContainText('backend → db');
    await saveShot(page, 'panels-inspector-policy');
  });

  test('shows a workload, its selecting policies and its peers; with nothing selected, an overview', async ({ page }) => {
    const side = new SidePanelPage(page);
    await side.open();
    await page.setViewportSize({ width: 1280, height: 720 });

    await expect(side.inspector).toHaveAttribute('data-selection', 'none');
    await expect(side.inspector.getByTestId('inspector.count-allowed')).toContainText('6');
    await expect(side.inspector.getByTestId('inspector.count-half-open')).toContainText('2');
    await expect(side.inspector.getByTestId('inspector.policy-item')).toHaveCount(5);
    await saveShot(page, 'panels-inspector-overview');

    // From the overview to a policy, then to the workload it selects.
    await side.inspector.locator('[data-testid="inspector.policy-item"][data-policy="default/deny-all-ingress"]').click();
    await expect(side.title).toHaveText('default/deny-all-ingress');
    await expect(side.inspector.getByTestId('inspector.rules-ingress')).toContainText('No ingress rules');
    await side.inspector.getByTestId('inspector.selected-pods').getByTestId('inspector.node-link').click();

    await expect(side.inspector).toHaveAttribute('data-selection', 'node');
    await expect(side.title).toHaveText('database');
    await expect(side.inspector.getByTestId('inspector.labels')).toHaveText('app=database');
    const selecting = side.inspector.getByTestId('inspector.selecting');
    await expect(selecting.locator('[data-direction="ingress"]')).toContainText('default/deny-all-ingress');
    await expect(selecting.locator('[data-direction="egress"]')).toContainText('default allow');
    const peers = side.inspector.getByTestId('inspector.peers');
    await expect(peers).toContainText('Who may reach it (0)');
    await expect(side.inspector.getByTestId('inspector.denied-in')).toContainText('4 other workloads');
    // frontend's egress would let it in on TCP 3306; database's own ingress refuses.
    await expect(side.inspector.getByTestId('inspector.half-open-in')).toContainText('1 half-open towards it');
    await expect(peers).toContainText('Whom it may reach');
    await saveShot(page, 'panels-inspector-node');

    // A peer opens that flow.
    await peers.locator('[data-testid="inspector.flow-link"][data-to="default/api"]').click();
    await expect(side.title).toHaveText('default/database → default/api');
    await expect(side.flowGroups().first()).toHaveAttribute('data-status', 'allowed');
  });
});
