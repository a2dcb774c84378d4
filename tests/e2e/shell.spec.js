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

for (const width of [1280, 360]) {
  test(`nothing moves when the app replaces its loading frame (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto('/quickbooks/mes-apps/apercu');
    await expect(page.getByRole('table')).toBeVisible();
    // Let a late shift, if any, be reported.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await page.evaluate(() => window.__shift)).toBeLessThan(0.01);
  });
}

test('a loading frame is shown until the app is ready', async ({ page }) => {
  const response = await page.request.get('/');
  const html = await response.text();
  expect(html).toContain('Chargement de Mes apps');
  expect(html).toContain('<html lang="fr">');
  expect(html).toMatch(/<meta name="viewport"/);
  expect(html).toMatch(/rel="icon"/);
});

test('at 360 px wide nothing sticks out sideways', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ['/quickbooks/mes-apps/apercu', '/quickbooks/mes-apps/rechercher', '/expert-comptable/mes-apps/clients', '/quickbooks/mes-apps/journal']) {
    await open(page, path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
