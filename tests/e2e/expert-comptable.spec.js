// QuickBooks Expert-Comptable, step by step as the help article tells it: install an app
// for the firm or a client, disconnect it from Applis du cabinet or Applis clientes, take
// over its management (primary admin only), and what an admin and a standard user may
// see and do. Plus both products side by side, and the flows done with the keyboard only.
import {
  test,
  expect,
  QB,
  EC,
  FIRM,
  open,
  sections,
  goToSection,
  findApp,
  rowByLinkOrButton,
  menuButton,
  chooseFromMenu,
  dialogNamed,
  openGetDialog,
  installFor,
  soleStatus,
  journalEntries,
  expectTexts,
  actAs,
  tabTo,
  expectKeysFocus,
} from './fixtures.js';

const ALL_CLIENTS = [
  'Boulangerie Martin',
  'Garage Lefèvre',
  'Fleurs de Provence',
  'Studio Nova',
  'Restaurant Le Comptoir',
  'Pharmacie du Port',
];
const LEA_CLIENTS = ['Boulangerie Martin', 'Fleurs de Provence', 'Studio Nova'];
const LEA_HIDDEN = ['Garage Lefèvre', 'Restaurant Le Comptoir', 'Pharmacie du Port'];

// ---------------------------------------------------------------------------------------
// Helpers: every control is found by its role and accessible name.

/** Asserts the "Utilisateur associé" line of the settings view. */
async function expectAssociatedUser(page, name, isMe) {
  const line = page
    .getByRole('region', { name: /Utilisateur associé/ })
    .or(page.locator('p', { hasText: 'Utilisateur associé' }))
    .first();
  await expect(line).toBeVisible();
  await expect(line).toContainText(name);
  if (isMe) await expect(line).toContainText("c'est vous");
  else await expect(line).toContainText("ce n'est pas vous");
}

async function expectNowhere(page, names) {
  for (const n of names) {
    await expect(page.locator('body'), `« ${n} » must not be shown`).not.toContainText(n);
  }
}

// ---------------------------------------------------------------------------------------

test('1. install an app for the firm: Rechercher des applis → Obtenir l\'appli → Installer pour → Installer', async ({
  page,
}) => {
  await open(page, `${EC}/cabinet`);
  await expect(page.getByLabel('Utilisateur', { exact: true })).toHaveValue('marie-dupont');
  await expect(rowByLinkOrButton(page, 'Caisse Horizon')).toHaveCount(0);

  await findApp(page, 'caisse', 'Caisse Horizon');
  const dialog = await openGetDialog(page, 'Caisse Horizon');
  const group = installFor(dialog);
  await expect(group).toBeVisible();

  // The firm first, then each client (the primary admin accesses all of them).
  const radios = group.getByRole('radio');
  const expected = [FIRM, ...ALL_CLIENTS];
  await expect(radios).toHaveCount(expected.length);
  for (let i = 0; i < expected.length; i++) {
    await expect(radios.nth(i)).toHaveAccessibleName(expected[i]);
    await expect(radios.nth(i)).not.toBeChecked();
  }
  // Nothing chosen yet: Installer cannot go on.
  const install = dialog.getByRole('button', { name: 'Installer', exact: true });
  await expect(install).toBeDisabled();

  await group.getByRole('radio', { name: FIRM }).check();
  await expect(dialog).toContainText(FIRM);
  await expect(dialog).toContainText('Marie Dupont (vous)');
  // The note: the app may keep processing data; rights with the publisher's contact.
  await expect(
    dialog.getByRole('link', { name: 'donnees@horizon-logiciels.exemple.fr' }),
  ).toBeVisible();
  await expect(install).toBeEnabled();
  await install.click();

  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/connexions\/cabinet-dupont\/caisse-horizon\/parametres$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Paramètres de Caisse Horizon' })).toBeVisible();
  await expectAssociatedUser(page, 'Marie Dupont', true);
  await expect(page.getByRole('button', { name: 'Enregistrer' })).toBeVisible();
  await expect(page.getByLabel('Compte de ventes')).toHaveValue('707000');
  await expect(soleStatus(page, `Caisse Horizon est installée pour ${FIRM}`)).toBeVisible();

  await goToSection(page, 'Applis du cabinet');
  const row = rowByLinkOrButton(page, 'Caisse Horizon');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Marie Dupont (vous)');
  await expect(row.getByRole('button', { name: 'Lancer' })).toBeVisible();
  await expect(menuButton(row, 'Caisse Horizon')).toBeVisible();

  // Survives a reload.
  await page.reload();
  await expect(rowByLinkOrButton(page, 'Caisse Horizon')).toHaveCount(1);

  await goToSection(page, 'Journal');
  const entry = journalEntries(page).filter({ hasText: 'Caisse Horizon' }).first();
  await expectTexts(entry, ['Installation', FIRM, 'Marie Dupont']);
});

