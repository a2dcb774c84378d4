// Receipts of disconnections, end to end: the status line's Voir le reçu, the receipt's
// own address and content, its print view and its download, the journal's link, undoing a
// disconnection with the settings back (and its rights), by keyboard alone; axe on each.
import {
  test,
  expect,
  QB,
  EC,
  open,
  sections,
  rowByNameCell,
  chooseFromMenu,
  disconnectByKeyboard,
  dialogNamed,
  status,
  actAs,
  tabTo,
  expectFocusInside,
  downloadOf,
  expectNoViolations,
  fr,
} from './fixtures.js';

const NOTES_SETTINGS = `${QB}/connexions/boulangerie-martin/notes-eclair/parametres`;

/** Changes two of Notes Éclair's settings, then disconnects it with "Autre". */
async function changeThenDisconnect(page) {
  await open(page, NOTES_SETTINGS);
  await page.getByLabel('Circuit de validation').selectOption({ label: 'Sans validation' });
  await page.getByLabel('Compte de frais par défaut').fill('625700');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(status(page, 'Paramètres de Notes Éclair enregistrés')).toBeVisible();
  await page.getByRole('link', { name: 'Aperçu', exact: true }).click();
  await chooseFromMenu(rowByNameCell(page, 'Notes Éclair'), 'Notes Éclair', 'Déconnectez-vous');
  const dialog = dialogNamed(page, 'Déconnecter Notes Éclair');
  await dialog.getByRole('radio', { name: 'Autre' }).check();
  await dialog.getByRole('textbox', { name: 'Précisez la raison' }).fill('Par erreur, hélas');
  await dialog.getByRole('button', { name: 'Déconnecter', exact: true }).click();
  await expect(rowByNameCell(page, 'Notes Éclair')).toHaveCount(0);
}

test('a disconnection gives a receipt: its link, address and content', async ({ page }) => {
  await changeThenDisconnect(page);
  const line = status(page, 'Notes Éclair est déconnectée de Boulangerie Martin');
  await expect(line).toBeVisible();
  await expectNoViolations(page, 'the status line with its link');
  await line.getByRole('link', { name: 'Voir le reçu' }).click();
  await expect(page).toHaveURL(/\/quickbooks\/mes-apps\/recus\/\d+$/);
  const heading = page.getByRole('heading', { level: 2, name: /^Reçu de déconnexion n° \d+$/ });
  await expect(heading).toBeFocused();
  await expect(page).toHaveTitle(/^Reçu de déconnexion n° \d+ — Mes apps$/);
  const receipt = page.locator('article.ma-receipt');
  for (const text of [
    'Notes Éclair',
    'Boulangerie Martin',
    'Déconnectée parClaire Martin',
    'Gérée jusque-là parJulien Petit',
    'RaisonAutre : Par erreur, hélas',
    "Ce qui s'arrête",
    'Dépenses et justificatifs',
    'Circuit de validation : Sans validation',
    'Compte de frais par défaut : 625700',
    'Éclair Solutions SAS',
  ]) {
    await expect(receipt).toContainText(text);
  }
  await expect(receipt.getByRole('link', { name: /donnees@eclair-solutions\.exemple\.fr/ })).toBeVisible();
  await expectNoViolations(page, 'a receipt');
  // Its address opens it again, and the journal links to it.
  const url = page.url();
  await page.getByRole('link', { name: 'Journal', exact: true }).click();
  const link = page.getByRole('link', { name: /^Voir le reçu de la déconnexion de Notes Éclair/ });
  await expect(link).toHaveAttribute('href', new URL(url).pathname);
  await link.click();
  await expect(heading).toBeVisible();
  await page.goto(url);
  await expect(heading).toBeVisible();
});

test('the receipt prints alone and downloads as a text file', async ({ page }) => {
  await page.addInitScript(() => {
    window.__printed = 0;
    window.print = () => {
      window.__printed += 1;
    };
  });
  await changeThenDisconnect(page);
  await status(page, 'Notes Éclair est déconnectée').getByRole('link', { name: 'Voir le reçu' }).click();
  await page.getByRole('button', { name: 'Imprimer' }).click();
  expect(await page.evaluate(() => window.__printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('header.ma-header')).toBeHidden();
  await expect(sections(page)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Imprimer' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Reconnecter avec les mêmes paramètres' })).toBeHidden();
  await expect(page.getByRole('heading', { name: /^Reçu de déconnexion n° / })).toBeVisible();
  await expect(page.locator('article.ma-receipt')).toContainText('Compte de frais par défaut : 625700');
  await page.emulateMedia({ media: 'screen' });

  const { name, text } = await downloadOf(page, () => page.getByRole('button', { name: 'Télécharger le reçu' }).click());
  expect(name).toMatch(/^recu-\d+-notes-eclair-\d{4}-\d{2}-\d{2}\.txt$/);
  for (const line of [
    'Reçu de déconnexion n° ',
    'Mes apps — QuickBooks',
    'Appli : Notes Éclair',
    'Entreprise : Boulangerie Martin',
    'Déconnectée par : Claire Martin',
    'Raison : Autre : Par erreur, hélas',
    '- Dépenses et justificatifs',
    '- Circuit de validation : Sans validation',
    'donnees@eclair-solutions.exemple.fr',
  ]) {
    expect(text).toMatch(fr(line));
  }
});

