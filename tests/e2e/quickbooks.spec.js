// The QuickBooks flows of the help article, end to end on the release build: find and
// connect an app, take over its management, disconnect it through the ▼ menu and its
// questionnaire, a standard user's refusals, persistence, keyboard-only use, the demo reset
// and Lancer. Each test starts from the demo data (a fresh browser context).
import {
  test,
  expect,
  QB,
  open,
  tab,
  rowByLink,
  menuButton,
  chooseFromMenu,
  dialogNamed,
  status,
  soleStatus,
  journalEntries,
  expectTexts,
  actAs,
  tabTo,
  focusInside,
  expectFocusInside,
  expectKeysFocus,
} from './fixtures.js';

const OVERVIEW = `${QB}/apercu`;
const SEARCH = `${QB}/rechercher`;
const appPage = (id) => `${QB}/applis/${id}`;
const settingsPage = (id) => `${QB}/connexions/boulangerie-martin/${id}/parametres`;

/**
 * Presses Tab (or Shift+Tab) in an open dialog and checks that focus never leaves it and
 * comes back where it started after one full cycle. With `soft`, a failure is recorded
 * and the test goes on (so that the rest of the flow is still checked).
 */
async function expectTabCycle(page, dialog, { shift = false, soft = false } = {}) {
  const check = soft ? expect.soft : expect;
  const key = shift ? 'Shift+Tab' : 'Tab';
  // A dialog that opens on its title (tabindex -1, not a tab stop): the cycle starts at the
  // first control Tab reaches from there.
  if (await page.evaluate(() => document.activeElement?.getAttribute('tabindex') === '-1')) {
    await page.keyboard.press(key);
  }
  const start = await page.evaluate(() => {
    window.__maStart = document.activeElement;
    return document.activeElement?.outerHTML.slice(0, 80);
  });
  expect(await focusInside(dialog), `focus starts inside the dialog (${start})`).toBe(true);
  let back = false;
  for (let i = 0; i < 25; i += 1) {
    await page.keyboard.press(key);
    const where = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80));
    const inside = await focusInside(dialog);
    check(inside, `${key} #${i + 1} from ${start} keeps focus inside the dialog (focus is on ${where})`).toBe(true);
    if (!inside) {
      return;
    }
    if (await page.evaluate(() => document.activeElement === window.__maStart)) {
      back = true;
      break;
    }
  }
  check(back, `${key} cycles back to where it started (${start})`).toBe(true);
}

