// Connections that age, end to end: the demo's clock in the Démo area and the status
// line, the État column, the summary above each list, Reconnecter (▼ menu while a
// connection expires soon, in Lancer's place once expired, and on the launch view), its
// rights, keyboard-only use and axe on every new view and dialog.
import {
  test,
  expect,
  QB,
  EC,
  open,
  rowByNameCell,
  stateCell,
  menuButton,
  dialogNamed,
  status,
  journalEntries,
  expectTexts,
  actAs,
  demoArea,
  advance,
  tabTo,
  expectFocusInside,
  expectNoViolations,
} from './fixtures.js';

const DAY = 86_400_000;

/** The date the demo shows `days` ahead of now, as the app writes it. */
function demoDate(days) {
  const d = new Date(Date.now() + days * DAY);
  const text = new Intl.DateTimeFormat('fr-FR', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Paris',
  }).format(d);
  return `Date de la démo : ${text.replace(/^1 /, '1er ')}`;
}

test('advance the clock until a connection expires, see its state, reconnect it', async ({ page }) => {
  await open(page, `${QB}/apercu`);
  await expect(page.getByRole('columnheader', { name: 'État' })).toBeVisible();
  await expect(stateCell(page, 'Tableau Clair')).toHaveText('Expire dans 9 jours');
  // Its icon is drawn (an SVG beside the words), not a character a font may lack.
  const icon = stateCell(page, 'Tableau Clair').locator('.ma-health > svg');
  await expect(icon).toHaveAttribute('aria-hidden', 'true');
  const box = await icon.boundingBox();
  expect(box.width > 0 && box.height > 0).toBe(true);
  const glyph = await stateCell(page, 'Tableau Clair')
    .locator('.ma-health')
    .evaluate((el) => getComputedStyle(el, '::before').content);
  expect(['none', 'normal']).toContain(glyph);
  for (const name of ['Banque Sereine', 'Stock Malin', 'Notes Éclair']) {
    await expect(stateCell(page, name)).toHaveText('Active');
  }
  await expect(page.locator('.ma-attention')).toContainText('1 appli expire dans 9 jours');
  await expect(demoArea(page)).toContainText(demoDate(0));

  await demoArea(page).getByRole('button', { name: 'Avancer de 30 jours' }).click();
  await expect(demoArea(page)).toContainText(demoDate(30));
  await expect(status(page, demoDate(30))).toBeVisible();
  await expect(stateCell(page, 'Tableau Clair')).toHaveText('À reconnecter');
  await expect(stateCell(page, 'Notes Éclair')).toHaveText('Expire dans 10 jours');
  await expect(page.locator('.ma-attention')).toContainText('1 appli à reconnecter, 1 expire dans 10 jours');
  const expired = rowByNameCell(page, 'Tableau Clair');
  await expect(expired.getByRole('button', { name: 'Lancer' })).toHaveCount(0);

  // Claire reconnects Julien's connection: said as the transfer it is.
  await expired.getByRole('button', { name: 'Reconnecter', exact: true }).click();
  const dialog = dialogNamed(page, 'Reconnecter Tableau Clair');
  await expectTexts(dialog, ['a expiré', 'gérée par Julien Petit', "Données auxquelles l'appli aura accès"]);
  await expect(dialog.getByRole('complementary', { name: 'À propos de vos données' })).toContainText('après un transfert');
  await dialog.getByRole('button', { name: 'Reconnecter', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(status(page, 'Tableau Clair est reconnectée pour Boulangerie Martin : sa gestion passe de Julien Petit à vous.')).toBeVisible();
  await expect(stateCell(page, 'Tableau Clair')).toHaveText('Active');
  await expect(rowByNameCell(page, 'Tableau Clair').getByRole('cell', { name: 'Claire Martin (vous)', exact: true })).toBeVisible();
  await expect(rowByNameCell(page, 'Tableau Clair').getByRole('button', { name: 'Lancer' })).toBeVisible();
  await expect(page.locator('.ma-attention')).toContainText('1 appli expire dans 10 jours');

  // The clock is saved with the rest.
  await page.reload();
  await expect(demoArea(page)).toContainText(demoDate(30));
  await page.getByRole('link', { name: 'Journal', exact: true }).click();
  const first = journalEntries(page).first();
  await expect(first).toContainText('Transfert');
  await expect(first).toContainText('Gestion transférée de Julien Petit à Claire Martin');
});

test('Reconnecter is in the ▼ menu while a connection expires soon, and renews it for its manager', async ({ page }) => {
  await open(page, `${QB}/apercu`);
  await actAs(page, 'Julien Petit');
  await menuButton(rowByNameCell(page, 'Tableau Clair'), 'Tableau Clair').click();
  await expect(page.getByRole('menu').getByRole('menuitem')).toHaveText(['Reconnecter', 'Paramètres', 'Suspendre', 'Déconnectez-vous']);
  await page.getByRole('menuitem', { name: 'Reconnecter' }).click();
  const dialog = dialogNamed(page, 'Reconnecter Tableau Clair');
  await expect(dialog).toContainText('expire dans 9 jours');
  await dialog.getByRole('button', { name: 'Reconnecter', exact: true }).click();
  await expect(status(page, 'sa connexion repart pour 100 jours')).toBeVisible();
  await expect(stateCell(page, 'Tableau Clair')).toHaveText('Active');
  await expect(page.locator('.ma-attention')).toHaveCount(0);
  // Other rows' menus are as they were.
  await menuButton(rowByNameCell(page, 'Stock Malin'), 'Stock Malin').click();
  await expect(page.getByRole('menu').getByRole('menuitem')).toHaveText(['Paramètres', 'Suspendre', 'Déconnectez-vous']);
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: 'Journal', exact: true }).click();
  await expect(journalEntries(page).first()).toContainText('Reconnexion');
});

