// axe-core on every QuickBooks view, every dialog and the open ▼ menu, on the release
// build: zero violations. A failure prints what axe found (rule, impact, nodes).
import {
  test,
  expect,
  QB,
  open,
  menuButton,
  chooseFromMenu,
  dialogNamed,
  actAs,
  expectNoViolations,
} from './fixtures.js';

const VIEWS = [
  { name: 'home', path: '/', ready: (p) => p.getByRole('heading', { level: 1, name: 'Accueil' }) },
  { name: 'Aperçu', path: `${QB}/apercu`, ready: (p) => p.getByRole('heading', { level: 2, name: 'Aperçu' }) },
  {
    name: 'Rechercher with results',
    path: `${QB}/rechercher?q=caisse`,
    ready: (p) => p.getByRole('link', { name: 'Caisse Horizon', exact: true }),
  },
  {
    name: 'Rechercher with every app',
    path: `${QB}/rechercher`,
    // The first page of results, and "Afficher plus" for the rest.
    ready: (p) => p.getByRole('button', { name: /Afficher plus/ }),
  },
  {
    name: 'Rechercher with no results',
    path: `${QB}/rechercher?q=zzqx`,
    ready: (p) => p.getByText('Aucune appli trouvée'),
  },
  {
    name: 'app page',
    path: `${QB}/applis/caisse-horizon`,
    ready: (p) => p.getByRole('button', { name: "Obtenir l'appli" }),
  },
  {
    name: 'app page of a connected app',
    path: `${QB}/applis/stock-malin`,
    ready: (p) => p.getByRole('link', { name: /Paramètres pour Boulangerie Martin/ }),
  },
  {
    name: 'settings view',
    path: `${QB}/connexions/boulangerie-martin/stock-malin/parametres`,
    ready: (p) => p.getByRole('button', { name: 'Reprendre la gestion' }),
  },
  {
    name: 'launch view',
    path: `${QB}/connexions/boulangerie-martin/banque-sereine/lancer`,
    ready: (p) => p.getByText(/Ouverte pour Boulangerie Martin/),
  },
  { name: 'journal', path: `${QB}/journal`, ready: (p) => p.getByRole('heading', { level: 2, name: 'Journal' }) },
  {
    name: 'Sauvegarde',
    path: `${QB}/sauvegarde`,
    ready: (p) => p.getByRole('heading', { level: 2, name: 'Sauvegarde' }),
  },
  {
    name: 'page introuvable',
    path: '/nulle-part/ici',
    ready: (p) => p.getByRole('heading', { name: 'Page introuvable' }),
  },
];

for (const view of VIEWS) {
  test(`axe: ${view.name} has no violations`, async ({ page }) => {
    await open(page, view.path);
    await expect(view.ready(page)).toBeVisible();
    await expectNoViolations(page, view.name);
  });
}

test('axe: the settings view with an invalid value has no violations', async ({ page }) => {
  await open(page, `${QB}/connexions/boulangerie-martin/stock-malin/parametres`);
  const account = page.getByLabel('Compte de stock', { exact: true });
  await account.fill('37a');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(account).toHaveAttribute('aria-invalid', 'true');
  await expectNoViolations(page, 'settings view with errors');
});

test('axe: the settings view read-only for a standard user has no violations', async ({ page }) => {
  await open(page, `${QB}/connexions/boulangerie-martin/stock-malin/parametres`);
  await actAs(page, 'Sophie Bernard');
  await expect(page.getByText(/sans les modifier/)).toBeVisible();
  await expectNoViolations(page, 'read-only settings view');
});

test('axe: the connect dialog has no violations', async ({ page }) => {
  await open(page, `${QB}/applis/caisse-horizon`);
  await page.getByRole('button', { name: "Obtenir l'appli" }).click();
  const dialog = dialogNamed(page, /Caisse Horizon/);
  await expect(dialog.getByRole('button', { name: 'Connecter', exact: true })).toBeVisible();
  await expectNoViolations(page, 'connect dialog');
});

