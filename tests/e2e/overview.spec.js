// Vue d'ensemble (Expert-Comptable): the firm and each accessible client against every
// app installed among them; who manages each cell; "Géré par" and "Trier par"; links from
// cells to a connection's settings or to installing the app there. Usable by keyboard.
import { test, expect, EC, open, dialogNamed, soleStatus, actAs, expectNoViolations } from './fixtures.js';

const OVERVIEW = `${EC}/vue-d-ensemble`;

function table(page) {
  return page.getByRole('region', { name: 'Tableau des applis par client' }).getByRole('table');
}

test('the overview lists the firm then the clients, and says who manages each app', async ({ page }) => {
  await open(page, OVERVIEW);
  await expect(page.getByRole('heading', { level: 2, name: "Vue d'ensemble" })).toBeVisible();
  const rows = table(page).getByRole('row');
  await expect(rows).toHaveCount(1 + 7);
  await expect(rows.nth(1).getByRole('rowheader')).toHaveText('Cabinet Dupont & Associés');
  await expect(table(page).getByRole('columnheader', { name: 'Stock Malin' })).toHaveCount(1);
  const cell = table(page).getByRole('link', { name: 'Stock Malin chez Boulangerie Martin', exact: true });
  await expect(cell).toHaveCount(1);
  await expect(cell.locator('xpath=..')).toContainText('gérée par Thomas Leroy');
  await expect(soleStatus(page, '9 connexions dans le tableau')).toHaveCount(1);
  await expectNoViolations(page, 'the overview');

  // Léa Moreau sees only her three clients.
  await actAs(page, 'Léa Moreau');
  await expect(table(page).getByRole('row')).toHaveCount(1 + 4);
  await expect(table(page)).not.toContainText('Pharmacie du Port');
});

test('Géré par marks one person’s connections in words and counts them; Trier par orders rows', async ({ page }) => {
  await open(page, OVERVIEW);
  const manager = page.getByRole('combobox', { name: 'Géré par' });
  await manager.selectOption({ label: 'Thomas Leroy' });
  await expect(page).toHaveURL(/gere-par=thomas-leroy/);
  await expect(soleStatus(page, 'Thomas Leroy en gère 5 sur 9 connexions, marquées ◆')).toHaveCount(1);
  await expect(table(page).locator('.ma-cell--marked')).toHaveCount(5);
  await expect(table(page).locator('.ma-cell--marked').first()).toContainText('◆');

  await page.getByRole('combobox', { name: 'Trier par' }).selectOption({ label: "Nombre d'applis" });
  await expect(page).toHaveURL(/tri=applis/);
  const first = table(page).getByRole('row').nth(1).getByRole('rowheader');
  await expect(first).toHaveText('Cabinet Dupont & Associés');
  // The address keeps both choices across a reload.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Géré par' })).toHaveValue('thomas-leroy');
  await expect(page.getByRole('combobox', { name: 'Trier par' })).toHaveValue('applis');
  await expectNoViolations(page, 'the overview, filtered and sorted');
});

test('a cell’s link opens that connection’s settings, an empty one installing the app there', async ({ page }) => {
  await open(page, OVERVIEW);
  await table(page).getByRole('link', { name: 'Stock Malin chez Boulangerie Martin', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Paramètres de Stock Malin' })).toBeVisible();
  await page.goBack();
  await table(page).getByRole('link', { name: 'Installer Stock Malin chez Garage Lefèvre', exact: true }).click();
  const dialog = dialogNamed(page, 'Obtenir Stock Malin');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Garage Lefèvre', exact: true })).toBeChecked();
  await dialog.getByRole('button', { name: 'Installer', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Paramètres de Stock Malin' })).toBeVisible();
  await page.goto(OVERVIEW);
  await expect(table(page).getByRole('link', { name: 'Stock Malin chez Garage Lefèvre', exact: true })).toHaveCount(1);
});

test('the overview by keyboard: its region scrolls and every cell is a link in reading order', async ({ page }) => {
  // Narrow enough that the table is wider than its region.
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page, OVERVIEW);
  const region = page.getByRole('region', { name: 'Tableau des applis par client' });
  await region.focus();
  await expect(region).toBeFocused();
  // Arrows scroll the region itself.
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => region.evaluate((r) => r.scrollLeft)).toBeGreaterThan(0);
  // Tab goes to the first cell of the firm's row: Banque Sereine is not installed there.
  await page.keyboard.press('Tab');
  const first = table(page).getByRole('link', { name: 'Installer Banque Sereine chez Cabinet Dupont & Associés', exact: true });
  await expect(first).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(table(page).getByRole('link', { name: 'Dossiers Partagés chez Cabinet Dupont & Associés', exact: true })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  const dialog = dialogNamed(page, 'Obtenir Banque Sereine');
  await expect(dialog.getByRole('radio', { name: 'Cabinet Dupont & Associés' })).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('at 360 px the page does not scroll sideways: the table scrolls in its region', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page, OVERVIEW);
  await expect(table(page)).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('a long table draws the rows around the view and follows the reader, by scroll and by keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 600 });
  await open(page, `${OVERVIEW}?scenario=grand-cabinet`);
  const region = page.getByRole('region', { name: 'Tableau des applis par client' });
  const t = table(page);
  const row = (i) => t.locator(`tr[aria-rowindex="${i}"]`);
  // 200 clients and the firm, under the header: the table says so, and draws a screenful.
  await expect(t).toHaveAttribute('aria-rowcount', '202');
  await expect(row(2).getByRole('rowheader')).toHaveCount(1);
  const drawn = await t.getByRole('row').count();
  expect(drawn).toBeGreaterThan(10);
  expect(drawn).toBeLessThanOrEqual(1 + 60);
  await expect(row(202)).toHaveCount(0);
  await expectNoViolations(page, 'the overview of a large firm');

  // Scrolled to its end, the last rows are drawn and the first are not.
  await region.evaluate((r) => { r.scrollTop = r.scrollHeight; });
  await expect(row(202).getByRole('rowheader')).toHaveCount(1);
  await expect(row(2)).toHaveCount(0);
  // The empty space stands for the rows not drawn: the last row ends at the region's end.
  const gap = await region.evaluate((r) => r.scrollHeight - r.clientHeight - r.scrollTop);
  expect(Math.abs(gap)).toBeLessThanOrEqual(2);

  // By keyboard: Home scrolls the region back, Tab goes to the firm's first cell.
  await region.focus();
  await page.keyboard.press('Home');
  await expect(row(2).getByRole('rowheader')).toHaveText('Cabinet Dupont & Associés');
  await page.keyboard.press('Tab');
  await expect(row(2).getByRole('link').first()).toBeFocused();

  // Focus on the last drawn row: Tab from its last cell reaches the next row, drawn by then.
  const last = Number(await t.locator('tbody tr[aria-rowindex]').last().getAttribute('aria-rowindex'));
  await row(last).getByRole('link').last().focus();
  await page.keyboard.press('Tab');
  await expect(row(last + 1).getByRole('link').first()).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(row(last).getByRole('link').last()).toBeFocused();

  // A focused cell scrolled far out of view is no longer drawn: focus stays in the region.
  // The browser animates each PageDown; on a busy machine a press made while the last
  // one still scrolls may add little, so the reader goes on pressing until the row is
  // gone (within 20 s).
  await expect
    .poll(async () => {
      await page.keyboard.press('PageDown');
      return row(last).count();
    }, { timeout: 20_000, intervals: [100] })
    .toBe(0);
  expect(await region.evaluate((r) => r.scrollTop)).toBeGreaterThan(0);
  await expect(region).toBeFocused();
});
