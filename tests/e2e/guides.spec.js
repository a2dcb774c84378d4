// Guides: each of the article's five procedures run to "Terminé" by keyboard alone in
// the real screens, a guide left halfway, a wrong turn's hint; and scenarios loaded by
// the address on a fresh profile or by the Scénario control after its confirmation.
import {
  test,
  expect,
  QB,
  EC,
  open,
  tab,
  menuButton,
  dialogNamed,
  soleStatus,
  expectNoViolations,
} from './fixtures.js';

function panel(page) {
  return page.getByRole('complementary', { name: 'Guide' });
}

/** Focuses a control and presses Enter: the keyboard's way of using it. */
async function enter(locator) {
  await locator.focus();
  await locator.page().keyboard.press('Enter');
}

async function startGuide(page, title) {
  const start = page.getByRole('button', { name: new RegExp(`^Commencer le guide.*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
  await enter(start);
  await expect(panel(page)).toBeVisible();
  await expect(panel(page)).toContainText(title);
}

/** The panel shows step `n`, and the control it names (by its accessible name, when
 *  given) is outlined and described by the step. */
async function expectStep(page, n, total, name) {
  await expect(panel(page)).toContainText(`Étape ${n} sur ${total}`);
  const target = page.locator('.ma-guide-target');
  await expect(target).toHaveCount(1);
  if (name) await expect(target).toHaveAccessibleName(name);
  await expect(target).toHaveAttribute('aria-describedby', /ma-guide-etape/);
}

async function expectDone(page, text) {
  await expect(panel(page).getByRole('heading', { name: 'Terminé' })).toBeVisible();
  await expect(panel(page)).toContainText(text);
}

test('Transférer la gestion d’une appli connectée — QuickBooks, by keyboard, to Terminé', async ({ page }) => {
  await open(page, `${QB}/guides`);
  await startGuide(page, "Transférer la gestion d'une appli connectée — QuickBooks");
  await expect(panel(page)).toContainText('Vous agissez en tant que Claire Martin (administratrice principale).');
  await expectStep(page, 1, 5);
  await expectNoViolations(page, "the guide's first step");
  await enter(tab(page, 'Rechercher des applis'));
  const app = await panel(page).locator('.ma-guide__step').textContent();
  const name = app.match(/Cherchez (.+), puis/)[1];
  // The search box first, while the app's result is not shown, then the result.
  await expectStep(page, 2, 5, 'Rechercher des applis');
  await page.getByRole('searchbox', { name: 'Rechercher des applis' }).focus();
  await page.keyboard.type(name);
  await expectStep(page, 2, 5, name);
  await enter(page.getByRole('link', { name, exact: true }));
  await expectStep(page, 3, 5, "Obtenir l'appli");
  await enter(page.getByRole('button', { name: "Obtenir l'appli" }));
  await expectStep(page, 4, 5, 'Connecter');
  await enter(page.getByRole('dialog').getByRole('button', { name: 'Connecter', exact: true }));
  await expectDone(page, `Transfert de ${name} pour Boulangerie Martin, par Claire Martin.`);
  await expectNoViolations(page, 'a guide done');
});

test('Transférer la gestion d’une appli connectée — QuickBooks Expert-Comptable, by keyboard, to Terminé', async ({ page }) => {
  await open(page, `${EC}/guides`);
  await startGuide(page, "Transférer la gestion d'une appli connectée — QuickBooks Expert-Comptable");
  await expect(panel(page)).toContainText('Marie Dupont (administratrice principale)');
  await enter(tab(page, 'Rechercher des applis'));
  const step = await panel(page).locator('.ma-guide__step').textContent();
  const name = step.match(/Cherchez (.+), puis/)[1];
  await page.getByRole('searchbox', { name: 'Rechercher des applis' }).focus();
  await page.keyboard.type(name);
  await enter(page.getByRole('link', { name, exact: true }));
  await enter(page.getByRole('button', { name: "Obtenir l'appli" }));
  await expectStep(page, 4, 5);
  const company = (await panel(page).locator('.ma-guide__step').textContent()).match(/Choisissez (.+), vérifiez/)[1];
  const radio = page.getByRole('dialog').getByRole('radio', { name: company, exact: true });
  // Two actions: the company's radio first, then, once it is chosen, Installer.
  await expectStep(page, 4, 5, company);
  await radio.focus();
  await page.keyboard.press('Space');
  await expect(radio).toBeChecked();
  const install = page.getByRole('dialog').getByRole('button', { name: 'Installer', exact: true });
  await expectStep(page, 4, 5, 'Installer');
  await expect(install).toHaveClass(/ma-guide-target/);
  await expect(radio).not.toHaveAttribute('aria-describedby', /ma-guide-etape/);
  await expect(panel(page).locator('.ma-guide__control')).toContainText('Installer');
  await enter(install);
  await expectDone(page, `Transfert de ${name} pour ${company}, par Marie Dupont.`);
});

/** The three disconnection guides share their last steps: ▼, Déconnectez-vous, a reason, Déconnecter. */
async function disconnectSteps(page, app, total, from) {
  await expectStep(page, from, total, `Plus d'actions pour ${app}`);
  const menu = menuButton(page, app).first();
  await menu.focus();
  await page.keyboard.press('Enter');
  await expectStep(page, from + 1, total);
  await expect(page.getByRole('menuitem', { name: 'Paramètres' })).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  const dialog = dialogNamed(page, `Déconnecter ${app}`);
  await expect(dialog).toBeVisible();
  await expectStep(page, from + 2, total);
  await page.keyboard.press('Space');
  await expectStep(page, from + 3, total);
  await enter(dialog.getByRole('button', { name: 'Déconnecter', exact: true }));
  await expect(dialog).toHaveCount(0);
}

async function guideApp(page) {
  const step = await panel(page).locator('.ma-guide__step').textContent();
  return step;
}

test('Déconnecter une appli — QuickBooks, by keyboard, to Terminé', async ({ page }) => {
  await open(page, `${QB}/guides`);
  await startGuide(page, 'Déconnecter une appli — QuickBooks');
  const step = await guideApp(page);
  const app = step.match(/trouvez (.+)\.$/)[1];
  await enter(tab(page, 'Aperçu'));
  await disconnectSteps(page, app, 5, 2);
  await expectDone(page, `Déconnexion de ${app} pour Boulangerie Martin, par Claire Martin.`);
});

test('Déconnecter une appli de votre cabinet — QuickBooks Expert-Comptable, by keyboard, to Terminé', async ({ page }) => {
  await open(page, `${EC}/guides`);
  await startGuide(page, 'Déconnecter une appli de votre cabinet — QuickBooks Expert-Comptable');
  const app = (await guideApp(page)).match(/trouvez (.+)\.$/)[1];
  await enter(tab(page, 'Applis du cabinet'));
  await disconnectSteps(page, app, 5, 2);
  await expectDone(page, `Déconnexion de ${app} pour Cabinet Dupont & Associés`);
});

test('Déconnecter une appli du compte d’un client — QuickBooks Expert-Comptable, by keyboard, to Terminé', async ({ page }) => {
  await open(page, `${EC}/guides`);
  await startGuide(page, "Déconnecter une appli du compte d'un client — QuickBooks Expert-Comptable");
  await enter(tab(page, 'Applis clientes'));
  await expect(panel(page)).toContainText('Étape 2 sur 6');
  const [, app, company] = (await guideApp(page)).match(/Sélectionnez (.+) de (.+)\s:\sses détails/);
  await expectStep(page, 2, 6, app);
  await enter(page.locator('.ma-guide-target'));
  await expect(page.getByRole('heading', { name: `${app} pour ${company}` })).toBeVisible();
  await disconnectSteps(page, app, 6, 3);
  await expectDone(page, `Déconnexion de ${app} pour ${company}`);
});

test('a guide can be left halfway, and a wrong turn gets a hint, not a dead end', async ({ page }) => {
  await open(page, `${QB}/guides`);
  await startGuide(page, 'Déconnecter une appli — QuickBooks');
  await enter(tab(page, 'Journal'));
  await expect(panel(page).getByRole('alert')).toContainText("Ce n'est pas la page de cette étape");
  await expectStep(page, 1, 5);
  await enter(tab(page, 'Aperçu'));
  await expectStep(page, 2, 5);
  await expect(panel(page).getByRole('alert')).toHaveCount(0);
  await expectNoViolations(page, "a guide's step after a wrong turn");
  await enter(panel(page).getByRole('button', { name: 'Quitter le guide' }));
  await expect(panel(page)).toHaveCount(0);
  await expect(page.locator('.ma-guide-target')).toHaveCount(0);
});

test('scenarios load by address on a fresh profile, without a question, and leave the address', async ({ page }) => {
  await open(page, `${EC}/passation?scenario=depart`);
  await expect(page).toHaveURL(new RegExp(`${EC}/passation$`));
  await expect(page.getByRole('combobox', { name: 'Gérées par' }).locator('option', { hasText: 'Thomas Leroy (12 connexions)' })).toHaveCount(1);
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.goto(`${EC}/vue-d-ensemble?scenario=grand-cabinet`);
  await expect(dialogNamed(page, /Charger le scénario/)).toBeVisible();
});

test('expirations by address on a fresh profile: connections to reconnect and expiring soon', async ({ page }) => {
  await open(page, `${QB}/apercu?scenario=expirations`);
  await expect(page).toHaveURL(new RegExp(`${QB}/apercu$`));
  const table = page.getByRole('table');
  await expect(table.getByRole('row').filter({ hasText: 'À reconnecter' })).not.toHaveCount(0);
  await expect(table.getByRole('row').filter({ hasText: /Expire dans\s\d+\sjours?/ })).not.toHaveCount(0);
});

test('grand-cabinet by address on a fresh profile: 200 clients in the overview', async ({ page }) => {
  await open(page, `${EC}/vue-d-ensemble?scenario=grand-cabinet`);
  // The firm, 200 clients and the header: the table counts them all (and draws those in view).
  await expect(page.getByRole('region', { name: 'Tableau des applis par client' }).getByRole('table')).toHaveAttribute('aria-rowcount', '202');
  await page.goto(`${QB}/apercu?scenario=demo`);
  await expect(page.getByRole('heading', { level: 2, name: 'Aperçu' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${QB}/apercu$`));
});

test('the Scénario control asks before replacing data, and an unknown scenario changes nothing', async ({ page }) => {
  await open(page, `${QB}/apercu`);
  await page.getByRole('button', { name: 'Réinitialiser la démo' }).click();
  await page.getByRole('button', { name: 'Oui, tout réinitialiser' }).click();
  await page.getByRole('combobox', { name: 'Scénario' }).selectOption({ label: "Départ d'un collègue" });
  const dialog = dialogNamed(page, "Charger le scénario « Départ d'un collègue » ?");
  await expect(dialog).toContainText('Julien Petit quitte');
  await expect(dialog.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await expectNoViolations(page, 'the scenario confirmation', 'dialog[open]');
  await dialog.getByRole('button', { name: 'Charger le scénario' }).click();
  await expect(soleStatus(page, "Scénario « Départ d'un collègue » chargé")).toHaveCount(1);
  await expect(page.getByRole('table').getByRole('row').filter({ hasText: 'Julien Petit' })).toHaveCount(12);

  await page.goto(`${QB}/apercu?scenario=inconnu`);
  await expect(soleStatus(page, "Le scénario « inconnu » n'existe pas")).toHaveCount(1);
  await expect(page.getByRole('table').getByRole('row').filter({ hasText: 'Julien Petit' })).toHaveCount(12);
});
