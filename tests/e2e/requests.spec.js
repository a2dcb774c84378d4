// Requests for an app, suspension and what a disconnection stops, end to end: Sophie
// asks for Paie Facile and Claire approves it; Léa asks for a client's app and Marie
// refuses it with a reason; a connection suspended and reactivated; "Ce qui va
// s'arrêter" in the disconnect dialog; the bulk suspension; axe on every new view and
// dialog, and the main flows by keyboard alone.
import {
  test,
  expect,
  QB,
  EC,
  open,
  tab,
  rowByNameCell,
  stateCell,
  menuButton,
  chooseFromMenu,
  dialogNamed,
  status,
  journalEntries,
  expectTexts,
  actAs,
  tabTo,
  expectNoViolations,
} from './fixtures.js';

function request(page, title) {
  return page.getByRole('article', { name: title });
}

test('Sophie asks for Paie Facile, Claire approves it and manages the connection', async ({ page }) => {
  await open(page, `${QB}/applis/paie-facile`);
  await actAs(page, 'Sophie Bernard');
  await page.getByRole('button', { name: "Demander l'appli" }).click();
  const dialog = dialogNamed(page, 'Demander Paie Facile');
  await expect(dialog).toContainText('Boulangerie Martin');
  await dialog.getByLabel('Message (facultatif)').fill('Pour les salaires de mars');
  await dialog.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(dialog).toBeHidden();
  await expect(status(page, 'Votre demande de Paie Facile pour Boulangerie Martin est envoyée.')).toBeVisible();

  // Asked again: answered at once, nothing stored twice.
  await page.getByRole('button', { name: "Demander l'appli" }).click();
  await dialog.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(dialog.getByRole('alert')).toContainText('a déjà demandé Paie Facile');
  await dialog.getByRole('button', { name: 'Annuler' }).click();

  await tab(page, 'Demandes').click();
  await expect(page).toHaveURL(/\/quickbooks\/mes-apps\/demandes$/);
  const item = request(page, 'Paie Facile — Boulangerie Martin');
  await expectTexts(item, ['Sophie Bernard', 'Pour les salaires de mars', 'En attente']);
  await expect(item.getByRole('button', { name: 'Retirer la demande' })).toBeVisible();
  await expect(item.getByRole('button', { name: 'Approuver' })).toHaveCount(0);

  await actAs(page, 'Claire Martin');
  await item.getByRole('button', { name: 'Approuver' }).click();
  const get = dialogNamed(page, 'Obtenir Paie Facile');
  await expect(get).toContainText('Sophie Bernard');
  await get.getByRole('button', { name: 'Connecter', exact: true }).click();
  await expect(page).toHaveURL(/connexions\/boulangerie-martin\/paie-facile\/parametres/);
  await expect(page.getByText(/Utilisateur associé/).first()).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Claire Martin');

  // Sophie reads the answer in a notice, once, and in the list.
  await tab(page, 'Demandes').click();
  await actAs(page, 'Sophie Bernard');
  const notice = page.getByRole('region', { name: 'Réponses à vos demandes' });
  await expect(notice).toContainText('Claire Martin a approuvé votre demande de Paie Facile pour Boulangerie Martin');
  await expect(request(page, 'Paie Facile — Boulangerie Martin')).toContainText('Approuvée par Claire Martin');
  await notice.getByRole('button', { name: 'Masquer les réponses' }).click();
  await expect(notice).toBeHidden();

  await tab(page, 'Aperçu').click();
  await expect(rowByNameCell(page, 'Paie Facile').getByRole('cell', { name: 'Claire Martin', exact: true })).toBeVisible();
  await tab(page, 'Journal').click();
  const entries = journalEntries(page);
  await expect(entries.first()).toContainText('Demande approuvée');
  await expect(entries.nth(1)).toContainText('Connexion');
  await expect(entries.nth(2)).toContainText('Demande');
});

test('Léa asks for an app for Studio Nova, Marie refuses it with a reason, Léa sees it', async ({ page }) => {
  await open(page, `${EC}/applis/caisse-horizon`);
  await actAs(page, 'Léa Moreau');
  await page.getByRole('button', { name: "Demander l'appli" }).click();
  const dialog = dialogNamed(page, 'Demander Caisse Horizon');
  const group = dialog.getByRole('group', { name: 'Demander pour' });
  await expect(group.getByRole('radio', { name: 'Garage Lefèvre' })).toHaveCount(0);
  await group.getByRole('radio', { name: 'Studio Nova' }).check();
  await dialog.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(status(page, 'Votre demande de Caisse Horizon pour Studio Nova est envoyée.')).toBeVisible();

  await actAs(page, 'Marie Dupont');
  await tab(page, 'Demandes').click();
  const item = request(page, 'Caisse Horizon — Studio Nova');
  await item.getByRole('button', { name: 'Refuser' }).click();
  const refuse = dialogNamed(page, /Refuser la demande/);
  await refuse.getByLabel('Motif du refus (facultatif)').fill('Le client a déjà une caisse');
  await refuse.getByRole('button', { name: 'Confirmer le refus' }).click();
  await expect(refuse).toBeHidden();
  await expect(item).toContainText('Refusée par Marie Dupont');

  await actAs(page, 'Léa Moreau');
  const notice = page.getByRole('region', { name: 'Réponses à vos demandes' });
  await expect(notice).toContainText('Marie Dupont a refusé votre demande de Caisse Horizon pour Studio Nova');
  await expect(notice).toContainText('Le client a déjà une caisse');
  await expect(item).toContainText('Le client a déjà une caisse');
  await expect(item.getByRole('button', { name: 'Retirer la demande' })).toHaveCount(0);
});

