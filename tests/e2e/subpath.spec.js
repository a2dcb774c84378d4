// Hosting under a sub-path: the release build with its public URL set to /demo/mes-apps/
// (what `PUBLIC_URL=/demo/mes-apps/ make dist` makes), served with a fallback to its
// index.html: deep links, in-app links and reloads stay under the sub-path.
import { test, expect } from './fixtures.js';
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SUB = '/demo/mes-apps/';
const PORT = Number(process.env.E2E_PORT ?? 4173) + 11;
const ROOT = join(tmpdir(), `mes-apps-subpath-${PORT}`);
let server;

test.beforeAll(async () => {
  // The same files as dist/, with index.html's public URL moved, as scripts/build.sh writes
  // it for PUBLIC_URL, and its Content-Security-Policy recomputed for the changed loader.
  const dist = process.env.E2E_DIST ?? 'dist';
  rmSync(ROOT, { recursive: true, force: true });
  const target = join(ROOT, SUB);
  mkdirSync(target, { recursive: true });
  cpSync(dist, target, { recursive: true });
  const index = join(target, 'index.html');
  let html = readFileSync(index, 'utf8')
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/, '')
    .replace('<meta name="mes-apps-base" content="/" />', '<base href="/" />')
    // Minified or not: `href=/x`, `href="/x"`, `from"/x"`, `from '/x'`, `module_or_path:`/x``.
    .replace(/(href=|src=|from|module_or_path:)(\s*)(['"`]?)\/(?!\/)/g, `$1$2$3${SUB}`);
  expect(html, 'every root-relative URL moved under the sub-path').not.toMatch(/(href=|src=|from|module_or_path:)\s*['"`]?\/(?!\/|demo\/)/);
  writeFileSync(index, html);
  execFileSync('node', ['scripts/csp.mjs', index]);
  // The precompressed copies of the old page would be served in its place.
  for (const ext of ['.br', '.gz']) rmSync(`${index}${ext}`, { force: true });
  html = readFileSync(index, 'utf8');
  expect(html).toContain(`<meta name="mes-apps-base" content="${SUB}" />`);
  server = spawn('node_modules/.bin/sirv', [ROOT, '--single', `${SUB.slice(1)}index.html`, '--port', String(PORT), '--host', '127.0.0.1', '--quiet'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}${SUB}`)).ok) return;
    } catch { /* starting */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the sub-path server did not start');
});

test.afterAll(() => {
  server?.kill();
  rmSync(ROOT, { recursive: true, force: true });
});

test('under a sub-path, deep links, links and reloads stay under it', async ({ page }) => {
  const base = `http://127.0.0.1:${PORT}${SUB.slice(0, -1)}`;
  await page.goto(`${base}/quickbooks/mes-apps/apercu`);
  await expect(page.getByRole('heading', { level: 2, name: 'Aperçu' })).toBeVisible();
  await page.getByRole('link', { name: 'Rechercher des applis' }).click();
  await expect(page).toHaveURL(`${base}/quickbooks/mes-apps/rechercher`);
  await page.getByRole('searchbox', { name: 'Rechercher des applis' }).fill('caisse');
  await page.getByRole('link', { name: 'Caisse Horizon' }).click();
  await expect(page).toHaveURL(`${base}/quickbooks/mes-apps/applis/caisse-horizon`);
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Caisse Horizon' })).toBeVisible();
  await page.getByRole('button', { name: "Obtenir l'appli" }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Connecter', exact: true }).click();
  await expect(page).toHaveURL(`${base}/quickbooks/mes-apps/connexions/boulangerie-martin/caisse-horizon/parametres`);
  await page.getByLabel('Produit').selectOption('expert-comptable');
  await expect(page).toHaveURL(`${base}/expert-comptable/mes-apps/cabinet`);
  await page.getByRole('link', { name: 'Accueil' }).click();
  await expect(page).toHaveURL(`${base}/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Accueil' })).toBeVisible();
});
