import { expect, test, type Page } from '@playwright/test';
import { CanvasPage } from './pages/canvas-page.ts';
import { ShellPage } from './pages/shell-page.ts';
import { YamlPage } from './pages/yaml-page.ts';

function frontendIngressIsolated(page: Page): Promise<boolean | undefined> {
  return page.evaluate(() => window.netpolCanvas?.verdict('default/api', 'default/frontend', 80).ingress.isolated);
}

test.describe('Undo, autosave and starting over', () => {
  test('a typed label change is one undo step, undone and redone from the canvas', async ({ page }) => {
    const shell = new ShellPage(page);
    const yaml = new YamlPage(page);
    await yaml.open();
    const original = await shell.yaml();
    await expect(shell.undoButton).toBeDisabled();

    // policies.yaml line 9 is the first policy's `app: frontend`: make it select another label.
    await yaml.content.locator('.cm-line').nth(8).click();
    await page.keyboard.press('End');
    await page.keyboard.type('-v2');
    await expect.poll(() => shell.yaml()).toContain('app: frontend-v2');
    const edited = await shell.yaml();

    await shell.focusCanvas();
    await shell.pressUndo();
    await expect.poll(() => shell.yaml()).toBe(original);
    await expect(yaml.content).not.toContainText('frontend-v2');
    await expect(shell.redoButton).toBeEnabled();

    await shell.pressRedo();
    await expect.poll(() => shell.yaml()).toBe(edited);
    await expect(yaml.content).toContainText('app: frontend-v2');
    // The analysis follows: the edited policy no longer selects frontend, so nothing isolates its ingress.
    await expect.poll(() => frontendIngressIsolated(page)).toBe(false);
    await shell.undoButton.click();
    await expect.poll(() => frontendIngressIsolated(page)).toBe(true);
  });

  test('a node drag is one undo step', async ({ page }) => {
    const shell = new ShellPage(page);
    const canvas = new CanvasPage(page);
    await canvas.open();
    const start = await canvas.nodePosition('default/api');
    await canvas.dragNode('default/api', 60, 40);
    await expect.poll(async () => (await canvas.nodePosition('default/api')).x).toBeGreaterThan(start.x + 30);
    const dragged = await canvas.nodePosition('default/api');
    await shell.pressUndo();
    await expect.poll(() => canvas.nodePosition('default/api')).toEqual(start);
    await shell.pressRedo();
    await expect.poll(() => canvas.nodePosition('default/api')).toEqual(dragged);
    await shell.pressUndo();
    await expect.poll(() => canvas.nodePosition('default/api')).toEqual(start);
    await expect(shell.undoButton).toBeDisabled();
  });

  test('the work is restored on reload: an edit, and another example', async ({ page }) => {
    const shell = new ShellPage(page);
    const yaml = new YamlPage(page);
    await yaml.open();
    await yaml.content.locator('.cm-line').nth(8).click();
    await page.keyboard.press('End');
    await page.keyboard.type('-restored');
    await expect.poll(() => shell.yaml()).toContain('app: frontend-restored');
    const edited = await shell.yaml();

    await page.reload();
    await page.waitForFunction(() => window.netpolCanvas !== undefined);
    expect(await shell.yaml()).toBe(edited);
    await expect(yaml.content).toContainText('app: frontend-restored');

    await shell.chooseExample('seed-2-deny-all-ingress', { confirm: true });
    const title = await shell.title.textContent();
    const example = await shell.yaml();
    expect(example).not.toBe(edited);
    await page.reload();
    await page.waitForFunction(() => window.netpolCanvas !== undefined);
    expect(await shell.yaml()).toBe(example);
    await expect(shell.title).toHaveText(title ?? '');
    // A restored workspace starts with an empty history.
    await expect(shell.undoButton).toBeDisabled();
  });

  test('New asks first; Cancel keeps the work, Discard clears it; the gallery brings the demo back', async ({ page }) => {
    const shell = new ShellPage(page);
    await shell.open();
    const demo = await shell.yaml();
    const demoTitle = await shell.title.textContent();

    await shell.newButton.click();
    await expect(shell.confirm).toBeVisible();
    await expect(shell.confirm).toContainText('Discard the current work?');
    await expect(shell.confirm.getByTestId('confirm.cancel')).toBeFocused();
    await shell.confirm.getByTestId('confirm.cancel').click();
    await expect(shell.confirm).toBeHidden();
    expect(await shell.yaml()).toBe(demo);

    // Escape is Cancel too.
    await shell.newButton.click();
    await expect(shell.confirm).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(shell.confirm).toBeHidden();
    expect(await shell.yaml()).toBe(demo);

    await shell.newButton.click();
    await shell.confirm.getByTestId('confirm.ok').click();
    await expect(shell.confirm).toBeHidden();
    await expect.poll(async () => (await shell.yaml()).trim()).toBe('');
    await expect(shell.title).toHaveText('Untitled');
    await expect(page.getByTestId('canvas').locator('.react-flow__node')).toHaveCount(0);

    // Undo brings the discarded work back; redo clears it again.
    await shell.undoButton.click();
    await expect.poll(() => shell.yaml()).toBe(demo);
    await shell.redoButton.click();
    await expect.poll(async () => (await shell.yaml()).trim()).toBe('');

    await shell.chooseExample('seed-all', { confirm: false });
    await expect.poll(() => shell.yaml()).toBe(demo);
    await expect(shell.title).toHaveText(demoTitle ?? '');
    await expect(page.getByTestId('rf__node-default/frontend')).toBeVisible();
  });
});
