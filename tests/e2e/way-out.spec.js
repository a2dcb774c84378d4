// The questionnaire's better ways out, end to end: "Dépannage : je vais la reconnecter
// ensuite" offers Reconnecter plutôt, "La personne qui l'a connectée est partie" offers
// Prendre en charge plutôt to whoever may take over (Claire on Julien's app) or says who
// may; Déconnecter stays available, Autre stays last; by keyboard alone; axe on each.
import {
  test,
  expect,
  QB,
  EC,
  open,
  rowByNameCell,
  stateCell,
  chooseFromMenu,
  disconnectByKeyboard,
  dialogNamed,
  status,
  actAs,
  tabTo,
  expectFocusInside,
  expectNoViolations,
} from './fixtures.js';

/** Opens the disconnect dialog of `name` from its ▼ menu. */
async function disconnectDialog(page, name) {
  await chooseFromMenu(rowByNameCell(page, name), name, 'Déconnectez-vous');
  const dialog = dialogNamed(page, `Déconnecter ${name}`);
  await expect(dialog).toBeVisible();
  return dialog;
}

test('the two new reasons come before Autre', async ({ page }) => {
  await open(page, `${QB}/apercu`);
  const dialog = await disconnectDialog(page, 'Banque Sereine');
  const radios = dialog.getByRole('radio');
  await expect(radios).toHaveCount(9);
  await expect(radios.nth(6)).toHaveAccessibleName('Dépannage : je vais la reconnecter ensuite');
  await expect(radios.nth(7)).toHaveAccessibleName("La personne qui l'a connectée est partie");
  await expect(radios.last()).toHaveAccessibleName('Autre');
});

test('troubleshooting: Reconnecter plutôt renews the connection instead of disconnecting it', async ({ page }) => {
  await open(page, `${QB}/apercu`);
  const dialog = await disconnectDialog(page, 'Banque Sereine');
  await expect(dialog.getByRole('button', { name: 'Reconnecter plutôt' })).toHaveCount(0);
  await dialog.getByRole('radio', { name: 'Dépannage : je vais la reconnecter ensuite' }).check();
  await expect(dialog.getByRole('button', { name: 'Déconnecter', exact: true })).toBeEnabled();
  await expectNoViolations(page, 'disconnect dialog offering Reconnecter plutôt');
  await dialog.getByRole('button', { name: 'Reconnecter plutôt' }).click();
  await expect(dialog).toBeHidden();
  const reconnect = dialogNamed(page, 'Reconnecter Banque Sereine');
  await reconnect.getByRole('button', { name: 'Reconnecter', exact: true }).click();
  await expect(status(page, 'Banque Sereine est reconnectée')).toBeVisible();
  await expect(rowByNameCell(page, 'Banque Sereine')).toHaveCount(1);
  await expect(stateCell(page, 'Banque Sereine')).toHaveText('Active');
  await page.getByRole('link', { name: 'Journal', exact: true }).click();
  await expect(page.locator('ol.ma-journal > li').first()).toContainText('Reconnexion');
});

test('the manager has left: Prendre en charge plutôt for Claire on Julien’s app', async ({ page }) => {
  await open(page, `${QB}/apercu`);
  const dialog = await disconnectDialog(page, 'Stock Malin');
  await dialog.getByRole('radio', { name: "La personne qui l'a connectée est partie" }).check();
  await expect(dialog.locator('.ma-way-out')).toContainText('à la place de Julien Petit');
  await expect(dialog.getByRole('button', { name: 'Déconnecter', exact: true })).toBeEnabled();
  await expectNoViolations(page, 'disconnect dialog offering Prendre en charge plutôt');
  await dialog.getByRole('button', { name: 'Prendre en charge plutôt' }).click();
  const get = dialogNamed(page, 'Obtenir Stock Malin');
  await expect(get).toContainText('vous en reprenez la gestion');
  await expectNoViolations(page, 'the take-over dialog from the questionnaire');
  await get.getByRole('button', { name: 'Connecter', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Paramètres de Stock Malin' })).toBeVisible();
  await expect(page.locator('.ma-associated')).toContainText('Claire Martin');
  await expect(page.locator('.ma-associated')).toContainText("c'est vous");
});

test('the manager has left: someone who may not take over is told who may, and may still disconnect', async ({ page }) => {
  await open(page, `${EC}/cabinet`);
  await actAs(page, 'Thomas Leroy');
  const dialog = await disconnectDialog(page, 'Tableau Clair');
  await dialog.getByRole('radio', { name: "La personne qui l'a connectée est partie" }).check();
  const way = dialog.locator('.ma-way-out');
  await expect(way).toContainText('mais pas vous');
  await expect(way).toContainText('Demandez à Marie Dupont');
  await expect(dialog.getByRole('button', { name: 'Prendre en charge plutôt' })).toHaveCount(0);
  await expectNoViolations(page, 'disconnect dialog saying who may take over');
  // Troubleshooting on Marie's app: reconnecting would take it over, which is hers to do.
  await dialog.getByRole('radio', { name: 'Dépannage : je vais la reconnecter ensuite' }).check();
  await expect(way).toContainText('Demandez à Marie Dupont');
  await expect(dialog.getByRole('button', { name: 'Reconnecter plutôt' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Déconnecter', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(rowByNameCell(page, 'Tableau Clair')).toHaveCount(0);
});

test('by keyboard alone: a reason by the arrows, then the better way', async ({ page }) => {
  await open(page, `${QB}/apercu`);
  const { more, dialog } = await disconnectByKeyboard(rowByNameCell(page, 'Banque Sereine'), 'Banque Sereine');
  const radios = dialog.getByRole('radio');
  await expect(radios.first()).toBeFocused();
  // Up from the first radio wraps to Autre, once more to the manager's departure, once
  // more to troubleshooting.
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowUp');
  await expect(dialog.getByRole('radio', { name: 'Dépannage : je vais la reconnecter ensuite' })).toBeChecked();
  const instead = dialog.getByRole('button', { name: 'Reconnecter plutôt' });
  await tabTo(page, instead, { max: 10 });
  await page.keyboard.press('Enter');
  const reconnect = dialogNamed(page, 'Reconnecter Banque Sereine');
  await expect(reconnect).toBeVisible();
  await expectFocusInside(reconnect);
  await page.keyboard.press('Escape');
  await expect(reconnect).toBeHidden();
  await expect(more).toBeFocused();
  await expect(rowByNameCell(page, 'Banque Sereine')).toHaveCount(1);

  // The take-over by keyboard: Julien's Stock Malin.
  const { dialog: other } = await disconnectByKeyboard(rowByNameCell(page, 'Stock Malin'), 'Stock Malin');
  await expect(other.getByRole('radio').first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(other.getByRole('radio', { name: "La personne qui l'a connectée est partie" })).toBeChecked();
  await tabTo(page, other.getByRole('button', { name: 'Prendre en charge plutôt' }), { max: 10 });
  await page.keyboard.press('Enter');
  const get = dialogNamed(page, 'Obtenir Stock Malin');
  await tabTo(page, get.getByRole('button', { name: 'Connecter', exact: true }), { max: 10 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Paramètres de Stock Malin' })).toBeFocused();
});
