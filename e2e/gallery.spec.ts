import { expect, test } from '@playwright/test';
import { CanvasPage } from './pages/canvas-page.ts';
import { GalleryPage } from './pages/gallery-page.ts';
import { saveShot } from './pages/shots.ts';
import { ShellPage } from './pages/shell-page.ts';
import { YamlPage } from './pages/yaml-page.ts';

test.describe('Scenario gallery', () => {
  test('a first visit opens the gallery over the demo; closing it keeps the demo', async ({ page }) => {
    const gallery = new GalleryPage(page);
    const canvas = new CanvasPage(page);
    await gallery.openFirstVisit();
    await expect(gallery.dialog).toContainText('Welcome');
    await expect(gallery.search).toBeFocused();
    await saveShot(page, 'gallery-opening');
    await page.keyboard.press('Escape');
    await expect(gallery.dialog).toBeHidden();
    await expect(gallery.title).toHaveText('All five seed policies together');
    await expect(canvas.node('default/frontend')).toBeVisible();
    // Work restored from autosave: no opening screen on the next visit.
    await page.reload();
    await page.waitForFunction(() => window.netpolCanvas !== undefined);
    await expect(canvas.node('default/frontend')).toBeVisible();
    await expect(gallery.dialog).toBeHidden();
  });

  test('the menu opens it with every category; the search filters the cards', async ({ page }) => {
    const gallery = new GalleryPage(page);
    await gallery.openEditor();
    await gallery.openFromMenu();
    for (const category of ['lesson', 'seed', 'recipe', 'mistake'] as const) await expect(gallery.section(category)).toBeVisible();
    const seeds = await gallery.cardIds('seed');
    expect(seeds).toEqual(expect.arrayContaining(['seed-1-allow-frontend-ingress', 'seed-2-deny-all-ingress', 'seed-3-allow-egress-database', 'seed-4-allow-egress-external', 'seed-5-allow-ingress-egress', 'seed-all']));
    expect((await gallery.cardIds('recipe')).length).toBeGreaterThan(0);
    expect((await gallery.cardIds('mistake')).length).toBeGreaterThan(0);
    expect((await gallery.cardIds('lesson')).length).toBeGreaterThan(0);
    // Lessons carry their step count and a "Start guided" button; other scenarios do not.
    const lesson = gallery.cards('lesson').first();
    await expect(lesson.locator('[data-testid^="gallery.steps."]')).toHaveText(/Guided · \d+ steps?/);
    await expect(lesson.locator('[data-testid^="gallery.guide."]')).toBeVisible();
    await expect(gallery.card('seed-all').locator('[data-testid^="gallery.guide."]')).toHaveCount(0);
    await expect(gallery.card('seed-all')).toContainText('Open now');
    await saveShot(page, 'gallery-menu');

    const all = await gallery.cardIds();
    await gallery.filter('deny all ingress');
    const filtered = await gallery.cardIds();
    expect(filtered).toContain('seed-2-deny-all-ingress');
    expect(filtered.length).toBeLessThan(all.length);
    await expect(gallery.count).toHaveText(`${filtered.length} ${filtered.length === 1 ? 'scenario' : 'scenarios'}`);
    await gallery.filter('no scenario says this');
    await expect(gallery.dialog.getByTestId('gallery.empty')).toBeVisible();
    await gallery.filter('');
    expect(await gallery.cardIds()).toEqual(all);

    // Escape closes it and gives the focus back to the Gallery button.
    await page.keyboard.press('Escape');
    await expect(gallery.dialog).toBeHidden();
    await expect(gallery.menuButton).toBeFocused();
  });

  test('opening a scenario loads its title and canvas; no question while the demo is untouched', async ({ page }) => {
    const gallery = new GalleryPage(page);
    const canvas = new CanvasPage(page);
    await gallery.openEditor();
    await gallery.openFromMenu();
    await gallery.filter('deny all ingress');
    await gallery.openScenario('seed-2-deny-all-ingress');
    await expect(gallery.confirm).toBeHidden();
    await expect(gallery.dialog).toBeHidden();
    await expect(gallery.title).toHaveText('Deny all ingress to database');
    await expect.poll(() => gallery.yaml()).toContain('name: deny-all-ingress');
    await expect(canvas.node('default/frontend')).toBeVisible();
  });

  test('with work of the user’s, opening asks first; Cancel keeps it, Discard replaces it and Undo brings it back', async ({ page }) => {
    const gallery = new GalleryPage(page);
    const yaml = new YamlPage(page);
    const shell = new ShellPage(page);
    await yaml.open();
    await yaml.tab('seed-all/policies.yaml').click();
    await yaml.typeAtLineStart(1, '# mine\n');
    await expect.poll(() => gallery.yaml()).toContain('# mine');
    const mine = await gallery.yaml();

    await gallery.openFromMenu();
    await gallery.openScenario('seed-3-allow-egress-database');
    await expect(gallery.confirm).toBeVisible();
    await expect(gallery.confirm).toContainText('Discard the current work?');
    await expect(gallery.confirm.getByTestId('confirm.cancel')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(gallery.confirm).toBeHidden();
    await expect(gallery.dialog).toBeVisible();
    expect(await gallery.yaml()).toBe(mine);

    await gallery.openScenario('seed-3-allow-egress-database');
    await gallery.confirm.getByTestId('confirm.ok').click();
    await expect(gallery.dialog).toBeHidden();
    await expect.poll(() => gallery.yaml()).not.toBe(mine);
    await shell.undoButton.click();
    await expect.poll(() => gallery.yaml()).toBe(mine);
  });
});
