// Shared fixtures of the end-to-end tests: every test fails if the page throws, panics,
// rejects a promise unhandled, logs an error, or violates the Content-Security-Policy.
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

/** Opens `path` and waits until the app has replaced its loading placeholder. */
export async function open(page, path) {
  await page.goto(path);
  await expect(page.locator('.ma-loading')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Mes apps', exact: true })).toBeVisible();
}

/** The section tab named `name` ("Aperçu", "Journal"…). */
export function tab(page, name) {
  return page
    .getByRole('navigation', { name: 'Sections de Mes apps' })
    .getByRole('link', { name, exact: true });
}

/** The polite status message (live region) holding `text`. */
export function status(page, text) {
  return page.getByRole('status').filter({ hasText: text }).first();
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

/** Picks who acts, by the Utilisateur control. */
export async function actAs(page, name) {
  const select = page.getByLabel('Utilisateur', { exact: true });
  const value = await select.locator('option', { hasText: name }).getAttribute('value');
  await select.selectOption(value);
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

/**
 * A French pattern: `text` (a string, matched literally, or a RegExp) where each space also
 * matches the no-break spaces French typography puts before « : ; ! ? » and inside « ».
 */
export function fr(text) {
  const source = typeof text === 'string' ? text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : text.source;
  return new RegExp(source.replace(/ /g, '[ \\u00a0\\u202f]'), typeof text === 'string' ? '' : text.flags);
}
