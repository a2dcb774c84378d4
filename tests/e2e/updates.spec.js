// Mises à jour: Claire Martin simulates an update of Stock Malin (which Julien Petit
// manages), reads it in Aperçu and in Ce qui change, approves it, and the app's page and
// settings follow; Marie Dupont approves an update for three clients and refuses it for
// one; Sophie Bernard reads only; axe on each view; all by keyboard; the English names.
import {
  test,
  expect,
  QB,
  EC,
  open,
  tab,
  status,
  actAs,
  demoArea,
  stateCell,
  journalEntries,
  tabTo,
  fr,
  expectNoViolations,
} from './fixtures.js';

const QB_UPDATES = `${QB}/mises-a-jour`;
const EC_UPDATES = `${EC}/mises-a-jour`;

function article(page, title) {
  return page.getByRole('article').filter({ has: page.getByRole('heading', { level: 3, name: fr(title) }) });
}

function result(page) {
  return page.getByRole('region', { name: 'Résultat de la mise à jour' });
}

function dataAccessed(page) {
  return page.getByRole('region', { name: fr("Données auxquelles l'appli accède") });
}

test('Claire Martin simulates an update, reads what changes and approves it', async ({ page }) => {
  await open(page, `${QB}/applis/stock-malin`);
  await expect(dataAccessed(page)).not.toContainText('Fiches fournisseurs');
  await demoArea(page).getByRole('button', { name: 'Simuler une mise à jour' }).click();
  await expect(status(page, 'Version 2 de Stock Malin publiée')).toBeVisible();
  await expect(demoArea(page)).toContainText('Version 2 publiée');
  await expect(demoArea(page).getByRole('button', { name: 'Simuler une mise à jour' })).toHaveCount(0);
  // Nothing changes before an approval: the app still reads what it read.
  await expect(dataAccessed(page)).not.toContainText('Fiches fournisseurs');

  await tab(page, 'Aperçu').click();
  await expect(stateCell(page, 'Stock Malin')).toHaveText('Autorisations à approuver');
  await expect(page.getByText(fr('1 appli avec des autorisations à approuver'))).toBeVisible();
  await expectNoViolations(page, 'Aperçu with an update to approve');
  await page.getByRole('link', { name: 'Voir les mises à jour' }).click();
  await expect(page).toHaveURL(/\/quickbooks\/mes-apps\/mises-a-jour$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Mises à jour' })).toBeVisible();
  const stock = article(page, 'Stock Malin : version 2');
  const changes = stock.getByRole('region', { name: 'Ce qui change' });
  await expect(changes).toContainText(fr('Fiches fournisseurs (nouveau)'));
  await expect(changes).toContainText('Commandes fournisseurs automatiques');
  await expect(stock.getByRole('row').filter({ hasText: 'Boulangerie Martin' })).toContainText('Julien Petit');
  await expectNoViolations(page, 'the Mises à jour page');

  await stock.getByRole('button', { name: 'Approuver', exact: true }).click();
  await expect(status(page, 'Mise à jour approuvée')).toBeVisible();
  await expect(stock).toContainText(fr('Toutes les connexions que vous voyez sont à la version 2.'));

  await page.goto(`${QB}/applis/stock-malin`);
  await expect(dataAccessed(page)).toContainText('Fiches fournisseurs');
  await page.goto(`${QB}/connexions/boulangerie-martin/stock-malin/parametres`);
  await expect(page.getByText(fr('Ajouté par la version 2 : Commandes fournisseurs automatiques'))).toBeVisible();
  await expect(page.getByLabel('Commandes fournisseurs automatiques')).toBeVisible();
  await tab(page, 'Aperçu').click();
  await expect(stateCell(page, 'Stock Malin')).toHaveText('Active');
  await tab(page, 'Journal').click();
  await expect(journalEntries(page).filter({ hasText: 'Mise à jour approuvée' })).toHaveCount(1);
  await expect(journalEntries(page).filter({ hasText: 'Mise à jour publiée (démo)' })).toHaveCount(1);
});

test('Marie Dupont approves an update for three clients and refuses it for one', async ({ page }) => {
  await open(page, `${EC}/cabinet?scenario=mise-a-jour`);
  await tab(page, 'Mises à jour').click();
  const stock = article(page, 'Stock Malin : version 2');
  await expect(stock.getByRole('checkbox', { name: /^Stock Malin — / })).toHaveCount(4);
  // The other update has waited more than 30 days: the État says so.
  await expect(article(page, 'Tableau Clair : version 2')).toContainText(fr("l'éditeur peut cesser de prendre en charge l'ancienne version"));
  await expectNoViolations(page, 'the Mises à jour page of the scenario');
  for (const client of ['Boulangerie Martin', 'Garage Lefèvre', 'Pharmacie du Port']) {
    await stock.getByRole('checkbox', { name: `Stock Malin — ${client}` }).check();
  }
  await stock.getByRole('button', { name: 'Approuver la sélection' }).click();
  await expect(result(page).getByRole('listitem')).toHaveCount(3);
  await expect(result(page).getByRole('heading', { name: 'Résultat de la mise à jour' })).toBeFocused();
  await expect(stock.getByRole('checkbox', { name: /^Stock Malin — / })).toHaveCount(1);
  await stock.getByRole('checkbox', { name: 'Stock Malin — Restaurant Le Comptoir' }).check();
  await stock.getByRole('button', { name: 'Refuser la sélection' }).click();
  await expect(result(page).getByRole('listitem')).toHaveCount(1);
  await expect(result(page)).toContainText('Stock Malin — Restaurant Le Comptoir');
  await expect(stock.getByRole('row').filter({ hasText: 'Restaurant Le Comptoir' })).toContainText('Mise à jour refusée');
  await expectNoViolations(page, 'the result of an update');

  // Each État follows in Applis clientes.
  await tab(page, 'Applis clientes').click();
  for (const client of ['Boulangerie Martin', 'Garage Lefèvre', 'Pharmacie du Port']) {
    await expect(page.getByRole('row').filter({ hasText: client }).filter({ hasText: 'Stock Malin' })).not.toContainText('Autorisations à approuver');
  }
  await expect(page.getByRole('row').filter({ hasText: 'Restaurant Le Comptoir' }).filter({ hasText: 'Stock Malin' })).toContainText('Mise à jour refusée');
  await tab(page, 'Journal').click();
  await expect(journalEntries(page).filter({ hasText: 'Mise à jour approuvée' })).toHaveCount(3);
  await expect(journalEntries(page).filter({ hasText: 'Mise à jour refusée' })).toHaveCount(1);
});

test('Sophie Bernard reads the updates but cannot approve them', async ({ page }) => {
  await open(page, `${QB}/applis/notes-eclair`);
  await demoArea(page).getByRole('button', { name: 'Simuler une mise à jour' }).click();
  await actAs(page, 'Sophie Bernard');
  await page.goto(QB_UPDATES);
  const notes = article(page, 'Notes Éclair : version 2');
  await expect(notes.getByRole('region', { name: 'Ce qui change' })).toContainText('Relevés bancaires');
  await expect(page.getByText(fr(/vous ne pouvez pas connecter.*Demandez à Claire Martin ou Julien Petit/))).toBeVisible();
  await expect(page.getByRole('button', { name: 'Approuver', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Refuser', exact: true })).toHaveCount(0);
  await expectNoViolations(page, 'the Mises à jour page read only');
});

test('updates by keyboard alone, and their English names', async ({ page }) => {
  await open(page, `${EC_UPDATES}?scenario=mise-a-jour`);
  const stock = article(page, 'Stock Malin : version 2');
  await tabTo(page, stock.getByRole('checkbox', { name: 'Tout sélectionner' }));
  await page.keyboard.press('Space');
  await expect(stock.getByRole('checkbox', { name: /^Stock Malin — / }).first()).toBeChecked();
  await tabTo(page, stock.getByRole('button', { name: 'Approuver la sélection' }));
  await page.keyboard.press('Enter');
  await expect(result(page).getByRole('listitem')).toHaveCount(4);

  await open(page, `${QB}/applis/banque-sereine`);
  await tabTo(page, demoArea(page).getByRole('button', { name: 'Simuler une mise à jour' }));
  await page.keyboard.press('Enter');
  await expect(status(page, 'Version 2 de Banque Sereine publiée')).toBeVisible();
  await page.goto(QB_UPDATES);
  await expect(page.getByRole('heading', { level: 2, name: 'Mises à jour' })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Refuser', exact: true }));
  await page.keyboard.press('Enter');
  await expect(status(page, 'Mise à jour refusée')).toBeVisible();
  // The row is drawn again: focus goes to the update's heading, not to the page.
  await expect(page.getByRole('heading', { level: 3, name: fr('Banque Sereine : version 2') })).toBeFocused();
  await expect(page.getByRole('row').filter({ hasText: 'Boulangerie Martin' })).toContainText('Mise à jour refusée');
  await tabTo(page, page.getByRole('button', { name: 'Approuver', exact: true }));
  await page.keyboard.press('Enter');
  await expect(status(page, 'Mise à jour approuvée')).toBeVisible();

  await page.goto(`${EC_UPDATES}?lang=en&scenario=mise-a-jour`);
  await expect(page.getByRole('link', { name: 'Updates', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Updates', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'What changes' }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Approve selected' }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Refuse selected' }).first()).toBeVisible();
});
