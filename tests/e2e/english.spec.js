// The app in English, end to end on the release build: the QuickBooks flows of the help
// article (find an app, get it, connect, settings, take over, disconnect through the ▼ menu
// and the questionnaire, the receipt), an Expert-Comptable install for a client, the
// language kept across a reload and followed by <html lang>, axe in English, and no word of
// one language in the other's pages, the rules' texts (src/domain, src/storage) included.
import {
  test,
  expect,
  watch,
  QB,
  EC,
  rowByLinkOrButton,
  dialogNamed,
  soleStatus,
  journalEntries,
  expectTexts,
  chooseOption,
  expectNoViolations,
} from './fixtures.js';

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December)';

/** Opens `path` in English (`?lang=en`) and waits for the app. */
async function openEn(page, path) {
  await page.goto(`${path}${path.includes('?') ? '&' : '?'}lang=en`);
  await expect(page.locator('.ma-loading')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'My apps', exact: true })).toBeVisible();
}

/** The section links of My apps. */
function sections(page) {
  return page.getByRole('navigation', { name: 'My apps sections' });
}

/** A section's link, by its address (the same in both languages). */
function sectionAt(page, slug) {
  return sections(page).locator(`a[href$="/mes-apps/${slug}"]`);
}

/** Picks who acts, by the User control. */
async function actAs(page, name) {
  await chooseOption(page.getByLabel('User', { exact: true }), name);
}

