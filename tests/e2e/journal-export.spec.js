// The journal's CSV export, end to end: one client's audit trail in Expert-Comptable,
// downloaded and read back (byte-order mark, RFC 4180 quoting, a formula-like answer
// disarmed, the questionnaire's answer in its columns); by keyboard alone; axe.
import {
  test,
  expect,
  QB,
  EC,
  open,
  rowByNameCell,
  chooseFromMenu,
  dialogNamed,
  soleStatus,
  journalEntries,
  tabTo,
  downloadOf,
  expectNoViolations,
  parseCsv,
} from './fixtures.js';

const HEADER = ['N°', 'Date', 'Type', 'Appli', 'Entreprise', 'Par', 'Transfert de', 'Transfert à', 'Paramètres modifiés', 'Raison', 'Précision'];

function exportCsv(page) {
  return downloadOf(page, () => page.getByRole('button', { name: 'Exporter le journal (CSV)' }).click());
}

test('one client’s journal exports as CSV that spreadsheets read', async ({ page }) => {
  // A disconnection of Garage Lefèvre's app, with a tricky answer.
  const said = '=SOMME(A1), dit « le "patron" »\net voilà';
  await open(page, `${EC}/clients?client=garage-lefevre`);
  await chooseFromMenu(rowByNameCell(page, 'Factures Express'), 'Factures Express', 'Déconnectez-vous');
  const dialog = dialogNamed(page, 'Déconnecter Factures Express');
  await dialog.getByRole('radio', { name: 'Autre' }).check();
  await dialog.getByRole('textbox', { name: 'Précisez la raison' }).fill(said);
  await dialog.getByRole('button', { name: 'Déconnecter', exact: true }).click();
  await expect(rowByNameCell(page, 'Factures Express')).toHaveCount(0);

  await open(page, `${EC}/journal`);
  await page.getByRole('combobox', { name: 'Client', exact: true }).selectOption({ label: 'Garage Lefèvre' });
  await expect(soleStatus(page, /^2\s+entrées$/)).toBeVisible();
  await expectNoViolations(page, 'the journal with its export');
  const { name, bytes } = await exportCsv(page);
  expect(name).toMatch(/^journal-expert-comptable-garage-lefevre-\d{4}-\d{2}-\d{2}\.csv$/);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  const rows = parseCsv(text);
  expect(rows[0]).toEqual(HEADER);
  expect(rows).toHaveLength(3);
  expect(rows.slice(1).every((r) => r.length === HEADER.length && r[4] === 'Garage Lefèvre')).toBe(true);
  const [disconnection, installation] = rows.slice(1);
  expect(disconnection[2]).toBe('Déconnexion');
  expect(disconnection[3]).toBe('Factures Express');
  expect(disconnection[5]).toBe('Marie Dupont');
  expect(disconnection[9]).toBe('Autre');
  expect(disconnection[10]).toBe(`'${said}`);
  expect(disconnection[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  expect(installation[2]).toBe('Installation');
  expect(installation[5]).toBe('Thomas Leroy');
  await expect(soleStatus(page, /Journal exporté\s*:\s+2\s+entrées/)).toBeVisible();
});

test('by keyboard alone: the export of the whole QuickBooks journal', async ({ page }) => {
  await open(page, `${QB}/journal`);
  const button = page.getByRole('button', { name: 'Exporter le journal (CSV)' });
  await tabTo(page, button);
  const file = await downloadOf(page, () => page.keyboard.press('Enter'));
  expect(file.name).toMatch(/^journal-quickbooks-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parseCsv(file.text.slice(1));
  const shown = await journalEntries(page).count();
  expect(rows).toHaveLength(shown + 1);
  expect(rows.find((r) => r[2] === 'Déconnexion')?.[9]).toBe('Elle coûte trop cher');
});
