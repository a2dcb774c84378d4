// Revue des accès: Marie Dupont reviews the firm — keeps most, disconnects one (its
// receipt exists), suspends one, takes one over from Thomas Leroy — with a reload and a
// switch of user in the middle, then reads each outcome in the lists, the journal and the
// report's CSV. Léa Moreau reads the reports only; the clock brings the reminder; the
// scenario starts with one due; axe on each view and dialog; a whole review by keyboard.
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
  advance,
  rowByNameCell,
  stateCell,
  journalEntries,
  tabTo,
  downloadOf,
  parseCsv,
  fr,
  expectNoViolations,
} from './fixtures.js';

const EC_REVIEW = `${EC}/revue`;
const QB_REVIEW = `${QB}/revue`;

function group(page, name) {
  return page.getByRole('radiogroup', { name, exact: true });
}

async function decide(page, name, decision) {
  await group(page, name).getByRole('radio', { name: decision, exact: true }).check();
}

function result(page) {
  return page.getByRole('region', { name: 'Résultat de la revue' });
}

function progress(page) {
  return page.locator('#ma-revue-progression');
}

const DISCONNECTED = 'Notes Éclair — Fleurs de Provence';
const SUSPENDED = 'Trésorerie Plus — Restaurant Le Comptoir';
const TAKEN = `Dossiers Partagés — ${FIRM}`;