/** Opens an app's page through Find apps. */
async function findApp(page, query, name) {
  await sectionAt(page, 'rechercher').click();
  await expect(page.getByRole('heading', { level: 2, name: 'Find apps' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Find apps' }).fill(query);
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
}

test('QuickBooks in English: find an app, get it, connect, its settings and the journal', async ({ page }) => {
  await openEn(page, '/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await expect(page).toHaveTitle('Home — My apps');
  await page.getByRole('link', { name: 'My apps', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My apps' })).toBeVisible();

  await findApp(page, 'caisse horizon', 'Caisse Horizon');
  await expect(page).toHaveURL(/\/quickbooks\/mes-apps\/applis\/caisse-horizon$/);
  await expect(page).toHaveTitle('Caisse Horizon — My apps');
  await expect(page.getByRole('heading', { level: 3, name: 'Settings offered' })).toBeVisible();

  await page.getByRole('button', { name: 'Get app' }).click();
  const dialog = dialogNamed(page, 'Get Caisse Horizon');
  await expect(dialog).toBeVisible();
  await expectTexts(dialog, [
    'Details',
    'Connection management',
    'Claire Martin (you)',
    'Good to know:',
    /may go on processing the data it has already received/,
  ]);
  await expect(dialog.getByRole('link', { name: 'donnees@horizon-logiciels.exemple.fr' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel', exact: true })).toBeVisible();
  // Its verb (Connect) comes from the rules: the dialog's submit button.
  await dialog.locator('button[type=submit]').click();
  await expect(dialog).toBeHidden();
  // What the rules say of it, in the status line, in English too.
  await expect(page.getByRole('status')).toHaveText(/^Caisse Horizon is .+ Boulangerie Martin\. Check its settings\.$/);

  await expect(page).toHaveURL(/\/connexions\/boulangerie-martin\/caisse-horizon\/parametres$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Caisse Horizon settings' })).toBeVisible();
  const associated = page.locator('.ma-associated');
  await expectTexts(associated, [
    'Associated user',
    'Claire Martin',
    "that's you",
    new RegExp(`Connection managed since ${MONTH} \\d{1,2}, \\d{4}\\.`),
  ]);

  // A change shows Cancel changes and "Unsaved changes" until it is saved.
  const account = page.getByLabel('Compte de ventes', { exact: true });
  await account.fill('706000');
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel changes' })).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Unsaved changes')).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText('Settings of Caisse Horizon saved (1 change).');

  await sectionAt(page, 'journal').click();
  await expect(page.getByRole('heading', { level: 2, name: 'Journal' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export the journal (CSV)' })).toBeVisible();
  await expect(soleStatus(page, /\d+ entries$/)).toBeVisible();
  const first = journalEntries(page).nth(0);
  await expect(first).toContainText('Caisse Horizon');
  await expect(first).toContainText(new RegExp(`By Claire Martin, on ${MONTH} \\d{1,2}, \\d{4} at \\d\\d:\\d\\d`));

  await sectionAt(page, 'apercu').click();
  await expect(page.getByRole('columnheader', { name: 'Managed by' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Status' })).toBeVisible();
  await expect(rowByLinkOrButton(page, 'Caisse Horizon')).toContainText('Claire Martin (you)');
  await expect(rowByLinkOrButton(page, 'Caisse Horizon').getByRole('button', { name: 'Launch' })).toBeVisible();
  await expect(rowByLinkOrButton(page, 'Caisse Horizon')).toContainText(new RegExp(`${MONTH} \\d{1,2}, \\d{4}`));
});

test('QuickBooks in English: Claire Martin takes over an app managed by Julien Petit', async ({ page }) => {
  await openEn(page, `${QB}/apercu`);
  await actAs(page, 'Claire Martin');
  await expect(rowByLinkOrButton(page, 'Stock Malin')).toContainText('Julien Petit');
  await expect(rowByLinkOrButton(page, 'Stock Malin')).not.toContainText('(you)');

  await findApp(page, 'stock malin', 'Stock Malin');
  await expect(page.getByRole('link', { name: 'Settings for Boulangerie Martin' })).toBeVisible();
  await page.getByRole('button', { name: 'Get app' }).click();
  const dialog = dialogNamed(page, 'Get Stock Malin');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(/managed by Julien Petit\. If you go on, you take over its management/);
  await expect(dialog).toContainText('Claire Martin (you)');
  await dialog.locator('button[type=submit]').click();
  await expect(dialog).toBeHidden();

  await expect(page).toHaveURL(/\/connexions\/boulangerie-martin\/stock-malin\/parametres$/);
  const associated = page.locator('.ma-associated');
  await expect(associated).toContainText("that's you");
  await expect(associated).not.toContainText('Julien Petit');
  await expect(page.getByRole('button', { name: 'Take over management' })).toHaveCount(0);

  await sectionAt(page, 'apercu').click();
  await expect(rowByLinkOrButton(page, 'Stock Malin')).toContainText('Claire Martin (you)');
  await expect(rowByLinkOrButton(page, 'Stock Malin')).toHaveCount(1);
});

test('QuickBooks in English: disconnect through the ▼ menu and the questionnaire, then the receipt', async ({ page }) => {
  await openEn(page, `${QB}/apercu`);
  const notes = rowByLinkOrButton(page, 'Notes Éclair');
  await expect(notes.getByRole('button', { name: 'Launch' })).toBeVisible();
  const more = page.getByRole('button', { name: 'More actions for Notes Éclair' });
  await expect(more).toHaveAttribute('aria-haspopup', 'menu');

  await more.click();
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem')).toHaveText(['Settings', 'Suspend', 'Disconnect']);
  await menu.getByRole('menuitem', { name: 'Disconnect' }).click();

  const dialog = dialogNamed(page, 'Disconnect Notes Éclair');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Notes Éclair will be disconnected from Boulangerie Martin. Tell us why before you confirm.');
  const group = dialog.getByRole('group', { name: 'Why are you disconnecting Notes Éclair?' });
  const radios = group.getByRole('radio');
  expect(await radios.count()).toBeGreaterThanOrEqual(6);
  const confirm = dialog.getByRole('button', { name: 'Disconnect', exact: true });
  await expect(confirm).toBeDisabled();

  // The last reason (Other) asks for a text, counted in English.
  await radios.last().check();
  const other = dialog.getByRole('textbox', { name: 'Give the reason' });
  await expect(other).toBeVisible();
  await expect(other).toHaveAccessibleDescription(/0 \/ 500 characters/);
  await other.fill('Too slow');
  await expect(dialog.getByText('8 / 500 characters')).toBeVisible();
  await expect(confirm).toBeEnabled();

  // Cancel changes nothing, and focus goes back to the ▼ button.
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(notes).toHaveCount(1);
  await expect(more).toBeFocused();

  await more.click();
  await page.getByRole('menuitem', { name: 'Disconnect' }).click();
  await radios.last().check();
  await other.fill('Too slow in the morning');
  await confirm.click();
  await expect(dialog).toBeHidden();
  await expect(notes).toHaveCount(0);
  await expect(rowByLinkOrButton(page, 'Stock Malin')).toHaveCount(1);

  // The status line links to the receipt.
  await expect(page.getByRole('button', { name: 'Hide the message' })).toBeVisible();
  await page.getByRole('status').getByRole('link', { name: 'View receipt' }).click();
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download the receipt' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Undo the disconnection' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'What stops' })).toBeVisible();
  await page.getByRole('button', { name: 'Reconnect with the same settings' }).click();
  const again = dialogNamed(page, 'Reconnect Notes Éclair');
  await expect(again).toBeVisible();
  await expect(again).toContainText('Settings restored');
  await again.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(again).toBeHidden();
});

test('Expert-Comptable in English: install an app for a client', async ({ page }) => {
  await openEn(page, `${EC}/clients`);
  await actAs(page, 'Thomas Leroy');
  await expect(page.getByRole('combobox', { name: 'Client', exact: true })).toBeVisible();
  await expect(rowByLinkOrButton(page, 'Paie Facile')).toHaveCount(0);

  await findApp(page, 'paie facile', 'Paie Facile');
  await expect(page.getByRole('button', { name: 'Install for multiple clients' })).toBeVisible();
  await page.getByRole('button', { name: 'Get app' }).click();
  const dialog = dialogNamed(page, 'Get Paie Facile');
  await expect(dialog).toBeVisible();
  const group = dialog.getByRole('group', { name: 'Install for' });
  await group.getByRole('radio', { name: 'Garage Lefèvre' }).check();
  await expect(dialog).toContainText('Thomas Leroy (you)');
  await dialog.locator('button[type=submit]').click();
  await expect(dialog).toBeHidden();

  await expect(page).toHaveURL(/\/connexions\/garage-lefevre\/paie-facile\/parametres$/);
  await expect(page.locator('.ma-associated')).toContainText("that's you");

  await sectionAt(page, 'clients').click();
  await page.getByRole('combobox', { name: 'Client', exact: true }).selectOption({ label: 'Garage Lefèvre' });
  await expect(page).toHaveURL(/client=garage-lefevre/);
  const installed = rowByLinkOrButton(page, 'Paie Facile');
  await expect(installed.getByRole('cell', { name: 'Thomas Leroy (you)', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Disconnect the selection' })).toBeVisible();

  await sectionAt(page, 'vue-d-ensemble').click();
  await expect(page.getByRole('region', { name: 'Apps by client table' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Paie Facile at Garage Lefèvre' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Managed by' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toBeVisible();
});

test('the language is kept across a reload, and <html lang> follows it; URLs stay the same', async ({ page }) => {
  await page.goto(`${QB}/apercu`);
  await expect(page.getByRole('link', { name: 'Mes apps', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

  await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  await expect(page.getByRole('link', { name: 'My apps', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveURL(new RegExp(`${QB}/apercu$`));
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');

  await page.reload();
  await expect(page.getByRole('link', { name: 'My apps', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Reset the demo' })).toBeVisible();

  // Another page, by its usual address: still English.
  await page.goto(`${QB}/journal`);
  await expect(page.getByRole('heading', { level: 2, name: 'Journal' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export the journal (CSV)' })).toBeVisible();

  // ?lang=fr wins over the saved choice, and is kept in turn.
  await page.goto(`${QB}/journal?lang=fr`);
  await expect(page.getByRole('button', { name: 'Exporter le journal (CSV)' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.goto(`${QB}/journal`);
  await expect(page.getByRole('button', { name: 'Exporter le journal (CSV)' })).toBeVisible();
});

test('French is the default whatever the browser language', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const problems = await watch(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Accueil' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  expect(problems).toEqual([]);
  await context.close();
});

test('axe finds nothing on the English pages', async ({ page }) => {
  const views = [
    ['/', (p) => p.getByRole('heading', { level: 1, name: 'Home' })],
    [`${QB}/apercu`, (p) => p.getByRole('button', { name: 'More actions for Stock Malin' })],
    [`${QB}/rechercher?q=caisse`, (p) => p.getByRole('link', { name: 'Caisse Horizon', exact: true })],
    [`${QB}/applis/caisse-horizon`, (p) => p.getByRole('button', { name: 'Get app' })],
    [`${QB}/connexions/boulangerie-martin/stock-malin/parametres`, (p) => p.getByRole('button', { name: 'Take over management' })],
    [`${QB}/journal`, (p) => p.getByRole('button', { name: 'Export the journal (CSV)' })],
    [`${QB}/sauvegarde`, (p) => p.getByRole('button', { name: 'Export the data' })],
    [`${EC}/vue-d-ensemble`, (p) => p.getByRole('region', { name: 'Apps by client table' })],
    ['/nulle-part/ici', (p) => p.getByRole('heading', { name: 'Page not found' })],
  ];
  for (const [path, ready] of views) {
    await openEn(page, path);
    await expect(ready(page)).toBeVisible();
    await expectNoViolations(page, path);
  }
  // A dialog and the open ▼ menu too.
  await openEn(page, `${QB}/applis/caisse-horizon`);
  await page.getByRole('button', { name: 'Get app' }).click();
  await expect(dialogNamed(page, 'Get Caisse Horizon')).toBeVisible();
  await expectNoViolations(page, 'the get dialog, in English');
  await openEn(page, `${QB}/apercu`);
  await page.getByRole('button', { name: 'More actions for Notes Éclair' }).click();
  await expect(page.getByRole('menu')).toBeVisible();
  await expectNoViolations(page, 'the open ▼ menu, in English');
});

// ---------------------------------------------------------------------------------------
// No word of one language in the other's pages. The apps' own texts (taglines,
// descriptions, settings, permissions: the catalogue's data, in French) are marked
// `lang="fr"` in English pages, as parts in another language are, and left out.

const PAGES = [
  ['/', 'h1'],
  [`${QB}/apercu`, '.ma-table'],
  [`${QB}/rechercher`, '.ma-results'],
  [`${QB}/applis/caisse-horizon`, '.ma-app'],
  [`${QB}/connexions/boulangerie-martin/stock-malin/parametres`, '.ma-associated'],
  [`${QB}/journal`, '.ma-journal'],
  [`${QB}/sauvegarde`, '#ma-import'],
  [`${QB}/passation`, '#ma-passation-gerant'],
  [`${QB}/guides`, '.ma-guides'],
  [`${EC}/clients`, '.ma-table'],
  [`${EC}/vue-d-ensemble`, '.ma-overview'],
];
const FRENCH = ['Déconnecter', 'Paramètres', 'Annuler', 'Enregistrer', 'Rechercher', 'applis', ' le ', ' la ', ' des '];
const ENGLISH = ['Settings', 'Cancel', 'Disconnect', 'Save', ' the '];

/**
 * The telltale `words` found in the page's visible text, left out the parts in the other
 * language and whatever `skip` (a selector) matches.
 */
async function telltales(page, words, skip) {
  return page.evaluate(
    ({ words, skip }) => {
      const body = document.body.cloneNode(true);
      const out = ['[lang]:not(html)', skip].filter(Boolean).join(', ');
      for (const e of body.querySelectorAll(out)) e.remove();
      // innerText of a detached clone has no layout: hidden parts are left out by hand.
      for (const e of body.querySelectorAll('script, style, template, [hidden], .ma-visually-hidden')) e.remove();
      const parts = [];
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) parts.push(walker.currentNode.nodeValue);
      const text = ` ${parts.join(' ').replace(/\s+/g, ' ')} `;
      return words.filter((w) => text.includes(w)).map((w) => {
        const at = text.indexOf(w);
        return `${JSON.stringify(w)} in "…${text.slice(Math.max(0, at - 40), at + w.length + 40)}…"`;
      });
    },
    { words, skip },
  );
}

test('no English word in the French pages', async ({ page }) => {
  for (const [path, ready] of PAGES) {
    await page.goto(path);
    await expect(page.locator(ready).first()).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    expect(await telltales(page, ENGLISH), `English on ${path}`).toEqual([]);
  }
});

test('no French word in the English pages at all', async ({ page }) => {
  // The rules' texts included (section names, health states, the demo's date, categories,
  // journal kinds, users' roles, refusals, the get dialog's verb): src/domain and
  // src/storage give each in the reader's language.
  for (const [path, ready] of PAGES) {
    await openEn(page, path);
    await expect(page.locator(ready).first()).toBeVisible();
    expect(await telltales(page, FRENCH), `French on ${path}`).toEqual([]);
  }
});

test('the names that come from the rules are in English too', async ({ page }) => {
  // Section names and the get dialog's verb (domain/product.rs), the questionnaire's reasons
  // (domain/questionnaire.rs), health states (domain/health.rs).
  await openEn(page, `${QB}/apercu`);
  for (const name of ['Overview', 'Find apps', 'Handover', 'Guides', 'Journal', 'Backup']) {
    await expect(sections(page).getByRole('link', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
  await expect(page).toHaveTitle('Overview — My apps');
  await expect(rowByLinkOrButton(page, 'Stock Malin')).toContainText('Active');
  await page.getByRole('button', { name: 'More actions for Notes Éclair' }).click();
  await page.getByRole('menuitem', { name: 'Disconnect' }).click();
  const dialog = dialogNamed(page, 'Disconnect Notes Éclair');
  await expect(dialog.getByRole('radio', { name: 'Other' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await openEn(page, `${QB}/applis/caisse-horizon`);
  await page.getByRole('button', { name: 'Get app' }).click();
  await expect(dialogNamed(page, 'Get Caisse Horizon').getByRole('button', { name: 'Connect', exact: true })).toBeVisible();
  await openEn(page, `${EC}/cabinet`);
  for (const name of ['Firm apps', 'Client apps', 'Firm overview']) {
    await expect(sections(page).getByRole('link', { name, exact: true })).toBeVisible();
  }
});

test('in English, a suspended app says why it does not open and who may reactivate it', async ({ page }) => {
  // Refusals are the rules' sentences: each in the reader's language, never a French fallback.
  await openEn(page, `${QB}/apercu`);
  await rowByLinkOrButton(page, 'Stock Malin').getByRole('button', { name: 'More actions for Stock Malin' }).click();
  await page.getByRole('menuitem', { name: 'Suspend' }).click();
  const dialog = dialogNamed(page, 'Suspend Stock Malin?');
  await dialog.getByRole('button', { name: 'Confirm suspension' }).click();
  await expect(dialog).toBeHidden();
  await expect(rowByLinkOrButton(page, 'Stock Malin')).toContainText('Suspended');

  await actAs(page, 'Sophie Bernard');
  await rowByLinkOrButton(page, 'Stock Malin').getByRole('button', { name: 'Launch' }).click();
  const view = page.locator('.ma-launch');
  await expect(view.getByRole('heading', { name: 'Stock Malin is suspended' })).toBeVisible();
  await expectTexts(view, [
    'Stock Malin is suspended for Boulangerie Martin: it does not work until someone reactivates it.',
    'Your role (',
    'does not let you suspend an app.',
  ]);
  await expect(view.getByRole('link', { name: 'Back to My apps' })).toBeVisible();
  expect(await telltales(page, [...FRENCH, 'suspendue', 'Revenir'])).toEqual([]);
});
