// Requests for an app, suspension and what a disconnection stops, end to end: Sophie
// asks for Paie Facile and Claire approves it; Léa asks for a client's app and Marie
// refuses it with a reason; a connection suspended and reactivated; "Ce qui va
// s'arrêter" in the disconnect dialog; the bulk suspension; axe on every new view and
// dialog, and the main flows by keyboard alone.
import { test, expect, open, actAs, axe, tab } from './fixtures.js';
import { QB, EC, tabTo, row, stateCell, status, expectNoViolations } from './keys.js';

function request(page, title) {
  return page.getByRole('article', { name: title });
}

test('Sophie asks for Paie Facile, Claire approves it and manages the connection', async ({ page }) => {
  await open(page, `${QB}/applis/paie-facile`);
  await actAs(page, 'Sophie Bernard');
  await page.getByRole('button', { name: "Demander l'appli" }).click();
  const dialog = page.getByRole('dialog', { name: 'Demander Paie Facile' });
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
  await expect(item).toContainText('Sophie Bernard');
  await expect(item).toContainText('Pour les salaires de mars');
  await expect(item).toContainText('En attente');
  await expect(item.getByRole('button', { name: 'Retirer la demande' })).toBeVisible();
  await expect(item.getByRole('button', { name: 'Approuver' })).toHaveCount(0);

  await actAs(page, 'Claire Martin');
  await item.getByRole('button', { name: 'Approuver' }).click();
  const get = page.getByRole('dialog', { name: 'Obtenir Paie Facile' });
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
  await expect(row(page, 'Paie Facile').getByRole('cell', { name: 'Claire Martin', exact: true })).toBeVisible();
  await tab(page, 'Journal').click();
  const entries = page.locator('ol.ma-journal > li');
  await expect(entries.first()).toContainText('Demande approuvée');
  await expect(entries.nth(1)).toContainText('Connexion');
  await expect(entries.nth(2)).toContainText('Demande');
});

test('Léa asks for an app for Studio Nova, Marie refuses it with a reason, Léa sees it', async ({ page }) => {
  await open(page, `${EC}/applis/caisse-horizon`);
  await actAs(page, 'Léa Moreau');
  await page.getByRole('button', { name: "Demander l'appli" }).click();
  const dialog = page.getByRole('dialog', { name: 'Demander Caisse Horizon' });
  const group = dialog.getByRole('group', { name: 'Demander pour' });
  await expect(group.getByRole('radio', { name: 'Garage Lefèvre' })).toHaveCount(0);
  await group.getByRole('radio', { name: 'Studio Nova' }).check();
  await dialog.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(status(page, 'Votre demande de Caisse Horizon pour Studio Nova est envoyée.')).toBeVisible();

  await actAs(page, 'Marie Dupont');
  await tab(page, 'Demandes').click();
  const item = request(page, 'Caisse Horizon — Studio Nova');
  await item.getByRole('button', { name: 'Refuser' }).click();
  const refuse = page.getByRole('dialog', { name: /Refuser la demande/ });
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
  await row(page, 'Stock Malin').getByRole('button', { name: "Plus d'actions pour Stock Malin" }).click();
  await page.getByRole('menuitem', { name: 'Suspendre' }).click();
  const dialog = page.getByRole('dialog', { name: /Suspendre Stock Malin/ });
  await expect(dialog.getByRole('complementary', { name: 'À propos de vos données' })).toContainText('après la suspension');
  await dialog.getByRole('button', { name: 'Confirmer la suspension' }).click();
  await expect(dialog).toBeHidden();
  await expect(status(page, 'Stock Malin est suspendue pour Boulangerie Martin.')).toBeVisible();
  await expect(stateCell(page, 'Stock Malin')).toHaveText('Suspendue');
  // The connection stays, with its manager.
  await expect(row(page, 'Stock Malin').getByRole('cell', { name: 'Julien Petit', exact: true })).toBeVisible();

  await row(page, 'Stock Malin').getByRole('button', { name: 'Lancer' }).click();
  await expect(page.getByRole('heading', { name: 'Stock Malin est suspendue' })).toBeVisible();
  await page.getByRole('button', { name: 'Réactiver' }).click();
  await expect(page.getByRole('heading', { name: 'Stock Malin', exact: true })).toBeVisible();

  await tab(page, 'Aperçu').click();
  await expect(stateCell(page, 'Stock Malin')).toHaveText('Active');
  await row(page, 'Stock Malin').getByRole('button', { name: "Plus d'actions pour Stock Malin" }).click();
  await expect(page.getByRole('menuitem', { name: 'Suspendre' })).toBeVisible();
  await page.keyboard.press('Escape');

  // A standard user is offered neither.
  await actAs(page, 'Sophie Bernard');
  await row(page, 'Stock Malin').getByRole('button', { name: "Plus d'actions pour Stock Malin" }).click();
  await expect(page.getByRole('menu').getByRole('menuitem')).toHaveText(['Paramètres', 'Déconnectez-vous']);
  await page.keyboard.press('Escape');

  await tab(page, 'Journal').click();
  await expect(page.locator('ol.ma-journal > li').first()).toContainText('Réactivation');
  await expect(page.locator('ol.ma-journal > li').nth(1)).toContainText('Suspension');
});

