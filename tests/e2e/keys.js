// Keyboard and page helpers shared by the specs of connections' health, the
// questionnaire's ways out, receipts and the journal's export.
import { expect } from './fixtures.js';

export const QB = '/quickbooks/mes-apps';
export const EC = '/expert-comptable/mes-apps';

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

/** The connections table's row of the app `name` (a link, or a button in Applis clientes). */
export function row(page, name) {
  return page
    .getByRole('row')
    .filter({ has: page.locator('.ma-table__name', { hasText: new RegExp(`^${name}$`) }) });
}

/** The row's État cell. */
export function stateCell(page, name) {
  return row(page, name).locator('td[data-label="État"]');
}

/** The polite status message holding `text`. */
export function status(page, text) {
  return page.getByRole('status').filter({ hasText: text }).first();
}

/** The header's Démo area. */
export function demoArea(page) {
  return page.getByRole('group', { name: 'Démo' });
}

/** Runs axe and expects nothing. */
export async function expectNoViolations(page, axe, what, selector) {
  const violations = await axe(page, selector);
  expect(violations, `axe violations on ${what}:\n${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

/** Advances the demo's clock by its button, `times` times, and waits for the new date. */
export async function advance(page, times = 1) {
  for (let i = 0; i < times; i += 1) {
    const before = await demoArea(page).locator('.ma-demo__date').textContent();
    await demoArea(page).getByRole('button', { name: 'Avancer de 30 jours' }).click();
    await expect(demoArea(page).locator('.ma-demo__date')).not.toHaveText(before);
  }
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
