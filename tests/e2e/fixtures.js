// What the end-to-end tests share. The fixture: every test fails if the page throws,
// panics, rejects a promise unhandled, logs an error, or violates the Content-Security-
// Policy. Then the helpers, each defined once and used by every spec: controls are found
// by their role and accessible name, as a screen reader user finds them.
import { test as base, expect } from '@playwright/test';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Collects what the fixture fails a test on, for `page`: page errors (panics included),
 * console errors, unhandled rejections and CSP violations. Returns the list it fills; a
 * test that opens a second page of its context checks that page's list itself.
 */
export async function watch(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  await page.addInitScript(() => {
    window.addEventListener('unhandledrejection', (e) => {
      console.error(`unhandled rejection: ${e.reason}`);
    });
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return problems;
}

export const test = base.extend({
  page: async ({ page }, use) => {
    const problems = await watch(page);
    await use(page);
    expect(problems, 'no page error, panic, rejection or CSP violation').toEqual([]);
  },
});

export { expect };

// ---------------------------------------------------------------------------------------
// Going to a product and a page.

/** The two products' Mes apps, where every page of the app lives. */
export const QB = '/quickbooks/mes-apps';
export const EC = '/expert-comptable/mes-apps';
/** The accounting firm of the Expert-Comptable demo. */
export const FIRM = 'Cabinet Dupont & Associés';

/** Opens `path` and waits until the app has replaced its loading placeholder. */
export async function open(page, path) {
  await page.goto(path);
  await expect(page.locator('.ma-loading')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Mes apps', exact: true })).toBeVisible();
}

/** The navigation of Mes apps' sections. */
export function sections(page) {
  return page.getByRole('navigation', { name: 'Sections de Mes apps' });
}

/** The section tab named `name` ("Aperçu", "Journal"…). */
export function tab(page, name) {
  return sections(page).getByRole('link', { name, exact: true });
}

/** Clicks the section tab `name` and waits for its heading. */
export async function goToSection(page, name) {
  await tab(page, name).click();
  await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
}

/** Opens an app's page through Rechercher des applis, as the help article says. */
export async function findApp(page, query, name) {
  await goToSection(page, 'Rechercher des applis');
  await page.getByRole('searchbox', { name: 'Rechercher des applis' }).fill(query);
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
}

// ---------------------------------------------------------------------------------------
// Rows of the connections tables. Three ways to find one, kept apart: they do not match
// the same rows everywhere.

/** The row whose name cell (`.ma-table__name`) reads exactly `name`. */
export function rowByNameCell(page, name) {
  return page
    .getByRole('row')
    .filter({ has: page.locator('.ma-table__name', { hasText: new RegExp(`^${name}$`) }) });
}

/** The row holding a link or a button named exactly `name` (a button in Applis clientes). */
export function rowByLinkOrButton(page, name) {
  return page.getByRole('row').filter({
    has: page
      .getByRole('link', { name, exact: true })
      .or(page.getByRole('button', { name, exact: true })),
  });
}

/** The row holding a link named exactly `name`. */
export function rowByLink(page, name) {
  return page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
}

/** The État cell of the row whose name cell reads `name`. */
export function stateCell(page, name) {
  return rowByNameCell(page, name).locator('td[data-label="État"]');
}

// ---------------------------------------------------------------------------------------
// The ▼ menu, dialogs, the status region.

/** The page of `scope`, a page or a locator in it. */
function pageOf(scope) {
  return typeof scope.page === 'function' ? scope.page() : scope;
}

/** The ▼ button of the app `app` in `scope` (the page, or a row). */
export function menuButton(scope, app) {
  return scope.getByRole('button', { name: `Plus d'actions pour ${app}` });
}

/** Clicks the ▼ button of `app` in `scope`, then the menu's item `item`. */
export async function chooseFromMenu(scope, app, item) {
  await menuButton(scope, app).click();
  await pageOf(scope).getByRole('menuitem', { name: item }).click();
}

/**
 * By keyboard alone: Tab to the ▼ button of `app` in `scope`, ArrowUp to the menu's last
 * item, Déconnectez-vous, which must have focus, and Enter. Returns the ▼ button and the
 * disconnect dialog.
 */
export async function disconnectByKeyboard(scope, app) {
  const page = pageOf(scope);
  const more = menuButton(scope, app);
  await tabTo(page, more);
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('menuitem', { name: 'Déconnectez-vous' })).toBeFocused();
  await page.keyboard.press('Enter');
  return { more, dialog: dialogNamed(page, `Déconnecter ${app}`) };
}

/** The dialog named `name` (a string or a RegExp). */
export function dialogNamed(page, name) {
  return page.getByRole('dialog', { name });
}

/** Clicks Obtenir l'appli on an app's page and expects its dialog, which it returns. */
export async function openGetDialog(page, name) {
  await page.getByRole('button', { name: "Obtenir l'appli" }).click();
  const dialog = dialogNamed(page, `Obtenir ${name}`);
  await expect(dialog).toBeVisible();
  return dialog;
}

/** The "Installer pour" choice of a get dialog (a fieldset/legend group or a radiogroup). */
export function installFor(dialog) {
  return dialog
    .getByRole('radiogroup', { name: 'Installer pour' })
    .or(dialog.getByRole('group', { name: 'Installer pour' }))
    .first();
}

/** The first polite status message (live region) holding `text`. */
export function status(page, text) {
  return page.getByRole('status').filter({ hasText: text }).first();
}

/** The status message holding `text`; an assertion on it fails if several hold it. */
export function soleStatus(page, text) {
  return page.getByRole('status').filter({ hasText: text });
}

/** The journal's entries, newest first. */
export function journalEntries(page) {
  return page.locator('ol.ma-journal > li');
}

/** Expects `locator` to contain each of `texts`, one check each, in turn. */
export async function expectTexts(locator, texts) {
  for (const text of texts) {
    await expect(locator).toContainText(text);
  }
}

/** Selects, in the select `select`, the option whose text contains `text`. */
export async function chooseOption(select, text) {
  const value = await select.locator('option', { hasText: text }).getAttribute('value');
  await select.selectOption(value);
}

/** Picks who acts, by the Utilisateur control. */
export async function actAs(page, name) {
  await chooseOption(page.getByLabel('Utilisateur', { exact: true }), name);
}

/** Saves the demo data (a fresh profile has saved nothing yet), as the reset does. */
export async function saveDemo(page) {
  await page.getByRole('button', { name: 'Réinitialiser la démo' }).click();
  await page.getByRole('button', { name: 'Oui, tout réinitialiser' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

/** The header's Démo area. */
export function demoArea(page) {
  return page.getByRole('group', { name: 'Démo' });
}

/** Advances the demo's clock by its button, `times` times, and waits for the new date. */
export async function advance(page, times = 1) {
  for (let i = 0; i < times; i += 1) {
    const before = await demoArea(page).locator('.ma-demo__date').textContent();
    await demoArea(page).getByRole('button', { name: 'Avancer de 30 jours' }).click();
    await expect(demoArea(page).locator('.ma-demo__date')).not.toHaveText(before);
  }
}

// ---------------------------------------------------------------------------------------
// The keyboard.

/** Presses Tab (or Shift+Tab) until `locator` has focus; fails after `max` presses. */
export async function tabTo(page, locator, { max = 60, shift = false } = {}) {
  for (let i = 0; i < max; i += 1) {
    if (await locator.evaluate((el) => el === document.activeElement).catch(() => false)) {
      return;
    }
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
  }
  await expect(locator, `reached by ${shift ? 'Shift+Tab' : 'Tab'} within ${max} presses`).toBeFocused();
}

/** Whether the focused element is inside the element matched by `locator`. */
export async function focusInside(locator) {
  return locator.evaluate((el) => el.contains(document.activeElement));
}

/** Expects focus to come inside the element matched by `locator` (a dialog…). */
export async function expectFocusInside(locator, message) {
  await expect.poll(() => focusInside(locator), message ? { message } : {}).toBe(true);
}

/** Presses each step's key in turn and expects its locator to have focus after it. */
export async function expectKeysFocus(page, steps) {
  for (const [key, locator] of steps) {
    await page.keyboard.press(key);
    await expect(locator).toBeFocused();
  }
}

// ---------------------------------------------------------------------------------------
// Accessibility scans, files, French text.

/**
 * Runs `act` (a click, a key press) and returns the file it makes the page download: its
 * suggested name, its bytes and its text (UTF-8).
 */
export async function downloadOf(page, act) {
  const [download] = await Promise.all([page.waitForEvent('download'), act()]);
  const bytes = readFileSync(await download.path());
  return { name: download.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

/** Runs axe-core on the page (or on `selector`) and returns its violations. */
export async function axe(page, selector) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (sel) => {
    const result = await window.axe.run(sel ? document.querySelector(sel) : document, {
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
  }, selector);
}

/** Runs axe on the page (or `selector`) and fails with the violations listed. */
export async function expectNoViolations(page, what, selector) {
  const violations = await axe(page, selector);
  expect(violations, `axe violations on ${what}:\n${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

/** Reads an RFC 4180 CSV text into rows of fields. */
export function parseCsv(text) {
  const rows = [];
  let rowCells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cell += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      rowCells.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      rowCells.push(cell);
      rows.push(rowCells);
      rowCells = [];
      cell = '';
      i += 1;
    } else {
      cell += ch;
    }
  }
  if (cell !== '' || rowCells.length) {
    rowCells.push(cell);
    rows.push(rowCells);
  }
  return rows;
}

/**
 * A French pattern: `text` (a string, matched literally, or a RegExp) where each space also
 * matches the no-break spaces French typography puts before « : ; ! ? » and inside « ».
 */
export function fr(text) {
  const source = typeof text === 'string' ? text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : text.source;
  return new RegExp(source.replace(/ /g, '[ \\u00a0\\u202f]'), typeof text === 'string' ? '' : text.flags);
}