test('the disconnect dialog says what will stop, before Déconnecter, and the receipt keeps it', async ({ page }) => {
  await open(page, `${EC}/clients?client=boulangerie-martin`);
  await row(page, 'Stock Malin').getByRole('button', { name: "Plus d'actions pour Stock Malin" }).click();
  await page.getByRole('menuitem', { name: 'Déconnectez-vous' }).click();
  const dialog = page.getByRole('dialog', { name: 'Déconnecter Stock Malin' });
  const stops = dialog.getByRole('region', { name: "Ce qui va s'arrêter" });
  await expect(stops).toContainText("L'appli ne lira plus");
  await expect(stops).toContainText('Ses paramètres actuels seront perdus');
  // Composed at run time, still set by French typography: a narrow no-break space, never
  // an ordinary one, before « : » and « ; ».
  const said = await stops.textContent();
  expect(said).toMatch(/\u202F: .+\u202F; /);
  expect(said).not.toMatch(/ [:;!?]/);
  await expect(stops).toContainText('Pharmacie du Port');
  await expect(stops).toContainText('Thomas Leroy');
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
  const dialog = page.getByRole('dialog', { name: 'Suspendre 2 applis' });
  await dialog.getByRole('button', { name: 'Confirmer la suspension' }).click();
  const report = page.getByRole('region', { name: 'Résultat de la suspension' });
  await expect(report).toContainText('Stock Malin — Boulangerie Martin');
  await expect(report).toContainText('Notes Éclair — Fleurs de Provence');
  await expect(report).toContainText('suspendue');
});

test('axe finds nothing on the new views and dialogs', async ({ page }) => {
  await open(page, `${QB}/applis/paie-facile`);
  await actAs(page, 'Sophie Bernard');
  await expectNoViolations(page, axe, 'app page with Demander');
  await page.getByRole('button', { name: "Demander l'appli" }).click();
  await expect(page.getByRole('dialog', { name: 'Demander Paie Facile' })).toBeVisible();
  await expectNoViolations(page, axe, 'request dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Envoyer la demande' }).click();
  await tab(page, 'Demandes').click();
  await expect(request(page, 'Paie Facile — Boulangerie Martin')).toBeVisible();
  await expectNoViolations(page, axe, 'Demandes');
  await actAs(page, 'Claire Martin');
  await request(page, 'Paie Facile — Boulangerie Martin').getByRole('button', { name: 'Refuser' }).click();
  await expect(page.getByRole('dialog', { name: /Refuser la demande/ })).toBeVisible();
  await expectNoViolations(page, axe, 'decline dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Confirmer le refus' }).click();
  await actAs(page, 'Sophie Bernard');
  await expect(page.getByRole('region', { name: 'Réponses à vos demandes' })).toBeVisible();
  await expectNoViolations(page, axe, 'Demandes with a notice');

  await actAs(page, 'Claire Martin');
  await tab(page, 'Aperçu').click();
  await row(page, 'Stock Malin').getByRole('button', { name: "Plus d'actions pour Stock Malin" }).click();
  await page.getByRole('menuitem', { name: 'Déconnectez-vous' }).click();
  await expect(page.getByRole('region', { name: "Ce qui va s'arrêter" })).toBeVisible();
  await expectNoViolations(page, axe, 'disconnect dialog');
  await page.keyboard.press('Escape');
  await row(page, 'Stock Malin').getByRole('button', { name: "Plus d'actions pour Stock Malin" }).click();
  await page.getByRole('menuitem', { name: 'Suspendre' }).click();
  await expect(page.getByRole('dialog', { name: /Suspendre Stock Malin/ })).toBeVisible();
  await expectNoViolations(page, axe, 'suspend dialog');
  await page.getByRole('button', { name: 'Confirmer la suspension' }).click();
  await expect(stateCell(page, 'Stock Malin')).toHaveText('Suspendue');
  await expectNoViolations(page, axe, 'Aperçu with a suspended connection');
  await row(page, 'Stock Malin').getByRole('button', { name: 'Lancer' }).click();
  await expect(page.getByRole('heading', { name: 'Stock Malin est suspendue' })).toBeVisible();
  await expectNoViolations(page, axe, 'launch view of a suspended connection');

  await open(page, `${EC}/clients`);
  await page.getByRole('checkbox', { name: 'Stock Malin — Boulangerie Martin' }).check();
  await page.getByRole('button', { name: 'Suspendre la sélection' }).click();
  await expect(page.getByRole('dialog', { name: 'Suspendre 1 appli' })).toBeVisible();
  await expectNoViolations(page, axe, 'bulk suspend dialog');
});

test('request, approve and suspend by keyboard alone', async ({ page }) => {
  await open(page, `${QB}/applis/paie-facile`);
  await actAs(page, 'Sophie Bernard');
  const ask = page.getByRole('button', { name: "Demander l'appli" });
  await tabTo(page, ask);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Demander Paie Facile' });
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
  const get = page.getByRole('dialog', { name: 'Obtenir Paie Facile' });
  await tabTo(page, get.getByRole('button', { name: 'Connecter', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/paie-facile\/parametres/);

  const overview = tab(page, 'Aperçu');
  await tabTo(page, overview, { shift: true, max: 80 });
  await page.keyboard.press('Enter');
  const more = row(page, 'Stock Malin').getByRole('button', { name: "Plus d'actions pour Stock Malin" });
  await tabTo(page, more, { max: 80 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Paramètres' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Suspendre' })).toBeFocused();
  await page.keyboard.press('Enter');
  const suspend = page.getByRole('dialog', { name: /Suspendre Stock Malin/ });
  await tabTo(page, suspend.getByRole('button', { name: 'Confirmer la suspension' }));
  await page.keyboard.press('Enter');
  await expect(stateCell(page, 'Stock Malin')).toHaveText('Suspendue');
  await expect(row(page, 'Stock Malin').getByRole('button', { name: 'Lancer' })).toBeFocused();
  await tabTo(page, more);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('menuitem', { name: 'Réactiver' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(stateCell(page, 'Stock Malin')).toHaveText('Active');
});
