// Startup: navigation → Aperçu rendered, split into phases by the app's own
// performance marks (HTML parsed, wasm fetched, compiled and instantiated, state loaded,
// first render); and the floor: the same Aperçu as a static HTML page from the same
// server, measured the same way, with the ratio of the two. Twice: on localhost as it is,
// and under a phone-like preset (Lighthouse's mobile one: 150 ms round trips, 1.6 Mbit/s
// down, 750 kbit/s up, a CPU 4 times slower), both servers sending brotli as a real host.
import { mkdirSync, writeFileSync, cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
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

/** The phone-like preset, applied to `page` through the DevTools protocol. */
export const MOBILE = { latency: 150, down: (1.6 * 1024 * 1024) / 8, up: (750 * 1024) / 8, cpu: 4 };

/** A fresh page, throttled by `preset` when one is given. */
export async function freshAs(browser, preset) {
  const { context, page } = await fresh(browser);
  if (preset) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: preset.latency, downloadThroughput: preset.down, uploadThroughput: preset.up,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: preset.cpu });
  }
  return { context, page };
}

/** The rendered Aperçu, saved as a static page with its stylesheet: the floor. */
async function writeFloor(browser, app, dir) {
  const { context, page } = await fresh(browser);
  await page.goto(`${app}/quickbooks/mes-apps/apercu`);
  await page.locator('table.ma-table tbody tr').first().waitFor();
  const body = await page.evaluate(() => document.body.innerHTML);
  await context.close();
  const build = readdirSync('dist/b')[0];
  const css = 'main.css';
  mkdirSync(join(dir, 'quickbooks/mes-apps/apercu'), { recursive: true });
  cpSync(join('dist/b', build, css), join(dir, css));
  cpSync(join('dist/b', build, `${css}.br`), join(dir, `${css}.br`));
  const html = `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Aperçu — Mes apps</title>`
    + `<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/${css}"></head>`
    + `<body>${body}</body></html>`;
  writeFileSync(join(dir, 'quickbooks/mes-apps/apercu/index.html'), html);
  writeFileSync(join(dir, 'index.html'), html);
  for (const f of ['index.html', 'quickbooks/mes-apps/apercu/index.html']) {
    writeFileSync(join(dir, `${f}.br`), brotliCompressSync(html));
  }
}

/** Navigation → Aperçu's first row, `runs` times, on fresh pages under `preset`. */
async function measure(browser, url, runs, preset, withPhases) {
  const all = { html: [], wasmFetched: [], instantiated: [], stateLoaded: [], firstRender: [], rows: [] };
  for (let i = 0; i < runs; i++) {
    const { context, page } = await freshAs(browser, preset);
    await page.addInitScript(watchRows);
    await page.goto(url);
    await page.waitForFunction(() => window.__apercuAt !== undefined);
    if (withPhases) {
      await page.waitForFunction(() => performance.getEntriesByName('ma:first-render').length);
      const p = await phases(page);
      for (const k of Object.keys(all)) all[k].push(p[k]);
    } else {
      all.rows.push(await page.evaluate(() => window.__apercuAt));
    }
    await context.close();
  }
  return all;
}

export async function startup(browser, { app, unsplit, runs, row }) {
  const all = await measure(browser, `${app}/quickbooks/mes-apps/apercu`, runs, null, true);
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
    const floorUrl = `http://127.0.0.1:${port}/quickbooks/mes-apps/apercu`;
    const floor = (await measure(browser, floorUrl, runs, null, false)).rows;
    row('startup floor: the same Aperçu as static HTML', median(floor), p95(floor), 'ms');
    row('startup: app / static page', median(all.rows) / median(floor), p95(all.rows) / p95(floor), '×', '≤ 1.5');
    const whole = (await measure(browser, `${unsplit}/quickbooks/mes-apps/apercu`, runs, null, false)).rows;
    row('startup, the same app in one module (no split): navigation → Aperçu rendered', median(whole), p95(whole), 'ms');
    // The phone-like preset: fewer runs, each takes seconds.
    const n = Math.max(5, Math.ceil(runs / 2));
    const phone = (await measure(browser, `${app}/quickbooks/mes-apps/apercu`, n, MOBILE, false)).rows;
    const phoneFloor = (await measure(browser, floorUrl, n, MOBILE, false)).rows;
    row('startup, phone preset: navigation → Aperçu rendered', median(phone), p95(phone), 'ms', '≤ 2 × static');
    row('startup floor, phone preset: the same Aperçu as static HTML', median(phoneFloor), p95(phoneFloor), 'ms');
    row('startup, phone preset: app / static page', median(phone) / median(phoneFloor), p95(phone) / p95(phoneFloor), '×', '≤ 2');
    const phoneWhole = (await measure(browser, `${unsplit}/quickbooks/mes-apps/apercu`, n, MOBILE, false)).rows;
    row('startup, phone preset, the same app in one module (no split)', median(phoneWhole), p95(phoneWhole), 'ms');
  } finally {
    server.kill();
  }
}
