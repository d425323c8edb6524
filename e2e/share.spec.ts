import { randomBytes } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page.ts';
import { CanvasPage } from './pages/canvas-page.ts';
import { GuidePage } from './pages/guide-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { saveShot } from './pages/shots.ts';
import { SharePage } from './pages/share-page.ts';
import { ShellPage } from './pages/shell-page.ts';
import { YamlPage } from './pages/yaml-page.ts';

/** Pairs whose verdicts the shared workspace must reproduce (the edited policy changes the first). */
const PAIRS: [string, string, number][] = [
  ['default/api', 'default/frontend', 80],
  ['default/frontend', 'default/backend', 80],
  ['default/backend', 'default/database', 3306],
  ['default/api', 'default/db', 5432],
];

async function verdicts(page: Page): Promise<unknown[]> {
  const app = new AppPage(page);
  return Promise.all(PAIRS.map(([from, to, port]) => app.verdict(from, to, port)));
}

/** policies.yaml line 9 is the first policy's `app: frontend`: make it select another label. */
async function editFirstPolicy(page: Page, suffix: string): Promise<void> {
  const yaml = new YamlPage(page);
  // The demo's files are named `<scenario id>/<file>`.
  await page.locator('[data-testid="yaml.tab"][data-file$="policies.yaml"]').click();
  await yaml.content.locator('.cm-line').nth(8).click();
  await page.keyboard.press('End');
  await page.keyboard.type(suffix);
  await expect.poll(() => yaml.yaml()).toMatch(new RegExp(`app: frontend\\S*${suffix}\\n`));
}

/** A crafted link: any JSON text, compressed as the app does it. */
function craftedLink(base: string, json: string): string {
  return `${base}#share=v1.${deflateRawSync(Buffer.from(json, 'utf8')).toString('base64url')}`;
}

