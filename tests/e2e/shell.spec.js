// The shell, loaded by deep link on the release build served over HTTP.
import { test, expect, open } from './fixtures.js';

test('a section opens by deep link with its heading', async ({ page }) => {
  await open(page, '/quickbooks/mes-apps/rechercher');
  await expect(page.getByRole('heading', { level: 1, name: 'Mes apps' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Rechercher des applis' })).toBeVisible();
  await expect(page).toHaveTitle(/Mes apps/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});

test('an unknown address shows the page introuvable view', async ({ page }) => {
  await open(page, '/nulle-part/ici');
  await expect(page.getByRole('heading', { name: 'Page introuvable' })).toBeVisible();
});

test('the Mes apps link leads to the product section', async ({ page }) => {
  await open(page, '/');
  await page.getByRole('link', { name: 'Mes apps', exact: true }).click();
  await expect(page).toHaveURL(/\/quickbooks\/mes-apps\/apercu$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Aperçu' })).toBeVisible();
});
