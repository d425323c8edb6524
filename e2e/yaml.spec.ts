import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ImportPage } from './pages/import-page.ts';
import { YamlPage } from './pages/yaml-page.ts';

/** The seed's example 1 exactly as the tutorial prints it: `- from:` is not indented under `ingress:`. */
const asPrinted = (
  JSON.parse(readFileSync(new URL('../conformance/cases/seed-1-as-printed.json', import.meta.url), 'utf8')) as { policies: string }
).policies;

test.describe('YAML pane', () => {
  test('the seed example as printed: an error on line 13, text kept, fixed by typing', async ({ page }) => {
    const yaml = new YamlPage(page);
    await yaml.open();
    await new ImportPage(page).pasteAndLoad(asPrinted);

    const problem = yaml.problemAt('pasted.yaml', 13);
    await expect(problem).toHaveAttribute('data-severity', 'error');
    await expect(problem).toContainText('pasted.yaml:13:1 error yaml-syntax');
    // The import replaced the workspace: the canvas does not keep showing the demo's cluster.
    await expect(page.getByTestId('stale')).toBeHidden();
    await expect(page.locator('[data-testid="rf__node-default/frontend"]')).toHaveCount(0);

    // The underline sits on line 13 and says why on hover.
    const underline = yaml.underlines('error');
    await expect(underline).toHaveCount(1);
    await expect(underline).toHaveText('- from:');
    await underline.hover();
    await expect(page.locator('.cm-tooltip-lint')).toContainText('YAML syntax error');

    // Nothing was rewritten.
    expect(await yaml.text()).toBe(asPrinted);
    expect(await yaml.yaml()).toBe(asPrinted);

    // Indent the ingress rule as Kubernetes expects, one line at a time.
    await yaml.typeAtLineStart(13, '  ');
    await yaml.typeAtLineStart(14, '    ');
    await yaml.typeAtLineStart(15, '      ');
    await yaml.typeAtLineStart(16, '      ');

    await expect(yaml.problems.getByTestId('problems.empty')).toBeVisible();
    await expect(yaml.underlines('error')).toHaveCount(0);
    await expect(page.getByTestId('stale')).toBeHidden();
    await expect(yaml.tab('pasted.yaml')).not.toHaveAttribute('data-stale', 'true');
    const fixed = asPrinted
      .replace('\n- from:\n', '\n  - from:\n')
      .replace('\n- podSelector:\n', '\n    - podSelector:\n')
      .replace('\n  matchLabels:\n    app: backend', '\n        matchLabels:\n          app: backend');
    expect(await yaml.yaml()).toBe(fixed);
    const policy = (await yaml.model()).policies.find((p) => p.name === 'allow-frontend-ingress');
    expect(policy?.spec.ingress?.[0]?.from?.[0]?.podSelector?.matchLabels).toEqual({ app: 'backend' });

    // Breaking the text while typing keeps the last state that parsed on the canvas, marked stale.
    await yaml.typeAtLineStart(1, '"');
    await expect(page.getByTestId('stale')).toBeVisible();
    await expect(yaml.tab('pasted.yaml')).toHaveAttribute('data-stale', 'true');
    expect((await yaml.model()).policies.some((p) => p.name === 'allow-frontend-ingress')).toBe(true);
  });

  test('clicking a problem opens its file and puts the cursor on it', async ({ page }) => {
    const yaml = new YamlPage(page);
    const dialog = new ImportPage(page);
    await yaml.open();

    const badCidr = [
      'apiVersion: networking.k8s.io/v1',
      'kind: NetworkPolicy',
      'metadata:',
      '  name: egress-to-office',
      '  namespace: default',
      'spec:',
      '  podSelector: {}',
      '  egress:',
      '  - to:',
      '    - ipBlock:',
      '        cidr: 10.0.0.0/33',
      '',
    ].join('\n');
    await dialog.open();
    await dialog.choose(
      [
        { name: 'bad-cidr.yaml', mimeType: 'application/yaml', buffer: Buffer.from(badCidr) },
        { name: 'ok.yaml', mimeType: 'application/yaml', buffer: Buffer.from('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n') },
      ],
      ['bad-cidr.yaml', 'ok.yaml'],
    );
    await dialog.load();
    await expect(yaml.tab('ok.yaml')).toHaveAttribute('aria-selected', 'true');
    await expect(yaml.tab('bad-cidr.yaml').getByTestId('yaml.tab.errors')).toHaveText('1');

    const problem = yaml.problemAt('bad-cidr.yaml', 11);
    await expect(problem).toContainText('invalid-cidr');
    await problem.click();

    await expect(yaml.tab('bad-cidr.yaml')).toHaveAttribute('aria-selected', 'true');
    await expect(yaml.editor).toHaveAttribute('data-file', 'bad-cidr.yaml');
    expect(await yaml.cursor()).toEqual({ line: 11, column: 15 });
    await expect(yaml.editor.locator('.cm-editor')).toHaveClass(/cm-focused/);
    await expect(yaml.underlines('error')).toHaveText('10.0.0.0/33');
  });

  test('each file keeps its own undo history across tab switches', async ({ page }) => {
    const yaml = new YamlPage(page);
    await yaml.open();
    const policies = yaml.tab('seed-all/policies.yaml');
    await expect(policies).toHaveAttribute('aria-selected', 'true');
    const original = await yaml.yaml();

    await yaml.typeAtLineStart(1, 'zz');
    await expect.poll(() => yaml.yaml()).toContain('zzapiVersion');

    await yaml.tab('seed-all/cluster.yaml').click();
    await expect(yaml.editor).toHaveAttribute('data-file', 'seed-all/cluster.yaml');
    await policies.click();
    await expect(yaml.editor).toHaveAttribute('data-file', 'seed-all/policies.yaml');
    await expect(yaml.content.locator('.cm-line').first()).toHaveText(/^zzapiVersion/);

    await yaml.content.focus();
    await page.keyboard.press('ControlOrMeta+z');
    await expect(yaml.content.locator('.cm-line').first()).toHaveText(/^apiVersion/);
    expect(await yaml.yaml()).toBe(original);
  });

  test('objects of kinds the simulation ignores are summed up in one line', async ({ page }) => {
    const yaml = new YamlPage(page);
    await yaml.open();
    await new ImportPage(page).pasteAndLoad(
      [
        'apiVersion: v1',
        'kind: Service',
        'metadata: {name: web}',
        '---',
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata: {name: settings}',
        '---',
        'apiVersion: v1',
        'kind: Service',
        'metadata: {name: api}',
        '',
      ].join('\n'),
    );
    const ignored = yaml.problems.getByTestId('problems.ignored');
    await expect(ignored).toContainText('3 objects ignored (Service, ConfigMap)');
    await expect(ignored.getByTestId('problem').first()).toBeHidden();
    await ignored.locator('summary').click();
    await expect(ignored.getByTestId('problem')).toHaveCount(3);
    await expect(yaml.underlines('info')).toHaveCount(3);
  });
});
