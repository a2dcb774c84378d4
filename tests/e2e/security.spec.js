// Security: the release build's Content-Security-Policy (present, strict, enforced), the
// seed flows running under it without a single violation, and no HTML built from data in
// the source (no inner_html anywhere under src/).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as plainTest } from '@playwright/test';
import {
  test,
  expect,
  QB,
  EC,
  open,
  tab,
  rowByLinkOrButton,
  chooseFromMenu,
  dialogNamed,
  status,
  journalEntries,
  actAs,
  downloadOf,
} from './fixtures.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The directives of a policy, by name. */
function directives(policy) {
  return Object.fromEntries(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name.toLowerCase(), values];
      }),
  );
}

/** The CSP meta tags of an HTML text. */
function cspMetas(html) {
  return [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/gi)].map(
    (m) => m[1],
  );
}

test('the served index.html carries a strict Content-Security-Policy meta tag', async ({ request }) => {
  for (const path of ['/', `${QB}/apercu`, `${EC}/journal`]) {
    const response = await request.get(path);
    expect(response.ok(), `${path} is served`).toBe(true);
    const html = await response.text();
    const metas = cspMetas(html);
    expect(metas, `${path}: exactly one CSP meta tag`).toHaveLength(1);
    // Before anything it governs: right after the charset.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<link'));
    const policy = metas[0];
    const d = directives(policy);

    expect(d['default-src']).toEqual(["'self'"]);
    const script = d['script-src'];
    expect(script.slice(0, 2)).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    const hashes = script.slice(2);
    expect(hashes, 'one sha256 hash, for the inline loader').toHaveLength(1);
    expect(hashes[0]).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/);
    expect(d['object-src']).toEqual(["'none'"]);
    expect(d['base-uri']).toEqual(["'none'"]);
    expect(d['form-action']).toEqual(["'none'"]);
    expect(policy).not.toContain("'unsafe-inline'");
    expect(policy).not.toContain("'unsafe-eval'");
    expect(script.join(' '), 'no wildcard or scheme source for scripts').not.toMatch(/\*|https?:|data:|blob:/);
    // base-uri 'none' means no <base> element: the router reads the public URL elsewhere.
    expect(html).not.toMatch(/<base\s/i);

    // The hash is the inline loader's, so that it (and nothing else inline) runs.
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(inline).toHaveLength(1);
    const { createHash } = await import('node:crypto');
    const digest = createHash('sha256').update(inline[0], 'utf8').digest('base64');
    expect(hashes[0]).toBe(`'sha256-${digest}'`);
  }
});

// This one test expects a CSP violation: the fixture's `test` fails any test on one (it
// turns every violation into a console error), so it uses Playwright's own `test` and
// checks the rest (no page error, no other console error) itself.
plainTest('the policy is enforced: an injected inline script and inline handler do not run', async ({ page }) => {
  const pageErrors = [];
  const consoleErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push({ directive: e.effectiveDirective || e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
    });
  });
  await open(page, `${QB}/apercu`);
  expect(await page.evaluate(() => window.__violations), 'the app itself violates nothing').toEqual([]);

  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = "ran";';
    document.body.appendChild(s);
  });
  await expect.poll(() => page.evaluate(() => window.__violations.length)).toBeGreaterThan(0);
  expect(await page.evaluate(() => typeof window.__injected)).toBe('undefined');
  const violations = await page.evaluate(() => window.__violations);
  expect(violations[0].directive).toBe('script-src-elem');
  expect(violations[0].blocked).toBe('inline');

  // An inline event handler is refused too.
  await page.evaluate(() => {
    const b = document.createElement('button');
    b.setAttribute('onclick', 'window.__handler = "ran"');
    document.body.appendChild(b);
    b.click();
    b.remove();
  });
  await expect.poll(() => page.evaluate(() => window.__violations.length)).toBeGreaterThan(1);
  expect(await page.evaluate(() => typeof window.__handler)).toBe('undefined');
  expect((await page.evaluate(() => window.__violations))[1].directive).toBe('script-src-attr');

  // The app still works.
  await tab(page, 'Journal').click();
  await expect(page.getByRole('heading', { level: 2, name: 'Journal' })).toBeVisible();
  expect(pageErrors).toEqual([]);
  for (const e of consoleErrors) expect(e).toMatch(/Content Security Policy/);
});