test('axe: the connect-as-transfer dialog has no violations', async ({ page }) => {
  await open(page, `${QB}/applis/stock-malin`);
  await page.getByRole('button', { name: "Obtenir l'appli" }).click();
  const dialog = dialogNamed(page, /Stock Malin/);
  await expect(dialog).toContainText('Julien Petit');
  await expect(dialog.getByRole('button', { name: 'Connecter', exact: true })).toBeVisible();
  await expectNoViolations(page, 'transfer dialog');
});

test('axe: the disconnect dialog has no violations, without and with "Autre"', async ({ page }) => {
  await open(page, `${QB}/apercu`);
  await chooseFromMenu(page, 'Notes Éclair', 'Déconnectez-vous');
  const dialog = dialogNamed(page, /Notes Éclair/);
  await expect(dialog.getByRole('button', { name: 'Déconnecter', exact: true })).toBeDisabled();
  await expectNoViolations(page, 'disconnect dialog');
  await dialog.getByRole('radio', { name: 'Autre' }).check();
  const other = dialog.getByRole('textbox', { name: 'Précisez la raison' });
  await expect(other).toBeVisible();
  await expectNoViolations(page, 'disconnect dialog with "Autre" (empty)');
  await other.fill('Trop lente le matin');
  await expect(dialog.getByRole('button', { name: 'Déconnecter', exact: true })).toBeEnabled();
  await expectNoViolations(page, 'disconnect dialog with "Autre" answered');
});

test('axe: the refusal dialogs of a standard user have no violations', async ({ page }) => {
  await open(page, `${QB}/applis/caisse-horizon`);
  await actAs(page, 'Sophie Bernard');
  await page.getByRole('button', { name: "Obtenir l'appli" }).click();
  const dialog = dialogNamed(page, /Caisse Horizon/);
  await expect(dialog.getByRole('alert')).toBeVisible();
  await expectNoViolations(page, 'refusal dialog (Obtenir l\'appli)');
  await dialog.getByRole('button', { name: 'Fermer' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('link', { name: 'Aperçu', exact: true }).click();
  await chooseFromMenu(page, 'Stock Malin', 'Déconnectez-vous');
  const disconnect = dialogNamed(page, /Stock Malin/);
  await expect(disconnect.getByRole('alert')).toBeVisible();
  await expectNoViolations(page, 'refusal dialog (Déconnectez-vous)');
});

test('axe: the reset confirmation dialog has no violations', async ({ page }) => {
  await open(page, `${QB}/apercu`);
  await page.getByRole('button', { name: 'Réinitialiser la démo' }).click();
  await expect(dialogNamed(page, /Réinitialiser/)).toBeVisible();
  await expectNoViolations(page, 'reset confirmation');
});

test('axe: the open ▼ menu has no violations', async ({ page }) => {
  await open(page, `${QB}/apercu`);
  const more = menuButton(page, 'Stock Malin');
  await more.click();
  await expect(page.getByRole('menu')).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Paramètres' })).toBeFocused();
  await expectNoViolations(page, 'open ▼ menu');
});

test.describe('at 360×740', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('axe: Aperçu has no violations on a small screen', async ({ page }) => {
    await open(page, `${QB}/apercu`);
    await expect(menuButton(page, 'Stock Malin')).toBeVisible();
    await expectNoViolations(page, 'Aperçu at 360×740');
    // And the open menu there.
    await menuButton(page, 'Stock Malin').click();
    await expect(page.getByRole('menu')).toBeVisible();
    await expectNoViolations(page, 'open ▼ menu at 360×740');
  });

  test('axe: Rechercher des applis has no violations on a small screen', async ({ page }) => {
    await open(page, `${QB}/rechercher?q=caisse`);
    await expect(page.getByRole('link', { name: 'Caisse Horizon', exact: true })).toBeVisible();
    await expectNoViolations(page, 'Rechercher at 360×740');
  });
});