test.describe('Share links', () => {
  test('a link opens the same workspace in a fresh browser: files, title, verdicts, layout', async ({ page, browser, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const canvas = new CanvasPage(page);
    const share = new SharePage(page);
    const shell = new ShellPage(page);
    await canvas.open();
    await editFirstPolicy(page, '-v2');
    const start = await canvas.nodePosition('default/api');
    await canvas.dragNode('default/api', 80, 50);
    await expect.poll(async () => (await canvas.nodePosition('default/api')).x).toBeGreaterThan(start.x + 40);
    const moved = await canvas.nodePosition('default/api');
    const title = await shell.title.textContent();
    const yaml = await shell.yaml();
    const expected = await verdicts(page);

    const link = await share.createLink();
    await expect(share.length).toHaveText(`${link.length.toLocaleString('en')} characters`);
    await expect(share.longWarning).toBeHidden();
    await share.dialog.getByTestId('share.copy').click();
    await expect(share.dialog.getByTestId('share.status')).toHaveText('Link copied to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await saveShot(page, 'share-dialog');
    await share.closeDialog();

    // A fresh browser (no autosave) opening the link as a user would: without ?gallery=0.
    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await other.goto(link.replace('?gallery=0', ''));
    await other.waitForFunction(() => window.netpolCanvas !== undefined);
    const otherShell = new ShellPage(other);
    const otherCanvas = new CanvasPage(other);
    await expect(otherShell.title).toHaveText(title ?? '');
    await expect.poll(() => otherShell.yaml()).toBe(yaml);
    await expect.poll(() => verdicts(other)).toEqual(expected);
    await expect.poll(() => otherCanvas.nodePosition('default/api')).toEqual(moved);
    await expect(new SharePage(other).opened).toContainText(title ?? '');
    await expect(other.getByTestId('gallery')).toBeHidden();
    // The link is read once: the address no longer holds it, and a reload keeps the (autosaved) copy.
    expect(new URL(other.url()).hash).toBe('');
    await saveShot(other, 'share-opened');
    await other.reload();
    await other.waitForFunction(() => window.netpolCanvas !== undefined);
    await expect(otherShell.title).toHaveText(title ?? '');
    await expect.poll(() => otherShell.yaml()).toBe(yaml);
    await expect(new SharePage(other).opened).toBeHidden();
    await fresh.close();
  });

  test('a long link comes with a warning that it may be cut, and still opens whole', async ({ page, browser }) => {
    const share = new SharePage(page);
    const shell = new ShellPage(page);
    await new CanvasPage(page).open();
    // Random text does not compress: a comment of 12,000 such characters makes a link past 8,000.
    const noise = randomBytes(9000).toString('base64');
    await new ImportPage(page).pasteAndLoad(`# ${noise}\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\n`);
    const link = await share.createLink();
    expect(link.length).toBeGreaterThan(8000);
    await expect(share.longWarning).toBeVisible();
    await expect(share.longWarning).toContainText(`${link.length.toLocaleString('en')} characters`);
    await saveShot(page, 'share-long');
    const yaml = await shell.yaml();

    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await other.goto(link);
    await other.waitForFunction(() => window.netpolCanvas !== undefined);
    await expect.poll(() => new ShellPage(other).yaml()).toBe(yaml);
    await fresh.close();
  });

  test('a link keeps the guided lesson and its step', async ({ page, browser }) => {
    const guide = new GuidePage(page);
    const share = new SharePage(page);
    await guide.startLesson('lesson-default-deny');
    await guide.pressOutsideEditors('ArrowRight');
    for (const i of [0, 1, 2]) await guide.guess(i, 'denied');
    await guide.next.click();
    await expect(guide.progress).toHaveText(/Step 1 of \d+/);
    const progress = (await guide.progress.textContent()) ?? '';
    const yaml = await new ShellPage(page).yaml();
    const link = await share.createLink();
    await share.closeDialog();

    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await other.goto(link);
    const otherGuide = new GuidePage(other);
    await expect(otherGuide.bar).toBeVisible();
    await expect(otherGuide.progress).toHaveText(progress);
    await expect(otherGuide.stepTitle).toHaveText('Deny all ingress in shop');
    await expect.poll(() => new ShellPage(other).yaml()).toBe(yaml);
    expect(await otherGuide.allowed('shop/frontend', 'shop/backend', 8080)).toBe(false);
    await expect(new CanvasPage(other).node('shop/frontend')).toBeVisible();
    await saveShot(other, 'share-guided');
    await fresh.close();
  });

  test('a damaged or crafted link opens the editor with an error, and the work is kept', async ({ page, browser }) => {
    const canvas = new CanvasPage(page);
    const share = new SharePage(page);
    const shell = new ShellPage(page);
    await canvas.open();
    await editFirstPolicy(page, '-mine');
    const link = await share.createLink();
    await share.closeDialog();
    const base = link.slice(0, link.indexOf('#'));

    // Cut short, as a chat tool might: an alert, the editor as it was, still editable.
    await page.goto(link.slice(0, link.length - 30));
    await expect(share.error).toBeVisible();
    await expect(share.error).toHaveAttribute('role', 'alert');
    await expect(share.error).toContainText('cut short');
    await expect(share.error).toContainText('Your own work is unchanged');
    expect(await shell.yaml()).toContain('app: frontend-mine');
    await saveShot(page, 'share-error');
    await editFirstPolicy(page, '-more');
    await share.error.getByTestId('share.error.dismiss').click();
    await expect(share.error).toBeHidden();

    // Crafted: markup in names, a __proto__ key, numbers past any canvas, another version.
    await page.goto(craftedLink(base, '{"t":"<img src=x onerror=alert(1)>","f":[["<img src=x onerror=alert(1)>.yaml","kind: Pod"]]}'));
    await expect(share.error).toContainText('not a workspace');
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await page.goto(craftedLink(base, '{"t":"x","f":[["a.yaml",""]],"p":{"__proto__":[1,2]}}'));
    await expect(share.error).toContainText('is not a node id');
    await page.goto(craftedLink(base, '{"t":"x","f":[["a.yaml",""]],"p":{"default/api":[1e999,0]}}'));
    await expect(share.error).toContainText('not two finite numbers');
    await page.goto(`${base}#share=v9.${link.slice(link.indexOf('.', link.indexOf('#')) + 1)}`);
    await expect(share.error).toContainText('another version');
    expect(await shell.yaml()).toContain('app: frontend-mine-more');
    await expect(shell.title).not.toHaveText('x');

    // A fresh browser with a damaged link: the editor opens (on the demo) and works.
    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await other.goto(`${base}#share=v1.!!not-base64!!`);
    const otherShare = new SharePage(other);
    await expect(otherShare.error).toContainText('damaged');
    await other.waitForFunction(() => window.netpolCanvas !== undefined);
    await expect(new CanvasPage(other).node('default/frontend')).toBeVisible();
    await editFirstPolicy(other, '-works');
    await fresh.close();
  });

  test('a link opened over your own work asks first, and Undo brings the work back', async ({ page }) => {
    const canvas = new CanvasPage(page);
    const share = new SharePage(page);
    const shell = new ShellPage(page);
    const yaml = new YamlPage(page);
    await canvas.open();
    await canvas.dragNode('default/frontend', -60, 40);
    const shared = await canvas.nodePosition('default/frontend');
    const demoTitle = (await shell.title.textContent()) ?? '';
    const link = await share.createLink();
    await share.closeDialog();

    // Work of my own: a new workspace with a line typed in.
    await shell.newButton.click();
    await shell.confirm.getByTestId('confirm.ok').click();
    await expect(shell.title).toHaveText('Untitled');
    await yaml.content.click();
    await page.keyboard.type('# my notes');
    await expect.poll(() => shell.yaml()).toContain('# my notes');

    // Pasted into the address bar of this tab: asked, and "Keep my work" keeps it.
    await page.goto(link);
    await expect(share.confirm).toBeVisible();
    await expect(share.confirm).toContainText(demoTitle);
    await saveShot(page, 'share-confirm');
    await share.confirm.getByTestId('confirm.cancel').click();
    await expect(shell.title).toHaveText('Untitled');
    expect(new URL(page.url()).hash).toBe('');

    // Opened in a new page load over the autosaved work: asked again; opening replaces it.
    await page.goto('about:blank');
    await page.goto(link);
    await expect(share.confirm).toBeVisible();
    await share.confirm.getByTestId('confirm.ok').click();
    await expect(shell.title).toHaveText(demoTitle);
    await expect.poll(() => canvas.nodePosition('default/frontend')).toEqual(shared);

    await shell.undoButton.click();
    await expect(shell.title).toHaveText('Untitled');
    await expect.poll(() => shell.yaml()).toContain('# my notes');
  });
});
