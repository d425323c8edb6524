import { expect, test } from '@playwright/test';
import { saveShot } from './pages/shots.ts';
import { SidePanelPage } from './pages/side-panel-page.ts';

test.describe('probe', () => {
  test('answers for an address and a port no policy mentions: 8.8.8.8 → backend on TCP 12345', async ({ page }) => {
    const side = new SidePanelPage(page);
    await side.open();
    await page.setViewportSize({ width: 1280, height: 720 });
    await side.openTab('probe');

    await side.setProbeEnd('from', '8.8.8.8');
    await side.setProbeEnd('to', 'default/backend');
    await side.runProbe('12345', 'TCP');

    const result = side.probeResult;
    await expect(result).toHaveAttribute('data-verdict', 'denied');
    await expect(result).toContainText('Denied');
    await expect(result).toContainText('8.8.8.8 → default/backend on TCP 12345');
    await expect(result.getByTestId('probe.unmentioned')).toContainText('No policy mentions TCP 12345');
    const sentences = result.getByTestId('probe.sentences');
    await expect(sentences).toContainText('Egress: 8.8.8.8 is an address outside the cluster; no policy applies on that side.');
    await expect(sentences).toContainText('default/allow-ingress-egress: no ingress rule allows the source 8.8.8.8.');
    await expect(sentences).not.toContainText('Half-open');
    await saveShot(page, 'panels-probe-ip');
  });

  test('evaluates a custom pod that exists only as namespace and labels', async ({ page }) => {
    const side = new SidePanelPage(page);
    await side.open();
    await page.setViewportSize({ width: 1280, height: 720 });
    await side.openTab('probe');

    // A pod labelled app=api would be let into backend by allow-ingress-egress.
    await side.setCustomPod('from', 'default', 'app=api,tier=front');
    await side.setProbeEnd('to', 'default/backend');
    await side.runProbe('8080');
    await expect(side.probeResult).toHaveAttribute('data-verdict', 'allowed');
    await expect(side.probeResult).toContainText('custom pod in default with app=api,tier=front → default/backend on TCP 8080');
    await expect(side.probeResult.getByTestId('probe.sentences')).toContainText('Allowed by default/allow-ingress-egress ingress rule #1.');
    await saveShot(page, 'panels-probe-custom');

    // Another label: refused by the same policy.
    await page.getByTestId('probe.from.labels').fill('app=web');
    await page.getByTestId('probe.run').click();
    await expect(side.probeResult).toHaveAttribute('data-verdict', 'denied');
    await expect(side.probeResult.getByTestId('probe.sentences')).toContainText('no ingress rule allows the source default/custom-pod');
  });

  test('says what is wrong with the input', async ({ page }) => {
    const side = new SidePanelPage(page);
    await side.open();
    await page.setViewportSize({ width: 1280, height: 720 });
    await side.openTab('probe');

    await side.setProbeEnd('from', '300.1.1.1');
    await side.setCustomPod('to', 'default', 'app');
    await side.runProbe('70000');
    await expect(page.getByTestId('probe.from-error')).toHaveText('"300.1.1.1" is not a valid IP address.');
    await expect(page.getByTestId('probe.to-error')).toContainText('"app" is not key=value');
    await expect(page.getByTestId('probe.port-error')).toHaveText('Port 70000 is out of range: ports go from 1 to 65535.');
    await expect(page.getByTestId('probe.from.text')).toHaveAttribute('aria-invalid', 'true');
    await expect(side.probeResult).toBeEmpty();
    await saveShot(page, 'panels-probe-errors');

    await page.getByTestId('probe.from.text').fill('10.0.0.0/8');
    await page.getByTestId('probe.run').click();
    await expect(page.getByTestId('probe.from-error')).toContainText('give one address from it, e.g. 10.0.0.1');
  });
});
