import { expect, test } from '@playwright/test';
import { DrawPage } from './pages/draw-page.ts';

/**
 * Drawing the cluster and its flows on the canvas; the generated YAML, evaluated, gives the
 * verdicts that were drawn. Every flow is drawn with real mouse drags.
 */

const SEED_WORKLOADS = [
  { name: 'frontend', kind: 'Pod', ports: 'http:80' },
  { name: 'backend', kind: 'Pod', ports: 'http:8080' },
  { name: 'database', kind: 'Pod', ports: 'mysql:3306' },
  { name: 'api', kind: 'Pod', ports: 'http:8000' },
  { name: 'db', kind: 'Pod', ports: 'postgres:5432' },
] as const;

async function drawSeedWorkloads(draw: DrawPage): Promise<void> {
  await draw.open();
  await draw.startEmpty();
  for (const w of SEED_WORKLOADS) await draw.addWorkload(w);
}

test('draws the seed scenario from an empty canvas and the generated YAML gives the drawn verdicts', async ({ page }) => {
  const draw = new DrawPage(page);
  await drawSeedWorkloads(draw);
  await draw.addExternal('8.8.8.8');
  await expect(draw.node('ext:8.8.8.8/32')).toBeVisible();
  await draw.shot('1-workloads');

  await draw.drawFlow('default/api', 'default/backend');
  await draw.shot('2-first-flow');
  await draw.drawFlow('default/backend', 'default/db');
  await draw.drawFlow('default/api', 'default/db', { protocol: 'TCP', named: 'postgres' });
  await draw.drawFlow('ext:8.8.8.8/32', 'default/api');
  await draw.drawFlow('default/database', 'default/api', { port: '8000', endPort: '8001' });
  await draw.drawFlow('default/backend', 'ext:8.8.8.8/32', 'all');
  await draw.shot('3-seed-flows');

  const yaml = await draw.yaml();
  expect(yaml).toContain('name: allow-backend-ingress');
  expect(yaml).toContain('name: allow-db-ingress');
  expect(yaml).toContain('cidr: 8.8.8.8/32');
  expect(yaml).toContain('app.kubernetes.io/managed-by: netpol-canvas');

  // The seed's examples, as drawn (ingress-only style: rules on each destination).
  expect(await draw.allowed('default/api', 'default/backend', 8080)).toBe(true);
  expect(await draw.allowed('default/backend', 'default/db', 5432)).toBe(true);
  expect(await draw.allowed('default/backend', 'default/db', 8080)).toBe(false);
  expect(await draw.allowed('default/api', 'default/db', 5432)).toBe(true);
  expect(await draw.allowed('default/frontend', 'default/backend', 8080)).toBe(false);
  expect(await draw.allowed('default/db', 'default/backend', 8080)).toBe(false);
  expect(await draw.allowed('default/database', 'default/api', 8000)).toBe(true);
  expect(await draw.allowed('8.8.8.8', 'default/api', 8000)).toBe(true);
  expect(await draw.allowed('1.1.1.1', 'default/api', 8000)).toBe(false);
  expect(await draw.allowed('default/frontend', 'default/api', 8000)).toBe(false);
  expect(await draw.allowed('default/backend', '8.8.8.8', 53, 'UDP')).toBe(true);

  // Every drawn flow is an edge `A->B`, marked as drawn.
  for (const id of ['default/api->default/backend', 'default/backend->default/db', 'ext:8.8.8.8/32->default/api']) {
    await expect(draw.edge(id)).toHaveAttribute('data-drawn', 'true');
  }
});

test('deleting drawn flows removes their generated rules and policies; drawn workloads are edited and deleted in place', async ({ page }) => {
  const draw = new DrawPage(page);
  await drawSeedWorkloads(draw);
  await draw.drawFlow('default/api', 'default/backend');
  await draw.drawFlow('default/frontend', 'default/db');
  await draw.drawFlow('default/backend', 'default/db');
  expect(await draw.allowed('default/frontend', 'default/db', 5432)).toBe(true);

  await draw.deleteFlow('default/frontend', 'default/db');
  await expect.poll(() => draw.allowed('default/frontend', 'default/db', 5432)).toBe(false);
  const yaml = await draw.yaml();
  expect(yaml).toContain('name: allow-db-ingress');
  expect(yaml).not.toMatch(/from frontend/);
  await draw.shot('4-deleted-one');

  await draw.deleteFlow('default/api', 'default/backend');
  await expect.poll(async () => (await draw.yaml()).includes('name: allow-backend-ingress')).toBe(false);
  // Nothing isolates backend any more: every pod may connect.
  expect(await draw.allowed('default/frontend', 'default/backend', 8080)).toBe(true);

  // A drawn workload: labels and ports edited in the inspector, checked as the user types.
  await draw.node('default/frontend').click({ position: { x: 30, y: 10 } });
  await page.getByTestId('workload.ports').fill('http:80, http:81');
  await expect(page.getByTestId('workload.error')).toContainText('used twice');
  await expect(page.getByTestId('workload.apply')).toBeDisabled();
  await page.getByTestId('workload.ports').fill('http:80, admin:9000');
  await page.getByTestId('workload.apply').click();
  await expect.poll(async () => (await draw.yaml()).includes('containerPort: 9000')).toBe(true);

  // Delete removes the selected drawn workload from cluster.yaml.
  await draw.node('default/frontend').click({ position: { x: 30, y: 10 } });
  await page.keyboard.press('Delete');
  await expect(draw.node('default/frontend')).toHaveCount(0);
  expect(await draw.yaml()).not.toContain('name: frontend');

  // Delete on a drawn namespace removes it, its drawn workloads and the policies of their flows.
  await draw.node('ns:default').click({ position: { x: 15, y: 70 } });
  await page.keyboard.press('Delete');
  await expect(draw.node('default/db')).toHaveCount(0);
  await expect(draw.node('ns:default')).toHaveCount(0);
  await expect.poll(async () => (await draw.yaml()).includes('allow-db-ingress')).toBe(false);
});