test('suspend a connection, Lancer says so, reactivate it', async ({ page }) => {
  await open(page, `${QB}/apercu`);
  await chooseFromMenu(rowByNameCell(page, 'Stock Malin'), 'Stock Malin', 'Suspendre');
  const dialog = dialogNamed(page, /Suspendre Stock Malin/);
  await expect(dialog.getByRole('complementary', { name: 'À propos de vos données' })).toContainText('après la suspension');
  await dialog.getByRole('button', { name: 'Confirmer la suspension' }).click();
  await expect(dialog).toBeHidden();
  await expect(status(page, 'Stock Malin est suspendue pour Boulangerie Martin.')).toBeVisible();
  await expect(stateCell(page, 'Stock Malin')).toHaveText('Suspendue');
  // The connection stays, with its manager.
  await expect(rowByNameCell(page, 'Stock Malin').getByRole('cell', { name: 'Julien Petit', exact: true })).toBeVisible();

  await rowByNameCell(page, 'Stock Malin').getByRole('button', { name: 'Lancer' }).click();
  await expect(page.getByRole('heading', { name: 'Stock Malin est suspendue' })).toBeVisible();
  await page.getByRole('button', { name: 'Réactiver' }).click();
  await expect(page.getByRole('heading', { name: 'Stock Malin', exact: true })).toBeVisible();

  await tab(page, 'Aperçu').click();
  await expect(stateCell(page, 'Stock Malin')).toHaveText('Active');
  await menuButton(rowByNameCell(page, 'Stock Malin'), 'Stock Malin').click();
  await expect(page.getByRole('menuitem', { name: 'Suspendre' })).toBeVisible();
  await page.keyboard.press('Escape');

  // A standard user is offered neither.
  await actAs(page, 'Sophie Bernard');
  await menuButton(rowByNameCell(page, 'Stock Malin'), 'Stock Malin').click();
  await expect(page.getByRole('menu').getByRole('menuitem')).toHaveText(['Paramètres', 'Déconnectez-vous']);
  await page.keyboard.press('Escape');

  await tab(page, 'Journal').click();
  await expect(journalEntries(page).first()).toContainText('Réactivation');
  await expect(journalEntries(page).nth(1)).toContainText('Suspension');
});

