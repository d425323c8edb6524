import { expect, type Locator, type Page } from '@playwright/test';
import { EDITOR_URL } from './editor-url.ts';

export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export type Verdict = 'allowed' | 'denied' | 'half-open';

/** The side panel: its tabs, the inspector, the reachability matrix and the probe. */
export class SidePanelPage {
  readonly inspector: Locator;
  readonly matrix: Locator;
  readonly probe: Locator;

  constructor(readonly page: Page) {
    this.inspector = page.getByTestId('inspector');
    this.matrix = page.getByTestId('matrix');
    this.probe = page.getByTestId('probe');
  }

  async open(): Promise<void> {
    await this.page.goto(EDITOR_URL);
    await expect(this.inspector).toBeVisible();
    await this.page.waitForFunction(() => window.netpolCanvas !== undefined);
  }

  tab(name: 'inspector' | 'matrix' | 'probe'): Locator {
    return this.page.getByTestId(`tab.${name}`);
  }

  async openTab(name: 'inspector' | 'matrix' | 'probe'): Promise<void> {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
  }

  // --- matrix ------------------------------------------------------------------------------

  get portClass(): Locator {
    return this.page.getByTestId('matrix.port-class');
  }

  async choosePortClass(label: string): Promise<void> {
    await this.portClass.selectOption({ label });
    await expect(this.matrix.getByTestId('matrix.table')).toHaveAttribute('data-port-class', label);
  }

  async portClassLabels(): Promise<string[]> {
    return this.portClass.locator('option').allTextContents();
  }

  cells(): Locator {
    return this.matrix.getByTestId('matrix.cell');
  }

  /** The cell saying whether `from` may open a connection to `to` on the chosen port class. */
  cell(from: string, to: string): Locator {
    return this.matrix.locator(`[data-testid="matrix.cell"][data-from="${from}"][data-to="${to}"]`);
  }

  // --- inspector ---------------------------------------------------------------------------

  get title(): Locator {
    return this.inspector.getByTestId('inspector.title');
  }

  flowGroups(): Locator {
    return this.inspector.getByTestId('inspector.flow-group');
  }

  /** One side (`egress` of the sender, `ingress` of the receiver) of a group of port classes. */
  side(group: Locator, direction: 'egress' | 'ingress'): Locator {
    return group.getByTestId(`inspector.side-${direction}`);
  }

  policyLink(scope: Locator, id: string): Locator {
    return scope.locator(`[data-testid="inspector.policy-link"][data-policy="${id}"]`);
  }

  // --- probe -------------------------------------------------------------------------------

  /** Picks a workload/pod id, or types free text (an IP or namespace/name) for one end. */
  async setProbeEnd(side: 'from' | 'to', value: string): Promise<void> {
    const select = this.page.getByTestId(`probe.${side}`);
    const ids = await select.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    if (ids.includes(value)) {
      await select.selectOption(value);
    } else {
      await select.selectOption('__text');
      await this.page.getByTestId(`probe.${side}.text`).fill(value);
    }
  }

  async setCustomPod(side: 'from' | 'to', namespace: string, labels: string): Promise<void> {
    await this.page.getByTestId(`probe.${side}`).selectOption('__custom');
    await this.page.getByTestId(`probe.${side}.namespace`).fill(namespace);
    await this.page.getByTestId(`probe.${side}.labels`).fill(labels);
  }

  async runProbe(port: string, protocol: Protocol = 'TCP'): Promise<void> {
    await this.page.getByTestId('probe.port').fill(port);
    await this.page.getByTestId('probe.protocol').selectOption(protocol);
    await this.page.getByTestId('probe.run').click();
  }

  get probeResult(): Locator {
    return this.page.getByTestId('probe.result');
  }
}