test('Lancer on an expired connection says it must be reconnected, and offers it', async ({ page }) => {
  await open(page, `${QB}/apercu`);
  await advance(page, 2);
  await expect(stateCell(page, 'Notes Éclair')).toHaveText('À reconnecter');
  await page.goto(`${QB}/connexions/boulangerie-martin/notes-eclair/lancer`);
  await expect(page.getByRole('heading', { level: 2, name: "Notes Éclair ne peut pas s'ouvrir" })).toBeVisible();
  await expect(page.getByText(/doit être reconnectée/)).toBeVisible();
  await expect(page.getByText(/Ouverte pour/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Reconnecter', exact: true }).click();
  const dialog = dialogNamed(page, 'Reconnecter Notes Éclair');
  await dialog.getByRole('button', { name: 'Reconnecter', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Notes Éclair' })).toBeVisible();
  await expect(page.getByText('Ouverte pour Boulangerie Martin, par Claire Martin.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Notes Éclair' })).toBeFocused();
});

test('Expert-Comptable: an admin may not take over, and is told who may; the summary counts what they see', async ({ page }) => {
  await open(page, `${EC}/clients`);
  await actAs(page, 'Thomas Leroy');
  await advance(page);
  // Pharmacie du Port's Stock Malin (10 days left) is not his to see.
  await expect(page.locator('.ma-attention')).toContainText('1 appli à reconnecter');
  await expect(page.locator('.ma-attention')).not.toContainText('expire');
  await expect(stateCell(page, 'Trésorerie Plus')).toHaveText('À reconnecter');
  await rowByNameCell(page, 'Trésorerie Plus').getByRole('button', { name: 'Reconnecter', exact: true }).click();
  const dialog = dialogNamed(page, 'Reconnecter Trésorerie Plus');
  await expect(dialog.getByRole('alert')).toContainText('Demandez à Marie Dupont');
  await expectNoViolations(page, 'reconnect refusal');
  await dialog.getByRole('button', { name: 'Fermer' }).click();
  await expect(stateCell(page, 'Trésorerie Plus')).toHaveText('À reconnecter');
  // Marie, the primary admin, may.
  await actAs(page, 'Marie Dupont');
  await expect(page.locator('.ma-attention')).toContainText('1 appli à reconnecter, 1 expire dans 10 jours');
  await rowByNameCell(page, 'Trésorerie Plus').getByRole('button', { name: 'Reconnecter', exact: true }).click();
  await dialogNamed(page, 'Reconnecter Trésorerie Plus').getByRole('button', { name: 'Reconnecter', exact: true }).click();
  await expect(stateCell(page, 'Trésorerie Plus')).toHaveText('Active');
});

test('by keyboard alone: the Démo area, the summary, the reconnection dialog', async ({ page }) => {
  await open(page, `${QB}/apercu`);
  const step = demoArea(page).getByRole('button', { name: 'Avancer de 30 jours' });
  await tabTo(page, step);
  await page.keyboard.press('Enter');
  await expect(demoArea(page)).toContainText(demoDate(30));
  await expect(step).toBeFocused();
  // The summary's link takes focus to the expired row's Reconnecter.
  const link = page.locator('.ma-attention').getByRole('link', { name: /^Tableau Clair/ });
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  const main = rowByNameCell(page, 'Tableau Clair').getByRole('button', { name: 'Reconnecter', exact: true });
  await expect(main).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = dialogNamed(page, 'Reconnecter Tableau Clair');
  await expect(dialog).toBeVisible();
  await expectFocusInside(dialog);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(main).toBeFocused();
  await page.keyboard.press('Enter');
  await tabTo(page, dialog.getByRole('button', { name: 'Reconnecter', exact: true }), { max: 10 });
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  // Focus is on the row's main button, Lancer again.
  await expect(rowByNameCell(page, 'Tableau Clair').getByRole('button', { name: 'Lancer' })).toBeFocused();
  // The ▼ menu's Reconnecter by keyboard, on the one that now expires soon.
  const more = menuButton(rowByNameCell(page, 'Notes Éclair'), 'Notes Éclair');
  await tabTo(page, more);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Reconnecter' })).toBeFocused();
  await page.keyboard.press('Enter');
  const other = dialogNamed(page, 'Reconnecter Notes Éclair');
  await expectFocusInside(other);
  await page.keyboard.press('Escape');
  await expect(more).toBeFocused();
});

test('by keyboard alone: the launch view of an expired connection', async ({ page }) => {
  await open(page, `${QB}/apercu`);
  await advance(page);
  const main = rowByNameCell(page, 'Tableau Clair').getByRole('button', { name: 'Reconnecter', exact: true });
  await expect(main).toBeVisible();
  await page.goto(`${QB}/connexions/boulangerie-martin/tableau-clair/lancer`);
  const button = page.getByRole('button', { name: 'Reconnecter', exact: true });
  await tabTo(page, button);
  await page.keyboard.press('Enter');
  const dialog = dialogNamed(page, 'Reconnecter Tableau Clair');
  await tabTo(page, dialog.getByRole('button', { name: 'Reconnecter', exact: true }), { max: 10 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Tableau Clair' })).toBeFocused();
});

test('axe: the lists with their summary and states, the Démo area, the reconnection dialog, the expired launch view', async ({ page }) => {
  await open(page, `${QB}/apercu`);
  await expect(page.locator('.ma-attention')).toBeVisible();
  await expectNoViolations(page, 'Aperçu with an expiring connection');
  await advance(page);
  await expect(stateCell(page, 'Tableau Clair')).toHaveText('À reconnecter');
  await expectNoViolations(page, 'Aperçu with an expired connection and the status line');
  await rowByNameCell(page, 'Tableau Clair').getByRole('button', { name: 'Reconnecter', exact: true }).click();
  await expect(dialogNamed(page, 'Reconnecter Tableau Clair')).toBeVisible();
  await expectNoViolations(page, 'reconnect dialog (a transfer)');
  await page.keyboard.press('Escape');
  await page.goto(`${QB}/connexions/boulangerie-martin/tableau-clair/lancer`);
  await expect(page.getByRole('heading', { level: 2, name: "Tableau Clair ne peut pas s'ouvrir" })).toBeVisible();
  await expectNoViolations(page, 'launch view of an expired connection');
  await open(page, `${EC}/cabinet`);
  await advance(page, 3);
  await expect(page.locator('.ma-attention')).toBeVisible();
  await expectNoViolations(page, 'Applis du cabinet with connections to reconnect');
  await open(page, `${EC}/clients`);
  await expectNoViolations(page, 'Applis clientes with connections to reconnect');
});

test.describe('at 360×740', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('axe: Aperçu with its summary and the Démo area on a small screen', async ({ page }) => {
    await open(page, `${QB}/apercu`);
    await advance(page);
    await expect(stateCell(page, 'Tableau Clair')).toHaveText('À reconnecter');
    await expectNoViolations(page, 'Aperçu at 360×740 with an expired connection');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'nothing sticks out sideways').toBeLessThanOrEqual(0);
  });
});
