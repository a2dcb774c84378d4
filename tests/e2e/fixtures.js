// Shared fixtures of the end-to-end tests: every test fails if the page throws, panics,
// rejects a promise unhandled, logs an error, or violates the Content-Security-Policy.
import { test as base, expect } from '@playwright/test';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const test = base.extend({
  page: async ({ page }, use) => {
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
