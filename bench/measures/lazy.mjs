// The pages kept out of the first load: click on a section's link → its heading shown,
// the first time (its chunk fetched then: fetching ahead is held back by refusing the
// chunks until the click) and the second time (the chunk already there), from Aperçu or
// Applis du cabinet. Nobody should pay for the split twice.
import { fresh, median, p95 } from '../lib.mjs';

const PAGES = [
  ['quickbooks', 'Journal'],
  ['quickbooks', 'Passation'],
  ['quickbooks', 'Guides'],
  ['quickbooks', 'Sauvegarde'],
  ['quickbooks', 'Demandes'],
  ['quickbooks', 'Revue des accès'],
  ['quickbooks', 'Mises à jour'],
  ['expert-comptable', "Vue d'ensemble"],
];

/** Click on the section link `name` → its level-2 heading in the page, in ms. */
async function open(page, name) {
  const t0 = await page.evaluate(() => performance.now());
  await page.getByRole('navigation', { name: 'Sections de Mes apps' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
  return (await page.evaluate(() => performance.now())) - t0;
}

export async function lazyPages(browser, { app, runs, row }) {
  for (const [product, name] of PAGES) {
    const first = [];
    const second = [];
    for (let i = 0; i < runs; i++) {
      const { context, page } = await fresh(browser);
      let open_ = false;
      // Until the click, every chunk is refused: fetching ahead fails quietly and the
      // click's own fetch is the first that succeeds.
      await page.route(/\/(split|chunk)_[^/]*\.wasm$/, (r) => (open_ ? r.continue() : r.abort()));
      const start = product === 'quickbooks' ? 'apercu' : 'cabinet';
      await page.goto(`${app}/${product}/mes-apps/${start}`);
      await page.locator('table.ma-table tbody tr').first().waitFor();
      await page.waitForTimeout(300);
      open_ = true;
      first.push(await open(page, name));
      await page.getByRole('navigation', { name: 'Sections de Mes apps' })
        .getByRole('link', { name: product === 'quickbooks' ? 'Aperçu' : 'Applis du cabinet', exact: true }).click();
      await page.locator('table.ma-table tbody tr').first().waitFor();
      second.push(await open(page, name));
      await context.close();
    }
    row(`lazy page ${name}: first open (chunk fetched)`, median(first), p95(first), 'ms');
    row(`lazy page ${name}: second open`, median(second), p95(second), 'ms');
  }
}
