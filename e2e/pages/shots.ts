import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';

/**
 * Screenshots for a person to look at, written only when SHOTS names a folder
 * (e.g. `SHOTS=/tmp/shots npx playwright test`); tests never compare them.
 */
export async function saveShot(page: Page, name: string): Promise<void> {
  const dir = process.env['SHOTS'];
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png` });
}
