import { expect, test } from '@playwright/test';
import { CanvasPage } from './pages/canvas-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { saveShot } from './pages/shots.ts';
import { YamlPage } from './pages/yaml-page.ts';
import { STRAY_DASH_POLICY } from '../test/helpers/stray-dash.ts';

/** The stray dash: `ports` written as a rule of its own instead of under `from`. */
const strayDash = STRAY_DASH_POLICY;
const PORTS_LINE = 14;

test.describe('Teaching lint', () => {
  test('the stray dash is explained with its fix in the problems, the gutter and on the node, and goes once fixed', async ({ page }) => {
    const yaml = new YamlPage(page);
    const canvas = new CanvasPage(page);
    await yaml.open();
    await expect(canvas.node('default/frontend')).toBeVisible();
    await saveShot(page, 'lint-demo');
    await new ImportPage(page).pasteAndLoad(strayDash);

    // The manifest itself is valid: no problems reading it, but a lint warning with its fix.
    await expect(yaml.problems.getByTestId('problems.empty')).toBeVisible();
    const lint = yaml.problems.getByTestId('problems.lint');
    await expect(lint).toBeVisible();
    const row = yaml.problemAt('pasted.yaml', PORTS_LINE);
    await expect(row).toHaveAttribute('data-code', 'lint/ports-only-rule');
    await expect(row).toHaveAttribute('data-severity', 'warning');
    await expect(row).toContainText(`pasted.yaml:${PORTS_LINE}:5 warning lint/ports-only-rule`);
    await expect(row.getByTestId('problem.fix')).toContainText('Fix: If you meant "these peers, on these ports"');
    await expect(row.getByTestId('problem.fix')).toContainText('remove the dash before ports');
    await expect(lint.getByTestId('problem')).toHaveCount(1);

    // The YAML pane marks the ports-only rule's line, and its tooltip says how to fix it.
    await expect(yaml.gutterMarkers('warning')).toHaveCount(1);
    await expect.poll(() => yaml.underlinedLines('warning')).toEqual([PORTS_LINE, PORTS_LINE + 1]);
    await yaml.underlines('warning').first().hover();
    const tooltip = page.locator('.cm-tooltip-lint');
    await expect(tooltip).toContainText('This ingress rule has ports but no from');
    await expect(tooltip).toContainText('Fix: If you meant');

    // The workload whose ingress it governs carries a marker listing the warning.
    const marker = canvas.node('default/api').getByTestId('node.lint');
    await expect(marker).toBeVisible();
    await expect(marker).toHaveAttribute('data-count', '1');
    await expect(marker).toHaveAttribute('title', /^lint\/ports-only-rule: This ingress rule has ports but no from.* Fix: .*remove the dash/);
    await expect(canvas.node('default/frontend').getByTestId('node.lint')).toHaveCount(0);
    await saveShot(page, 'lint-stray-dash');

    // Following the fix: the dash goes, ports moves under from, and the warning goes with it.
    await yaml.clickLineStart(PORTS_LINE);
    for (let i = 0; i < 4; i++) await page.keyboard.press('Delete');
    await page.keyboard.type('    ');
    await expect(lint).toBeHidden();
    await expect(marker).toHaveCount(0);
    await expect(yaml.underlines('warning')).toHaveCount(0);
    const policy = (await yaml.model()).policies.find((p) => p.name === 'api-allow');
    expect(policy?.spec.ingress).toHaveLength(1);
    expect(policy?.spec.ingress?.[0]?.ports).toEqual([{ port: 8080 }]);
    await saveShot(page, 'lint-stray-dash-fixed');
  });

  test('clicking a lint warning puts the cursor on the field it is about', async ({ page }) => {
    const yaml = new YamlPage(page);
    await yaml.open();
    await new ImportPage(page).pasteAndLoad(strayDash);
    await yaml.problemAt('pasted.yaml', PORTS_LINE).click();
    await expect.poll(() => yaml.cursor()).toEqual({ line: PORTS_LINE, column: 5 });
  });
});
