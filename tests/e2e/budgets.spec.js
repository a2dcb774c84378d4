// Budgets that are counts, checked on every run (timings are only reported by make bench).
import { test, expect, QB, open, soleStatus } from './fixtures.js';

test('typing over 10,000 apps puts at most 100 rows in the page per keystroke', async ({ page }) => {
  await open(page, `${QB}/rechercher?banc=10000`);
  await expect(soleStatus(page, /applis trouvées/)).toContainText('10000 applis trouvées');
  await page.evaluate(() => {
    window.__added = [];
    let current = null;
    new MutationObserver((muts) => {
      for (const m of muts) for (const n of m.addedNodes) {
        if (current && n.nodeType === 1 && n.matches('li.ma-result')) current.rows++;
      }
    }).observe(document.querySelector('main'), { childList: true, subtree: true });
    window.addEventListener('input', () => {
      const entry = { rows: 0 };
      current = entry;
      setTimeout(() => { window.__added.push(entry.rows); current = null; }, 0);
    }, true);
  });
  const box = page.getByRole('searchbox', { name: 'Rechercher des applis' });
  await box.focus();
  const query = 'tresorerie plus';
  for (let i = 0; i < query.length; i++) {
    await page.keyboard.press(query[i] === ' ' ? 'Space' : query[i]);
    await page.waitForFunction((n) => window.__added.length === n, i + 1);
  }
  // Then back to everything: the most a keystroke can change.
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.waitForFunction((n) => window.__added.length === n, query.length + 1);
  const added = await page.evaluate(() => window.__added);
  expect(Math.max(...added), `rows added per keystroke: ${added.join(', ')}`).toBeLessThanOrEqual(100);
  // The results did change as the query grew (the test measures something).
  expect(added.some((n) => n > 0)).toBe(true);
  await expect(page.locator('li.ma-result')).toHaveCount(24);
  await expect(page.getByRole('button', { name: /Afficher plus/ })).toBeVisible();
});
