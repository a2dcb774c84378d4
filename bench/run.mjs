// make bench: speed and size of the release build, measured in headless Chromium on
// localhost, printed as one table (median and p95 of at least 5 runs per figure).
// Timing budgets are reported, never asserted here: these machines are shared and noisy.
//
//   node bench/run.mjs            (after scripts/dist.sh; builds the bench page itself)
//   RUNS=9 node bench/run.mjs     (more runs)
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const RUNS = Math.max(5, Number(process.env.RUNS ?? 5));
const APP_PORT = 4175;
const BENCH_PORT = 4176;
const APP = `http://127.0.0.1:${APP_PORT}`;
const BENCH = `http://127.0.0.1:${BENCH_PORT}`;
const UNSPLIT_PORT = 4178;
const UNSPLIT = `http://127.0.0.1:${UNSPLIT_PORT}`;
const QUERY = 'tresorerie plus';
const CATALOGUE = 10_000;
import { CHROME_ARGS, median, p95, fmt, serve, waitUp, fresh as freshPage } from './lib.mjs';
import { startup } from './measures/startup.mjs';
import { overview } from './measures/overview.mjs';
import { breakdown } from './measures/breakdown.mjs';
import { lazyPages } from './measures/lazy.mjs';

const rows = [];
const row = (figure, med, p, unit, budget = '') => rows.push({ figure, med, p, unit, budget });

// --- Build the bench page (the crate bench/page, a wasm of its own; the app's dist/ is
// built by scripts/dist.sh).
if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run scripts/dist.sh first');
execFileSync('scripts/build.sh', [], {
  stdio: 'inherit',
  env: { ...process.env, PACKAGE: 'mes-apps-bench', OUT: 'target/bench-dist' },
});

// The same app in one module (no split point), to measure the split against it.
execFileSync('scripts/build.sh', [], { stdio: 'inherit', env: { ...process.env, SPLIT: '0', OUT: 'target/bench-unsplit' } });

const servers = [serve('dist', APP_PORT), serve('target/bench-dist', BENCH_PORT), serve('target/bench-unsplit', UNSPLIT_PORT)];
process.on('exit', () => servers.forEach((s) => s.kill()));
await waitUp(`${APP}/`);
await waitUp(`${BENCH}/`);
await waitUp(`${UNSPLIT}/`);

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROME_ARGS });
const fresh = (viewport) => freshPage(browser, viewport);

// --- Bytes
const sizes = JSON.parse(execFileSync('node', ['scripts/sizes.mjs', 'dist', '--json']).toString());
for (const r of sizes.rows) {
  rows.push({ figure: `${r.kind} (${r.file}, ${r.load})`, med: r.raw / 1024, p: r.gzip / 1024, unit: 'KB', extra: r.brotli / 1024, bytes: true, budget: '' });
}
{
  const sum = (load) => {
    const list = sizes.rows.filter((r) => !load || load.includes(r.load));
    return { med: list.reduce((n, r) => n + r.raw, 0) / 1024, p: list.reduce((n, r) => n + r.gzip, 0) / 1024, unit: 'KB', extra: list.reduce((n, r) => n + r.brotli, 0) / 1024, bytes: true };
  };
  rows.push({ ...sum(['first']), figure: 'first screen: what a deep link to Aperçu loads (HTML, CSS, JS, main wasm)', budget: '≤ 150 KB brotli' });
  rows.push({ ...sum(['chunk']), figure: 'chunks: every page kept out of the first load', budget: '' });
  rows.push({ ...sum(null), figure: 'whole app (first load, chunks, service worker, icon)', budget: '' });
}

// --- Startup, split into phases, and the static page it is measured against.
await startup(browser, { app: APP, unsplit: UNSPLIT, runs: RUNS, row });

// --- The pages kept out of the first load: first and second open.
await lazyPages(browser, { app: APP, runs: RUNS, row });

// --- Vue d'ensemble at 200 clients × 40 apps.
await overview(browser, { app: APP, runs: RUNS, row });

// --- Lighthouse (desktop performance score)
{
  const scores = [];
  const lh = require.resolve('lighthouse/cli/index.js', { paths: ['bench/node_modules'] });
  for (let i = 0; i < RUNS; i++) {
    try {
      const out = execFileSync('node', [lh, `${APP}/quickbooks/mes-apps/apercu`, '--preset=desktop',
        '--only-categories=performance', '--output=json', '--output-path=stdout', '--quiet',
        `--chrome-flags=${CHROME_ARGS.join(' ')}`], { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, maxBuffer: 64 << 20 });
      scores.push(JSON.parse(out.toString()).categories.performance.score * 100);
    } catch (e) {
      console.error(`lighthouse run ${i + 1} failed: ${e.message.split('\n')[0]}`);
    }
  }
  row('Lighthouse desktop performance score', median(scores), p95(scores.map((s) => -s)) * -1, '/100');
}

