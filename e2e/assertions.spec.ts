import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { AssertionsPage } from './pages/assertions-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { saveShot } from './pages/shots.ts';
import { YamlPage } from './pages/yaml-page.ts';

const cluster = readFileSync(new URL('../examples/seed-all/cluster.yaml', import.meta.url), 'utf8');

/** backend may open connections to db on TCP 5432 only. */
const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: backend-egress
  namespace: default
spec:
  podSelector:
    matchLabels:
      app: backend
  policyTypes:
  - Egress
  egress:
  - to:
    - podSelector:
        matchLabels:
          app: db
    ports:
    - protocol: TCP
      port: 5432
`;

const FLOWS = `# What we expect
api -> db TCP 5432 allowed
backend -> db TCP 8080 allowed
`;

const file = (name: string, text: string) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });

test.describe('flow assertions', () => {
  test('a .flows file is checked live: pass, fail with its reason, fixed by editing the YAML, exported as a probe script', async ({ page }) => {
    const yaml = new YamlPage(page);
    const dialog = new ImportPage(page);
    const tests = new AssertionsPage(page);
    await yaml.open();
    await page.setViewportSize({ width: 1400, height: 860 });

    await dialog.open();
    await dialog.choose([file('cluster.yaml', cluster), file('policies.yaml', POLICY), file('expected.flows', FLOWS)], ['cluster.yaml', 'policies.yaml', 'expected.flows']);
    await dialog.load();

    // The .flows file is a tab like the manifests, with no YAML problems.
    await expect(yaml.tab('expected.flows')).toBeVisible();
    await expect(yaml.problems.getByTestId('problems.empty')).toBeVisible();
    expect(await yaml.yaml()).not.toContain('->');

    // The tab's badge counts them before the tab is opened.
    await expect(tests.badge).toHaveText('✗ 1/2');
    await tests.openTab();
    await expect(tests.summary).toContainText('1 of 2 pass');
    await expect(tests.items).toHaveCount(2);

    const passing = tests.item('expected.flows', 2);
    await expect(passing).toHaveAttribute('data-status', 'pass');
    await expect(passing.getByTestId('assertion.status')).toHaveText('✓ PASS');
    await expect(passing).toContainText('api -> db TCP 5432 allowed');

    const failing = tests.item('expected.flows', 3);
    await expect(failing).toHaveAttribute('data-status', 'fail');
    await expect(failing.getByTestId('assertion.status')).toHaveText('✗ FAIL');
    await expect(failing.getByTestId('assertion.message')).toHaveText(
      'Expected allowed on TCP 8080, but default/backend → default/db on TCP 8080 is denied.',
    );
    await expect(failing.getByTestId('assertion.reasons')).toContainText('default/backend-egress: egress rule #1 matches default/db but not TCP 8080.');
    await saveShot(page, 'assertions-fail');

    // Clicking the failing one shows its line in the editor and selects its flow.
    await tests.show('expected.flows', 3);
    await expect(yaml.editor).toHaveAttribute('data-file', 'expected.flows');
    await expect(yaml.editor).toHaveAttribute('data-cursor-line', '3');
    await expect(failing).toHaveAttribute('data-selected', 'true');
    await expect(page.getByTestId('rf__edge-default/backend->default/db')).toHaveClass(/selected/);

    // Allow TCP 8080 too: the failing assertion passes.
    await yaml.tab('policies.yaml').click();
    await yaml.clickLineStart(19);
    await page.keyboard.press('End');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('8080');
    await expect(failing).toHaveAttribute('data-status', 'pass');
    await expect(tests.summary).toContainText('2 of 2 pass');
    await expect(tests.badge).toHaveText('✓ 2/2');
    await expect(failing.getByTestId('assertion.message')).toHaveCount(0);
    await saveShot(page, 'assertions-pass');

    // The probe script: one kubectl exec of nc per expected flow, copied or downloaded.
    await page.getByTestId('assertions.probe-copy').click();
    await expect(page.getByTestId('assertions.probe-status')).toHaveText('Copied.');
    const download = await tests.downloadProbeScript();
    expect(download.suggestedFilename()).toBe('probe-flows.sh');
    const script = readFileSync(await download.path(), 'utf8');
    expect(script.startsWith('#!/bin/sh\n')).toBe(true);
    expect(script).toContain('KUBECTL=${KUBECTL:-kubectl}');
    expect(script).toContain(`check allowed 'expected.flows:2 api -> db TCP 5432 allowed' "$src" "$dst" -- $KUBECTL exec -n 'default' "$src" -- nc -z -w 2 "$dst" 5432`);
    expect(script).toContain(`check allowed 'expected.flows:3 backend -> db TCP 8080 allowed' "$src" "$dst" -- $KUBECTL exec -n 'default' "$src" -- nc -z -w 2 "$dst" 8080`);
  });

  test('syntax errors and unknown names are problems with their line and column', async ({ page }) => {
    const yaml = new YamlPage(page);
    const dialog = new ImportPage(page);
    const tests = new AssertionsPage(page);
    await yaml.open();
    await dialog.open();
    await dialog.choose([file('cluster.yaml', cluster), file('expected.flows', 'api -> backnd TCP 80 allowed\napi => db denied\n')], ['cluster.yaml', 'expected.flows']);
    await dialog.load();

    const unknown = yaml.problemAt('expected.flows', 1);
    await expect(unknown).toHaveAttribute('data-code', 'flows/unknown-endpoint');
    await expect(unknown).toHaveAttribute('data-column', '8');
    await expect(unknown).toContainText('Did you mean `backend`?');
    await expect(yaml.problemAt('expected.flows', 2)).toHaveAttribute('data-code', 'flows/syntax');
    await tests.openTab();
    await expect(tests.item('expected.flows', 1)).toHaveAttribute('data-status', 'error');
    await expect(tests.summary).toContainText('0 of 1 pass');
    await expect(page.getByTestId('assertions.unreadable')).toContainText('1 line of the .flows files could not be read');
    await saveShot(page, 'assertions-errors');
  });

  test('expecting the flow a probe answered, then the selected canvas flow, adds lines to expected.flows', async ({ page }) => {
    const yaml = new YamlPage(page);
    const dialog = new ImportPage(page);
    const tests = new AssertionsPage(page);
    await yaml.open();
    await dialog.open();
    await dialog.choose([file('cluster.yaml', cluster), file('policies.yaml', POLICY)], ['cluster.yaml', 'policies.yaml']);
    await dialog.load();

    await tests.openTab();
    await expect(tests.panel).toContainText('No expected flows yet');
    await page.getByTestId('tab.probe').click();
    await page.getByTestId('probe.from').selectOption('default/backend');
    await page.getByTestId('probe.to').selectOption('default/frontend');
    await page.getByTestId('probe.port').fill('80');
    await page.getByTestId('probe.run').click();
    await expect(page.getByTestId('expect.line')).toHaveText('default/backend -> default/frontend TCP 80 denied');
    await page.getByTestId('expect.add').click();
    await expect(page.getByTestId('expect.status')).toHaveText('Added to expected.flows, line 2.');
    await expect(yaml.tab('expected.flows')).toHaveAttribute('aria-selected', 'true');
    await expect(tests.badge).toHaveText('✓ 1/1');
    await saveShot(page, 'assertions-expect-probe');

    // The flow selected on the canvas, from the Tests tab: its port is the destination's.
    await page.getByTestId('flow-label.default/backend->default/db').click();
    await tests.openTab();
    await expect(page.getByTestId('expect.port')).toHaveValue('5432');
    await expect(page.getByTestId('expect.current')).toHaveText('Now: allowed.');
    await page.getByTestId('expect.add').click();
    await expect(page.getByTestId('expect.status')).toHaveText('Added to expected.flows, line 3.');
    await expect(tests.item('expected.flows', 3)).toContainText('default/backend -> default/db TCP 5432 allowed');
    await expect(tests.summary).toContainText('2 of 2 pass');
    // Asking again finds the line instead of adding it twice.
    await page.getByTestId('expect.add').click();
    await expect(page.getByTestId('expect.status')).toHaveText('Already expected, in expected.flows line 3.');
    await saveShot(page, 'assertions-expect-selected');
  });
});
