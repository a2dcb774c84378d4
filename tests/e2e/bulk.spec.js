// Bulk actions (Expert-Comptable): install an app for several clients with its settings
// filled once (one target refused: installed there meanwhile from another tab), and
// disconnect several connections with one questionnaire. Reports per target; keyboard.
import {
  test,
  expect,
  EC,
  open,
  sections,
  dialogNamed,
  expectTexts,
  actAs,
  saveDemo,
  expectNoViolations,
} from './fixtures.js';

test('install for three clients, one installed meanwhile in another tab: two installed, one refused', async ({ page }) => {
  await open(page, `${EC}/applis/paie-facile`);
  await saveDemo(page);
  await page.getByRole('button', { name: 'Installer pour plusieurs clients' }).click();
  const dialog = dialogNamed(page, 'Installer Paie Facile pour plusieurs clients');
  await expect(dialog.getByRole('button', { name: /^Installer pour/ })).toHaveText('Installer pour 0 client');
  await expect(dialog.getByRole('button', { name: /^Installer pour/ })).toBeDisabled();
  await dialog.getByRole('searchbox', { name: 'Filtrer les clients' }).fill('garage');
  await expect(dialog.getByRole('checkbox', { name: 'Studio Nova' })).toHaveCount(0);
  await dialog.getByRole('checkbox', { name: 'Garage Lefèvre' }).check();
  await dialog.getByRole('searchbox', { name: 'Filtrer les clients' }).fill('');
  await dialog.getByRole('checkbox', { name: 'Studio Nova' }).check();
  await dialog.getByRole('checkbox', { name: 'Pharmacie du Port' }).check();
  await dialog.getByLabel('Adresse du gestionnaire de paie').fill('paie@cabinet.fr');
  const go = dialog.getByRole('button', { name: 'Installer pour 3 clients' });
  await expect(go).toBeEnabled();
  await expectNoViolations(page, 'the bulk install dialog, filled', 'dialog[open]');

  // Another tab installs it for Studio Nova first.
  await page.evaluate(() => {
    const key = 'mes-apps/expert-comptable';
    const stored = JSON.parse(localStorage.getItem(key));
    stored.data.connections.push({
      app: 'paie-facile',
      company: 'studio-nova',
      manager: 'marie-dupont',
      since: Date.now(),
      settings: { email_gestionnaire: 'paie@exemple.fr', journal_paie: 'PAIE', ecriture_par_salarie: false },
    });
    stored.revision += 1;
    stored.writer = 4242;
    localStorage.setItem(key, JSON.stringify(stored));
  });
  await go.click();
  await expect(dialog).toHaveCount(0);
  const report = page.getByRole('region', { name: "Résultat de l'installation" });
  await expect(report.getByRole('listitem')).toHaveCount(3);
  await expectTexts(report, [
    'Paie Facile — Garage Lefèvre : installée.',
    'Paie Facile — Pharmacie du Port : installée.',
    'Paie Facile — Studio Nova : impossible. Paie Facile est déjà installée pour Studio Nova.',
  ]);
  await expect(page.getByRole('heading', { name: "Résultat de l'installation" })).toBeFocused();
  // With the settings filled once.
  await page.goto(`${EC}/connexions/pharmacie-du-port/paie-facile/parametres`);
  await expect(page.getByLabel('Adresse du gestionnaire de paie')).toHaveValue('paie@cabinet.fr');
});

test('a standard user is told who may install, and nothing changes', async ({ page }) => {
  await open(page, `${EC}/applis/paie-facile`);
  await actAs(page, 'Léa Moreau');
  await page.getByRole('button', { name: 'Installer pour plusieurs clients' }).click();
  const dialog = dialogNamed(page, 'Installer Paie Facile pour plusieurs clients');
  await expect(dialog.getByRole('alert')).toContainText('vous ne pouvez pas installer une appli');
  await expect(dialog.getByRole('checkbox')).toHaveCount(0);
});

test('disconnect a selection of client apps with one questionnaire, reported per target', async ({ page }) => {
  await open(page, `${EC}/clients`);
  const bulk = page.getByRole('button', { name: 'Déconnecter la sélection' });
  await expect(bulk).toBeDisabled();
  await page.getByRole('checkbox', { name: 'Stock Malin — Boulangerie Martin', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Banque Sereine — Studio Nova', exact: true }).check();
  await bulk.click();
  const dialog = dialogNamed(page, 'Déconnecter 2 applis');
  await expect(dialog).toContainText('Stock Malin — Boulangerie Martin');
  await expect(dialog).toContainText('Banque Sereine — Studio Nova');
  const confirm = dialog.getByRole('button', { name: 'Déconnecter', exact: true });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('radio', { name: "Je n'en ai plus besoin" }).check();
  await expectNoViolations(page, 'the bulk disconnect dialog, a reason chosen', 'dialog[open]');
  await confirm.click();
  const report = page.getByRole('region', { name: 'Résultat de la déconnexion' });
  await expect(report).toContainText('Stock Malin — Boulangerie Martin : déconnectée.');
  await expect(report).toContainText('Banque Sereine — Studio Nova : déconnectée.');
  await expect(page.getByRole('checkbox', { name: 'Stock Malin — Boulangerie Martin' })).toHaveCount(0);
  await sections(page).getByRole('link', { name: 'Journal' }).click();
  await expect(page.locator('.ma-journal__entry--deconnexion').filter({ hasText: "Raison : Je n'en ai plus besoin" })).toHaveCount(2);
});

test('bulk disconnection by keyboard alone', async ({ page }) => {
  await open(page, `${EC}/clients`);
  const all = page.getByRole('checkbox', { name: 'Tout sélectionner' });
  await all.focus();
  await page.keyboard.press('Space');
  await expect(all).toBeChecked();
  await page.getByRole('button', { name: 'Déconnecter la sélection' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  // The dialog opens on the questionnaire's first reason.
  await expect(dialog.getByRole('radio').first()).toBeFocused();
  await page.keyboard.press('Space');
  await expect(dialog.getByRole('radio').first()).toBeChecked();
  await dialog.getByRole('button', { name: 'Déconnecter', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Résultat de la déconnexion' })).toBeFocused();
  await expect(page.getByRole('region', { name: 'Résultat de la déconnexion' }).getByRole('listitem')).toHaveCount(6);
  await expectNoViolations(page, 'the bulk disconnection report');
});