test('Marie Dupont reviews the firm and applies her decisions in one step', async ({ page }) => {
  test.setTimeout(90_000);
  await open(page, `${EC}/cabinet`);
  await tab(page, 'Revue des accès').click();
  await expect(page).toHaveURL(/\/expert-comptable\/mes-apps\/revue$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Revue des accès' })).toBeVisible();
  // The demo's past review is listed, with its report.
  await expect(page.getByRole('link', { name: /^Revue n° 1 du/ })).toBeVisible();
  await expectNoViolations(page, 'the Revue des accès page');
  await page.getByRole('button', { name: 'Commencer une revue' }).click();
  await expect(progress(page)).toHaveText('0 sur 9 examinées');
  await expect(progress(page)).toBeFocused();
  const taken = page.getByRole('article', { name: TAKEN });
  await expect(taken).toContainText('Thomas Leroy');
  await expect(taken).toContainText(fr('Dernière utilisation : il y a 20 jours'));
  await expect(taken).toContainText('Elle est gérée par Thomas Leroy, pas par vous.');
  // A hint is text: nothing is chosen for the reviewer.
  await expect(group(page, TAKEN).getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Appliquer les décisions' })).toBeDisabled();
  await expectNoViolations(page, 'a review under way');

  await decide(page, DISCONNECTED, 'Déconnecter');
  await decide(page, SUSPENDED, 'Suspendre');
  await decide(page, TAKEN, 'Reprendre la gestion');
  await expect(progress(page)).toHaveText('3 sur 9 examinées');
  // A reload keeps the decisions; another user sees the review but may not continue it.
  await page.reload();
  await expect(progress(page)).toHaveText('3 sur 9 examinées');
  await expect(group(page, TAKEN).getByRole('radio', { name: 'Reprendre la gestion' })).toBeChecked();
  await actAs(page, 'Thomas Leroy');
  await expect(page.getByText(/Une revue des accès est en cours, commencée par Marie Dupont/)).toBeVisible();
  await expect(page.getByRole('radiogroup')).toHaveCount(0);
  await actAs(page, 'Marie Dupont');
  await expect(group(page, DISCONNECTED).getByRole('radio', { name: 'Déconnecter' })).toBeChecked();

  // The filter narrows the list to what is left.
  await page.getByRole('combobox', { name: 'Afficher' }).selectOption({ label: 'À examiner' });
  await expect(page.getByRole('article')).toHaveCount(6);
  for (const article of await page.getByRole('article').all()) {
    await article.getByRole('radio', { name: 'Conserver', exact: true }).check();
  }
  await expect(progress(page)).toHaveText('9 sur 9 examinées');
  await page.getByRole('button', { name: 'Appliquer les décisions' }).click();
  const dialog = dialogNamed(page, 'Appliquer les décisions ?');
  await expect(dialog).toContainText(fr('Conserver : 6'));
  await expect(dialog).toContainText(fr('Déconnecter : 1'));
  await expect(dialog).toContainText(DISCONNECTED);
  await expect(dialog).toContainText('@');
  await expectNoViolations(page, 'the confirmation', 'dialog[open]');
  await dialog.getByRole('button', { name: 'Confirmer' }).click();

  await expect(page).toHaveURL(/\/expert-comptable\/mes-apps\/revue\/2$/);
  await expect(result(page).getByRole('listitem')).toHaveCount(9);
  await expect(result(page)).toContainText(fr(`${TAKEN} : Gestion reprise`));
  await expect(result(page)).toContainText(fr(`${SUSPENDED} : Suspendue`));
  await expectNoViolations(page, 'the report');
  const file = await downloadOf(page, () => page.getByRole('button', { name: 'Télécharger le rapport (CSV)' }).click());
  expect(file.name).toMatch(/^revue-des-acces-expert-comptable-2-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(file.text.startsWith('\ufeff')).toBe(true);
  const rows = parseCsv(file.text.slice(1));
  expect(rows).toHaveLength(10);
  expect(rows[0].slice(2, 4)).toEqual(['Appli', 'Entreprise']);
  // The disconnection has its receipt, with the review's reason.
  await result(page).getByRole('link', { name: 'Voir le reçu' }).click();
  await expect(page.locator('.ma-receipt')).toContainText(fr('Revue des accès : plus nécessaire'));

  // Each outcome in the lists and the journal.
  await open(page, `${EC}/clients`);
  await expect(rowByNameCell(page, 'Notes Éclair')).toHaveCount(0);
  await expect(stateCell(page, 'Trésorerie Plus')).toContainText('Suspendue');
  await open(page, `${EC}/cabinet`);
  await expect(rowByNameCell(page, 'Dossiers Partagés')).toContainText('Marie Dupont');
  await open(page, `${EC}/journal`);
  await expect(journalEntries(page).first()).toContainText(/Fin d.une revue des accès/);
  await expect(journalEntries(page).filter({ hasText: /Conservée lors d.une revue des accès/ })).toHaveCount(6);
  await expect(journalEntries(page).filter({ hasText: /Début d.une revue des accès/ })).toHaveCount(1);
});

test('Léa Moreau reads the reports but cannot start a review', async ({ page }) => {
  await open(page, EC_REVIEW);
  await actAs(page, 'Léa Moreau');
  await expect(page.getByRole('button', { name: 'Commencer une revue' })).toHaveCount(0);
  await expect(page.getByText(/vous ne pouvez pas faire une revue des accès/)).toBeVisible();
  await expect(page.getByText(/Demandez à Marie Dupont/)).toBeVisible();
  await page.getByRole('link', { name: /^Revue n° 1 du/ }).click();
  await expect(page).toHaveURL(/\/revue\/1$/);
  // Only the connections of the clients she may access, and how many are not shown.
  await expect(result(page).getByRole('listitem')).toHaveCount(6);
  await expect(result(page)).toContainText('connexions de clients auxquels vous');
  await expectNoViolations(page, 'a past report');
});

test('the reminder comes 90 days after the last review, and the scenario starts with one due', async ({ page }) => {
  await open(page, `${EC}/cabinet`);
  const reminder = page.getByRole('link', { name: 'Ouvrir la revue des accès' });
  await expect(page.getByRole('heading', { level: 2, name: 'Applis du cabinet' })).toBeVisible();
  await expect(reminder).toHaveCount(0);
  await advance(page, 3);
  await expect(page.getByText('Une revue des accès est à faire.')).toBeVisible();
  await reminder.click();
  await expect(page).toHaveURL(/\/mes-apps\/revue$/);
  await expect(page.getByText(fr(/Une revue des accès est à faire : la dernière/))).toBeVisible();

  await open(page, `${QB}/apercu?scenario=revue`);
  await expect(page.getByRole('link', { name: 'Ouvrir la revue des accès' })).toBeVisible();
  await expectNoViolations(page, 'Aperçu with the reminder');
  // Standard users are not reminded of what they may not do.
  await actAs(page, 'Sophie Bernard');
  await expect(page.getByRole('link', { name: 'Ouvrir la revue des accès' })).toHaveCount(0);
  await actAs(page, 'Claire Martin');
  await page.getByRole('link', { name: 'Ouvrir la revue des accès' }).click();
  await page.getByRole('button', { name: 'Commencer une revue' }).click();
  await expect(page.getByText(fr(/servi depuis 65 jours/))).toBeVisible();
  await page.getByRole('combobox', { name: 'Afficher' }).selectOption({ label: 'Non utilisées depuis 60 jours' });
  await expect(page.getByRole('article')).toHaveCount(4);
  await page.getByRole('button', { name: 'Abandonner la revue' }).click();
  const dialog = dialogNamed(page, 'Abandonner la revue ?');
  await expectNoViolations(page, 'the abandon dialog', 'dialog[open]');
  await dialog.getByRole('button', { name: 'Oui, abandonner' }).click();
  await expect(status(page, 'Revue des accès abandonnée')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Commencer une revue' })).toBeVisible();
});

test('a whole review by keyboard alone, and its English names', async ({ page }) => {
  await open(page, QB_REVIEW);
  await tabTo(page, page.getByRole('button', { name: 'Commencer une revue' }));
  await page.keyboard.press('Enter');
  await expect(progress(page)).toBeFocused();
  const groups = page.getByRole('radiogroup');
  const n = await groups.count();
  expect(n).toBe(4);
  for (let i = 0; i < n; i += 1) {
    // Tab reaches the group's first radio; Space chooses it (Conserver).
    await tabTo(page, groups.nth(i).getByRole('radio').first());
    await page.keyboard.press('Space');
    await expect(groups.nth(i).getByRole('radio', { name: 'Conserver' })).toBeChecked();
  }
  // Arrow keys move within a group: the last one is suspended instead.
  await page.keyboard.press('ArrowRight');
  await expect(groups.nth(n - 1).getByRole('radio', { name: 'Suspendre' })).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Appliquer les décisions' }));
  await page.keyboard.press('Enter');
  const dialog = dialogNamed(page, 'Appliquer les décisions ?');
  await tabTo(page, dialog.getByRole('button', { name: 'Confirmer' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/quickbooks\/mes-apps\/revue\/2$/);
  await expect(result(page).getByRole('listitem')).toHaveCount(4);
  const file = await downloadOf(page, async () => {
    await tabTo(page, page.getByRole('button', { name: 'Télécharger le rapport (CSV)' }));
    await page.keyboard.press('Enter');
  });
  expect(parseCsv(file.text.slice(1))).toHaveLength(5);

  await page.goto(`${QB_REVIEW}?lang=en`);
  await expect(page.getByRole('link', { name: 'Access review', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Review no\. 2 of/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start a review' })).toBeVisible();
});
