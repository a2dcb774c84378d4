// The pages kept out of the first load, end to end on the split release build: the first
// screen fetches the main module only, the chunks come ahead once it is idle, every lazy
// page opens by a deep link on a fresh profile, and a chunk that cannot be fetched is a
// message with Réessayer, never a broken app.
import { test as base } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  test,
  expect,
  watch,
  QB,
  EC,
  open,
  rowByNameCell,
  dialogNamed,
  soleStatus,
  tabTo,
  expectNoViolations,
} from './fixtures.js';

/** The lazy pages, by a deep link each: its address, heading and chunk. */
const LAZY = [
  [`${QB}/journal`, 'Journal', 'split_page_journal'],
  [`${QB}/sauvegarde`, 'Sauvegarde', 'split_page_backup'],
  [`${QB}/guides`, 'Guides', 'split_page_guides'],
  [`${QB}/passation`, 'Passation', 'split_page_handover'],
  [`${QB}/demandes`, 'Demandes', 'split_page_requests'],
  [`${QB}/recus/1`, null, 'split_page_receipt'],
  [`${EC}/vue-d-ensemble`, "Vue d'ensemble", 'split_page_firm_overview'],
];

/** What the browser and the chunk loader report of a fetch refused on purpose. */
const FETCH_FAILED = /Failed to load resource|Failed to fetch|ERR_INTERNET_DISCONNECTED/;

/** The split points' own chunks of the build under test (`split_NAME.wasm`). */
const DIST = process.env.E2E_DIST ?? 'dist';
const SPLITS = readdirSync(join(DIST, 'b', readdirSync(join(DIST, 'b'))[0])).filter((f) => /^split_.*\.wasm$/.test(f));

/** The wasm files the page fetched, with when each started (ms since navigation). */
function wasmFetched(page) {
  return page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => e.name.endsWith('.wasm'))
    .map((e) => ({ file: e.name.split('/').pop(), at: e.startTime })));
}

test('the first screen fetches the main module only; the chunks come once it is idle', async ({ page }) => {
  await open(page, `${QB}/apercu`);
  await expect(rowByNameCell(page, 'Notes Éclair')).toBeVisible();
  const shown = await page.evaluate(() => performance.getEntriesByName('ma:first-render')[0]?.startTime);
  expect(shown, 'the first render is marked').toBeGreaterThan(0);
  // Every part's chunk is fetched ahead, without any page being opened.
  expect(SPLITS.length).toBeGreaterThanOrEqual(10);
  await expect.poll(async () => (await wasmFetched(page)).filter((f) => f.file.startsWith('split_')).map((f) => f.file).sort(),
    { timeout: 15_000 }).toEqual([...SPLITS].sort());
  const fetched = await wasmFetched(page);
  const before = fetched.filter((f) => f.at < shown).map((f) => f.file);
  expect(before).toEqual(['mes_apps_bg.wasm']);
  expect(fetched.filter((f) => /^(split|chunk)_/.test(f.file)).every((f) => f.at >= shown)).toBe(true);
});

for (const [path, heading, chunk] of LAZY) {
  test(`a deep link to ${path} on a fresh profile fetches its chunk and shows the page`, async ({ page }) => {
    await open(page, path);
    const title = heading
      ? page.getByRole('heading', { level: 2, name: heading, exact: true })
      : page.locator('#ma-section-title');
    await expect(title).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    const files = (await wasmFetched(page)).map((f) => f.file);
    expect(files).toContain(`${chunk}.wasm`);
    // The tab's title names the page once it has arrived.
    await expect(page).toHaveTitle(new RegExp(`^${(await title.textContent()).trim()} — Mes apps$`));
  });
}