test('the disconnect dialog says what will stop, before Déconnecter, and the receipt keeps it', async ({ page }) => {
  await open(page, `${EC}/clients?client=boulangerie-martin`);
  await chooseFromMenu(rowByNameCell(page, 'Stock Malin'), 'Stock Malin', 'Déconnectez-vous');
  const dialog = dialogNamed(page, 'Déconnecter Stock Malin');
  const stops = dialog.getByRole('region', { name: "Ce qui va s'arrêter" });
  await expectTexts(stops, [
    "L'appli ne lira plus",
    'Ses paramètres actuels seront perdus',
    'Pharmacie du Port',
    'Thomas Leroy',
  ]);
  // Composed at run time, still set by French typography: a narrow no-break space, never
  // an ordinary one, before « : » and « ; ».
  const said = await stops.textContent();
  expect(said).toMatch(/\u202F: .+\u202F; /);
  expect(said).not.toMatch(/ [:;!?]/);
  // Read before the questionnaire and the button.
  const before = await stops.evaluate((el) => {
    const radio = el.closest('dialog').querySelector('input[type=radio]');
    return Boolean(el.compareDocumentPosition(radio) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  expect(before).toBe(true);
  await dialog.getByRole('radio', { name: "Je n'en ai plus besoin" }).check();
  await dialog.getByRole('button', { name: 'Déconnecter', exact: true }).click();
  await page.getByRole('link', { name: 'Voir le reçu' }).click();
  await expect(page.getByRole('main')).toContainText('Pharmacie du Port');
  await expect(page.getByRole('main')).toContainText('Thomas Leroy, qui ne la gérera plus');
});

test('Suspendre la sélection reports each target', async ({ page }) => {
  await open(page, `${EC}/clients`);
  await page.getByRole('checkbox', { name: 'Stock Malin — Boulangerie Martin' }).check();
  await page.getByRole('checkbox', { name: 'Notes Éclair — Fleurs de Provence' }).check();
  await page.getByRole('button', { name: 'Suspendre la sélection' }).click();
  const dialog = dialogNamed(page, 'Suspendre 2 applis');
  await dialog.getByRole('button', { name: 'Confirmer la suspension' }).click();
  const report = page.getByRole('region', { name: 'Résultat de la suspension' });
  await expectTexts(report, ['Stock Malin — Boulangerie Martin', 'Notes Éclair — Fleurs de Provence', 'suspendue']);
});

test('axe finds nothing on the new views and dialogs', async ({ page }) => {
  await open(page, `${QB}/applis/paie-facile`);
  await actAs(page, 'Sophie Bernard');
  await expectNoViolations(page, 'app page with Demander');
  await page.getByRole('button', { name: "Demander l'appli" }).click();
  await expect(dialogNamed(page, 'Demander Paie Facile')).toBeVisible();
  await expectNoViolations(page, 'request dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Envoyer la demande' }).click();
  await tab(page, 'Demandes').click();
  await expect(request(page, 'Paie Facile — Boulangerie Martin')).toBeVisible();
  await expectNoViolations(page, 'Demandes');
  await actAs(page, 'Claire Martin');
  await request(page, 'Paie Facile — Boulangerie Martin').getByRole('button', { name: 'Refuser' }).click();
  await expect(dialogNamed(page, /Refuser la demande/)).toBeVisible();
  await expectNoViolations(page, 'decline dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Confirmer le refus' }).click();
  await actAs(page, 'Sophie Bernard');
  await expect(page.getByRole('region', { name: 'Réponses à vos demandes' })).toBeVisible();
  await expectNoViolations(page, 'Demandes with a notice');

  await actAs(page, 'Claire Martin');
  await tab(page, 'Aperçu').click();
  await chooseFromMenu(rowByNameCell(page, 'Stock Malin'), 'Stock Malin', 'Déconnectez-vous');
  await expect(page.getByRole('region', { name: "Ce qui va s'arrêter" })).toBeVisible();
  await expectNoViolations(page, 'disconnect dialog');
  await page.keyboard.press('Escape');
  await chooseFromMenu(rowByNameCell(page, 'Stock Malin'), 'Stock Malin', 'Suspendre');
  await expect(dialogNamed(page, /Suspendre Stock Malin/)).toBeVisible();
  await expectNoViolations(page, 'suspend dialog');
  await page.getByRole('button', { name: 'Confirmer la suspension' }).click();
  await expect(stateCell(page, 'Stock Malin')).toHaveText('Suspendue');
  await expectNoViolations(page, 'Aperçu with a suspended connection');
  await rowByNameCell(page, 'Stock Malin').getByRole('button', { name: 'Lancer' }).click();
  await expect(page.getByRole('heading', { name: 'Stock Malin est suspendue' })).toBeVisible();
  await expectNoViolations(page, 'launch view of a suspended connection');

  await open(page, `${EC}/clients`);
  await page.getByRole('checkbox', { name: 'Stock Malin — Boulangerie Martin' }).check();
  await page.getByRole('button', { name: 'Suspendre la sélection' }).click();
  await expect(dialogNamed(page, 'Suspendre 1 appli')).toBeVisible();
  await expectNoViolations(page, 'bulk suspend dialog');
});

test('request, approve and suspend by keyboard alone', async ({ page }) => {
  await open(page, `${QB}/applis/paie-facile`);
  await actAs(page, 'Sophie Bernard');
  const ask = page.getByRole('button', { name: "Demander l'appli" });
  await tabTo(page, ask);
  await page.keyboard.press('Enter');
  const dialog = dialogNamed(page, 'Demander Paie Facile');
  await expect(dialog).toBeVisible();
  const message = dialog.getByLabel('Message (facultatif)');
  await tabTo(page, message);
  await page.keyboard.type('Merci');
  await tabTo(page, dialog.getByRole('button', { name: 'Envoyer la demande' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(ask).toBeFocused();

  await actAs(page, 'Claire Martin');
  const link = tab(page, 'Demandes');
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  const approve = request(page, 'Paie Facile — Boulangerie Martin').getByRole('button', { name: 'Approuver' });
  await tabTo(page, approve);
  await page.keyboard.press('Enter');
  const get = dialogNamed(page, 'Obtenir Paie Facile');
  await tabTo(page, get.getByRole('button', { name: 'Connecter', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/paie-facile\/parametres/);

  const overview = tab(page, 'Aperçu');
  await tabTo(page, overview, { shift: true, max: 80 });
  await page.keyboard.press('Enter');
  const more = menuButton(rowByNameCell(page, 'Stock Malin'), 'Stock Malin');
  await tabTo(page, more, { max: 80 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Paramètres' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Suspendre' })).toBeFocused();
  await page.keyboard.press('Enter');
  const suspend = dialogNamed(page, /Suspendre Stock Malin/);
  await tabTo(page, suspend.getByRole('button', { name: 'Confirmer la suspension' }));
  await page.keyboard.press('Enter');
  await expect(stateCell(page, 'Stock Malin')).toHaveText('Suspendue');
  await expect(rowByNameCell(page, 'Stock Malin').getByRole('button', { name: 'Lancer' })).toBeFocused();
  await tabTo(page, more);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('menuitem', { name: 'Réactiver' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(stateCell(page, 'Stock Malin')).toHaveText('Active');
});