test('a mistaken disconnection is undone in two clicks, with its settings back', async ({ page }) => {
  await changeThenDisconnect(page);
  await status(page, 'Notes Éclair est déconnectée').getByRole('link', { name: 'Voir le reçu' }).click();
  const receiptUrl = page.url();
  await page.getByRole('button', { name: 'Reconnecter avec les mêmes paramètres' }).click();
  const dialog = dialogNamed(page, 'Reconnecter Notes Éclair');
  await expect(dialog).toContainText('Circuit de validation : Sans validation');
  await expectNoViolations(page, 'the undo dialog');
  await dialog.getByRole('button', { name: 'Connecter', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Paramètres de Notes Éclair' })).toBeVisible();
  await expect(page.getByLabel('Circuit de validation')).toHaveValue('aucun');
  await expect(page.getByLabel('Compte de frais par défaut')).toHaveValue('625700');
  // Connected there again: the receipt no longer offers it.
  await page.goto(receiptUrl);
  await expect(page.getByText(/est de nouveau connectée à cette entreprise/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reconnecter avec les mêmes paramètres' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Aperçu', exact: true }).click();
  await expect(rowByNameCell(page, 'Notes Éclair')).toHaveCount(1);
});

test('a standard user sees the receipt but may not undo; a client’s receipt is only for those who may see it', async ({ page }) => {
  await changeThenDisconnect(page);
  await status(page, 'Notes Éclair est déconnectée').getByRole('link', { name: 'Voir le reçu' }).click();
  await actAs(page, 'Sophie Bernard');
  await expect(page.getByRole('button', { name: 'Reconnecter avec les mêmes paramètres' })).toHaveCount(0);
  await expect(page.locator('.ma-receipt__undo')).toContainText('Claire Martin ou Julien Petit');
  await expectNoViolations(page, 'a receipt for a standard user');

  await open(page, `${EC}/clients?client=pharmacie-du-port`);
  await chooseFromMenu(rowByNameCell(page, 'Stock Malin'), 'Stock Malin', 'Déconnectez-vous');
  const dialog = dialogNamed(page, 'Déconnecter Stock Malin');
  await dialog.getByRole('radio', { name: 'Je passe à une appli concurrente' }).check();
  await dialog.getByRole('button', { name: 'Déconnecter', exact: true }).click();
  await status(page, 'Stock Malin est déconnectée de Pharmacie du Port').getByRole('link', { name: 'Voir le reçu' }).click();
  await expect(page.getByRole('heading', { name: /^Reçu de déconnexion n° / })).toBeVisible();
  await actAs(page, 'Thomas Leroy');
  await expect(page.getByRole('heading', { level: 2, name: 'Reçu introuvable' })).toBeVisible();
  await expect(page.getByText('Pharmacie du Port')).toHaveCount(0);
  await expectNoViolations(page, 'a receipt not found');
});

test('by keyboard alone: from the status line to the receipt, then the undo', async ({ page }) => {
  await open(page, `${QB}/apercu`);
  const { dialog } = await disconnectByKeyboard(rowByNameCell(page, 'Banque Sereine'), 'Banque Sereine');
  await expect(dialog.getByRole('radio').first()).toBeFocused();
  await page.keyboard.press('Space');
  await tabTo(page, dialog.getByRole('button', { name: 'Déconnecter', exact: true }), { max: 10 });
  await page.keyboard.press('Enter');
  await expect(rowByNameCell(page, 'Banque Sereine')).toHaveCount(0);
  const link = status(page, 'Banque Sereine est déconnectée').getByRole('link', { name: 'Voir le reçu' });
  await tabTo(page, link, { max: 80 });
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { level: 2, name: /^Reçu de déconnexion n° / });
  await expect(heading).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Télécharger le reçu' }));
  const undo = page.getByRole('button', { name: 'Reconnecter avec les mêmes paramètres' });
  await tabTo(page, undo);
  await page.keyboard.press('Enter');
  const again = dialogNamed(page, 'Reconnecter Banque Sereine');
  await expectFocusInside(again);
  await page.keyboard.press('Escape');
  await expect(undo).toBeFocused();
  await page.keyboard.press('Enter');
  await tabTo(page, again.getByRole('button', { name: 'Connecter', exact: true }), { max: 10 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Paramètres de Banque Sereine' })).toBeFocused();
});