// --- Search at scale: 10,000 generated apps, typing one key at a time.
const prefixes = [...QUERY].map((_, i) => QUERY.slice(0, i + 1));
{
  const keystroke = [];
  const rendered = [];
  let heap = [];
  for (let run = 0; run < RUNS; run++) {
    const { context, page } = await fresh();
    await page.goto(`${APP}/quickbooks/mes-apps/rechercher?banc=${CATALOGUE}`);
    await page.getByRole('searchbox', { name: 'Rechercher des applis' }).waitFor();
    heap.push(await page.evaluate(() => performance.memory.usedJSHeapSize / 1048576));
    await page.evaluate(() => {
      window.__ks = [];
      let current = null;
      new MutationObserver((muts) => {
        if (!current) return;
        for (const m of muts) for (const n of m.addedNodes) {
          if (n.nodeType === 1 && n.matches('li.ma-result')) current.rows++;
        }
      }).observe(document.querySelector('main'), { childList: true, subtree: true });
      // From the input event to the DOM updated and laid out: the app's handler, the
      // reactive updates (microtasks) and the DOM changes all run before this timeout.
      window.addEventListener('input', () => {
        const t0 = performance.now();
        const entry = { rows: 0 };
        current = entry;
        setTimeout(() => {
          void document.body.offsetHeight;
          entry.ms = performance.now() - t0;
          window.__ks.push(entry);
          current = null;
        }, 0);
      }, true);
    });
    const box = page.getByRole('searchbox', { name: 'Rechercher des applis' });
    await box.focus();
    for (let i = 0; i < QUERY.length; i++) {
      await page.keyboard.press(QUERY[i] === ' ' ? 'Space' : QUERY[i]);
      await page.waitForFunction((n) => window.__ks.length === n, i + 1);
    }
    const ks = await page.evaluate(() => window.__ks);
    keystroke.push(...ks.map((k) => k.ms));
    rendered.push(...ks.map((k) => k.rows));
    await context.close();
  }
  row(`search ${CATALOGUE} apps: keystroke → results rendered`, median(keystroke), p95(keystroke), 'ms', 'p95 ≤ 16 ms');
  row('search: rows put in the DOM per keystroke', median(rendered), Math.max(...rendered), 'rows (max)', '≤ 100');
  row(`memory: JS heap after loading ${CATALOGUE} apps`, median(heap), p95(heap), 'MB');
}

// --- Matching alone, and Fuse.js on the same apps and keystrokes, in the same page.
{
  const { context, page } = await fresh();
  await page.goto(`${BENCH}/`);
  await page.waitForFunction(() => window.wasmBindings && window.wasmBindings.bench_match);
  await page.addScriptTag({ path: 'bench/node_modules/fuse.js/dist/fuse.min.js' });
  const result = await page.evaluate(({ n, prefixes, runs }) => {
    const ours = [];
    const typed = [];
    const fuse = [];
    const apps = JSON.parse(window.wasmBindings.bench_catalogue(n));
    const index = new window.Fuse(apps, {
      keys: ['name', 'publisher', 'tagline', 'description', 'category'],
      ignoreLocation: true,
      threshold: 0.3,
    });
    for (let r = 0; r < runs; r++) {
      ours.push(...JSON.parse(window.wasmBindings.bench_match(n, prefixes, false)).map(([ms]) => ms));
      typed.push(...JSON.parse(window.wasmBindings.bench_match(n, prefixes, true)).map(([ms]) => ms));
      for (const q of prefixes) {
        const t = performance.now();
        index.search(q);
        fuse.push(performance.now() - t);
      }
    }
    return { ours, typed, fuse };
  }, { n: CATALOGUE, prefixes, runs: RUNS });
  row(`search ${CATALOGUE} apps: matching alone, full scan (Mes apps)`, median(result.ours), p95(result.ours), 'ms');
  row(`search ${CATALOGUE} apps: matching alone, as typed (Mes apps)`, median(result.typed), p95(result.typed), 'ms');
  row(`search ${CATALOGUE} apps: Fuse.js, same apps and keys`, median(result.fuse), p95(result.fuse), 'ms');
  row('search: Fuse.js time / Mes apps full-scan time', median(result.fuse) / median(result.ours), p95(result.fuse) / p95(result.ours), '×');

  // --- Persistence: 1,000 connections and 5,000 journal entries in localStorage.
  const p = await page.evaluate(({ runs }) => JSON.parse(window.wasmBindings.bench_persistence(1000, 5000, runs)), { runs: RUNS });
  if (!p.full_save_ok || !p.loaded_equal) console.error('persistence: the state did not round-trip', p);
  row('persistence: save after an action (1,000 conn., 5,000 entries)', median(p.save_ms), p95(p.save_ms), 'ms', '≤ 4 ms');
  row('persistence: load (1,000 conn., 5,000 entries), journal left for later', median(p.load_ms), p95(p.load_ms), 'ms', '≤ 10 ms');
  row('persistence:   the journal read once the first page is shown', median(p.journal_ms), p95(p.journal_ms), 'ms');
  row('persistence: first full save', p.save_full_ms, p.save_full_ms, 'ms');
  row('persistence: stored size', p.stored_chars / 1024, p.stored_chars / 1024, 'K chars');

  // --- A bulk install for every client of a 200-client firm, applied and saved at once.
  const bulk = await page.evaluate(({ runs }) => JSON.parse(window.wasmBindings.bench_bulk_install(runs)), { runs: RUNS });
  if (bulk.done !== bulk.targets) console.error('bulk install: not every target was installed and saved', bulk);
  row(`bulk install for ${bulk.targets} clients: applied and saved`, median(bulk.ms), p95(bulk.ms), 'ms', '≤ 50 ms');
  await context.close();
}

