// Vue d'ensemble at 200 clients × 40 apps (the grand-cabinet scenario, the same generator
// as the benchmark's bulk install): from the section link's click to the table rendered
// (its 200 clients and the firm counted, the rows around the view drawn and laid out), how many rows it
// drew and how many DOM nodes it takes.
import { fresh, median, p95 } from '../lib.mjs';

export async function overview(browser, { app, runs, row }) {
  const times = [];
  let nodes = 0;
  let drawn = 0;
  const { context, page } = await fresh(browser);
  await page.goto(`${app}/expert-comptable/mes-apps/cabinet?scenario=grand-cabinet`);
  await page.getByRole('heading', { level: 2, name: 'Applis du cabinet' }).waitFor();
  for (let i = 0; i < runs; i++) {
    await page.evaluate(() => {
      window.__overviewMs = undefined;
      let t0 = null;
      const done = () => Number(document.querySelector('.ma-overview__table')?.getAttribute('aria-rowcount')) > 200 && document.querySelector('.ma-overview__rows tr[aria-rowindex]') !== null;
      const obs = new MutationObserver(() => {
        if (t0 !== null && done()) {
          void document.body.offsetHeight;
          window.__overviewMs = performance.now() - t0;
          obs.disconnect();
        }
      });
      obs.observe(document.body, { childList: true, subtree: true });
      window.addEventListener('click', () => { t0 = performance.now(); }, { capture: true, once: true });
    });
    await page.getByRole('navigation', { name: 'Sections de Mes apps' }).getByRole('link', { name: "Vue d'ensemble", exact: true }).click();
    await page.waitForFunction(() => window.__overviewMs !== undefined, null, { timeout: 60_000 });
    times.push(await page.evaluate(() => window.__overviewMs));
    nodes = await page.evaluate(() => document.querySelectorAll('.ma-overview *').length);
    drawn = await page.evaluate(() => document.querySelectorAll('.ma-overview__rows tr[aria-rowindex]').length);
    await page.getByRole('navigation', { name: 'Sections de Mes apps' }).getByRole('link', { name: 'Applis du cabinet', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Applis du cabinet' }).waitFor();
  }
  await context.close();
  row("Vue d'ensemble 200 clients × 40 apps: click → rendered", median(times), p95(times), 'ms', '≤ 100 ms');
  row("Vue d'ensemble 200 × 40: rows drawn (of 201)", drawn, drawn, 'rows');
  row("Vue d'ensemble 200 × 40: DOM nodes in the table", nodes, nodes, 'nodes');
}