test('2. install an app for a client: Paie Facile for Garage Lefèvre', async ({ page }) => {
  await open(page, `${EC}/clients`);
  // An administrateur installs for the clients he can access.
  await actAs(page, 'Thomas Leroy');
  await expect(rowByLinkOrButton(page, 'Paie Facile')).toHaveCount(0);

  await findApp(page, 'paie facile', 'Paie Facile');
  const dialog = await openGetDialog(page, 'Paie Facile');
  const group = installFor(dialog);
  await group.getByRole('radio', { name: 'Garage Lefèvre' }).check();
  await expect(dialog).toContainText('Thomas Leroy (vous)');
  await dialog.getByRole('button', { name: 'Installer', exact: true }).click();

  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/connexions\/garage-lefevre\/paie-facile\/parametres$/);
  await expectAssociatedUser(page, 'Thomas Leroy', true);
  await expect(soleStatus(page, 'Paie Facile est installée pour Garage Lefèvre')).toBeVisible();

  await goToSection(page, 'Applis clientes');
  await page.getByLabel('Client', { exact: true }).selectOption({ label: 'Garage Lefèvre' });
  await expect(page).toHaveURL(/client=garage-lefevre/);
  const row = rowByLinkOrButton(page, 'Paie Facile');
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell', { name: 'Garage Lefèvre', exact: true })).toBeVisible();
  await expect(row.getByRole('cell', { name: 'Thomas Leroy (vous)', exact: true })).toBeVisible();

  // Not in the firm's own list.
  await goToSection(page, 'Applis du cabinet');
  await expect(rowByLinkOrButton(page, 'Paie Facile')).toHaveCount(0);

  // The primary admin sees it too, managed by Thomas Leroy.
  await goToSection(page, 'Applis clientes');
  await actAs(page, 'Marie Dupont');
  const again = rowByLinkOrButton(page, 'Paie Facile');
  await expect(again.getByRole('cell', { name: 'Garage Lefèvre', exact: true })).toBeVisible();
  await expect(again.getByRole('cell', { name: 'Thomas Leroy', exact: true })).toBeVisible();
});

