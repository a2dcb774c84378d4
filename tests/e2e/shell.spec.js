// The shell, loaded by deep link on the release build served over HTTP.
import { test, expect, QB, EC, open, menuButton } from './fixtures.js';

test('a section opens by deep link with its heading', async ({ page }) => {
  await open(page, `${QB}/rechercher`);
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

test('each page names the tab, and a navigation moves focus to the new heading', async ({ page }) => {
  await open(page, `${QB}/apercu`);
  await expect(page).toHaveTitle('Aperçu — Mes apps');
  // The first page keeps the browser's focus.
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  await page.getByRole('link', { name: 'Rechercher des applis' }).click();
  await expect(page).toHaveTitle('Rechercher des applis — Mes apps');
  await expect(page.getByRole('heading', { level: 2, name: 'Rechercher des applis' })).toBeFocused();
  // Typing changes the address's query only: focus stays in the box.
  const box = page.getByRole('searchbox', { name: 'Rechercher des applis' });
  await box.fill('caisse');
  await expect(page).toHaveURL(/q=caisse/);
  await expect(box).toBeFocused();
  // Opening an app's settings from a button, then Back.
  await page.getByRole('link', { name: 'Aperçu' }).click();
  await page.getByRole('button', { name: 'Plus d\'actions pour Stock Malin' }).click();
  await page.getByRole('menuitem', { name: 'Paramètres' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Paramètres de Stock Malin' })).toBeFocused();
  await expect(page).toHaveTitle('Paramètres de Stock Malin — Mes apps');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 2, name: 'Aperçu' })).toBeFocused();
  // An unknown section: one h1 (Mes apps), the section's own heading below it.
  await page.goto(`${QB}/cabinet`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 2, name: 'Page introuvable' })).toBeVisible();
  await expect(page).toHaveTitle('Page introuvable — Mes apps');
});

test('the skip link moves focus to the content', async ({ page }) => {
  await open(page, `${QB}/apercu`);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#contenu')).toBeFocused();
  await page.keyboard.press('Tab');
  // The next stop is inside the content, not back in the header.
  expect(await page.evaluate(() => document.activeElement.closest('main') !== null)).toBe(true);
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
    await page.goto(`${QB}/apercu`);
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
  expect(html).toMatch(/<html lang="?fr"?>/);
  expect(html).toMatch(/<meta[^>]*name="?viewport"?/);
  expect(html).toMatch(/rel="?icon"?/);
});

test('at 360 px wide nothing sticks out sideways', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const paths = [`${QB}/apercu`, `${QB}/rechercher`, `${EC}/clients`, `${QB}/journal`];
  for (const path of [...paths, '/quickbooks/utilisateurs', '/expert-comptable/utilisateurs']) {
    await open(page, path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test('at 360 px the ▼ menu stays on screen and each reason sits beside its radio', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page, `${QB}/apercu`);
  await menuButton(page, 'Banque Sereine').click();
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  const box = await menu.boundingBox();
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(360);
  await page.getByRole('menuitem', { name: 'Déconnectez-vous' }).click();
  const radios = await page.getByRole('dialog').getByRole('radio').all();
  expect(radios.length).toBeGreaterThan(3);
  for (const radio of radios) {
    const place = await radio.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const l = el.labels[0].getBoundingClientRect();
      return { right: r.right, top: r.top, labelLeft: l.left, labelTop: l.top };
    });
    // The label starts to the right of its radio, on the same line (not wrapped below it).
    expect(place.labelLeft).toBeGreaterThanOrEqual(place.right);
    expect(Math.abs(place.labelTop - place.top)).toBeLessThan(12);
  }
});
