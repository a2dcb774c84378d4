// Offline after the first visit, and two deployments in a row, on copies of the release
// build served by a server of their own: the service worker keeps the build's files, so a
// reload, a deep link and a lazy page open with the network cut; a new deployment is
// taken at a later visit, and a page never mixes the files of two builds.
import { test, expect, QB, EC, open, rowByNameCell } from './fixtures.js';
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DIST = process.env.E2E_DIST ?? 'dist';
const BUILD = readdirSync(join(DIST, 'b'))[0];

/** A server of its own over `root`, reading files anew on each request (--dev). */
async function serve(root, port) {
  const server = spawn('node_modules/.bin/sirv', [root, '--single', '--dev', '--port', String(port), '--host', '127.0.0.1', '--quiet'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return server;
    } catch { /* starting */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error('the server did not start');
}

/** Runs `body(base, root)` against the release build deployed in a folder of its own,
 *  served by a server of its own; then closes the page (so that nothing asks the server
 *  once it is gone) and removes it all. */
async function hosted(page, info, n, body) {
  const port = 4500 + info.workerIndex * 10 + n;
  const root = join(tmpdir(), `mes-apps-host-${port}`);
  rmSync(root, { recursive: true, force: true });
  cpSync(DIST, root, { recursive: true });
  const server = await serve(root, port);
  try {
    await body(`http://127.0.0.1:${port}`, root);
  } finally {
    await page.close();
    server.kill();
    rmSync(root, { recursive: true, force: true });
  }
}

/** Deploys over `root`, while it is served, the same build renamed `name` (a new build:
 *  the same files under another folder, page and worker rewritten), then removes the old
 *  build's folder, as a host that mirrors dist/ does. */
function redeploy(root, name) {
  cpSync(join(DIST, 'b', BUILD), join(root, 'b', name), { recursive: true });
  for (const f of ['index.html', '404.html', 'sw.js']) {
    const path = join(root, f);
    for (const ext of ['.br', '.gz']) rmSync(`${path}${ext}`, { force: true });
    writeFileSync(path, readFileSync(join(DIST, f), 'utf8').replaceAll(BUILD, name));
    if (f.endsWith('.html')) execFileSync('node', ['scripts/csp.mjs', path]);
  }
  rmSync(join(root, 'b', BUILD), { recursive: true, force: true });
}

/** Waits until the service worker of build `name` is active and controls the page. */
async function keptFor(page, name) {
  await expect.poll(() => page.evaluate(async (n) => {
    const reg = await navigator.serviceWorker.getRegistration();
    const current = await (await caches.open('mes-apps-builds')).match('/.mes-apps-current-build');
    return !!navigator.serviceWorker.controller && reg?.active?.state === 'activated'
      && !reg.installing && !reg.waiting && (await current?.text()) === n;
  }, name), { timeout: 20_000, message: `the service worker of build ${name} in control` }).toBe(true);
}

/** The build folders the page fetched its files from. */
function buildsUsed(urls) {
  return [...new Set(urls.map((u) => u.match(/\/b\/([0-9a-f]+)\//)?.[1]).filter(Boolean))];
}

test('offline after the first visit: a reload, a lazy page and deep links open with no network', async ({ page, context }, info) => {
  await hosted(page, info, 1, async (base) => {
    await open(page, `${base}${QB}/apercu`);
    await keptFor(page, BUILD);
    await context.setOffline(true);
    await page.reload();
    await expect(rowByNameCell(page, 'Notes Éclair')).toBeVisible();
    await page.getByRole('link', { name: 'Journal', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Journal' })).toBeVisible();
    for (const [path, heading] of [[`${QB}/passation`, 'Passation'], [`${EC}/vue-d-ensemble`, "Vue d'ensemble"], [`${QB}/guides`, 'Guides']]) {
      await page.goto(`${base}${path}`);
      await expect(page.getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible();
      await expect(page.getByRole('alert')).toHaveCount(0);
    }
  });
});

test('two deployments in a row: each visit uses one build only, and the new one is taken', async ({ page }, info) => {
  const next = 'f'.repeat(16) === BUILD ? 'e'.repeat(16) : 'f'.repeat(16);
  const urls = [];
  page.on('request', (r) => urls.push(r.url()));
  await hosted(page, info, 2, async (base, root) => {
    await open(page, `${base}${QB}/apercu`);
    await keptFor(page, BUILD);
    expect(buildsUsed(urls)).toEqual([BUILD]);
    // The next deployment replaces the files on the host, the old build's folder included.
    redeploy(root, next);
    urls.length = 0;
    await page.reload();
    await expect(rowByNameCell(page, 'Notes Éclair')).toBeVisible();
    await page.getByRole('link', { name: 'Passation', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Passation' })).toBeVisible();
    expect(buildsUsed(urls), 'this visit runs the build it started with').toEqual([BUILD]);
    // Meanwhile the new service worker keeps the new build and takes over.
    await keptFor(page, next);
    urls.length = 0;
    await page.goto(`${base}${QB}/apercu`);
    await expect(rowByNameCell(page, 'Notes Éclair')).toBeVisible();
    await page.getByRole('link', { name: 'Journal', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Journal' })).toBeVisible();
    expect(buildsUsed(urls), 'the visit after runs the new build only').toEqual([next]);
    const scripts = await page.evaluate(() => [...document.querySelectorAll('script[type=module], link[rel=modulepreload]')]
      .map((e) => e.textContent + (e.getAttribute('href') ?? '')).join(' '));
    expect(scripts).toContain(`/b/${next}/`);
    expect(scripts).not.toContain(`/b/${BUILD}/`);
  });
});
