// Passation: taking over, in one go, every connection a colleague manages. QuickBooks:
// Claire Martin takes over Julien Petit's; Expert-Comptable: Marie Dupont takes over
// Thomas Leroy's, firm and clients; Thomas may only look. By mouse and by keyboard, with
// an accessibility scan of the page and its dialog.
import {
  test,
  expect,
  QB,
  EC,
  open,
  sections,
  dialogNamed,
  expectTexts,
  chooseOption,
  actAs,
  saveDemo,
  expectNoViolations,
} from './fixtures.js';

const QB_HANDOVER = `${QB}/passation`;
const EC_HANDOVER = `${EC}/passation`;
const JULIEN = ['Notes Éclair', 'Stock Malin', 'Tableau Clair'];
const THOMAS = [
  ['Dossiers Partagés', 'Cabinet Dupont & Associés'],
  ['Temps Facturé', 'Cabinet Dupont & Associés'],
  ['Stock Malin', 'Boulangerie Martin'],
  ['Factures Express', 'Garage Lefèvre'],
  ['Banque Sereine', 'Studio Nova'],
];

function managedBy(page) {
  return page.getByRole('combobox', { name: 'Gérées par' });
}

async function choosePerson(page, name) {
  await chooseOption(managedBy(page), name);
}

function report(page) {
  return page.getByRole('region', { name: 'Résultat de la prise en charge' });
}

test('QuickBooks: Claire Martin takes over every connection Julien Petit manages', async ({ page }) => {
  await open(page, QB_HANDOVER);
  await expect(page.getByRole('heading', { level: 2, name: 'Passation' })).toBeVisible();
  await expect(managedBy(page).locator('option', { hasText: 'Julien Petit (3 connexions)' })).toHaveCount(1);
  await choosePerson(page, 'Julien Petit');
  await expect(page).toHaveURL(/passation\?de=julien-petit$/);
  const take = page.getByRole('button', { name: 'Prendre en charge la sélection' });
  await expect(take).toBeDisabled();
  for (const app of JULIEN) {
    await expect(page.getByRole('checkbox', { name: `${app} — Boulangerie Martin`, exact: true })).toBeVisible();
  }
  await page.getByRole('checkbox', { name: 'Tout sélectionner' }).check();
  await take.click();

  const dialog = dialogNamed(page, 'Prendre en charge 3 connexions ?');
  await expect(dialog).toContainText('Chacune sera gérée par vous, Claire Martin ; Julien Petit ne la gérera plus.');
  for (const app of JULIEN) await expect(dialog).toContainText(`${app} — Boulangerie Martin`);
  await expect(dialog.getByRole('complementary', { name: 'À propos de vos données' })).toContainText('éditeur');
  await expect(dialog.getByRole('link', { name: /@/ })).toHaveCount(3);
  await expectNoViolations(page, 'the take-over dialog', 'dialog[open]');
  await dialog.getByRole('button', { name: 'Confirmer la prise en charge' }).click();
  await expect(dialog).toHaveCount(0);

  await expect(report(page)).toBeVisible();
  await expect(report(page).getByRole('listitem')).toHaveCount(3);
  for (const app of JULIEN) await expect(report(page)).toContainText(`${app} — Boulangerie Martin : prise en charge.`);
  await expect(page.getByRole('heading', { name: 'Résultat de la prise en charge' })).toBeFocused();
  await expect(page.getByText('Julien Petit ne gère aucune connexion que vous pouvez voir.')).toBeVisible();
  await expectNoViolations(page, 'the handover report');

  // One transfer each in the journal.
  await sections(page).getByRole('link', { name: 'Journal' }).click();
  const transfers = page.locator('.ma-journal__entry--transfert');
  await expect(transfers.filter({ hasText: 'Gestion transférée de Julien Petit à Claire Martin' })).toHaveCount(3);
});

test('Expert-Comptable: Marie Dupont takes over Thomas Leroy’s connections, firm and clients', async ({ page }) => {
  await open(page, EC_HANDOVER);
  await choosePerson(page, 'Thomas Leroy');
  for (const [app, company] of THOMAS) {
    await page.getByRole('checkbox', { name: `${app} — ${company}`, exact: true }).check();
  }
  await expect(page.getByRole('checkbox', { name: 'Tout sélectionner' })).toBeChecked();
  await page.getByRole('button', { name: 'Prendre en charge la sélection' }).click();
  const dialog = dialogNamed(page, 'Prendre en charge 5 connexions ?');
  await expect(dialog).toContainText('seul l\'administrateur principal peut reprendre la gestion');
  await dialog.getByRole('button', { name: 'Confirmer la prise en charge' }).click();
  await expect(report(page).getByRole('listitem')).toHaveCount(5);
  for (const [app, company] of THOMAS) {
    await expect(report(page)).toContainText(`${app} — ${company} : prise en charge.`);
  }
  await page.goto(`${EC}/clients`);
  await expect(page.getByRole('row').filter({ hasText: 'Thomas Leroy' })).toHaveCount(0);
});

test('Expert-Comptable: Thomas Leroy sees Marie Dupont’s connections read only, told who may take them over', async ({ page }) => {
  await open(page, EC_HANDOVER);
  await actAs(page, 'Thomas Leroy');
  await choosePerson(page, 'Marie Dupont');
  await expect(page.getByText(/seul l'administrateur principal peut reprendre la gestion/).first()).toBeVisible();
  await expect(page.getByText(/Demandez à Marie Dupont/)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Tableau Clair' })).toHaveCount(1);
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Prendre en charge la sélection' })).toHaveCount(0);
  await expectNoViolations(page, "another's connections, read only");
});

test('a handover where one connection was taken meanwhile reports it, and the others are taken over', async ({ page }) => {
  await open(page, QB_HANDOVER);
  await saveDemo(page);
  await choosePerson(page, 'Julien Petit');
  await page.getByRole('checkbox', { name: 'Tout sélectionner' }).check();
  // Meanwhile, in another tab, Claire takes Stock Malin over herself: this tab catches
  // up when it acts.
  await page.evaluate(() => {
    const key = 'mes-apps/quickbooks';
    const stored = JSON.parse(localStorage.getItem(key));
    for (const c of stored.data.connections) if (c.app === 'stock-malin') c.manager = 'claire-martin';
    stored.revision += 1;
    stored.writer = 12345;
    localStorage.setItem(key, JSON.stringify(stored));
  });
  await page.getByRole('button', { name: 'Prendre en charge la sélection' }).click();
  await page.getByRole('button', { name: 'Confirmer la prise en charge' }).click();
  await expectTexts(report(page), [
    'Stock Malin — Boulangerie Martin : impossible. Vous gérez déjà Stock Malin',
    'Notes Éclair — Boulangerie Martin : prise en charge.',
    'Tableau Clair — Boulangerie Martin : prise en charge.',
  ]);
});

test('a handover by keyboard alone', async ({ page }) => {
  await open(page, QB_HANDOVER);
  await managedBy(page).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/de=julien-petit/);
  const all = page.getByRole('checkbox', { name: 'Tout sélectionner' });
  await all.focus();
  await page.keyboard.press('Space');
  await expect(all).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('checkbox', { name: 'Notes Éclair — Boulangerie Martin' })).toBeFocused();
  await page.getByRole('button', { name: 'Prendre en charge la sélection' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Prendre en charge la sélection' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Confirmer la prise en charge' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(report(page).getByRole('listitem')).toHaveCount(3);
  await expect(page.getByRole('heading', { name: 'Résultat de la prise en charge' })).toBeFocused();
});