// --- Interaction: ▼ → menu, Déconnectez-vous → dialog, Connecter → settings view.
async function timed(page, selector, until) {
  await page.evaluate((until) => {
    const conds = {
      menu: () => !!document.querySelector('[role=menu]:not([hidden])'),
      dialog: () => !!document.querySelector('dialog[open]'),
      settings: () => location.pathname.endsWith('/parametres') && !!document.querySelector('#ma-settings-title'),
    };
    window.__elapsed = undefined;
    let t0 = null;
    const obs = new MutationObserver(() => {
      if (t0 !== null && conds[until]()) {
        window.__elapsed = performance.now() - t0;
        obs.disconnect();
      }
    });
    obs.observe(document.body, { subtree: true, childList: true, attributes: true });
    window.addEventListener('click', () => { t0 = performance.now(); }, { capture: true, once: true });
  }, until);
  await page.click(selector);
  await page.waitForFunction(() => window.__elapsed !== undefined);
  return page.evaluate(() => window.__elapsed);
}
{
  const menu = [];
  const dialog = [];
  const connect = [];
  const apps = ['caisse-horizon', 'paie-facile', 'relances-pro', 'alerte-deconnexion', 'factures-express', 'tresorerie-plus', 'dossiers-partages'];
  const { context, page } = await fresh();
  for (let i = 0; i < RUNS; i++) {
    await page.goto(`${APP}/quickbooks/mes-apps/apercu`);
    await page.getByRole('button', { name: "Plus d'actions pour Stock Malin" }).waitFor();
    menu.push(await timed(page, 'button[aria-label="Plus d\'actions pour Stock Malin"]', 'menu'));
    dialog.push(await timed(page, '[role=menu]:not([hidden]) li:nth-child(2) [role=menuitem]', 'dialog'));
    await page.keyboard.press('Escape');
  }
  for (const app of apps.slice(0, RUNS)) {
    await page.goto(`${APP}/quickbooks/mes-apps/applis/${app}`);
    const get = page.getByRole('button', { name: "Obtenir l'appli" });
    if (!(await get.count())) continue;
    await get.click();
    const button = page.getByRole('dialog').getByRole('button', { name: 'Connecter', exact: true });
    if (await button.isDisabled()) continue;
    connect.push(await timed(page, 'dialog[open] button[type=submit]', 'settings'));
  }
  await context.close();
  row('interaction: click ▼ → menu visible', median(menu), p95(menu), 'ms', '≤ 50 ms');
  row('interaction: Déconnectez-vous → dialog visible', median(dialog), p95(dialog), 'ms', '≤ 50 ms');
  row('interaction: Connecter → settings view', median(connect), p95(connect), 'ms', '≤ 50 ms');
}
await browser.close();

// --- The table
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const lines = [];
lines.push(`CPU: ${cpu} (${cpus().length} cores), ${RUNS} runs per figure, ${new Date().toISOString().slice(0, 10)}`);
lines.push('');
lines.push('| figure | median | p95 | unit | budget |');
lines.push('|---|---:|---:|---|---|');
for (const r of rows.filter((r) => !r.bytes)) {
  lines.push(`| ${r.figure} | ${fmt(r.med)} | ${fmt(r.p)} | ${r.unit} | ${r.budget} |`);
}
lines.push('');
lines.push('| file | raw | gzip | brotli | budget |');
lines.push('|---|---:|---:|---:|---|');
for (const r of rows.filter((r) => r.bytes)) {
  lines.push(`| ${r.figure} | ${fmt(r.med)} KB | ${fmt(r.p)} KB | ${fmt(r.extra)} KB | ${r.budget} |`);
}
lines.push('');
lines.push(...breakdown());
const table = lines.join('\n');
console.log(`\n${table}\n`);
writeFileSync('bench/results.md', `${table}\n`);
console.log('written to bench/results.md');
process.exit(0);