test('the seed flows run without any CSP violation', async ({ page }) => {
  // QuickBooks: find and connect an app.
  await open(page, `${QB}/rechercher`);
  await page.getByRole('searchbox', { name: 'Rechercher des applis' }).fill('caisse horizon');
  await page.getByRole('link', { name: 'Caisse Horizon', exact: true }).click();
  await page.getByRole('button', { name: "Obtenir l'appli" }).click();
  let dialog = dialogNamed(page, 'Obtenir Caisse Horizon');
  await dialog.getByRole('button', { name: 'Connecter', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: 'Paramètres de Caisse Horizon' })).toBeVisible();
  await page.getByLabel('Compte de ventes', { exact: true }).fill('706000');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(status(page, 'Paramètres de Caisse Horizon enregistrés')).toBeVisible();

  // Take over: Claire Martin takes over Stock Malin from Julien Petit.
  await tab(page, 'Aperçu').click();
  await chooseFromMenu(page, 'Stock Malin', 'Paramètres');
  await expect(page.locator('.ma-associated')).toContainText('Julien Petit');
  await page.getByRole('button', { name: 'Reprendre la gestion' }).click();
  dialog = dialogNamed(page, 'Obtenir Stock Malin');
  await expect(dialog).toContainText('Julien Petit');
  await dialog.getByRole('button', { name: 'Connecter', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.ma-associated')).toContainText("c'est vous");

  // Disconnect with the questionnaire.
  await tab(page, 'Aperçu').click();
  await chooseFromMenu(page, 'Notes Éclair', 'Déconnectez-vous');
  dialog = dialogNamed(page, /Notes Éclair/);
  await dialog.getByRole('radio', { name: 'Autre' }).check();
  await dialog.getByRole('textbox', { name: 'Précisez la raison' }).fill('Nous changeons d’outil.');
  await dialog.getByRole('button', { name: 'Déconnecter', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(rowByLinkOrButton(page, 'Notes Éclair')).toHaveCount(0);

  // The journal, then export.
  await tab(page, 'Journal').click();
  await expect(journalEntries(page).first()).toContainText('Déconnexion');
  await tab(page, 'Sauvegarde').click();
  const file = await downloadOf(page, () => page.getByRole('button', { name: 'Exporter les données' }).click());
  const exported = JSON.parse(file.text);
  expect(exported.data.connections.map((c) => c.app)).toContain('caisse-horizon');

  // Expert-Comptable: install an app for a client.
  await page.getByLabel('Produit', { exact: true }).selectOption({ label: 'QuickBooks Expert-Comptable' });
  await expect(page.getByRole('heading', { level: 2, name: 'Applis du cabinet' })).toBeVisible();
  await actAs(page, 'Thomas Leroy');
  await tab(page, 'Rechercher des applis').click();
  await page.getByRole('searchbox', { name: 'Rechercher des applis' }).fill('paie facile');
  await page.getByRole('link', { name: 'Paie Facile', exact: true }).click();
  await page.getByRole('button', { name: "Obtenir l'appli" }).click();
  dialog = dialogNamed(page, 'Obtenir Paie Facile');
  await dialog.getByRole('radio', { name: 'Garage Lefèvre' }).check();
  await dialog.getByRole('button', { name: 'Installer', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(status(page, 'Paie Facile est installée pour Garage Lefèvre')).toBeVisible();
  await tab(page, 'Applis clientes').click();
  await expect(rowByLinkOrButton(page, 'Paie Facile')).toHaveCount(1);

  // No violation was reported (the fixture fails the test otherwise); a last look.
  expect(await page.evaluate(() => document.querySelectorAll('script:not([src])').length)).toBe(1);
});

test('HTML typed into a text setting and the questionnaire is shown as text, never run', async ({ page }) => {
  const dialogs = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  const HTML = '<img src=x onerror=alert(1)>';
  const REASON = '<script>alert(2)</script>';
  await open(page, `${QB}/applis/factures-express`);
  await page.getByRole('button', { name: "Obtenir l'appli" }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Connecter', exact: true }).click();
  await page.getByLabel('Mentions en pied de facture', { exact: true }).fill(HTML);
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(status(page, 'Paramètres de Factures Express enregistrés')).toBeVisible();

  await tab(page, 'Aperçu').click();
  await chooseFromMenu(page, 'Factures Express', 'Déconnectez-vous');
  const dialog = dialogNamed(page, /Factures Express/);
  await dialog.getByRole('radio', { name: 'Autre' }).check();
  await dialog.getByRole('textbox', { name: 'Précisez la raison' }).fill(REASON);
  await dialog.getByRole('button', { name: 'Déconnecter', exact: true }).click();
  await expect(dialog).toBeHidden();

  await tab(page, 'Journal').click();
  const entries = journalEntries(page);
  await expect(entries.nth(0)).toContainText(`Autre : ${REASON}`);
  await expect(entries.nth(1)).toContainText(HTML);
  expect(await page.evaluate(() => document.querySelectorAll('img, [onerror]').length)).toBe(0);
  await page.reload();
  await expect(page.locator('.ma-loading')).toHaveCount(0);
  await expect(entries.nth(0)).toContainText(`Autre : ${REASON}`);
  await expect(entries.nth(1)).toContainText(HTML);
  expect(await page.evaluate(() => document.querySelectorAll('img, [onerror]').length)).toBe(0);
  expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(
    await page.evaluate(() => document.querySelectorAll('head script').length),
  );
  expect(dialogs).toEqual([]);
});

test('the UI never builds HTML from data: inner HTML is set by ui/web/html.rs alone, from literals and escaped text', () => {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.rs')) files.push(path);
    }
  };
  walk(join(ROOT, 'src'));
  expect(files.length, 'the Rust sources are found').toBeGreaterThan(10);
  const HTML_RS = join('src', 'ui', 'web', 'html.rs');
  const found = [];
  for (const file of files) {
    const where = relative(ROOT, file);
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (where !== HTML_RS && /inner_html|innerHTML/.test(line)) {
          found.push(`${where}:${i + 1}: ${line.trim()}`);
        }
        // Markup is a literal or one of the literals a match chose (`class`): never a
        // value built from data, which only `.text()` takes.
        const markup = [...line.matchAll(/\.tag\(([^)]*)\)/g)].map((m) => m[1]);
        for (const arg of markup) {
          if (!/^"(?:[^"\\]|\\.)*"$/.test(arg) && arg !== 'class' && arg !== 'markup') {
            found.push(`${where}:${i + 1}: ${line.trim()}`);
          }
        }
      });
  }
  const html = readFileSync(join(ROOT, HTML_RS), 'utf8');
  expect(html).toContain("pub fn tag(&mut self, markup: &'static str)");
  expect(html.match(/inner_html/g)).toHaveLength(1);
  if (found.length) console.log(`HTML from data:\n${found.join('\n')}`);
  expect(found, `inner HTML outside ui/web/html.rs, or markup that is not a literal:\n${found.join('\n')}`).toEqual([]);
});
