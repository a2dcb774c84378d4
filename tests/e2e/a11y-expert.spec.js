// axe-core on every QuickBooks Expert-Comptable view and dialog: zero violations.
import {
  test,
  expect,
  EC,
  FIRM,
  open,
  menuButton,
  chooseFromMenu,
  dialogNamed,
  openGetDialog,
  installFor,
  actAs,
  expectNoViolations,
} from './fixtures.js';

/** Opens the page of the app `app` (its address) and its get dialog. */
async function openAppGetDialog(page, app, name) {
  await open(page, `${EC}/applis/${app}`);
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  return openGetDialog(page, name);
}

test('Applis du cabinet', async ({ page }) => {
  await open(page, `${EC}/cabinet`);
  await expect(page.getByRole('heading', { level: 2, name: 'Applis du cabinet' })).toBeVisible();
  await expect(page.getByRole('row')).not.toHaveCount(0);
  await expectNoViolations(page, 'Applis du cabinet');
});

test('Applis du cabinet with the ▼ menu open', async ({ page }) => {
  await open(page, `${EC}/cabinet`);
  await menuButton(page, 'Tableau Clair').click();
  await expect(page.getByRole('menu')).toBeVisible();
  await expectNoViolations(page, 'Applis du cabinet, menu open');
});

test('Applis clientes with a client filter and a selected row showing its details', async ({ page }) => {
  await open(page, `${EC}/clients`);
  await expectNoViolations(page, 'Applis clientes (all clients)');
  await page.getByRole('combobox', { name: 'Client', exact: true }).selectOption({ label: 'Boulangerie Martin' });
  await expect(page).toHaveURL(/client=boulangerie-martin/);
  await page.getByRole('button', { name: 'Stock Malin', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Stock Malin pour Boulangerie Martin' })).toBeVisible();
  await expectNoViolations(page, 'Applis clientes (filtered, row selected)');
});

test('Applis clientes at 360×740', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page, `${EC}/clients?client=studio-nova`);
  await page.getByRole('button', { name: 'Banque Sereine', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Banque Sereine pour Studio Nova' })).toBeVisible();
  await expectNoViolations(page, 'Applis clientes at 360×740');
  await open(page, `${EC}/clients`);
  await expectNoViolations(page, 'Applis clientes (all) at 360×740');
});

test('Rechercher des applis', async ({ page }) => {
  await open(page, `${EC}/rechercher`);
  await expectNoViolations(page, 'Rechercher des applis');
  await page.getByRole('searchbox', { name: 'Rechercher des applis' }).fill('stock');
  await expect(page.getByRole('link', { name: 'Stock Malin', exact: true })).toBeVisible();
  await expectNoViolations(page, 'Rechercher des applis (query)');
  await page.getByRole('searchbox', { name: 'Rechercher des applis' }).fill('zzzzzz');
  await expect(page.getByText('Aucune appli trouvée')).toBeVisible();
  await expectNoViolations(page, 'Rechercher des applis (no result)');
});

test("an app's page", async ({ page }) => {
  await open(page, `${EC}/applis/stock-malin`);
  await expect(page.getByRole('heading', { level: 2, name: 'Stock Malin' })).toBeVisible();
  await expectNoViolations(page, "Stock Malin's page");
  await open(page, `${EC}/applis/caisse-horizon`);
  await expect(page.getByRole('heading', { level: 2, name: 'Caisse Horizon' })).toBeVisible();
  await expectNoViolations(page, "Caisse Horizon's page");
});

test('the install dialog, before and after choosing a target', async ({ page }) => {
  const dialog = await openAppGetDialog(page, 'caisse-horizon', 'Caisse Horizon');
  await expectNoViolations(page, 'install dialog, no target');
  await installFor(dialog).getByRole('radio', { name: FIRM }).check();
  await expect(dialog.getByRole('button', { name: 'Installer', exact: true })).toBeEnabled();
  await expectNoViolations(page, 'install dialog, firm chosen');
});

test('the install dialog with an already-installed target (take-over)', async ({ page }) => {
  const dialog = await openAppGetDialog(page, 'stock-malin', 'Stock Malin');
  await expectNoViolations(page, 'install dialog with marked targets');
  await installFor(dialog).getByRole('radio', { name: 'Boulangerie Martin' }).check();
  await expect(dialog.getByRole('button', { name: 'Installer', exact: true })).toBeEnabled();
  await expectNoViolations(page, 'install dialog, take-over');
  await installFor(dialog).getByRole('radio', { name: 'Pharmacie du Port' }).check();
  await expect(dialog.getByRole('button', { name: 'Installer', exact: true })).toBeDisabled();
  await expectNoViolations(page, 'install dialog, already managed by the user');
});

test('the install dialog refusing a take-over (Thomas Leroy)', async ({ page }) => {
  await open(page, `${EC}/cabinet`);
  await actAs(page, 'Thomas Leroy');
  const dialog = await openAppGetDialog(page, 'tableau-clair', 'Tableau Clair');
  await installFor(dialog).getByRole('radio', { name: FIRM }).check();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await expectNoViolations(page, 'install dialog, refused take-over');
});

test('the install dialog refused to a standard user (Léa Moreau)', async ({ page }) => {
  await open(page, `${EC}/cabinet`);
  await actAs(page, 'Léa Moreau');
  const dialog = await openAppGetDialog(page, 'caisse-horizon', 'Caisse Horizon');
  await expect(dialog.getByRole('alert')).toBeVisible();
  await expectNoViolations(page, 'install dialog, standard user');
});

test('the settings view', async ({ page }) => {
  await open(page, `${EC}/connexions/cabinet-dupont/tableau-clair/parametres`);
  await expect(page.getByRole('heading', { level: 2, name: 'Paramètres de Tableau Clair' })).toBeVisible();
  await expectNoViolations(page, 'settings view');
  // With a validation message next to a field.
  await page.getByLabel('Destinataire du rapport mensuel').fill('pas-une-adresse');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoViolations(page, 'settings view with an error');
});

test('the settings view, read-only and managed by someone else', async ({ page }) => {
  await open(page, `${EC}/cabinet`);
  await actAs(page, 'Léa Moreau');
  await open(page, `${EC}/connexions/boulangerie-martin/stock-malin/parametres`);
  await expect(page.getByRole('heading', { level: 2, name: 'Paramètres de Stock Malin' })).toBeVisible();
  await expectNoViolations(page, 'settings view, standard user');
});

test('the journal with a client filter', async ({ page }) => {
  await open(page, `${EC}/journal`);
  await expectNoViolations(page, 'journal');
  await page.getByRole('combobox', { name: 'Client', exact: true }).selectOption({ label: 'Boulangerie Martin' });
  await expect(page).toHaveURL(/client=boulangerie-martin/);
  await expectNoViolations(page, 'journal, client filter');
});

test('the disconnect dialog', async ({ page }) => {
  await open(page, `${EC}/cabinet`);
  await chooseFromMenu(page, 'Temps Facturé', 'Déconnectez-vous');
  const dialog = dialogNamed(page, 'Déconnecter Temps Facturé');
  await expect(dialog).toBeVisible();
  await expectNoViolations(page, 'disconnect dialog');
  await dialog.getByRole('radio', { name: 'Autre' }).check();
  await expect(dialog.getByRole('textbox', { name: 'Précisez la raison' })).toBeVisible();
  await expectNoViolations(page, 'disconnect dialog, Autre');
});

test('the disconnect dialog refused to a standard user', async ({ page }) => {
  await open(page, `${EC}/clients`);
  await actAs(page, 'Léa Moreau');
  await chooseFromMenu(page, 'Stock Malin', 'Déconnectez-vous');
  await expect(dialogNamed(page, 'Déconnecter Stock Malin')).toBeVisible();
  await expectNoViolations(page, 'disconnect dialog, refused');
});