const HAND_WRITTEN = [
  '# Pasted by hand: keep this comment',
  'apiVersion: networking.k8s.io/v1',
  'kind: NetworkPolicy',
  'metadata:',
  '  name: api-from-frontend   # hand-written',
  '  namespace: default',
  'spec:',
  '  podSelector: {matchLabels: {app: api}}',
  '  ingress:',
  '  - from:',
  '    - podSelector: {matchLabels: {app: frontend}}',
  '    - podSelector: {matchLabels: {app: database}}',
  '---',
  'apiVersion: networking.k8s.io/v1',
  'kind: NetworkPolicy',
  'metadata: {name: db-no-egress, namespace: default}',
  'spec:',
  '  podSelector: {matchLabels: {app: db}}',
  '  policyTypes: [Egress]',
  '',
].join('\n');

test('a pasted policy keeps its text while flows are drawn; its rules are only edited on request', async ({ page }) => {
  const draw = new DrawPage(page);
  await drawSeedWorkloads(draw);
  await page.locator('[data-testid="yaml.tab"][data-file="untitled.yaml"]').click();
  await page.getByTestId('yaml.editor').locator('.cm-content').click();
  await page.keyboard.insertText(HAND_WRITTEN);
  await expect.poll(() => draw.allowed('default/backend', 'default/api', 8000)).toBe(false);
  expect(await draw.allowed('default/frontend', 'default/api', 8000)).toBe(true);

  // A new flow: the generated policy goes to policies.yaml; the pasted text stays byte for byte.
  await draw.drawFlow('default/backend', 'default/db');
  const handText = () => draw.yaml();
  expect(await handText()).toContain(HAND_WRITTEN);
  expect(await draw.allowed('default/backend', 'default/db', 5432)).toBe(true);

  // Drawn, but denied: the pasted policy isolates db's egress.
  await draw.drawFlow('default/db', 'default/backend');
  await expect(draw.edge('default/db->default/backend')).toHaveAttribute('data-drawn-denied', 'true');
  await expect(draw.edge('default/db->default/backend')).toHaveAttribute('data-verdict', 'denied');
  expect(await handText()).toContain(HAND_WRITTEN);
  await draw.shot('5-drawn-denied');

  // Deleting a flow a pasted rule allows: the inspector lists the rule and the choices.
  await draw.deleteFlow('default/frontend', 'default/api');
  const removal = page.getByTestId('flow.removal');
  await expect(removal).toBeVisible();
  await expect(removal).toContainText('default/api-from-frontend');
  expect(await handText()).toContain(HAND_WRITTEN);
  await draw.shot('6-removal-choices');
  await removal.locator('[data-testid$=".remove-peer"]').first().click();
  await expect.poll(() => draw.allowed('default/frontend', 'default/api', 8000)).toBe(false);
  // The database peer of the same rule is untouched.
  expect(await draw.allowed('default/database', 'default/api', 8000)).toBe(true);
  const after = await handText();
  expect(after).toContain('# Pasted by hand: keep this comment');
  expect(after).toContain('db-no-egress');
});

test('egress-isolated drawings warn that DNS is blocked and allow it in one click', async ({ page }) => {
  const draw = new DrawPage(page);
  await drawSeedWorkloads(draw);
  await page.getByTestId('tab.generate').click();
  await page.getByTestId('generator.style.zero-trust').check();
  await draw.drawFlow('default/api', 'default/backend');
  await expect(page.getByTestId('canvas.dns')).toBeVisible();
  await draw.shot('7-dns-blocked');
  await page.getByTestId('canvas.allow-dns').click();
  await expect(page.getByTestId('canvas.dns')).toBeHidden();
  expect(await draw.yaml()).toContain('k8s-app: kube-dns');
  expect(await draw.allowed('default/api', 'default/backend', 8080)).toBe(true);
  expect(await draw.allowed('default/backend', 'default/api', 8000)).toBe(false);
});
