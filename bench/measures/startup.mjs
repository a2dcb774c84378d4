// Startup: navigation → Aperçu rendered, split into phases by the app's own
// performance marks (HTML parsed, wasm fetched, compiled and instantiated, state loaded,
// first render); and the floor: the same Aperçu as a static HTML page from the same
// server, measured the same way, with the ratio of the two.
import { mkdirSync, writeFileSync, cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fresh, median, p95, serve, waitUp } from '../lib.mjs';

/** Notes when Aperçu's first row is in the page, from the navigation's start. */
function watchRows() {
  new MutationObserver((_, obs) => {
    if (document.querySelector('table.ma-table tbody tr')) {
      window.__apercuAt = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

async function phases(page) {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
    const mark = (n) => performance.getEntriesByName(n)[0]?.startTime;
    return {
      html: nav.domInteractive,
      wasmFetched: wasm ? wasm.responseEnd : NaN,
      instantiated: mark('ma:start'),
      stateLoaded: mark('ma:state-loaded'),
      firstRender: mark('ma:first-render'),
      rows: window.__apercuAt,
    };
  });
}

/** The rendered Aperçu, saved as a static page with its stylesheet: the floor. */
async function writeFloor(browser, app, dir) {
  const { context, page } = await fresh(browser);
  await page.goto(`${app}/quickbooks/mes-apps/apercu`);
  await page.locator('table.ma-table tbody tr').first().waitFor();
  const body = await page.evaluate(() => document.body.innerHTML);
  await context.close();
  const css = readdirSync('dist').find((f) => f.endsWith('.css'));
  mkdirSync(join(dir, 'quickbooks/mes-apps/apercu'), { recursive: true });
  cpSync(join('dist', css), join(dir, css));
  const html = `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Aperçu — Mes apps</title>`
    + `<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/${css}"></head>`
    + `<body>${body}</body></html>`;
  writeFileSync(join(dir, 'quickbooks/mes-apps/apercu/index.html'), html);
  writeFileSync(join(dir, 'index.html'), html);
}

export async function startup(browser, { app, runs, row }) {
  const all = { html: [], wasmFetched: [], instantiated: [], stateLoaded: [], firstRender: [], rows: [] };
  for (let i = 0; i < runs; i++) {
    const { context, page } = await fresh(browser);
    await page.addInitScript(watchRows);
    await page.goto(`${app}/quickbooks/mes-apps/apercu`);
    await page.waitForFunction(() => window.__apercuAt !== undefined && performance.getEntriesByName('ma:first-render').length);
    const p = await phases(page);
    for (const k of Object.keys(all)) all[k].push(p[k]);
    await context.close();
  }
  row('startup: navigation → Aperçu rendered', median(all.rows), p95(all.rows), 'ms', '≤ 1.5 × static');
  row('  startup phase: HTML parsed', median(all.html), p95(all.html), 'ms');
  row('  startup phase: wasm fetched', median(all.wasmFetched), p95(all.wasmFetched), 'ms');
  row('  startup phase: wasm compiled and instantiated', median(all.instantiated), p95(all.instantiated), 'ms');
  row('  startup phase: state loaded', median(all.stateLoaded), p95(all.stateLoaded), 'ms');
  row('  startup phase: first render', median(all.firstRender), p95(all.firstRender), 'ms');

  // The floor, from the same server kind on its own port.
  const dir = 'target/bench-floor';
  await writeFloor(browser, app, dir);
  const port = 4177;
  const server = serve(dir, port);
  try {
    await waitUp(`http://127.0.0.1:${port}/`);
    const floor = [];
    for (let i = 0; i < runs; i++) {
      const { context, page } = await fresh(browser);
      await page.addInitScript(watchRows);
      await page.goto(`http://127.0.0.1:${port}/quickbooks/mes-apps/apercu`);
      await page.waitForFunction(() => window.__apercuAt !== undefined);
      floor.push(await page.evaluate(() => window.__apercuAt));
      await context.close();
    }
    row('startup floor: the same Aperçu as static HTML', median(floor), p95(floor), 'ms');
    row('startup: app / static page', median(all.rows) / median(floor), p95(all.rows) / p95(floor), '×', '≤ 1.5');
  } finally {
    server.kill();
  }
}