// Requests made while a service worker controls the page would not go through page.route.
base.describe('a chunk that cannot be fetched', () => {
  base.use({ serviceWorkers: 'block' });

  base('is a message with Réessayer; the rest works, nothing is lost, and a retry opens the page', async ({ page }) => {
    const problems = await watch(page);
    let down = true;
    await page.route(/split_page_journal\.wasm$/, (r) => (down ? r.abort('internetdisconnected') : r.continue()));
    await open(page, `${QB}/apercu`);
    const rows = await page.getByRole('row').count();
    await page.getByRole('link', { name: 'Journal', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: "Cette partie de Mes apps n'a pas pu être chargée" });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('Vos données ne sont pas touchées');
    await expectNoViolations(page, 'a part that could not be loaded');
    // The rest of the app works, and shows the same data.
    await page.getByRole('link', { name: 'Aperçu', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Aperçu' })).toBeVisible();
    await expect(page.getByRole('row')).toHaveCount(rows);
    await page.getByRole('link', { name: 'Journal', exact: true }).click();
    await expect(alert).toBeVisible();
    // Back online: Réessayer by keyboard alone opens the page, focus on its heading.
    down = false;
    const retry = alert.getByRole('button', { name: 'Réessayer' });
    await tabTo(page, retry);
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 2, name: 'Journal' });
    await expect(heading).toBeVisible();
    await expect(heading).toBeFocused();
    await expect(page.getByRole('alert')).toHaveCount(0);
    // Only the failed fetches were reported, by the browser and the chunk loader.
    const unexpected = problems.filter((p) => !FETCH_FAILED.test(p));
    expect(unexpected).toEqual([]);
    expect(problems.length).toBeGreaterThan(0);
  });

  base('in a dialog: the message inside it, and Réessayer by keyboard brings the form, focus in the dialog', async ({ page }) => {
    const problems = await watch(page);
    let down = true;
    await page.route(/split_bulk_install_form\.wasm$/, (r) => (down ? r.abort('internetdisconnected') : r.continue()));
    await open(page, `${EC}/applis/paie-facile`);
    await page.getByRole('button', { name: 'Installer pour plusieurs clients' }).click();
    const dialog = dialogNamed(page, 'Installer Paie Facile pour plusieurs clients');
    const alert = dialog.getByRole('alert').filter({ hasText: "Cette partie de Mes apps n'a pas pu être chargée" });
    await expect(alert).toBeVisible();
    await expectNoViolations(page, 'a dialog whose part failed to load', 'dialog[open]');
    down = false;
    await tabTo(page, alert.getByRole('button', { name: 'Réessayer' }));
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('searchbox', { name: 'Filtrer les clients' })).toBeVisible();
    await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    expect(problems.filter((p) => !FETCH_FAILED.test(p))).toEqual([]);
  });

  base('a dialog whose part arrives after it opened starts on its first control', async ({ page }) => {
    const problems = await watch(page);
    // The form's chunk is held until the dialog is open: fetching ahead waits for it too.
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route(/split_bulk_disconnect_form\.wasm$/, async (r) => { await held; await r.continue(); });
    await open(page, `${EC}/clients`);
    await page.getByRole('checkbox', { name: 'Tout sélectionner' }).check();
    await page.getByRole('button', { name: 'Déconnecter la sélection' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect(dialog.locator('.ma-part-loading')).toBeVisible();
    release();
    await expect(dialog.getByRole('radio').first()).toBeFocused();
    expect(problems).toEqual([]);
  });

  base('a scenario whose part cannot be fetched says so and changes nothing', async ({ page }) => {
    await watch(page);
    await page.route(/split_scenario_build\.wasm$/, (r) => r.abort('internetdisconnected'));
    await open(page, `${QB}/apercu`);
    const rows = await page.getByRole('row').count();
    await page.getByRole('combobox', { name: 'Scénario' }).selectOption({ label: 'Connexions qui expirent' });
    await expect(soleStatus(page, /Le scénario\W+Connexions qui expirent\W+n.a pas pu être chargé/)).toBeVisible();
    await expect(page.getByRole('row')).toHaveCount(rows);
    await expect(rowByNameCell(page, 'Notes Éclair')).toBeVisible();
  });

  base('in English, the message and its button are in English', async ({ page }) => {
    await watch(page);
    await page.route(/split_page_guides\.wasm$/, (r) => r.abort('internetdisconnected'));
    await page.goto(`${QB}/guides?lang=en`);
    const alert = page.getByRole('alert').filter({ hasText: 'This part of My apps could not be loaded' });
    await expect(alert).toBeVisible();
    await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  });
});
