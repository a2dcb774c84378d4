// Takes the README's screenshots from the release build, in one command:
//   node scripts/screenshots.mjs            (builds dist/ first when it is missing)
//   node scripts/screenshots.mjs --build    (builds dist/ again first)
// Serves dist/ on a free localhost port (with the SPA fallback a static host gives), opens
// it in Debian's Chromium on a fresh profile (so the demo data, in French), and writes
// docs/apercu.png, docs/applis-clientes.png and docs/deconnexion.png.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const docs = join(root, 'docs');

if (process.argv.includes('--build') || !existsSync(join(dist, 'index.html'))) {
  // The build's tools, as make puts them on the PATH: wasm-opt from npm, the cargo ones.
  const PATH = [join(root, 'node_modules/.bin'), join(homedir(), '.cargo/bin'), process.env.PATH].join(delimiter);
  const built = spawnSync('scripts/dist.sh', { cwd: root, stdio: 'inherit', env: { ...process.env, PATH } });
  if (built.status !== 0) process.exit(built.status ?? 1);
}


// dist/ as a static host serves it: unknown paths answer index.html, so deep links work.
const server = createServer(sirv(dist, { single: true, dev: true }));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

// A desktop window at one device pixel per CSS pixel keeps the files small; tall enough
// that every capture fits without scrolling.
const WIDTH = 1280;
const HEIGHT = 1600;
const context = await browser.newContext({
  viewport: { width: WIDTH, height: HEIGHT },
  deviceScaleFactor: 1,
  locale: 'fr-FR',
  timezoneId: 'Europe/Paris',
  serviceWorkers: 'block',
});
const page = await context.newPage();
const problems = [];
page.on('pageerror', (e) => problems.push(e.message));

/** Opens `path` and waits until the app has replaced its loading placeholder. */
async function open(path) {
  await page.goto(`${base}${path}`);
  await page.locator('.ma-loading').waitFor({ state: 'detached' });
  await page.getByRole('link', { name: 'Mes apps', exact: true }).waitFor();
}

/** Saves the top of the page, down to just below the lowest of `parts`. */
async function shoot(name, ...parts) {
  await page.evaluate(() => document.fonts.ready);
  let bottom = 0;
  for (const part of parts) {
    const box = await part.boundingBox();
    bottom = Math.max(bottom, box.y + box.height);
  }
  const height = Math.min(HEIGHT, Math.ceil(bottom + 24));
  const path = join(docs, name);
  await page.screenshot({ path, clip: { x: 0, y: 0, width: WIDTH, height } });
  console.log(`screenshots: ${name} (${WIDTH}×${height})`);
}

// 1. QuickBooks, Aperçu: the connected apps, their État, and the ▼ menu of one of them.
await open('/quickbooks/mes-apps/apercu');
await page.getByRole('columnheader', { name: 'État' }).waitFor();
const more = page.getByRole('button', { name: "Plus d'actions pour Stock Malin" });
await more.click();
const menu = page.getByRole('menu');
await menu.waitFor();
await shoot('apercu.png', page.getByRole('table'), menu);

// 2. Expert-Comptable, Applis clientes: every client's apps, with their État.
await page.keyboard.press('Escape');
await open('/expert-comptable/mes-apps/clients');
await page.getByRole('columnheader', { name: 'État' }).waitFor();
await shoot('applis-clientes.png', page.getByRole('table'),
  page.getByRole('button', { name: 'Déconnecter la sélection' }));

// 3. The disconnect dialog: what will stop, then the questionnaire.
await open('/quickbooks/mes-apps/apercu');
await page.getByRole('button', { name: "Plus d'actions pour Stock Malin" }).click();
await page.getByRole('menuitem', { name: 'Déconnectez-vous' }).click();
const dialog = page.getByRole('dialog');
await dialog.getByRole('button', { name: 'Déconnecter', exact: true }).waitFor();
await page.mouse.move(0, 0);
await page.evaluate(() => document.fonts.ready);
{
  // The dialog alone, with a margin of the dimmed page around it.
  const box = await dialog.boundingBox();
  const m = 24;
  await page.screenshot({
    path: join(docs, 'deconnexion.png'),
    clip: { x: box.x - m, y: box.y - m, width: box.width + 2 * m, height: box.height + 2 * m },
  });
  console.log(`screenshots: deconnexion.png (${Math.round(box.width + 2 * m)}×${Math.round(box.height + 2 * m)})`);
}

await browser.close();
server.close();
if (problems.length > 0) {
  console.error(`screenshots: the page reported errors:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