test('3. disconnect from Applis du cabinet: ▼ → Déconnectez-vous → questionnaire → Déconnecter', async ({
  page,
}) => {
  await open(page, `${EC}/cabinet`);
  const row = rowByLinkOrButton(page, 'Temps Facturé');
  await expect(row).toHaveCount(1);
  const more = menuButton(row, 'Temps Facturé');
  await expect(more).toHaveAttribute('aria-haspopup', 'menu');
  await expect(more).toHaveText('▼');

  // Escape closes and changes nothing.
  await more.click();
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem')).toHaveText(['Paramètres', 'Suspendre', 'Déconnectez-vous']);
  await menu.getByRole('menuitem', { name: 'Déconnectez-vous' }).click();
  const dialog = dialogNamed(page, 'Déconnecter Temps Facturé');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(more).toBeFocused();
  await expect(row).toHaveCount(1);

  // Annuler too.
  await more.click();
  await page.getByRole('menuitem', { name: 'Déconnectez-vous' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toHaveCount(1);

  // Now for real.
  await more.click();
  await page.getByRole('menuitem', { name: 'Déconnectez-vous' }).click();
  await expect(dialog).toBeVisible();
  const reasons = dialog.getByRole('group', { name: 'Pourquoi déconnectez-vous Temps Facturé ?' })
    .or(dialog.getByRole('radiogroup', { name: 'Pourquoi déconnectez-vous Temps Facturé ?' }))
    .first();
  await expect(reasons.getByRole('radio')).toHaveCount(9);
  await expect(reasons.getByRole('radio').last()).toHaveAccessibleName('Autre');
  await expect(dialog.getByRole('link', { name: 'donnees@atelier-cabinet.exemple.fr' })).toBeVisible();
  const confirm = dialog.getByRole('button', { name: 'Déconnecter', exact: true });
  await expect(confirm).toBeDisabled();

  await reasons.getByRole('radio', { name: 'Autre' }).check();
  const other = dialog.getByRole('textbox', { name: 'Précisez la raison' });
  await expect(other).toBeVisible();
  await expect(confirm).toBeDisabled();
  await other.fill('Nous suivons les temps dans un tableur');
  await expect(confirm).toBeEnabled();
  await confirm.click();

  await expect(dialog).toBeHidden();
  await expect(rowByLinkOrButton(page, 'Temps Facturé')).toHaveCount(0);
  await expect(soleStatus(page, `Temps Facturé est déconnectée de ${FIRM}`)).toBeVisible();
  // The ▼ button that opened the dialog is gone: focus goes on to the next row's ▼.
  await expect.soft(page.locator(':focus'), 'focus after disconnecting').toHaveAccessibleName(/^Plus d'actions pour /);
  await expect.soft(page.locator(':focus'), 'focus after disconnecting').not.toHaveAccessibleName(/Temps Facturé/);
  // The other firm apps are still there.
  await expect(rowByLinkOrButton(page, 'Tableau Clair')).toHaveCount(1);
  await expect(rowByLinkOrButton(page, 'Dossiers Partagés')).toHaveCount(1);

  await page.reload();
  await expect(rowByLinkOrButton(page, 'Temps Facturé')).toHaveCount(0);

  await goToSection(page, 'Journal');
  const entry = journalEntries(page).first();
  await expectTexts(entry, [
    'Déconnexion',
    'Temps Facturé',
    FIRM,
    'Marie Dupont',
    'Autre : Nous suivons les temps dans un tableur',
  ]);
});

test('4. disconnect from Applis clientes: Client filter → select the app → ▼ → Déconnectez-vous → Déconnecter', async ({
  page,
}) => {
  await open(page, `${EC}/clients`);
  const filter = page.getByRole('combobox', { name: 'Client', exact: true });
  await expect(filter.getByRole('option').first()).toHaveText('Tous les clients');
  await expect(filter.getByRole('option')).toHaveText(['Tous les clients', ...ALL_CLIENTS]);
  await expect(rowByLinkOrButton(page, 'Factures Express')).toHaveCount(1);
  await expect(rowByLinkOrButton(page, 'Banque Sereine')).toHaveCount(1);

  await filter.selectOption({ label: 'Garage Lefèvre' });
  await expect(page).toHaveURL(/\/clients\?client=garage-lefevre$/);
  await expect(rowByLinkOrButton(page, 'Banque Sereine')).toHaveCount(0);
  const row = rowByLinkOrButton(page, 'Factures Express');
  await expect(row).toHaveCount(1);

  // Selecting the app shows its details.
  const name = row.getByRole('button', { name: 'Factures Express', exact: true });
  await expect(name).toHaveAttribute('aria-expanded', 'false');
  await name.click();
  await expect(name).toHaveAttribute('aria-expanded', 'true');
  const details = page.getByRole('heading', { name: 'Factures Express pour Garage Lefèvre' });
  await expect(details).toBeVisible();
  const panel = page.locator(`[id="${await name.getAttribute('aria-controls')}"]`);
  await expectTexts(panel, [
    'Garage Lefèvre',
    'Thomas Leroy',
    '18 novembre 2025',
    'Articles et services',
    'Taux de TVA',
    'Préfixe de numérotation : FAC-',
    'Envoyer par e-mail à la validation : activé',
  ]);

  // The deep link keeps the filter.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Client', exact: true })).toHaveValue('garage-lefevre');

  const more = rowByLinkOrButton(page, 'Factures Express').getByRole('button', {
    name: "Plus d'actions pour Factures Express",
  });
  await more.click();
  await page.getByRole('menuitem', { name: 'Déconnectez-vous' }).click();
  const dialog = dialogNamed(page, 'Déconnecter Factures Express');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Garage Lefèvre');
  const confirm = dialog.getByRole('button', { name: 'Déconnecter', exact: true });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('radio', { name: "Je n'en ai plus besoin" }).check();
  await expect(confirm).toBeEnabled();
  await confirm.click();

  await expect(dialog).toBeHidden();
  await expect(rowByLinkOrButton(page, 'Factures Express')).toHaveCount(0);
  await expect(soleStatus(page, 'Factures Express est déconnectée de Garage Lefèvre')).toBeVisible();
  // The ▼ button that opened the dialog is gone: focus goes to the section's heading.
  await expect
    .soft(page.getByRole('heading', { level: 2, name: 'Applis clientes' }), 'focus after disconnecting')
    .toBeFocused();

  // The other clients keep their apps.
  await page.getByRole('combobox', { name: 'Client', exact: true }).selectOption('');
  await expect(rowByLinkOrButton(page, 'Banque Sereine')).toHaveCount(1);
  await expect(rowByLinkOrButton(page, 'Factures Express')).toHaveCount(0);

  await goToSection(page, 'Journal');
  const entry = journalEntries(page).first();
  await expectTexts(entry, ['Déconnexion', 'Factures Express', 'Garage Lefèvre', "Je n'en ai plus besoin"]);
});

test('5. the administratrice principale takes over an app managed by Thomas Leroy', async ({ page }) => {
  await open(page, `${EC}/clients?client=boulangerie-martin`);
  await expect(rowByLinkOrButton(page, 'Stock Malin').getByRole('cell', { name: 'Thomas Leroy', exact: true })).toBeVisible();

  await findApp(page, 'stock malin', 'Stock Malin');
  const dialog = await openGetDialog(page, 'Stock Malin');
  const group = installFor(dialog);
  // Targets where the app is already installed are marked, with who manages it.
  const boulangerie = group.getByRole('radio', { name: 'Boulangerie Martin' });
  await expect(boulangerie).toHaveAccessibleDescription(/déjà installée.*Thomas Leroy/);
  await expect(group.getByRole('radio', { name: 'Pharmacie du Port' })).toHaveAccessibleDescription(
    /déjà installée.*vous/,
  );
  await expect(group.getByRole('radio', { name: 'Garage Lefèvre' })).toHaveAccessibleDescription('');

  // Where she already manages it, there is nothing to take over.
  await group.getByRole('radio', { name: 'Pharmacie du Port' }).check();
  await expect(dialog).toContainText('Vous gérez déjà Stock Malin pour Pharmacie du Port');
  const install = dialog.getByRole('button', { name: 'Installer', exact: true });
  await expect(install).toBeDisabled();

  await boulangerie.check();
  // The dialog names the current manager and says that going on transfers it.
  const warning = dialog.getByText(/reprenez la gestion/);
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('Thomas Leroy');
  await expect(dialog.getByRole('link', { name: 'donnees@malin-gestion.exemple.fr' })).toBeVisible();
  await expect(install).toBeEnabled();
  await install.click();

  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/connexions\/boulangerie-martin\/stock-malin\/parametres$/);
  await expectAssociatedUser(page, 'Marie Dupont', true);
  await expect(
    soleStatus(page, 'La gestion de Stock Malin pour Boulangerie Martin passe de Thomas Leroy à Marie Dupont'),
  ).toBeVisible();

  await goToSection(page, 'Applis clientes');
  await page.getByRole('combobox', { name: 'Client', exact: true }).selectOption({ label: 'Boulangerie Martin' });
  await expect(
    rowByLinkOrButton(page, 'Stock Malin').getByRole('cell', { name: 'Marie Dupont (vous)', exact: true }),
  ).toBeVisible();
  // Still one connection there: a transfer, not a second installation.
  await expect(rowByLinkOrButton(page, 'Stock Malin')).toHaveCount(1);

  await goToSection(page, 'Journal');
  const entry = journalEntries(page).first();
  await expectTexts(entry, [
    'Transfert',
    'Stock Malin',
    'Boulangerie Martin',
    'Gestion transférée de Thomas Leroy à Marie Dupont',
  ]);
});

test('6. Thomas Leroy may not take over an app managed by Marie Dupont', async ({ page }) => {
  await open(page, `${EC}/cabinet`);
  await actAs(page, 'Thomas Leroy');
  await expect(rowByLinkOrButton(page, 'Tableau Clair').getByRole('cell', { name: 'Marie Dupont', exact: true })).toBeVisible();

  for (const [query, app, target] of [
    ['tableau clair', 'Tableau Clair', FIRM],
    ['notes eclair', 'Notes Éclair', 'Fleurs de Provence'],
  ]) {
    await findApp(page, query, app);
    const dialog = await openGetDialog(page, app);
    const radio = installFor(dialog).getByRole('radio', { name: target });
    await expect(radio).toHaveAccessibleDescription(/déjà installée.*Marie Dupont/);
    await radio.check();
    const refusal = dialog.getByRole('alert');
    await expect(refusal).toContainText("seul l'administrateur principal peut reprendre");
    await expect(refusal).toContainText('Marie Dupont');
    await expect(dialog.getByRole('button', { name: 'Installer', exact: true })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await expect(dialog).toBeHidden();
  }

  // The settings view says the same and offers no take-over.
  await open(page, `${EC}/connexions/cabinet-dupont/tableau-clair/parametres`);
  await expectAssociatedUser(page, 'Marie Dupont', false);
  await expect(page.getByRole('main')).toContainText("seul l'administrateur principal peut reprendre");
  await expect(page.getByRole('button', { name: 'Reprendre la gestion' })).toHaveCount(0);

  // Nothing changed.
  await goToSection(page, 'Applis du cabinet');
  await expect(rowByLinkOrButton(page, 'Tableau Clair').getByRole('cell', { name: 'Marie Dupont', exact: true })).toBeVisible();
  await goToSection(page, 'Applis clientes');
  await expect(rowByLinkOrButton(page, 'Notes Éclair').getByRole('cell', { name: 'Marie Dupont', exact: true })).toBeVisible();
  await goToSection(page, 'Journal');
  await expect(journalEntries(page).filter({ hasText: 'Transfert' })).toHaveCount(0);
  await expect(journalEntries(page)).toHaveCount(8); // Thomas reads the 9 demo entries but Pharmacie du Port's
});

test('7. a standard user (Léa Moreau) sees her three clients only and is refused install, settings and disconnect', async ({
  page,
}) => {
  await open(page, `${EC}/clients`);
  await actAs(page, 'Léa Moreau');

  // Applis clientes: her three clients' apps, nothing else.
  const rows = page.getByRole('row').filter({ has: page.getByRole('button', { name: 'Lancer' }) });
  await expect(rows).toHaveCount(3);
  await expect(rowByLinkOrButton(page, 'Stock Malin')).toHaveCount(1);
  await expect(rowByLinkOrButton(page, 'Notes Éclair')).toHaveCount(1);
  await expect(rowByLinkOrButton(page, 'Banque Sereine')).toHaveCount(1);
  await expect(rowByLinkOrButton(page, 'Stock Malin')).toContainText('Boulangerie Martin');
  const filter = page.getByRole('combobox', { name: 'Client', exact: true });
  await expect(filter.getByRole('option')).toHaveText(['Tous les clients', ...LEA_CLIENTS]);
  await expectNowhere(page, LEA_HIDDEN);

  // A deep link to a client she cannot access shows nothing of it.
  await open(page, `${EC}/clients?client=garage-lefevre`);
  await expect(rows).toHaveCount(3);
  await expectNowhere(page, LEA_HIDDEN);

  // She can Lancer.
  await rowByLinkOrButton(page, 'Stock Malin').getByRole('button', { name: 'Lancer' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Stock Malin' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Boulangerie Martin');
  await expect(page.getByRole('main')).toContainText('Léa Moreau');

  // Settings: read-only, with who may change them.
  await goToSection(page, 'Applis clientes');
  await chooseFromMenu(rowByLinkOrButton(page, 'Stock Malin'), 'Stock Malin', 'Paramètres');
  await expect(page.getByRole('heading', { level: 2, name: 'Paramètres de Stock Malin' })).toBeVisible();
  const readOnly = page.getByText(/sans les modifier/);
  await expect(readOnly).toBeVisible();
  await expect(readOnly).toContainText('Marie Dupont');
  await expect(page.getByLabel('Méthode de valorisation')).toBeDisabled();
  await expect(page.getByLabel('Compte de stock')).toBeDisabled();
  await expect(page.getByLabel('Alerte de seuil bas')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Enregistrer' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Reprendre la gestion' })).toHaveCount(0);
  await expectNowhere(page, LEA_HIDDEN);

  // Disconnect: refused, explained, nothing changes.
  await goToSection(page, 'Applis clientes');
  await chooseFromMenu(rowByLinkOrButton(page, 'Stock Malin'), 'Stock Malin', 'Déconnectez-vous');
  const disconnect = dialogNamed(page, 'Déconnecter Stock Malin');
  await expect(disconnect).toBeVisible();
  await expect(disconnect.getByRole('alert')).toContainText('déconnecter');
  await expect(disconnect.getByRole('alert')).toContainText('Marie Dupont');
  await expect(disconnect.getByRole('button', { name: 'Déconnecter', exact: true })).toHaveCount(0);
  await disconnect.getByRole('button', { name: 'Fermer' }).click();
  await expect(disconnect).toBeHidden();
  await expect(rowByLinkOrButton(page, 'Stock Malin')).toHaveCount(1);

  // Search: counts only where she may look.
  await goToSection(page, 'Rechercher des applis');
  await page.getByRole('searchbox', { name: 'Rechercher des applis' }).fill('stock malin');
  const result = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Stock Malin', exact: true }) });
  await expect(result).toContainText('Installée 1 fois');
  await expectNowhere(page, LEA_HIDDEN);

  // App page and install: refused, explained; the choice never lists hidden clients.
  await page.getByRole('link', { name: 'Stock Malin', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Stock Malin' })).toBeVisible();
  await expectNowhere(page, LEA_HIDDEN);
  const dialog = await openGetDialog(page, 'Stock Malin');
  await expect(dialog.getByRole('alert')).toContainText('installer');
  await expect(dialog.getByRole('alert')).toContainText('Marie Dupont');
  await expect(dialog.getByRole('button', { name: 'Installer', exact: true })).toHaveCount(0);
  await expectNowhere(page, LEA_HIDDEN);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Journal: her clients and the firm only.
  await goToSection(page, 'Journal');
  const clientFilter = page.getByRole('combobox', { name: 'Client', exact: true });
  await expect(clientFilter.getByRole('option')).toHaveText(['Tous les clients', ...LEA_CLIENTS]);
  await expect(journalEntries(page)).toHaveCount(6); // 3 firm + 3 of her clients
  await expectNowhere(page, LEA_HIDDEN);
  await clientFilter.selectOption({ label: 'Studio Nova' });
  await expect(journalEntries(page)).toHaveCount(1);
  await expect(journalEntries(page).first()).toContainText('Banque Sereine');
  await open(page, `${EC}/journal?client=pharmacie-du-port`);
  await expect(journalEntries(page)).toHaveCount(0);
  await expect(soleStatus(page, 'Aucune entrée')).toBeVisible();
  await expect(page.locator('ol.ma-journal')).toHaveCount(0);
  await expectNowhere(page, LEA_HIDDEN);

  // The home page counts only what she may see: 3 firm apps and 3 of her clients'.
  await open(page, '/');
  await expect(page.getByRole('main')).toContainText('Bonjour Léa Moreau');
  await expect.soft(page.getByRole('main'), 'home count: only what she may see').toContainText(/\b6\s+connexions\b/);
  await expectNowhere(page, LEA_HIDDEN);
  await open(page, `${EC}/journal?client=pharmacie-du-port`);

  // After all that, nothing changed for the primary admin.
  await actAs(page, 'Marie Dupont');
  await expect(journalEntries(page)).toHaveCount(1);
  await open(page, `${EC}/journal`);
  await expect(journalEntries(page)).toHaveCount(9);
});

test('8. Thomas Leroy never sees Pharmacie du Port', async ({ page }) => {
  const HIDDEN = ['Pharmacie du Port'];
  await open(page, `${EC}/clients`);
  await actAs(page, 'Thomas Leroy');

  const filter = page.getByRole('combobox', { name: 'Client', exact: true });
  await expect(filter.getByRole('option')).toHaveText([
    'Tous les clients',
    ...ALL_CLIENTS.filter((c) => c !== 'Pharmacie du Port'),
  ]);
  await expect(rowByLinkOrButton(page, 'Stock Malin')).toHaveCount(1);
  await expectNowhere(page, HIDDEN);

  await open(page, `${EC}/clients?client=pharmacie-du-port`);
  await expect(rowByLinkOrButton(page, 'Stock Malin')).toHaveCount(1);
  await expect(rowByLinkOrButton(page, 'Stock Malin')).toContainText('Boulangerie Martin');
  // Told why the list is not filtered, without learning the client's name; the same for a
  // client that does not exist.
  const ignored = soleStatus(page, 'ne fait pas partie de ceux auxquels vous avez accès');
  await expect(ignored).toBeVisible();
  await expectNowhere(page, HIDDEN);
  await open(page, `${EC}/clients?client=nulle-part`);
  await expect(ignored).toBeVisible();
  await open(page, `${EC}/clients?client=studio-nova`);
  await expect(ignored).toHaveCount(0);

  await open(page, `${EC}/cabinet`);
  await expectNowhere(page, HIDDEN);

  await goToSection(page, 'Rechercher des applis');
  await page.getByRole('searchbox', { name: 'Rechercher des applis' }).fill('stock malin');
  const result = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Stock Malin', exact: true }) });
  await expect(result).toContainText('Installée 1 fois');
  await page.getByRole('link', { name: 'Stock Malin', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Stock Malin' })).toBeVisible();
  await expectNowhere(page, HIDDEN);

  const dialog = await openGetDialog(page, 'Stock Malin');
  const radios = installFor(dialog).getByRole('radio');
  const expected = [FIRM, ...ALL_CLIENTS.filter((c) => c !== 'Pharmacie du Port')];
  await expect(radios).toHaveCount(expected.length);
  for (let i = 0; i < expected.length; i++) await expect(radios.nth(i)).toHaveAccessibleName(expected[i]);
  await expectNowhere(page, HIDDEN);
  await dialog.getByRole('button', { name: 'Annuler' }).click();

  await goToSection(page, 'Journal');
  await expect(page.getByRole('combobox', { name: 'Client', exact: true }).getByRole('option')).toHaveText([
    'Tous les clients',
    ...ALL_CLIENTS.filter((c) => c !== 'Pharmacie du Port'),
  ]);
  await expect(journalEntries(page)).toHaveCount(8);
  await expectNowhere(page, HIDDEN);
  await open(page, `${EC}/journal?client=pharmacie-du-port`);
  await expect(journalEntries(page)).toHaveCount(0);
  await expectNowhere(page, HIDDEN);

  // Deep links into Pharmacie du Port's connection reveal nothing.
  await open(page, `${EC}/connexions/pharmacie-du-port/stock-malin/parametres`);
  await expect(page.getByRole('heading', { level: 2, name: 'Paramètres introuvables' })).toBeVisible();
  await expectNowhere(page, HIDDEN);
  await open(page, `${EC}/connexions/pharmacie-du-port/stock-malin/lancer`);
  await expect(page.getByRole('heading', { level: 2, name: 'Impossible de lancer cette appli' })).toBeVisible();
  await expectNowhere(page, HIDDEN);

  // Nor does the home page's count: 8 connections are his to see (3 firm, 5 clients).
  await open(page, '/');
  await expect(page.getByRole('main')).toContainText('Bonjour Thomas Leroy');
  await expect.soft(page.getByRole('main'), 'home count: only what he may see').toContainText(/\b8\s+connexions\b/);
  await expectNowhere(page, HIDDEN);
});

test('9. both products side by side: switching Produit keeps each one\'s state, also after a reload', async ({
  page,
}) => {
  await open(page, `${QB}/apercu`);
  await expect(rowByLinkOrButton(page, 'Caisse Horizon')).toHaveCount(0);
  // QuickBooks: connect Caisse Horizon.
  await findApp(page, 'caisse horizon', 'Caisse Horizon');
  await page.getByRole('button', { name: "Obtenir l'appli" }).click();
  const connect = dialogNamed(page, 'Obtenir Caisse Horizon');
  await connect.getByRole('button', { name: 'Connecter', exact: true }).click();
  await expect(connect).toBeHidden();
  await expectAssociatedUser(page, 'Claire Martin', true);

  // Expert-Comptable: its own data, untouched by QuickBooks.
  await page.getByLabel('Produit').selectOption('expert-comptable');
  await expect(page).toHaveURL(/\/expert-comptable\/mes-apps\/cabinet$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Applis du cabinet' })).toBeVisible();
  await expect(page.getByLabel('Utilisateur', { exact: true })).toHaveValue('marie-dupont');
  await expect(rowByLinkOrButton(page, 'Caisse Horizon')).toHaveCount(0);
  await expect(rowByLinkOrButton(page, 'Temps Facturé')).toHaveCount(1);
  // Change something: disconnect Temps Facturé.
  await chooseFromMenu(rowByLinkOrButton(page, 'Temps Facturé'), 'Temps Facturé', 'Déconnectez-vous');
  const dialog = dialogNamed(page, 'Déconnecter Temps Facturé');
  await dialog.getByRole('radio', { name: 'Elle coûte trop cher' }).check();
  await dialog.getByRole('button', { name: 'Déconnecter', exact: true }).click();
  await expect(rowByLinkOrButton(page, 'Temps Facturé')).toHaveCount(0);

  // Back to QuickBooks: its change is there, and only its own.
  await page.getByLabel('Produit').selectOption('quickbooks');
  await expect(page).toHaveURL(/\/quickbooks\/mes-apps\/apercu$/);
  await expect(page.getByLabel('Utilisateur', { exact: true })).toHaveValue('claire-martin');
  await expect(rowByLinkOrButton(page, 'Caisse Horizon')).toHaveCount(1);
  await expect(rowByLinkOrButton(page, 'Caisse Horizon')).toContainText('Claire Martin (vous)');

  // And again, after a reload.
  await page.reload();
  await expect(rowByLinkOrButton(page, 'Caisse Horizon')).toHaveCount(1);
  await page.getByLabel('Produit').selectOption('expert-comptable');
  await expect(page.getByRole('heading', { level: 2, name: 'Applis du cabinet' })).toBeVisible();
  await expect(rowByLinkOrButton(page, 'Temps Facturé')).toHaveCount(0);
  await expect(rowByLinkOrButton(page, 'Tableau Clair')).toHaveCount(1);
  await expect(rowByLinkOrButton(page, 'Caisse Horizon')).toHaveCount(0);
  await page.reload();
  await expect(rowByLinkOrButton(page, 'Temps Facturé')).toHaveCount(0);
  await page.getByLabel('Produit').selectOption('quickbooks');
  await expect(rowByLinkOrButton(page, 'Caisse Horizon')).toHaveCount(1);
});

test('10. flows 1 and 4 with the keyboard only', async ({ page }) => {
  await open(page, `${EC}/cabinet`);
  const focused = () => page.locator(':focus');

  // ---- Flow 1: install Caisse Horizon for the firm.
  await tabTo(page, sections(page).getByRole('link', { name: 'Rechercher des applis' }));
  await page.keyboard.press('Enter');
  const search = page.getByRole('searchbox', { name: 'Rechercher des applis' });
  await tabTo(page, search);
  await page.keyboard.type('caisse horizon');
  const link = page.getByRole('link', { name: 'Caisse Horizon', exact: true });
  await expect(link).toBeVisible();
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Caisse Horizon' })).toBeVisible();

  const get = page.getByRole('button', { name: "Obtenir l'appli" });
  await tabTo(page, get);
  await page.keyboard.press('Enter');
  const dialog = dialogNamed(page, 'Obtenir Caisse Horizon');
  await expect(dialog).toBeVisible();
  // Focus moves into the dialog; Escape closes it and gives focus back.
  await expect(dialog.locator(':focus')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(get).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator(':focus')).toHaveCount(1);

  const group = installFor(dialog);
  const firm = group.getByRole('radio', { name: FIRM });
  const first = group.getByRole('radio', { name: 'Boulangerie Martin' });
  const second = group.getByRole('radio', { name: 'Garage Lefèvre' });
  // Into the radio group, pick with Space, move with the arrow keys.
  if (!(await firm.evaluate((el) => el === document.activeElement))) await tabTo(page, firm, { max: 20 });
  await page.keyboard.press('Space');
  await expect(firm).toBeChecked();
  await page.keyboard.press('ArrowDown');
  await expect(first).toBeChecked();
  await expect(first).toBeFocused();
  await expect(firm).not.toBeChecked();
  await page.keyboard.press('ArrowDown');
  await expect(second).toBeChecked();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(firm).toBeChecked();
  await expect(firm).toBeFocused();
  await expect(dialog).toContainText('Marie Dupont (vous)');

  // Tab stays inside the dialog: from the last control it wraps to the first.
  const install = dialog.getByRole('button', { name: 'Installer', exact: true });
  await tabTo(page, install, { max: 10 });
  await page.keyboard.press('Tab');
  await expect(dialog.locator(':focus')).toHaveCount(1);
  await page.keyboard.press('Shift+Tab');
  await expect(install).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/connexions\/cabinet-dupont\/caisse-horizon\/parametres$/);
  await expectAssociatedUser(page, 'Marie Dupont', true);
  await tabTo(page, sections(page).getByRole('link', { name: 'Applis du cabinet' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Applis du cabinet' })).toBeVisible();
  await expect(rowByLinkOrButton(page, 'Caisse Horizon')).toContainText('Marie Dupont (vous)');

  // ---- Flow 4: disconnect Factures Express from Garage Lefèvre in Applis clientes.
  await tabTo(page, sections(page).getByRole('link', { name: 'Applis clientes' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Applis clientes' })).toBeVisible();
  const filter = page.getByRole('combobox', { name: 'Client', exact: true });
  await tabTo(page, filter);
  for (let i = 0; i < 10 && (await filter.inputValue()) !== 'garage-lefevre'; i++) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(page).toHaveURL(/client=garage-lefevre/);
  const row = rowByLinkOrButton(page, 'Factures Express');
  await expect(row).toHaveCount(1);
  await expect(rowByLinkOrButton(page, 'Banque Sereine')).toHaveCount(0);

  const name = row.getByRole('button', { name: 'Factures Express', exact: true });
  await tabTo(page, name);
  await page.keyboard.press('Enter');
  await expect(name).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('heading', { name: 'Factures Express pour Garage Lefèvre' })).toBeVisible();

  // The menu button (WAI-ARIA APG).
  const more = menuButton(row, 'Factures Express');
  await tabTo(page, more);
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  const settingsItem = menu.getByRole('menuitem', { name: 'Paramètres' });
  const disconnectItem = menu.getByRole('menuitem', { name: 'Déconnectez-vous' });
  const suspendItem = menu.getByRole('menuitem', { name: 'Suspendre' });
  await expect(settingsItem).toBeFocused();
  await expectKeysFocus(page, [
    ['ArrowDown', suspendItem],
    ['ArrowDown', disconnectItem],
    ['ArrowDown', settingsItem],
    ['ArrowUp', disconnectItem],
    ['Home', settingsItem],
    ['End', disconnectItem],
  ]);
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(more).toBeFocused();
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('ArrowUp');
  await expect(disconnectItem).toBeFocused();
  await page.keyboard.press('Enter');

  const disconnect = dialogNamed(page, 'Déconnecter Factures Express');
  await expect(disconnect).toBeVisible();
  await expect(menu).toBeHidden();
  await expect(disconnect.locator(':focus')).toHaveCount(1);
  // Escape: closed, nothing changed, focus back on the ▼ button.
  await page.keyboard.press('Escape');
  await expect(disconnect).toBeHidden();
  await expect(more).toBeFocused();
  await expect(row).toHaveCount(1);

  await expectKeysFocus(page, [
    ['Space', settingsItem],
    ['ArrowDown', suspendItem],
    ['ArrowDown', disconnectItem],
  ]);
  await page.keyboard.press('Enter');
  await expect(disconnect).toBeVisible();
  const reason = disconnect.getByRole('radio', { name: "Je n'en ai plus besoin" });
  const next = disconnect.getByRole('radio', { name: 'Je passe à une appli concurrente' });
  if (!(await reason.evaluate((el) => el === document.activeElement))) await tabTo(page, reason, { max: 10 });
  const confirm = disconnect.getByRole('button', { name: 'Déconnecter', exact: true });
  await expect(confirm).toBeDisabled();
  await page.keyboard.press('Space');
  await expect(reason).toBeChecked();
  await page.keyboard.press('ArrowDown');
  await expect(next).toBeChecked();
  await expect(next).toBeFocused();
  await expect(confirm).toBeEnabled();
  await tabTo(page, confirm, { max: 10 });
  await page.keyboard.press('Enter');

  await expect(disconnect).toBeHidden();
  await expect(rowByLinkOrButton(page, 'Factures Express')).toHaveCount(0);
  await expect(soleStatus(page, 'Factures Express est déconnectée de Garage Lefèvre')).toBeVisible();
  // Focus lands somewhere sensible, not on the body: no row is left for this client, so
  // on the section's heading.
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(focused()).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 2, name: 'Applis clientes' })).toBeFocused();
});