test('find and connect an app, check its settings and the associated user, and see it in the journal', async ({ page }) => {
  await open(page, '/');
  await page.getByRole('link', { name: 'Mes apps', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mes apps' })).toBeVisible();
  await tab(page, 'Rechercher des applis').click();
  await expect(page.getByRole('heading', { level: 2, name: 'Rechercher des applis' })).toBeVisible();
  const box = page.getByRole('searchbox', { name: 'Rechercher des applis' });
  const results = page.locator('ul.ma-results > li');

  // Case and accents are ignored, and the URL holds the query.
  await box.fill('deconnexion');
  await expect(page.getByRole('link', { name: 'Alerte Déconnexion', exact: true })).toBeVisible();
  await expect(page).toHaveURL(/[?&]q=deconnexion(&|$)/);
  await box.fill('DÉCONNEXION');
  await expect(page.getByRole('link', { name: 'Alerte Déconnexion', exact: true })).toBeVisible();
  await box.fill('zzqx introuvable');
  await expect(results).toHaveCount(0);
  await expect(page.getByText('Aucune appli trouvée')).toBeVisible();

  // The Catégorie filter narrows the results.
  await box.fill('');
  const all = await results.count();
  expect(all).toBeGreaterThan(10);
  await page.getByLabel('Catégorie', { exact: true }).selectOption({ label: 'Banque' });
  await expect(page).toHaveURL(/[?&]categorie=banque(&|$)/);
  await expect(page.getByRole('link', { name: 'Banque Sereine', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Caisse Horizon', exact: true })).toHaveCount(0);
  const banking = await results.count();
  expect(banking).toBeGreaterThan(0);
  expect(banking).toBeLessThan(all);
  for (const tag of await results.locator('.ma-tag').allInnerTexts()) {
    expect(tag).toBe('Banque');
  }
  await page.getByLabel('Catégorie', { exact: true }).selectOption({ label: 'Toutes les catégories' });
  await expect(results).toHaveCount(all);

  // The search the article asks for.
  await box.fill('caisse horizon');
  await expect(page).toHaveURL(/[?&]q=caisse(%20|\+)horizon(&|$)/);
  const result = page.getByRole('link', { name: 'Caisse Horizon', exact: true });
  await expect(result).toBeVisible();
  await result.click();
  await expect(page).toHaveURL(/\/quickbooks\/mes-apps\/applis\/caisse-horizon$/);
  await expect(page.getByRole('heading', { name: 'Caisse Horizon', exact: true })).toBeVisible();

  // Back restores the previous search, then Forward returns to the app.
  await page.goBack();
  await expect(page).toHaveURL(/[?&]q=caisse(%20|\+)horizon(&|$)/);
  await expect(box).toHaveValue('caisse horizon');
  await expect(result).toBeVisible();
  await result.click();
  await expect(page.getByRole('heading', { name: 'Caisse Horizon', exact: true })).toBeVisible();
  await expect(page.getByText("Cette appli n'est pas connectée à votre entreprise.")).toBeVisible();

  // Obtenir l'appli: the message details before connecting.
  await page.getByRole('button', { name: "Obtenir l'appli" }).click();
  const dialog = dialogNamed(page, /Caisse Horizon/);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Boulangerie Martin');
  await expect(dialog).toContainText('Claire Martin');
  for (const data of ["Coordonnées de l'entreprise", 'Plan comptable', 'Ventes et encaissements', 'Taux de TVA']) {
    await expect(dialog.getByRole('listitem').filter({ hasText: data })).toBeVisible();
  }
  // The note: the app may keep processing data; rights go through the publisher.
  await expect(dialog).toContainText(/continuer à traiter/);
  await expect(dialog).toContainText('Horizon Logiciels SAS');
  await expect(dialog.getByRole('link', { name: 'donnees@horizon-logiciels.exemple.fr' })).toHaveAttribute(
    'href',
    'mailto:donnees@horizon-logiciels.exemple.fr',
  );
  await dialog.getByRole('button', { name: 'Connecter', exact: true }).click();
  await expect(dialog).toBeHidden();

  // The settings view, with the associated user.
  await expect(page).toHaveURL(/\/connexions\/boulangerie-martin\/caisse-horizon\/parametres$/);
  await expect(page.getByRole('heading', { name: /Paramètres de Caisse Horizon/ })).toBeVisible();
  await expect(status(page, 'Caisse Horizon est connectée à Boulangerie Martin')).toBeVisible();
  const associated = page.locator('.ma-associated');
  await expectTexts(associated, ['Utilisateur associé', 'Claire Martin', "c'est vous"]);

  // An invalid setting is refused with a message next to the field.
  const account = page.getByLabel('Compte de ventes', { exact: true });
  await expect(account).toHaveValue('707000');
  await account.fill('70a000');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(account).toHaveAttribute('aria-invalid', 'true');
  await expect(account).toHaveAccessibleDescription(/Saisissez uniquement des chiffres/);
  const described = await account.evaluate((el) =>
    (el.getAttribute('aria-describedby') || '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? `(missing #${id})`),
  );
  expect(described.some((t) => t.includes('Saisissez uniquement des chiffres'))).toBe(true);
  const fieldError = page.locator('.ma-field').filter({ has: account }).getByText('Saisissez uniquement des chiffres');
  await expect(fieldError).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'à corriger' })).toBeVisible();

  // A valid change is saved and confirmed.
  await account.fill('706000');
  await expect(account).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Envoi des ventes', { exact: true }).selectOption({ label: 'Chaque semaine' });
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(status(page, 'Paramètres de Caisse Horizon enregistrés (2 modifications)')).toBeVisible();
  // Shown next to the form and announced once, by one status region.
  await expect(soleStatus(page, 'Paramètres de Caisse Horizon enregistrés')).toHaveCount(1);
  await expect(page.locator('form').getByText('Paramètres de Caisse Horizon enregistrés (2 modifications)')).toBeVisible();
  await expect(page.getByText('Modifications non enregistrées')).toHaveCount(0);

  // The journal lists the connection and the settings change, newest first.
  await tab(page, 'Journal').click();
  await expect(page.getByRole('heading', { level: 2, name: 'Journal' })).toBeVisible();
  const entries = journalEntries(page);
  await expectTexts(entries.nth(0), [
    'Modification des paramètres',
    'Caisse Horizon',
    'Par Claire Martin',
    'Compte de ventes : 707000 → 706000',
    'Envoi des ventes : Chaque jour, à la clôture → Chaque semaine',
  ]);
  await expectTexts(entries.nth(1), ['Connexion', 'Caisse Horizon', 'Boulangerie Martin', 'Par Claire Martin']);

  // And Aperçu lists the new connection, managed by the current user.
  await tab(page, 'Aperçu').click();
  await expect(rowByLink(page, 'Caisse Horizon')).toContainText('Claire Martin (vous)');
});

test('transfer: Claire Martin takes over an app managed by Julien Petit', async ({ page }) => {
  await open(page, OVERVIEW);
  await actAs(page, 'Claire Martin');
  await expect(rowByLink(page, 'Stock Malin')).toContainText('Julien Petit');
  await expect(rowByLink(page, 'Stock Malin')).not.toContainText('(vous)');

  await tab(page, 'Rechercher des applis').click();
  await page.getByRole('searchbox', { name: 'Rechercher des applis' }).fill('stock malin');
  await page.getByRole('link', { name: 'Stock Malin', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Stock Malin', exact: true })).toBeVisible();
  await page.getByRole('button', { name: "Obtenir l'appli" }).click();

  const dialog = dialogNamed(page, /Stock Malin/);
  await expect(dialog).toBeVisible();
  // It names the current manager and says that going on transfers the management.
  await expectTexts(dialog, [
    'Julien Petit',
    /transf[ée]r/,
    /reprenez la gestion|vous sera transférée/,
    'Claire Martin (vous)',
    'Boulangerie Martin',
  ]);
  await expect(dialog.getByRole('link', { name: 'donnees@malin-gestion.exemple.fr' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Connecter', exact: true }).click();
  await expect(dialog).toBeHidden();

  await expect(page).toHaveURL(/\/connexions\/boulangerie-martin\/stock-malin\/parametres$/);
  await expect(status(page, 'La gestion de Stock Malin pour Boulangerie Martin passe de Julien Petit à Claire Martin')).toBeVisible();
  const associated = page.locator('.ma-associated');
  await expectTexts(associated, ['Utilisateur associé', 'Claire Martin', "c'est vous"]);
  await expect(associated).not.toContainText('Julien Petit');

  await tab(page, 'Aperçu').click();
  await expect(rowByLink(page, 'Stock Malin')).toContainText('Claire Martin (vous)');
  await expect(rowByLink(page, 'Stock Malin')).not.toContainText('Julien Petit');
  // Only one connection of the app: a transfer, not a second connection.
  await expect(rowByLink(page, 'Stock Malin')).toHaveCount(1);

  await tab(page, 'Journal').click();
  await expectTexts(journalEntries(page).nth(0), [
    'Transfert',
    'Stock Malin',
    'Par Claire Martin',
    'Gestion transférée de Julien Petit à Claire Martin',
  ]);
});

test('disconnect through the ▼ menu beside Lancer and the questionnaire', async ({ page }) => {
  await open(page, OVERVIEW);
  await expect(page.getByRole('heading', { level: 2, name: 'Aperçu' })).toBeVisible();
  const notes = rowByLink(page, 'Notes Éclair');
  await expect(notes).toHaveCount(1);
  await expect(notes.getByRole('button', { name: 'Lancer' })).toBeVisible();
  const more = menuButton(page, 'Notes Éclair');
  await expect(more).toHaveText('▼');
  await expect(more).toHaveAttribute('aria-haspopup', 'menu');
  await expect(more).toHaveAttribute('aria-expanded', 'false');

  await more.click();
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await expect(menu.getByRole('menuitem')).toHaveText(['Paramètres', 'Suspendre', 'Déconnectez-vous']);
  await menu.getByRole('menuitem', { name: 'Déconnectez-vous' }).click();
  await expect(menu).toBeHidden();

  const dialog = dialogNamed(page, /Notes Éclair/);
  await expect(dialog).toBeVisible();
  const group = dialog.getByRole('group', { name: /Pourquoi/ });
  const radios = group.getByRole('radio');
  expect(await radios.count()).toBeGreaterThanOrEqual(6);
  await expect(radios.last()).toHaveAccessibleName('Autre');
  for (let i = 0; i < (await radios.count()); i += 1) {
    await expect(radios.nth(i)).not.toBeChecked();
  }
  // The note, with the publisher's contact.
  await expect(dialog).toContainText(/continuer à traiter/);
  await expect(dialog.getByRole('link', { name: 'donnees@eclair-solutions.exemple.fr' })).toBeVisible();

  const confirm = dialog.getByRole('button', { name: 'Déconnecter', exact: true });
  await expect(confirm).toBeDisabled();
  // "Autre" reveals a required text box with a counter; empty, it does not count as an answer.
  const other = dialog.getByRole('textbox', { name: 'Précisez la raison' });
  await expect(other).toHaveCount(0);
  await dialog.getByRole('radio', { name: 'Autre' }).check();
  await expect(other).toBeVisible();
  await expect(other).toHaveJSProperty('required', true);
  await expect(other).toHaveAccessibleDescription(/0 \/ 500\s+caractères/);
  await expect(confirm).toBeDisabled();
  await other.fill('Trop lente');
  await expect(dialog.getByText('10 / 500 caractères')).toBeVisible();
  await expect(other).toHaveAccessibleDescription(/10 \/ 500\s+caractères/);
  await expect(confirm).toBeEnabled();
  await other.fill('   ');
  await expect(confirm).toBeDisabled();

  // Annuler changes nothing, and focus goes back to the ▼ button.
  await dialog.getByRole('button', { name: 'Annuler', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(notes).toHaveCount(1);
  await expect(more).toBeFocused();

  // Escape changes nothing either.
  await more.click();
  await page.getByRole('menuitem', { name: 'Déconnectez-vous' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: 'Elle coûte trop cher' }).check();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(notes).toHaveCount(1);
  await expect(more).toBeFocused();

  // Reopened, the questionnaire starts afresh; answered, Déconnecter goes through.
  await more.click();
  await page.getByRole('menuitem', { name: 'Déconnectez-vous' }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Elle coûte trop cher' })).not.toBeChecked();
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('radio', { name: 'Autre' }).check();
  await other.fill('Trop lente le matin');
  await confirm.click();
  await expect(dialog).toBeHidden();
  await expect(notes).toHaveCount(0);
  await expect(menuButton(page, 'Notes Éclair')).toHaveCount(0);
  await expect(status(page, 'Notes Éclair est déconnectée de Boulangerie Martin')).toBeVisible();
  // The others stay.
  await expect(rowByLink(page, 'Stock Malin')).toHaveCount(1);
  await expect(rowByLink(page, 'Banque Sereine')).toHaveCount(1);

  await tab(page, 'Journal').click();
  await expectTexts(journalEntries(page).nth(0), [
    'Déconnexion',
    'Notes Éclair',
    'Boulangerie Martin',
    'Par Claire Martin',
    'Autre : Trop lente le matin',
  ]);
});

test('a standard user is refused with an explanation and nothing changes, but may Lancer', async ({ page }) => {
  await open(page, `${QB}/journal`);
  await actAs(page, 'Sophie Bernard');
  await expect(page.getByLabel('Utilisateur', { exact: true }).locator('option:checked')).toHaveText(/Sophie Bernard — utilisatrice standard/);
  const count = soleStatus(page, /entrées?$/);
  await expect(count).toBeVisible();
  const before = await count.innerText();

  // Obtenir l'appli explains who may connect an app.
  await page.goto(appPage('caisse-horizon'));
  await expect(page.getByRole('heading', { name: 'Caisse Horizon', exact: true })).toBeVisible();
  await page.getByRole('button', { name: "Obtenir l'appli" }).click();
  const getDialog = dialogNamed(page, /Caisse Horizon/);
  await expect(getDialog).toBeVisible();
  const refusal = getDialog.getByRole('alert');
  await expectTexts(refusal, ['Claire Martin', 'Julien Petit', /ne pouvez pas connecter/]);
  await expect(getDialog.getByRole('button', { name: 'Connecter', exact: true })).toHaveCount(0);
  await getDialog.getByRole('button', { name: 'Fermer' }).click();
  await expect(getDialog).toBeHidden();
  await expect(page.getByText("Cette appli n'est pas connectée à votre entreprise.")).toBeVisible();

  // Déconnectez-vous explains the refusal.
  await tab(page, 'Aperçu').click();
  await expect(rowByLink(page, 'Caisse Horizon')).toHaveCount(0);
  const more = menuButton(page, 'Stock Malin');
  await more.click();
  await page.getByRole('menuitem', { name: 'Déconnectez-vous' }).click();
  const disconnect = dialogNamed(page, /Stock Malin/);
  await expect(disconnect).toBeVisible();
  await expectTexts(disconnect.getByRole('alert'), [/ne pouvez pas déconnecter/, 'Claire Martin', 'Julien Petit']);
  await expect(disconnect.getByRole('button', { name: 'Déconnecter', exact: true })).toHaveCount(0);
  await expect(disconnect.getByRole('radio')).toHaveCount(0);
  await disconnect.getByRole('button', { name: 'Fermer' }).click();
  await expect(disconnect).toBeHidden();
  await expect(more).toBeFocused();
  await expect(rowByLink(page, 'Stock Malin')).toHaveCount(1);

  // The settings view is read-only, with the explanation.
  await more.click();
  await page.getByRole('menuitem', { name: 'Paramètres' }).click();
  await expect(page).toHaveURL(/\/connexions\/boulangerie-martin\/stock-malin\/parametres$/);
  await expect(page.getByRole('heading', { name: /Paramètres de Stock Malin/ })).toBeVisible();
  await expect(page.getByText(/sans les modifier/)).toContainText(/ne pouvez pas modifier les paramètres/);
  await expect(page.getByText(/sans les modifier/)).toContainText('Claire Martin');
  await expect(page.getByLabel('Méthode de valorisation', { exact: true })).toBeDisabled();
  await expect(page.getByLabel('Compte de stock', { exact: true })).toBeDisabled();
  await expect(page.getByLabel('Alerte de seuil bas', { exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Enregistrer', exact: true })).toHaveCount(0);
  await expect(page.locator('.ma-associated')).toContainText('Julien Petit');
  await expect(page.locator('.ma-associated')).toContainText("ce n'est pas vous");
  await expect(page.getByRole('button', { name: 'Reprendre la gestion' })).toHaveCount(0);

  // Nothing was recorded.
  await tab(page, 'Journal').click();
  await expect(count).toHaveText(before);

  // Lancer works for her.
  await tab(page, 'Aperçu').click();
  await rowByLink(page, 'Stock Malin').getByRole('button', { name: 'Lancer' }).click();
  await expect(page).toHaveURL(/\/connexions\/boulangerie-martin\/stock-malin\/lancer$/);
  await expect(page.getByRole('heading', { name: 'Stock Malin', exact: true })).toBeVisible();
  await expect(page.getByText(/Ouverte pour Boulangerie Martin, par Sophie Bernard/)).toBeVisible();
});

test('connections, settings, disconnections and the acting user survive a reload', async ({ page }) => {
  // Connect Paie Facile and change one of its settings.
  await open(page, appPage('paie-facile'));
  await page.getByRole('button', { name: "Obtenir l'appli" }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Connecter', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Paramètres de Paie Facile/ })).toBeVisible();
  await page.getByLabel('Code du journal de paie', { exact: true }).fill('SAL');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(status(page, 'Paramètres de Paie Facile enregistrés')).toBeVisible();

  // Disconnect Banque Sereine.
  await tab(page, 'Aperçu').click();
  await chooseFromMenu(page, 'Banque Sereine', 'Déconnectez-vous');
  const dialog = dialogNamed(page, /Banque Sereine/);
  await dialog.getByRole('radio', { name: "Je n'en ai plus besoin" }).check();
  await dialog.getByRole('button', { name: 'Déconnecter', exact: true }).click();
  await expect(rowByLink(page, 'Banque Sereine')).toHaveCount(0);

  // Another acting user.
  await actAs(page, 'Julien Petit');
  await expect(rowByLink(page, 'Stock Malin')).toContainText('Julien Petit (vous)');

  await page.reload();
  await expect(page.locator('.ma-loading')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'Aperçu' })).toBeVisible();
  await expect(page.getByLabel('Utilisateur', { exact: true }).locator('option:checked')).toHaveText(/Julien Petit/);
  await expect(rowByLink(page, 'Paie Facile')).toHaveCount(1);
  await expect(rowByLink(page, 'Paie Facile')).toContainText('Claire Martin');
  await expect(rowByLink(page, 'Paie Facile')).not.toContainText('(vous)');
  await expect(rowByLink(page, 'Stock Malin')).toContainText('Julien Petit (vous)');
  await expect(rowByLink(page, 'Banque Sereine')).toHaveCount(0);

  await page.goto(settingsPage('paie-facile'));
  await expect(page.getByLabel('Code du journal de paie', { exact: true })).toHaveValue('SAL');
  await expect(page.locator('.ma-associated')).toContainText('Claire Martin');

  await page.goto(`${QB}/journal`);
  const entries = journalEntries(page);
  await expectTexts(entries.nth(0), ['Déconnexion', 'Banque Sereine', "Je n'en ai plus besoin"]);
  await expectTexts(entries.nth(1), ['Modification des paramètres', 'Paie Facile', 'PAIE → SAL']);
  await expectTexts(entries.nth(2), ['Connexion', 'Paie Facile']);
});

test("Back with unsaved settings keeps them: they come back with the view, and Annuler les modifications drops them", async ({ page }) => {
  // Reached inside the app (the ▼ menu), so that Back stays in the app.
  await open(page, OVERVIEW);
  await chooseFromMenu(rowByLink(page, 'Notes Éclair'), 'Notes Éclair', 'Paramètres');
  await expect(page).toHaveURL(/\/notes-eclair\/parametres$/);
  const code = page.getByLabel('Compte de frais par défaut', { exact: true });
  await expect(code).not.toHaveValue('');
  const initial = await code.inputValue();
  const edited = initial === '611000' ? '612000' : '611000';
  await code.fill(edited);
  await expect(page.getByText('Modifications non enregistrées')).toBeVisible();

  // The browser's Back button: the page is left (no question: the browser does not wait),
  // the edit is kept and the user is told where it waits. Nothing is saved.
  const before = await page.evaluate(() => localStorage.getItem('mes-apps/quickbooks'));
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`${OVERVIEW}$`));
  await expect(status(page, 'Vos modifications des paramètres de Notes Éclair ne sont pas enregistrées')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('mes-apps/quickbooks'))).toEqual(before);

  // Forward (or any way back to these settings): the edit is there, still unsaved.
  await page.goForward();
  await expect(code).toHaveValue(edited);
  await expect(page.getByText('Vos modifications non enregistrées sont rétablies')).toBeVisible();
  await expect(page.getByText('Modifications non enregistrées', { exact: true })).toBeVisible();

  // Annuler les modifications: the saved values again, nothing left to keep.
  await page.getByRole('button', { name: 'Annuler les modifications' }).click();
  await expect(code).toHaveValue(initial);
  await expect(page.getByText('Modifications non enregistrées', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Annuler les modifications' })).toHaveCount(0);
  await page.goBack();
  await page.goForward();
  await expect(code).toHaveValue(initial);
  await expect(page.getByText('Vos modifications non enregistrées sont rétablies')).toHaveCount(0);

  // Leaving through the question ("Quitter sans enregistrer") drops the edit for good.
  await code.fill('699999');
  await tab(page, 'Aperçu').click();
  await dialogNamed(page, 'Quitter sans enregistrer ?').getByRole('button', { name: 'Quitter sans enregistrer' }).click();
  await expect(page).toHaveURL(new RegExp(`${OVERVIEW}$`));
  await page.goBack();
  await expect(page).toHaveURL(/\/notes-eclair\/parametres$/);
  await expect(code).toHaveValue(initial);
  await expect(page.getByText('Vos modifications non enregistrées sont rétablies')).toHaveCount(0);

  // A demo reset forgets kept edits: they were edits of data that is gone.
  await code.fill('699999');
  await page.goBack();
  await expect(status(page, 'Vos modifications des paramètres de Notes Éclair ne sont pas enregistrées')).toBeVisible();
  await page.getByRole('button', { name: 'Réinitialiser la démo' }).click();
  await dialogNamed(page, 'Réinitialiser la démo ?').getByRole('button', { name: 'Oui, tout réinitialiser' }).click();
  await page.goForward();
  await expect(page).toHaveURL(/\/notes-eclair\/parametres$/);
  await expect(code).toHaveValue(initial);
  await expect(page.getByText('Vos modifications non enregistrées sont rétablies')).toHaveCount(0);
});

test('keyboard only: connect then disconnect an app', async ({ page }) => {
  await open(page, SEARCH);

  // Search and open the app's page.
  const box = page.getByRole('searchbox', { name: 'Rechercher des applis' });
  await tabTo(page, box);
  await page.keyboard.type('caisse');
  const result = page.getByRole('link', { name: 'Caisse Horizon', exact: true });
  await expect(result).toBeVisible();
  await tabTo(page, result);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Caisse Horizon', exact: true })).toBeVisible();

  // The connect dialog: focus moves in, Tab and Shift+Tab cycle inside, Escape closes and
  // focus returns to Obtenir l'appli.
  const get = page.getByRole('button', { name: "Obtenir l'appli" });
  await tabTo(page, get);
  await page.keyboard.press('Enter');
  const dialog = dialogNamed(page, /Caisse Horizon/);
  await expect(dialog).toBeVisible();
  await expectFocusInside(dialog, 'focus moves into the dialog');
  // Onto its title: the first control would be the publisher's mail link in the note.
  await expect(dialog.getByRole('heading', { name: 'Obtenir Caisse Horizon' })).toBeFocused();
  await expectTabCycle(page, dialog);
  await expectTabCycle(page, dialog, { shift: true });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(get).toBeFocused();
  await expect(page.getByText("Cette appli n'est pas connectée à votre entreprise.")).toBeVisible();

  // Space opens it too; Connecter by keyboard.
  await page.keyboard.press(' ');
  await expect(dialog).toBeVisible();
  await expectFocusInside(dialog);
  await tabTo(page, dialog.getByRole('button', { name: 'Connecter', exact: true }), { max: 10 });
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: /Paramètres de Caisse Horizon/ })).toBeVisible();
  await expect(page.locator('.ma-associated')).toContainText("c'est vous");

  // To Aperçu by its tab (Shift+Tab back up the page).
  const overview = tab(page, 'Aperçu');
  await tabTo(page, overview, { shift: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Aperçu' })).toBeVisible();

  // The ▼ menu button.
  const more = menuButton(page, 'Caisse Horizon');
  const menu = page.getByRole('menu');
  const settingsItem = page.getByRole('menuitem', { name: 'Paramètres' });
  const disconnectItem = page.getByRole('menuitem', { name: 'Déconnectez-vous' });
  await tabTo(page, more);
  await page.keyboard.press('Enter');
  await expect(menu).toBeVisible();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  const suspendItem = page.getByRole('menuitem', { name: 'Suspendre' });
  await expect(settingsItem).toBeFocused();
  await expectKeysFocus(page, [
    ['ArrowDown', suspendItem],
    ['ArrowDown', disconnectItem],
    ['ArrowDown', settingsItem], // wraps to the first
    ['ArrowUp', disconnectItem], // wraps to the last
    ['ArrowUp', suspendItem],
    ['ArrowUp', settingsItem],
  ]);
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await expect(more).toBeFocused();

  await page.keyboard.press(' ');
  await expect(menu).toBeVisible();
  await expect(settingsItem).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(more).toBeFocused();

  await page.keyboard.press('ArrowDown');
  await expect(menu).toBeVisible();
  await expect(settingsItem).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(suspendItem).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(disconnectItem).toBeFocused();

  // The disconnect dialog: focus inside, Tab cycles, Escape closes back to ▼.
  await page.keyboard.press('Enter');
  const disconnect = dialogNamed(page, /Caisse Horizon/);
  await expect(disconnect).toBeVisible();
  await expect(menu).toBeHidden();
  await expectFocusInside(disconnect, 'focus moves into the dialog');
  await expectTabCycle(page, disconnect);
  await expectTabCycle(page, disconnect, { shift: true });
  await page.keyboard.press('Escape');
  await expect(disconnect).toBeHidden();
  await expect(more).toBeFocused();
  await expect(rowByLink(page, 'Caisse Horizon')).toHaveCount(1);

  // Again, and this time answer with the arrows and Space, then Déconnecter.
  await page.keyboard.press('Enter');
  await expect(menu).toBeVisible();
  await page.keyboard.press('ArrowUp');
  await expect(disconnectItem).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(disconnect).toBeVisible();
  const first = disconnect.getByRole('radio').first();
  await expect(first).toBeFocused();
  await page.keyboard.press('Space');
  await expect(first).toBeChecked();
  await page.keyboard.press('ArrowDown');
  const second = disconnect.getByRole('radio').nth(1);
  await expect(second).toBeFocused();
  await expect(second).toBeChecked();
  // With an answer chosen (not the first radio), Tab and Shift+Tab still cycle inside.
  await expectTabCycle(page, disconnect, { soft: true });
  await expectTabCycle(page, disconnect, { shift: true, soft: true });
  const confirm = disconnect.getByRole('button', { name: 'Déconnecter', exact: true });
  await expect(confirm).toBeEnabled();
  await tabTo(page, confirm, { max: 10 });
  await page.keyboard.press('Enter');
  await expect(disconnect).toBeHidden();
  await expect(rowByLink(page, 'Caisse Horizon')).toHaveCount(0);
  await expect(status(page, 'Caisse Horizon est déconnectée de Boulangerie Martin')).toBeVisible();
  // Focus goes on to the next row's ▼, not lost on <body> with the removed row.
  await expect(page.locator(':focus')).toHaveAccessibleName(/^Plus d'actions pour /);
  await expect(page.locator(':focus')).not.toHaveAccessibleName(/Caisse Horizon/);
  // And from there the keyboard goes on: Enter opens that row's menu.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toBeVisible();
  await page.keyboard.press('Escape');
});

test('Réinitialiser la démo asks first; Annuler keeps the changes, confirming restores the demo', async ({ page }) => {
  // A change: Caisse Horizon connected, Banque Sereine disconnected.
  await open(page, appPage('caisse-horizon'));
  await page.getByRole('button', { name: "Obtenir l'appli" }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Connecter', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Paramètres de Caisse Horizon/ })).toBeVisible();
  await tab(page, 'Aperçu').click();
  await chooseFromMenu(page, 'Banque Sereine', 'Déconnectez-vous');
  await page.getByRole('dialog').getByRole('radio', { name: 'Elle coûte trop cher' }).check();
  await page.getByRole('dialog').getByRole('button', { name: 'Déconnecter', exact: true }).click();
  await expect(rowByLink(page, 'Caisse Horizon')).toHaveCount(1);
  await expect(rowByLink(page, 'Banque Sereine')).toHaveCount(0);

  const reset = page.getByRole('button', { name: 'Réinitialiser la démo' });
  const dialog = dialogNamed(page, /Réinitialiser/);

  // Annuler keeps everything.
  await reset.click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Annuler', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(reset).toBeFocused();
  await expect(rowByLink(page, 'Caisse Horizon')).toHaveCount(1);
  await expect(rowByLink(page, 'Banque Sereine')).toHaveCount(0);

  // Escape too.
  await reset.click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(rowByLink(page, 'Caisse Horizon')).toHaveCount(1);

  // Confirming restores the demo data.
  await reset.click();
  await dialog.getByRole('button', { name: /réinitialiser/i }).click();
  await expect(dialog).toBeHidden();
  await expect(status(page, 'données de démonstration')).toBeVisible();
  await expect(rowByLink(page, 'Caisse Horizon')).toHaveCount(0);
  await expect(rowByLink(page, 'Banque Sereine')).toHaveCount(1);
  await expect(rowByLink(page, 'Stock Malin')).toContainText('Julien Petit');
  await expect(rowByLink(page, 'Notes Éclair')).toHaveCount(1);
  await expect(rowByLink(page, 'Tableau Clair')).toHaveCount(1);

  // For good: a reload shows the demo data and the demo journal.
  await page.reload();
  await expect(page.locator('.ma-loading')).toHaveCount(0);
  await expect(rowByLink(page, 'Banque Sereine')).toHaveCount(1);
  await expect(rowByLink(page, 'Caisse Horizon')).toHaveCount(0);
  await tab(page, 'Journal').click();
  const entries = journalEntries(page);
  await expectTexts(entries.nth(0), ['Transfert', 'Tableau Clair']);
  await expect(entries.filter({ hasText: 'Caisse Horizon' })).toHaveCount(0);
});

test('Lancer opens the simulated landing view inside the app, naming the company and the user', async ({ page, context }) => {
  await open(page, OVERVIEW);
  const origin = new URL(page.url()).origin;
  await rowByLink(page, 'Banque Sereine').getByRole('button', { name: 'Lancer' }).click();
  await expect(page).toHaveURL(/\/quickbooks\/mes-apps\/connexions\/boulangerie-martin\/banque-sereine\/lancer$/);
  expect(new URL(page.url()).origin).toBe(origin);
  expect(context.pages()).toHaveLength(1);
  await expect(page.getByRole('heading', { name: 'Banque Sereine', exact: true })).toBeVisible();
  await expect(page.getByText(/Ouverte pour Boulangerie Martin, par Claire Martin/)).toBeVisible();
  await expect(page.getByText('Relevés bancaires', { exact: true })).toBeVisible();

  // Another acting user is named instead.
  await actAs(page, 'Julien Petit');
  await expect(page.getByText(/Ouverte pour Boulangerie Martin, par Julien Petit/)).toBeVisible();

  // Back to Mes apps from there.
  await page.getByRole('link', { name: 'Revenir à Mes apps' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Aperçu' })).toBeVisible();

  // An app that is not connected cannot be launched.
  await page.goto(`${QB}/connexions/boulangerie-martin/caisse-horizon/lancer`);
  await expect(page.getByRole('heading', { name: 'Impossible de lancer cette appli' })).toBeVisible();
});
