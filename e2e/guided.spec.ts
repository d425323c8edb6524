import { expect, test } from '@playwright/test';
import { GuidePage } from './pages/guide-page.ts';
import { saveShot } from './pages/shots.ts';

const LESSON = 'lesson-default-deny';

test('a guided lesson: predict, reveal with the reasons for a wrong guess, step with the keys, present', async ({ page }) => {
  const guide = new GuidePage(page);
  await guide.startLesson(LESSON);
  await expect(guide.progress).toHaveText(/Introduction · \d+ steps/);
  await expect(guide.narrative).toContainText('Before each step, predict');
  await expect(guide.back).toBeDisabled();
  // Before step 1: frontend may reach backend.
  expect(await guide.allowed('shop/frontend', 'shop/backend', 8080)).toBe(true);

  // → outside an editor asks for the predictions of step 1 (the workspace does not change yet).
  await guide.pressOutsideEditors('ArrowRight');
  await expect(guide.predict).toBeVisible();
  await expect(guide.progress).toHaveText(/Predict step 1 of \d+/);
  await expect(guide.stepTitle).toHaveText('Deny all ingress in shop');
  await expect(guide.question(0)).toContainText('gateway -> frontend TCP 3000');
  await expect(guide.question(1)).toContainText('backend -> db TCP 5432');
  expect(await guide.allowed('shop/frontend', 'shop/backend', 8080)).toBe(true);
  // The flows asked about are marked on the canvas.
  await expect(guide.edgesWith('data-predict').first()).toBeAttached();
  expect(await guide.edgesWith('data-predict').count()).toBeGreaterThanOrEqual(2);

  await guide.guess(0, 'denied');
  await guide.guess(1, 'allowed'); // wrong on purpose: default-deny-ingress isolates db too
  await guide.guess(2, 'allowed');
  await saveShot(page, 'guided-predict');
  await expect(guide.next).toHaveText(/Reveal/);
  await guide.next.click();

  // Revealed: step 1 applied, the score, and the evaluator's reason for the wrong guess.
  await expect(guide.progress).toHaveText(/Step 1 of \d+/);
  await expect(guide.score).toContainText('2 of 3 right');
  await expect(guide.result(0)).toHaveAttribute('data-correct', 'true');
  await expect(guide.result(1)).toHaveAttribute('data-correct', 'false');
  await expect(guide.why(1)).toBeVisible();
  await expect(guide.why(1)).toContainText('shop/db');
  await expect(guide.why(1)).toContainText('isolated');
  await expect(guide.why(0)).toHaveCount(0);
  await expect(guide.narrative).toContainText('default-deny-ingress');
  expect(await guide.allowed('shop/frontend', 'shop/backend', 8080)).toBe(false);
  // The canvas marks the flows that changed.
  await expect(guide.edgesWith('data-change', 'removed').first()).toBeAttached();
  await expect(guide.page.getByTestId('rf__edge-shop/frontend->shop/backend')).toHaveAttribute('data-change', 'removed');
  await saveShot(page, 'guided-revealed');

  // ← goes back a step: the previous verdicts are back, and the flows that came back are marked.
  await guide.pressOutsideEditors('ArrowLeft');
  await expect(guide.progress).toHaveText(/Introduction/);
  await expect.poll(() => guide.allowed('shop/frontend', 'shop/backend', 8080)).toBe(true);
  await expect(guide.page.getByTestId('rf__edge-shop/frontend->shop/backend')).toHaveAttribute('data-change', 'added');
  // → again: step 1 was predicted already, so it is shown with its score at once.
  await guide.pressOutsideEditors('ArrowRight');
  await expect(guide.progress).toHaveText(/Step 1 of \d+/);
  await expect(guide.score).toContainText('2 of 3 right');

  // A reload mid-lesson comes back to the same step, with that step's verdicts.
  await page.reload();
  await expect(guide.progress).toHaveText(/Step 1 of \d+/);
  await expect.poll(() => guide.allowed('shop/frontend', 'shop/backend', 8080)).toBe(false);

  // Presentation mode: P hides the YAML pane and the side panel; the canvas and the guide stay; Esc leaves it.
  await guide.pressOutsideEditors('p');
  await expect(guide.yamlColumn).toBeHidden();
  await expect(guide.sidePanel).toBeHidden();
  await expect(guide.canvas).toBeVisible();
  await expect(guide.bar).toBeVisible();
  await expect(guide.presentButton).toHaveAttribute('aria-pressed', 'true');
  await page.setViewportSize({ width: 1280, height: 720 });
  await saveShot(page, 'guided-presentation');
  await guide.pressOutsideEditors('ArrowRight');
  await expect(guide.predict).toBeVisible();
  await saveShot(page, 'guided-presentation-predict');
  await guide.pressOutsideEditors('ArrowLeft');
  await expect(guide.predict).toBeHidden();
  await guide.pressOutsideEditors('Escape');
  await expect(guide.yamlColumn).toBeVisible();
  await expect(guide.sidePanel).toBeVisible();

  // The button does the same.
  await guide.presentButton.click();
  await expect(guide.yamlColumn).toBeHidden();
  await guide.presentButton.click();
  await expect(guide.yamlColumn).toBeVisible();

  // Exit: ordinary editing, with the files of the step reached.
  await guide.exit.click();
  await expect(guide.bar).toBeHidden();
  expect(await guide.allowed('shop/frontend', 'shop/backend', 8080)).toBe(false);
});

test('typing in the YAML editor never steps the lesson', async ({ page }) => {
  const guide = new GuidePage(page);
  await guide.startLesson(LESSON);
  await page.getByTestId('yaml.editor').locator('.cm-content').click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('p');
  await expect(guide.progress).toHaveText(/Introduction/);
  await expect(guide.predict).toBeHidden();
  await expect(guide.yamlColumn).toBeVisible();
  // The edit is noticed: the guide offers to restore the lesson's files.
  await expect(page.getByTestId('guide.drift')).toBeVisible();
  await page.getByTestId('guide.restore').click();
  await expect(page.getByTestId('guide.drift')).toBeHidden();
});
