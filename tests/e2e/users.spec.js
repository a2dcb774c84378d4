// Utilisateurs: adding, changing and removing people, and handing the primary admin role
// over, without ever leaving a connection behind. QuickBooks: Claire Martin adds Nina
// Roux, removes Julien Petit giving his connections to herself, and hands her role to
// Julien. Expert-Comptable: Marie Dupont removes Thomas Leroy with "Personne", then takes
// one of his connections over. Read only for those who may not; axe on the page and each
// dialog; one removal by keyboard alone.
import {
  test,
  expect,
  QB,
  EC,
  FIRM,
  open,
  tab,
  dialogNamed,
  status,
  actAs,
  chooseOption,
  rowByNameCell,
  tabTo,
  expectNoViolations,
} from './fixtures.js';

const QB_USERS = '/quickbooks/utilisateurs';
const EC_USERS = '/expert-comptable/utilisateurs';
const JULIEN = ['Notes Éclair', 'Stock Malin', 'Tableau Clair'];

function userRow(page, name) {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
}

function result(page) {
  return page.getByRole('region', { name: 'Résultat de la suppression' });
}

function actingUser(page) {
  return page.getByLabel('Utilisateur', { exact: true });
}

test('the header links to Utilisateurs, and the page lists each person with what they manage', async ({ page }) => {
  await open(page, `${QB}/apercu`);
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Utilisateurs' }).click();
  await expect(page).toHaveURL(/\/quickbooks\/utilisateurs$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Utilisateurs' })).toBeVisible();
  const julien = userRow(page, 'Julien Petit');
  await expect(julien).toContainText('julien.petit@exemple.fr');
  await expect(julien).toContainText('Administrateur');
  const managed = julien.getByRole('link', { name: '3 connexions gérées par Julien Petit, dans Passation' });
  await expect(managed).toBeVisible();
  await expectNoViolations(page, 'the Utilisateurs page');
  await managed.click();
  await expect(page).toHaveURL(/\/quickbooks\/mes-apps\/passation\?de=julien-petit$/);

  // Expert-Comptable: the clients each may access.
  await open(page, EC_USERS);
  await expect(userRow(page, 'Marie Dupont')).toContainText('Tous les clients');
  await expect(userRow(page, 'Léa Moreau')).toContainText('Boulangerie Martin, Fleurs de Provence, Studio Nova');
  await expectNoViolations(page, 'the Expert-Comptable Utilisateurs page');
});

test('Claire Martin adds Nina Roux as a standard user, who then may only ask for an app', async ({ page }) => {
  await open(page, QB_USERS);
  await page.getByRole('button', { name: 'Ajouter un utilisateur' }).click();
  const dialog = dialogNamed(page, 'Ajouter un utilisateur');
  await expectNoViolations(page, 'the add dialog', 'dialog[open]');
  await dialog.getByLabel('Nom').fill('Nina Roux');
  await dialog.getByLabel('Adresse e-mail').fill('nina.roux@');
  await dialog.getByRole('radiogroup', { name: 'Rôle' }).getByRole('radio', { name: 'Utilisateur standard' }).check();
  await dialog.getByRole('button', { name: 'Ajouter', exact: true }).click();
  // A bad address is said beside its field, which takes focus; nothing is added.
  const email = dialog.getByLabel('Adresse e-mail');
  await expect(email).toBeFocused();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toContainText("Ce n'est pas une adresse e-mail valable");
  await expectNoViolations(page, 'the add dialog with an error', 'dialog[open]');
  await email.fill('nina.roux@exemple.fr');
  await dialog.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(status(page, "Nina Roux fait maintenant partie de l'équipe.")).toBeVisible();
  await expect(userRow(page, 'Nina Roux')).toContainText('Utilisateur standard');

  // She is in the Utilisateur combobox at once, and may only ask.
  await actAs(page, 'Nina Roux');
  await expect(page.getByText(/Claire Martin \(administratrice principale\) est la seule personne/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ajouter un utilisateur' })).toHaveCount(0);
  await open(page, `${QB}/applis/paie-facile`);
  await expect(actingUser(page)).toHaveValue('nina-roux');
  await expect(page.getByRole('button', { name: "Demander l'appli" })).toBeVisible();
  await page.getByRole('button', { name: "Obtenir l'appli" }).click();
  const get = dialogNamed(page, /Paie Facile/);
  await expect(get.getByRole('alert')).toContainText(/ne pouvez pas connecter/);
  await expect(get.getByRole('button', { name: 'Connecter', exact: true })).toHaveCount(0);
});

test('Claire Martin removes Julien Petit and gives his connections to herself', async ({ page }) => {
  await open(page, QB_USERS);
  await userRow(page, 'Julien Petit').getByRole('button', { name: 'Supprimer Julien Petit' }).click();
  const dialog = dialogNamed(page, 'Supprimer Julien Petit ?');
  for (const app of JULIEN) await expect(dialog).toContainText(`${app} — Boulangerie Martin`);
  const to = dialog.getByRole('combobox', { name: 'Confier ses connexions à' });
  await expect(to.getByRole('option')).toHaveText(['Claire Martin', 'Personne']);
  await expect(to).toHaveValue('claire-martin');
  await expect(dialog.getByRole('complementary', { name: 'À propos de vos données' })).toBeVisible();
  await expectNoViolations(page, 'the remove dialog', 'dialog[open]');
  await dialog.getByRole('button', { name: "Supprimer l'utilisateur" }).click();
  await expect(dialog).toHaveCount(0);

  await expect(result(page).getByRole('listitem')).toHaveCount(3);
  for (const app of JULIEN) await expect(result(page)).toContainText(`${app} — Boulangerie Martin : confiée à Claire Martin`);
  await expect(page.getByRole('heading', { name: 'Résultat de la suppression' })).toBeFocused();
  await expect(userRow(page, 'Julien Petit')).toHaveCount(0);
  await expect(actingUser(page).locator('option', { hasText: 'Julien Petit' })).toHaveCount(0);
  await expectNoViolations(page, 'the removal result');

  await open(page, `${QB}/apercu`);
  for (const app of JULIEN) {
    await expect(rowByNameCell(page, app).locator('td[data-label="Gérée par"]')).toHaveText('Claire Martin (vous)');
  }
  // The journal, newest first: a transfer per connection, then the removal.
  await tab(page, 'Journal').click();
  const entries = page.locator('.ma-journal__entry');
  const gone = "Julien Petit (ne fait plus partie de l'équipe)";
  for (const i of [0, 1, 2]) {
    await expect(entries.nth(i)).toHaveClass(/ma-journal__entry--transfert/);
    await expect(entries.nth(i)).toContainText(`Gestion transférée de ${gone} à Claire Martin`);
  }
  await expect(entries.nth(3)).toHaveClass(/ma-journal__entry--suppression-utilisateur/);
  await expect(entries.nth(3)).toContainText(gone);
});

test('Marie Dupont removes Thomas Leroy with Personne, then takes one of his connections over', async ({ page }) => {
  await open(page, EC_USERS);
  await userRow(page, 'Thomas Leroy').getByRole('button', { name: 'Supprimer Thomas Leroy' }).click();
  const dialog = dialogNamed(page, 'Supprimer Thomas Leroy ?');
  await chooseOption(dialog.getByRole('combobox', { name: 'Confier ses connexions à' }), 'Personne');
  await dialog.getByRole('button', { name: "Supprimer l'utilisateur" }).click();
  await expect(result(page)).toContainText(`Dossiers Partagés — ${FIRM} : sans gestionnaire`);
  await expect(result(page)).toContainText('Stock Malin — Boulangerie Martin : sans gestionnaire');

  // The firm's list: État, and the attention summary.
  await open(page, `${EC}/cabinet`);
  const state = rowByNameCell(page, 'Dossiers Partagés').locator('td[data-label="État"]');
  await expect(state).toHaveText('Sans gestionnaire');
  await expect(page.locator('.ma-attention__summary')).toContainText(/applis? sans gestionnaire/);
  await expectNoViolations(page, 'a list with connections nobody manages');

  // Lancer says it stops syncing, and offers Reprendre la gestion.
  await rowByNameCell(page, 'Dossiers Partagés').getByRole('button', { name: 'Lancer' }).click();
  await expect(page.getByRole('main')).toContainText('ne se synchronise plus tant que personne n');
  await expectNoViolations(page, 'Lancer on a connection nobody manages');
  await page.getByRole('button', { name: 'Reprendre la gestion' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Dossiers Partagés' })).toBeVisible();
  await open(page, `${EC}/cabinet`);
  await expect(state).toHaveText('Active');

  // Passation lists the others under Sans gestionnaire.
  await open(page, `${EC}/passation`);
  const managedBy = page.getByRole('combobox', { name: 'Gérées par' });
  await chooseOption(managedBy, 'Sans gestionnaire');
  await expect(page.getByRole('checkbox', { name: `Temps Facturé — ${FIRM}`, exact: true })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: `Dossiers Partagés — ${FIRM}`, exact: true })).toHaveCount(0);
});

test('Claire Martin transfers the primary admin role to Julien Petit', async ({ page }) => {
  await open(page, QB_USERS);
  await page.getByRole('button', { name: "Transférer le rôle d'administrateur principal" }).click();
  const dialog = dialogNamed(page, "Transférer le rôle d'administrateur principal");
  await expect(dialog.getByRole('combobox', { name: 'Nouvel administrateur principal' })).toHaveValue('julien-petit');
  await expectNoViolations(page, 'the primary admin dialog', 'dialog[open]');
  await dialog.getByRole('button', { name: 'Confirmer le transfert' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(userRow(page, 'Julien Petit')).toContainText('Administrateur principal');
  await expect(userRow(page, 'Claire Martin')).toContainText('Administratrice');
  await expect(userRow(page, 'Claire Martin')).not.toContainText('principale');
  // Claire may no longer hand the role over, nor remove anyone.
  await expect(page.getByRole('button', { name: "Transférer le rôle d'administrateur principal" })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Supprimer / })).toHaveCount(0);
});

test('Modifier: making Julien a standard user asks who takes his connections over', async ({ page }) => {
  await open(page, QB_USERS);
  await userRow(page, 'Julien Petit').getByRole('button', { name: 'Modifier Julien Petit' }).click();
  const dialog = dialogNamed(page, 'Modifier Julien Petit');
  await expect(dialog.getByLabel('Nom')).toHaveValue('Julien Petit');
  await expect(dialog.getByRole('combobox', { name: 'Confier ses connexions à' })).toHaveCount(0);
  await dialog.getByRole('radio', { name: 'Utilisateur standard' }).check();
  const to = dialog.getByRole('combobox', { name: 'Confier ses connexions à' });
  await expect(to).toHaveValue('claire-martin');
  await expect(dialog).toContainText('ne pourra plus gérer 3 connexions');
  await expectNoViolations(page, 'the edit dialog', 'dialog[open]');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(status(page, /3\s+connexions\s+confiées\s+à\s+Claire Martin/)).toBeVisible();
  await expect(userRow(page, 'Julien Petit')).toContainText('Utilisateur standard');
});

test('by keyboard alone: Claire removes Sophie Bernard', async ({ page }) => {
  await open(page, QB_USERS);
  const remove = userRow(page, 'Sophie Bernard').getByRole('button', { name: 'Supprimer Sophie Bernard' });
  await tabTo(page, remove);
  await page.keyboard.press('Enter');
  const dialog = dialogNamed(page, 'Supprimer Sophie Bernard ?');
  await expect(dialog).toContainText('Sophie Bernard ne gère aucune connexion.');
  // Annuler first, then the action.
  await expect(dialog.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: "Supprimer l'utilisateur" })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(result(page)).toContainText('Sophie Bernard ne gérait aucune connexion.');
  await expect(page.getByRole('heading', { name: 'Résultat de la suppression' })).toBeFocused();

  // And adds her back, by keyboard.
  const add = page.getByRole('button', { name: 'Ajouter un utilisateur' });
  await tabTo(page, add, { shift: true });
  await page.keyboard.press('Enter');
  const form = dialogNamed(page, 'Ajouter un utilisateur');
  await expect(form.getByLabel('Nom')).toBeFocused();
  await page.keyboard.type('Sophie Bernard');
  await page.keyboard.press('Tab');
  await page.keyboard.type('sophie@exemple.fr');
  // Tab reaches the radio group on its chosen radio; the arrows move the choice.
  await page.keyboard.press('Tab');
  const standard = form.getByRole('radio', { name: 'Utilisateur standard' });
  await expect(standard).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(form.getByRole('radio', { name: 'Administrateur' })).toBeChecked();
  await page.keyboard.press('ArrowDown');
  await expect(standard).toBeChecked();
  await tabTo(page, form.getByRole('button', { name: 'Ajouter', exact: true }));
  await page.keyboard.press('Enter');
  await expect(form).toHaveCount(0);
  await expect(userRow(page, 'Sophie Bernard')).toContainText('sophie@exemple.fr');
});

test('in English: Users, Add user, Remove NAME and Remove user', async ({ page }) => {
  await page.goto(`${QB_USERS}?lang=en`);
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add user' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Transfer primary admin role' })).toBeVisible();
  await userRow(page, 'Julien Petit').getByRole('button', { name: 'Remove Julien Petit' }).click();
  const dialog = dialogNamed(page, 'Remove Julien Petit?');
  const to = dialog.getByRole('combobox', { name: 'Give their connections to' });
  await expect(to.getByRole('option')).toHaveText(['Claire Martin', 'Nobody']);
  await expect(dialog.getByRole('button', { name: 'Remove user' })).toBeVisible();
  await expectNoViolations(page, 'the remove dialog in English', 'dialog[open]');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await userRow(page, 'Sophie Bernard').getByRole('button', { name: 'Edit Sophie Bernard' }).click();
  const edit = dialogNamed(page, 'Edit Sophie Bernard');
  await expect(edit.getByRole('radiogroup', { name: 'Role' }).getByRole('radio', { name: 'Standard user' })).toBeChecked();
  await expect(edit.getByLabel('Email address')).toHaveValue('sophie.bernard@exemple.fr');
});
