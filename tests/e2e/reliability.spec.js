// Reliability: what the app does when storage holds unreadable data, when the browser
// blocks storage, when the quota is full, when two tabs act at once, when an import file
// is hostile, and when text is far too long. In every case the user is told in French,
// nothing saved is lost or overwritten, and the app keeps working. The fixture fails each
// test on any page error, panic, console error, unhandled rejection or CSP violation.
import {
  test,
  expect,
  watch,
  QB,
  EC,
  FIRM,
  open,
  goToSection,
  findApp,
  rowByLinkOrButton,
  chooseFromMenu,
  dialogNamed,
  status,
  soleStatus,
  journalEntries,
  expectTexts,
  actAs,
  downloadOf,
  fr,
} from './fixtures.js';

const OVERVIEW = `${QB}/apercu`;
const QB_KEY = 'mes-apps/quickbooks';
const QB_BACKUP = 'mes-apps/quickbooks/illisible';
const EC_PREFIX = 'mes-apps/expert-comptable';
const DEMO_APPS = ['Banque Sereine', 'Tableau Clair', 'Stock Malin', 'Notes Éclair'];

// ---------------------------------------------------------------------------------------
// Helpers: controls are found by role and accessible name.

/** Every localStorage entry, as a plain object. */
function storage(page) {
  return page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i += 1) {
      const k = localStorage.key(i);
      out[k] = localStorage.getItem(k);
    }
    return out;
  });
}

/** The entries whose key starts with `prefix`. */
function only(entries, prefix) {
  return Object.fromEntries(Object.entries(entries).filter(([k]) => k.startsWith(prefix)));
}

/**
 * A stored journal entry as an object, whichever way the chunk writes it: an object, or
 * the compact `[seq, at, actor, company, app, event]` array.
 */
function entry(e) {
  if (!Array.isArray(e)) return e;
  const [seq, at, actor, company, app, event] = e;
  return { seq, at, actor, company, app, event };
}

/** The stored journal of QuickBooks, as the envelope references it, from `entries`. */
function storedJournal(entries) {
  const { generation, length } = JSON.parse(entries[QB_KEY]).data.journal;
  const journal = [];
  for (let k = 0; k * 250 < length; k += 1) {
    journal.push(...JSON.parse(entries[`${QB_KEY}/journal/${generation}/${k}`]));
  }
  return journal.slice(0, length).map(entry);
}

/**
 * Connects a QuickBooks app the way a user does, without reloading the page: Rechercher
 * des applis → the app's link → Obtenir l'appli → Connecter. Ends on its settings view.
 */
async function connectQb(page, name, query) {
  await findApp(page, query, name);
  await page.getByRole('button', { name: "Obtenir l'appli" }).click();
  const dialog = dialogNamed(page, `Obtenir ${name}`);
  await dialog.getByRole('button', { name: 'Connecter', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: `Paramètres de ${name}` })).toBeVisible();
  await expect(status(page, `${name} est connectée à`)).toBeVisible();
}

/** Installs an Expert-Comptable app for `target` (the firm or a client), without reloading. */
async function installEc(page, name, query, target) {
  await goToSection(page, 'Rechercher des applis');
  await page.getByRole('searchbox', { name: 'Rechercher des applis' }).fill(query);
  await page.getByRole('link', { name, exact: true }).click();
  await page.getByRole('button', { name: "Obtenir l'appli" }).click();
  const dialog = dialogNamed(page, `Obtenir ${name}`);
  await dialog.getByRole('radio', { name: target, exact: true }).check();
  await dialog.getByRole('button', { name: 'Installer', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: `Paramètres de ${name}` })).toBeVisible();
}

/** Sets an input's value the way a script, an extension or autofill can: past maxlength. */
async function forceValue(locator, value) {
  await locator.evaluate((el, v) => {
    el.value = v;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

/** Makes the browser refuse localStorage itself, as when the user blocks site data. */
async function blockStorage(page) {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('bloqué', 'SecurityError');
      },
    });
  });
}

/** Resolves once the page has painted a frame: the main thread is not frozen. */
function nextFrame(page) {
  return page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(true))));
}

/**
 * Writes `set` and removes `remove` in localStorage before the app starts, once per tab
 * (a sessionStorage flag keeps later reloads from doing it again).
 */
async function corruptBeforeStart(page, set, remove) {
  await page.addInitScript(
    ({ set, remove }) => {
      if (sessionStorage.getItem('e2e-corrupted')) return;
      sessionStorage.setItem('e2e-corrupted', '1');
      for (const [k, v] of Object.entries(set)) localStorage.setItem(k, v);
      for (const k of remove) localStorage.removeItem(k);
    },
    { set, remove },
  );
}

/**
 * Fills what is left of the origin's quota with another site's key, `autre-site`: the
 * longest value that fits, so that not even 10 more characters do. Returns its length.
 */
async function fillQuota(page) {
  const filler = await page.evaluate(() => {
    const fits = (n) => {
      try {
        localStorage.setItem('autre-site', 'x'.repeat(n));
        return true;
      } catch (e) {
        if (e.name !== 'QuotaExceededError') throw e;
        return false;
      }
    };
    let lo = 0;
    let hi = 1 << 20;
    while (fits(hi)) {
      lo = hi;
      hi *= 2;
    }
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (fits(mid)) lo = mid;
      else hi = mid;
    }
    localStorage.setItem('autre-site', 'x'.repeat(lo));
    let full = false;
    try {
      localStorage.setItem('e2e-sonde', 'xxxxxxxxxx');
      localStorage.removeItem('e2e-sonde');
    } catch {
      full = true;
    }
    return { length: lo, full };
  });
  expect(filler.full, 'almost nothing is left of the quota').toBe(true);
  return filler.length;
}

// ---------------------------------------------------------------------------------------
// 1. Corrupted storage.

/**
 * Each kind of unreadable data, made from a real envelope that the app wrote: `set` is
 * what to write, `remove` what to delete, `original` what `mes-apps/quickbooks` then holds.
 */
const CORRUPTIONS = {
  'garbage text': (real) => {
    const bad = "Ceci n'est pas du JSON : é€😀 <b>{{{ ]]] \u2028 fin";
    return { set: { [QB_KEY]: bad }, remove: [], original: bad, reason: /ce n'est pas du JSON valide/ };
  },
  'truncated JSON (a real envelope cut in half)': (real) => {
    const bad = real.envelope.slice(0, Math.floor(real.envelope.length / 2));
    return { set: { [QB_KEY]: bad }, remove: [], original: bad, reason: /tronqué/ };
  },
  'wrong types: "revision": "x"': (real) => {
    const bad = real.envelope.replace(/"revision":\d+/, '"revision":"x"');
    expect(bad).not.toBe(real.envelope);
    return { set: { [QB_KEY]: bad }, remove: [], original: bad, reason: /type de valeur incorrect/ };
  },
  'wrong types: connections set to a number': (real) => {
    const env = JSON.parse(real.envelope);
    env.data.connections = 42;
    const bad = JSON.stringify(env);
    return { set: { [QB_KEY]: bad }, remove: [], original: bad, reason: /connections.*type de valeur incorrect/ };
  },
  'a newer schema ("schema": 99)': (real) => {
    const bad = real.envelope.replace(/"schema":\d+/, '"schema":99');
    expect(bad).not.toBe(real.envelope);
    return { set: { [QB_KEY]: bad }, remove: [], original: bad, reason: /plus récente.*99/ };
  },
  'a missing journal chunk': (real) => {
    const chunks = Object.keys(real.all).filter((k) => k.startsWith(`${QB_KEY}/journal/`));
    expect(chunks.length).toBeGreaterThan(0);
    return { set: {}, remove: chunks, original: real.envelope, reason: /journal manque/ };
  },
};

for (const [kind, corrupt] of Object.entries(CORRUPTIONS)) {
  test(`corrupted storage, ${kind}: kept untouched and copied, demo data in memory, download, start over`, async ({ page }) => {
    // Real data, written by the app itself: Caisse Horizon connected in QuickBooks, and an
    // installation in Expert-Comptable (which must stay unaffected).
    await open(page, OVERVIEW);
    await connectQb(page, 'Caisse Horizon', 'caisse');
    await page.getByLabel('Produit', { exact: true }).selectOption({ label: 'QuickBooks Expert-Comptable' });
    await expect(page.getByRole('heading', { level: 2, name: 'Applis du cabinet' })).toBeVisible();
    await installEc(page, 'Paie Facile', 'paie facile', FIRM);
    const all = await storage(page);
    const real = { envelope: all[QB_KEY], all };
    expect(JSON.parse(real.envelope).data.connections.map((c) => c.app)).toContain('caisse-horizon');
    const ecBefore = only(all, EC_PREFIX);
    expect(ecBefore[EC_PREFIX]).toBeTruthy();

    // The bad data is in place before the app starts.
    const { set, remove, original, reason } = corrupt(real);
    await corruptBeforeStart(page, set, remove);
    await open(page, OVERVIEW);

    // The app starts and says the data is unreadable, in one alert.
    const alert = page.getByRole('alert').filter({ hasText: 'illisibles' });
    await expect(alert).toHaveCount(1);
    await expectTexts(alert, ['QuickBooks', reason, /conservées telles quelles et copiées à part/]);
    await expect(alert.getByRole('button', { name: 'Télécharger les données illisibles' })).toBeVisible();
    await expect(alert.getByRole('button', { name: 'Recommencer avec la démo' })).toBeVisible();

    // Left byte for byte as it was, and copied under …/illisible.
    const afterStart = await storage(page);
    expect(afterStart[QB_KEY]).toBe(original);
    expect(afterStart[QB_BACKUP]).toBe(original);
    const qbAtStart = only(afterStart, QB_KEY);

    // The app works on the demo data.
    await expect(page.getByRole('heading', { level: 2, name: 'Aperçu' })).toBeVisible();
    for (const name of DEMO_APPS) await expect(rowByLinkOrButton(page, name)).toHaveCount(1);
    await expect(rowByLinkOrButton(page, 'Caisse Horizon')).toHaveCount(0);

    // A command works in memory and writes nothing over the unreadable data.
    await connectQb(page, 'Relances Pro', 'relances');
    await goToSection(page, 'Aperçu');
    await expect(rowByLinkOrButton(page, 'Relances Pro')).toHaveCount(1);
    await expect(alert).toHaveCount(1);
    expect(only(await storage(page), QB_KEY), 'no QuickBooks key written or removed').toEqual(qbAtStart);

    // The unreadable text can be downloaded as it was.
    const file = await downloadOf(page, () =>
      alert.getByRole('button', { name: 'Télécharger les données illisibles' }).click(),
    );
    expect(file.name).toBe('mes-apps-quickbooks-illisible.txt');
    expect(file.text).toBe(original);

    // Expert-Comptable is unaffected: its own data, no change to its keys.
    await page.getByLabel('Produit', { exact: true }).selectOption({ label: 'QuickBooks Expert-Comptable' });
    await expect(page.getByRole('heading', { level: 2, name: 'Applis du cabinet' })).toBeVisible();
    await expect(rowByLinkOrButton(page, 'Paie Facile')).toHaveCount(1);
    expect(only(await storage(page), EC_PREFIX)).toEqual(ecBefore);
    await page.getByLabel('Produit', { exact: true }).selectOption({ label: 'QuickBooks' });
    await expect(page.getByRole('heading', { level: 2, name: 'Aperçu' })).toBeVisible();

    // Starting over with the demo replaces it, and saving works again.
    await alert.getByRole('button', { name: 'Recommencer avec la démo' }).click();
    await expect(alert).toHaveCount(0);
    await expect(status(page, 'QuickBooks repart des données de démonstration')).toBeVisible();
    let now = await storage(page);
    let envelope = JSON.parse(now[QB_KEY]);
    expect(envelope.schema).toBe(2);
    expect(Number.isInteger(envelope.revision)).toBe(true);
    expect(envelope.data.product).toBe('quickbooks');
    expect(envelope.data.connections.map((c) => c.app).sort()).toEqual(
      ['banque-sereine', 'notes-eclair', 'stock-malin', 'tableau-clair'],
    );
    // The copy stays, for the user to keep.
    expect(now[QB_BACKUP]).toBe(original);

    await connectQb(page, 'Paie Facile', 'paie facile');
    now = await storage(page);
    const saved = JSON.parse(now[QB_KEY]);
    expect(saved.revision).toBe(envelope.revision + 1);
    expect(saved.data.connections.map((c) => c.app)).toContain('paie-facile');
    expect(only(now, EC_PREFIX)).toEqual(ecBefore);

    // For good: a reload reads it without complaint.
    await page.reload();
    await expect(page.locator('.ma-loading')).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await goToSection(page, 'Aperçu');
    await expect(rowByLinkOrButton(page, 'Paie Facile')).toHaveCount(1);
    await expect(rowByLinkOrButton(page, 'Relances Pro')).toHaveCount(0);
    for (const name of DEMO_APPS) await expect(rowByLinkOrButton(page, name)).toHaveCount(1);
  });
}

// ---------------------------------------------------------------------------------------
// 2. Blocked storage.

test('blocked storage: one warning, and the app works in memory', async ({ page }) => {
  await blockStorage(page);
  await open(page, OVERVIEW);

  // Warned once.
  const alerts = page.getByRole('alert');
  await expect(alerts).toHaveCount(1);
  await expect(alerts).toContainText(/bloque le stockage/);
  await expect(alerts).toContainText(/restent dans cet onglet/);

  // Works in memory.
  for (const name of DEMO_APPS) await expect(rowByLinkOrButton(page, name)).toHaveCount(1);
  await connectQb(page, 'Caisse Horizon', 'caisse');
  await page.getByLabel('Compte de ventes', { exact: true }).fill('706000');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(status(page, 'Paramètres de Caisse Horizon enregistrés')).toBeVisible();
  await goToSection(page, 'Aperçu');
  await expect(rowByLinkOrButton(page, 'Caisse Horizon')).toHaveCount(1);
  await expect(rowByLinkOrButton(page, 'Caisse Horizon')).toContainText('Claire Martin (vous)');

  // Between sections, the other product, another user: nothing breaks, still one warning.
  await goToSection(page, 'Journal');
  await expect(journalEntries(page).nth(0)).toContainText('Caisse Horizon');
  await expect(journalEntries(page).nth(1)).toContainText('Caisse Horizon');
  await goToSection(page, 'Sauvegarde');
  await actAs(page, 'Julien Petit');
  await page.getByLabel('Produit', { exact: true }).selectOption({ label: 'QuickBooks Expert-Comptable' });
  await expect(page.getByRole('heading', { level: 2, name: 'Applis du cabinet' })).toBeVisible();
  await installEc(page, 'Relances Pro', 'relances', 'Garage Lefèvre');
  await goToSection(page, 'Applis clientes');
  await expect(rowByLinkOrButton(page, 'Relances Pro')).toHaveCount(1);
  await page.getByLabel('Produit', { exact: true }).selectOption({ label: 'QuickBooks' });
  await expect(page.getByRole('heading', { level: 2, name: 'Aperçu' })).toBeVisible();
  await expect(rowByLinkOrButton(page, 'Caisse Horizon')).toHaveCount(1);
  await expect(rowByLinkOrButton(page, 'Stock Malin')).toContainText('Julien Petit (vous)');
  await expect(alerts).toHaveCount(1);
  await expect(alerts).toContainText(/bloque le stockage/);
});

test('blocked storage, where reading and writing throw: one warning, and the app works in memory', async ({ page }) => {
  await page.addInitScript(() => {
    for (const name of ['getItem', 'setItem', 'removeItem', 'key']) {
      Storage.prototype[name] = function blocked() {
        throw new DOMException('bloqué', 'SecurityError');
      };
    }
  });
  await open(page, OVERVIEW);
  const alerts = page.getByRole('alert');
  await expect(alerts).toHaveCount(1);
  await expect(alerts).toContainText(/bloque le stockage/);
  for (const name of DEMO_APPS) await expect(rowByLinkOrButton(page, name)).toHaveCount(1);
  await connectQb(page, 'Caisse Horizon', 'caisse');
  await goToSection(page, 'Aperçu');
  await expect(rowByLinkOrButton(page, 'Caisse Horizon')).toHaveCount(1);
  await goToSection(page, 'Journal');
  await expect(journalEntries(page).nth(0)).toContainText('Caisse Horizon');
  await actAs(page, 'Julien Petit');
  await goToSection(page, 'Aperçu');
  await expect(rowByLinkOrButton(page, 'Stock Malin')).toContainText('Julien Petit (vous)');
  await expect(alerts).toHaveCount(1);
});

/** Whether closing or reloading the tab now would ask first (the browser's question). */
function leavingAsks(page) {
  return page.evaluate(() => {
    const ev = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(ev);
    return ev.defaultPrevented;
  });
}

test('blocked storage: once something changed, closing or reloading the tab asks first', async ({ page }) => {
  await blockStorage(page);
  await open(page, OVERVIEW);
  expect(await leavingAsks(page), 'nothing to lose yet').toBe(false);
  await connectQb(page, 'Caisse Horizon', 'caisse');
  expect(await leavingAsks(page), 'the connection lives only in this tab').toBe(true);
  await goToSection(page, 'Aperçu');
  expect(await leavingAsks(page), 'still only in this tab').toBe(true);
});

// ---------------------------------------------------------------------------------------
// 3. Full storage.

test('full storage: the user is told, the change stays in memory, saved data intact, then saved once there is room', async ({ page }) => {
  await open(page, OVERVIEW);
  await connectQb(page, 'Caisse Horizon', 'caisse');
  await goToSection(page, 'Aperçu');

  // Another key takes everything that is left of the origin's quota.
  const fillerLength = await fillQuota(page);
  const before = only(await storage(page), QB_KEY);
  expect(JSON.parse(before[QB_KEY]).data.connections.map((c) => c.app)).toContain('caisse-horizon');

  // Acting: the change is kept and shown, the user is told the storage is full.
  await connectQb(page, 'Paie Facile', 'paie facile');
  const alert = page.getByRole('alert').filter({ hasText: /plein/ });
  await expect(alert).toHaveCount(1);
  await expect(alert).toContainText(/pas encore enregistré/);
  await expect(alert).toContainText(/intact/);
  await goToSection(page, 'Aperçu');
  await expect(rowByLinkOrButton(page, 'Paie Facile')).toHaveCount(1);
  await expect(rowByLinkOrButton(page, 'Caisse Horizon')).toHaveCount(1);

  // The other key and what was saved before are untouched.
  const otherKey = await page.evaluate(() => {
    const v = localStorage.getItem('autre-site');
    return { length: v.length, onlyX: /^x*$/.test(v) };
  });
  expect(otherKey).toEqual({ length: fillerLength, onlyX: true });
  expect(only(await storage(page), QB_KEY)).toEqual(before);
  // Closing or reloading the tab now would lose the change: the browser asks first.
  expect(await leavingAsks(page)).toBe(true);

  // Room again: "Réessayer l'enregistrement" writes everything.
  await page.evaluate(() => localStorage.removeItem('autre-site'));
  await alert.getByRole('button', { name: "Réessayer l'enregistrement" }).click();
  await expect(alert).toHaveCount(0);
  await expect(status(page, 'Vos changements sont enregistrés')).toBeVisible();
  expect(await leavingAsks(page)).toBe(false);
  const saved = JSON.parse((await storage(page))[QB_KEY]);
  expect(saved.data.connections.map((c) => c.app)).toEqual(expect.arrayContaining(['caisse-horizon', 'paie-facile']));

  // Both changes survive a reload, journal included.
  await page.reload();
  await expect(page.locator('.ma-loading')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(rowByLinkOrButton(page, 'Caisse Horizon')).toHaveCount(1);
  await expect(rowByLinkOrButton(page, 'Paie Facile')).toHaveCount(1);
  await goToSection(page, 'Journal');
  await expect(journalEntries(page).nth(0)).toContainText('Paie Facile');
  await expect(journalEntries(page).nth(1)).toContainText('Caisse Horizon');
});

test('full storage: acting again once there is room saves both changes', async ({ page }) => {
  await open(page, OVERVIEW);
  await connectQb(page, 'Caisse Horizon', 'caisse');
  await fillQuota(page);
  const before = only(await storage(page), QB_KEY);
  await connectQb(page, 'Paie Facile', 'paie facile');
  const alert = page.getByRole('alert').filter({ hasText: /plein/ });
  await expect(alert).toHaveCount(1);
  expect(only(await storage(page), QB_KEY)).toEqual(before);

  await page.evaluate(() => localStorage.removeItem('autre-site'));
  await connectQb(page, 'Relances Pro', 'relances');
  await expect(alert).toHaveCount(0);
  const saved = JSON.parse((await storage(page))[QB_KEY]);
  expect(saved.data.connections.map((c) => c.app)).toEqual(
    expect.arrayContaining(['caisse-horizon', 'paie-facile', 'relances-pro']),
  );
  await page.reload();
  await expect(page.locator('.ma-loading')).toHaveCount(0);
  await goToSection(page, 'Aperçu');
  for (const name of ['Caisse Horizon', 'Paie Facile', 'Relances Pro']) {
    await expect(rowByLinkOrButton(page, name)).toHaveCount(1);
  }
});

test('full storage, room for the journal but not for the envelope: what was saved stays readable and intact', async ({ page }) => {
  await open(page, OVERVIEW);
  await connectQb(page, 'Caisse Horizon', 'caisse');
  const before = only(await storage(page), QB_KEY);
  const { generation, length } = JSON.parse(before[QB_KEY]).data.journal;
  const chunkKey = `${QB_KEY}/journal/${generation}/0`;
  // What the journal chunk grows by when Paie Facile is connected, at most: the last entry
  // is Caisse Horizon's connection by the same user, whose app name is longer (the
  // timestamps have 13 digits both). The envelope grows by far more: a whole connection
  // with its settings.
  const last = JSON.parse(before[chunkKey]).at(-1);
  expect(entry(last).app).toBe('caisse-horizon');
  const growth = JSON.stringify(last).length + 2;
  const max = await fillQuota(page);
  const room = growth + 20;
  await page.evaluate((n) => localStorage.setItem('autre-site', 'x'.repeat(n)), max - room);

  await connectQb(page, 'Paie Facile', 'paie facile');
  await expect(page.getByRole('alert').filter({ hasText: /plein/ })).toHaveCount(1);
  const after = only(await storage(page), QB_KEY);
  expect(after[QB_KEY], 'the envelope is untouched').toBe(before[QB_KEY]);
  // The chunk was written before the envelope failed, so it holds the new entry: the
  // envelope's length says it is not part of the journal.
  const chunk = JSON.parse(after[chunkKey]);
  expect(chunk, 'this case is the one where the chunk was written').toHaveLength(length + 1);
  expect(chunk.slice(0, length)).toEqual(JSON.parse(before[chunkKey]));

  // Reloaded without saving again: the saved state, complete and readable, no alert.
  await page.reload();
  await expect(page.locator('.ma-loading')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await goToSection(page, 'Aperçu');
  await expect(rowByLinkOrButton(page, 'Caisse Horizon')).toHaveCount(1);
  await expect(rowByLinkOrButton(page, 'Paie Facile')).toHaveCount(0);
  await goToSection(page, 'Journal');
  await expect(soleStatus(page, /entrées$/)).toHaveText(`${length} entrées`);
  await expect(journalEntries(page).nth(0)).toContainText('Caisse Horizon');

  // And saving goes on from there once there is room.
  await page.evaluate(() => localStorage.removeItem('autre-site'));
  await connectQb(page, 'Relances Pro', 'relances');
  const saved = JSON.parse((await storage(page))[QB_KEY]);
  expect(saved.data.journal.length).toBe(length + 1);
  await page.reload();
  await expect(page.locator('.ma-loading')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await goToSection(page, 'Journal');
  await expect(journalEntries(page).nth(0)).toContainText('Relances Pro');
  await expect(journalEntries(page).nth(1)).toContainText('Caisse Horizon');
  await expect(journalEntries(page).filter({ hasText: 'Paie Facile' })).toHaveCount(0);
});

// ---------------------------------------------------------------------------------------
// 4. Two tabs.

test('two tabs: each connects a different app, both changes are kept and each tab shows the other’s', async ({ page, context }) => {
  const a = page;
  const b = await context.newPage();
  const bProblems = await watch(b);
  await open(a, OVERVIEW);
  await open(b, OVERVIEW);
  for (const p of [a, b]) {
    await expect(p.getByRole('heading', { level: 2, name: 'Aperçu' })).toBeVisible();
    await expect(rowByLinkOrButton(p, 'Caisse Horizon')).toHaveCount(0);
    await expect(rowByLinkOrButton(p, 'Paie Facile')).toHaveCount(0);
  }

  // Tab A connects Caisse Horizon; tab B, without reloading, sees it.
  await connectQb(a, 'Caisse Horizon', 'caisse');
  await expect(rowByLinkOrButton(b, 'Caisse Horizon')).toHaveCount(1);
  const bBanner = b.getByRole('alert').filter({ hasText: 'modifiées dans un autre onglet' });
  await expect(bBanner).toHaveCount(1);
  await expect(bBanner).toContainText('QuickBooks');
  await expect(status(b, 'mis à jour depuis un autre onglet')).toBeAttached();

  // Tab B connects Paie Facile; tab A, without reloading, sees it.
  await connectQb(b, 'Paie Facile', 'paie facile');
  await goToSection(a, 'Aperçu');
  await expect(rowByLinkOrButton(a, 'Paie Facile')).toHaveCount(1);
  await expect(rowByLinkOrButton(a, 'Caisse Horizon')).toHaveCount(1);
  const aBanner = a.getByRole('alert').filter({ hasText: 'modifiées dans un autre onglet' });
  await expect(aBanner).toHaveCount(1);
  await goToSection(b, 'Aperçu');
  await expect(rowByLinkOrButton(b, 'Paie Facile')).toHaveCount(1);
  await expect(rowByLinkOrButton(b, 'Caisse Horizon')).toHaveCount(1);
  for (const name of DEMO_APPS) {
    await expect(rowByLinkOrButton(a, name)).toHaveCount(1);
    await expect(rowByLinkOrButton(b, name)).toHaveCount(1);
  }

  // Both in storage and in the journal.
  const stored = await storage(a);
  const envelope = JSON.parse(stored[QB_KEY]);
  expect(envelope.data.connections.map((c) => c.app)).toEqual(
    expect.arrayContaining(['caisse-horizon', 'paie-facile', ...['banque-sereine', 'tableau-clair', 'stock-malin', 'notes-eclair']]),
  );
  const journal = storedJournal(stored);
  const connections = journal.filter((e) => e.event === 'connection').map((e) => e.app);
  expect(connections).toEqual(expect.arrayContaining(['caisse-horizon', 'paie-facile']));
  const seqs = journal.map((e) => e.seq);
  expect(new Set(seqs).size, 'no journal entry written twice').toBe(seqs.length);

  for (const p of [a, b]) {
    await goToSection(p, 'Journal');
    await expect(journalEntries(p).nth(0)).toContainText('Paie Facile');
    await expect(journalEntries(p).nth(1)).toContainText('Caisse Horizon');
  }

  // And after a reload, of course.
  await b.reload();
  await expect(b.locator('.ma-loading')).toHaveCount(0);
  await goToSection(b, 'Aperçu');
  await expect(rowByLinkOrButton(b, 'Paie Facile')).toHaveCount(1);
  await expect(rowByLinkOrButton(b, 'Caisse Horizon')).toHaveCount(1);
  expect(bProblems, 'tab B: no page error, panic, rejection or CSP violation').toEqual([]);
});

/** Keeps this tab from hearing other tabs' writes (a frozen or busy tab hears them late). */
async function deafToOtherTabs(page) {
  await page.addInitScript(() => {
    window.addEventListener('storage', (e) => e.stopImmediatePropagation(), true);
  });
}

/**
 * Tab A (`page`) and a second tab B of its context that does not hear A's writes, both
 * on Aperçu. Returns them and the list of B's problems, which the test checks at its end.
 */
async function deafSecondTab(page, context) {
  const b = await context.newPage();
  const bProblems = await watch(b);
  await deafToOtherTabs(b);
  await open(page, OVERVIEW);
  await open(b, OVERVIEW);
  return { a: page, b, bProblems };
}

test('two tabs, the storage event not heard yet: the command catches up with the other tab and keeps both changes', async ({ page, context }) => {
  const { a, b, bProblems } = await deafSecondTab(page, context);

  await connectQb(a, 'Caisse Horizon', 'caisse');
  // B still shows what it loaded, then acts on it.
  await expect(rowByLinkOrButton(b, 'Caisse Horizon')).toHaveCount(0);
  await connectQb(b, 'Paie Facile', 'paie facile');
  await expect(b.getByRole('alert').filter({ hasText: 'modifiées dans un autre onglet' })).toHaveCount(1);
  await goToSection(b, 'Aperçu');
  await expect(rowByLinkOrButton(b, 'Caisse Horizon')).toHaveCount(1);
  await expect(rowByLinkOrButton(b, 'Paie Facile')).toHaveCount(1);

  const envelope = JSON.parse((await storage(a))[QB_KEY]);
  expect(envelope.data.connections.map((c) => c.app)).toEqual(expect.arrayContaining(['caisse-horizon', 'paie-facile']));
  await goToSection(a, 'Aperçu');
  await expect(rowByLinkOrButton(a, 'Paie Facile')).toHaveCount(1);
  for (const p of [a, b]) {
    await goToSection(p, 'Journal');
    await expect(journalEntries(p).nth(0)).toContainText('Paie Facile');
    await expect(journalEntries(p).nth(1)).toContainText('Caisse Horizon');
  }
  expect(bProblems, 'tab B: no page error, panic, rejection or CSP violation').toEqual([]);
});

test('two tabs, a command that no longer applies: refused with a reason, and the tab then shows the other tab’s changes', async ({ page, context }) => {
  const { a, b, bProblems } = await deafSecondTab(page, context);

  // Tab A disconnects Notes Éclair and connects Caisse Horizon.
  await chooseFromMenu(a, 'Notes Éclair', 'Déconnectez-vous');
  const aDialog = dialogNamed(a, /Notes Éclair/);
  await aDialog.getByRole('radio', { name: "Je n'en ai plus besoin" }).check();
  await aDialog.getByRole('button', { name: 'Déconnecter', exact: true }).click();
  await expect(rowByLinkOrButton(a, 'Notes Éclair')).toHaveCount(0);
  await connectQb(a, 'Caisse Horizon', 'caisse');
  const saved = (await storage(a))[QB_KEY];

  // Tab B, which has not heard of it, tries to disconnect Notes Éclair too.
  await expect(rowByLinkOrButton(b, 'Notes Éclair')).toHaveCount(1);
  await chooseFromMenu(b, 'Notes Éclair', 'Déconnectez-vous');
  const bDialog = dialogNamed(b, /Notes Éclair/);
  await bDialog.getByRole('radio', { name: 'Elle coûte trop cher' }).check();
  await bDialog.getByRole('button', { name: 'Déconnecter', exact: true }).click();
  // Refused, with the reason; nothing written.
  await expect(bDialog.getByRole('alert')).toContainText("Notes Éclair n'est pas connectée à Boulangerie Martin");
  expect((await storage(b))[QB_KEY]).toBe(saved);
  await bDialog.getByRole('button', { name: 'Annuler', exact: true }).click();
  await expect(bDialog).toBeHidden();

  // B now shows the state it just read: A's changes, and says where they came from.
  // (Soft, so that each of the three is reported.)
  await expect.soft(rowByLinkOrButton(b, 'Notes Éclair'), 'the refused app is no longer listed in tab B').toHaveCount(0);
  await expect.soft(rowByLinkOrButton(b, 'Caisse Horizon'), "tab A's connection is shown in tab B").toHaveCount(1);
  await expect
    .soft(b.getByRole('alert').filter({ hasText: 'modifiées dans un autre onglet' }), 'tab B is told it was updated from another tab')
    .toHaveCount(1);
  // Leaving the section and coming back shows the newer state: it was loaded, only not shown.
  await goToSection(b, 'Journal');
  await goToSection(b, 'Aperçu');
  await expect(rowByLinkOrButton(b, 'Notes Éclair')).toHaveCount(0);
  await expect(rowByLinkOrButton(b, 'Caisse Horizon')).toHaveCount(1);
  expect(bProblems, 'tab B: no page error, panic, rejection or CSP violation').toEqual([]);
});

test('two tabs: unreadable data written by another tab is never overwritten by this one', async ({ page, context }) => {
  await open(page, OVERVIEW);
  await connectQb(page, 'Caisse Horizon', 'caisse');
  const other = await context.newPage();
  const otherProblems = await watch(other);
  await open(other, `${QB}/journal`);
  // Another tab (an older or newer version of the app, a user in devtools…) writes data
  // this version cannot read.
  const bad = '{"schema":99,"revision":7,"data":"venue d\'ailleurs"}';
  await other.evaluate((bad) => localStorage.setItem('mes-apps/quickbooks', bad), bad);
  const alert = page.getByRole('alert').filter({ hasText: 'illisibles' });
  await expect(alert).toHaveCount(1);
  await expect(alert).toContainText('schéma 99');
  expect((await storage(page))[QB_BACKUP]).toBe(bad);

  // This tab keeps working in memory and writes nothing over it.
  await connectQb(page, 'Paie Facile', 'paie facile');
  await goToSection(page, 'Aperçu');
  await expect(rowByLinkOrButton(page, 'Paie Facile')).toHaveCount(1);
  expect((await storage(page))[QB_KEY]).toBe(bad);
  const file = await downloadOf(page, () =>
    alert.getByRole('button', { name: 'Télécharger les données illisibles' }).click(),
  );
  expect(file.text).toBe(bad);
  expect(otherProblems).toEqual([]);
});

// ---------------------------------------------------------------------------------------
// 5. Hostile import files.

/** What the user and storage see of the QuickBooks data, to prove it did not change. */
async function snapshot(page) {
  await goToSection(page, 'Aperçu');
  const rows = await page.getByRole('row').allInnerTexts();
  await goToSection(page, 'Journal');
  const journal = await journalEntries(page).allInnerTexts();
  const stored = only(await storage(page), QB_KEY);
  return { rows, journal, stored };
}

/** Sets up real saved data and returns a valid export of it, parsed. */
async function exportQb(page) {
  await open(page, OVERVIEW);
  await connectQb(page, 'Caisse Horizon', 'caisse');
  await goToSection(page, 'Sauvegarde');
  const file = await downloadOf(page, () => page.getByRole('button', { name: 'Exporter les données' }).click());
  expect(file.name).toMatch(/^mes-apps-quickbooks-\d{4}-\d{2}-\d{2}\.json$/);
  const parsed = JSON.parse(file.text);
  expect(parsed.format).toBe('mes-apps');
  expect(parsed.data.connections.map((c) => c.app)).toContain('caisse-horizon');
  return parsed;
}

async function importFile(page, name, text, mimeType = 'application/json') {
  await goToSection(page, 'Sauvegarde');
  await page.getByLabel('Fichier à importer', { exact: true }).setInputFiles({
    name,
    mimeType,
    buffer: Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'),
  });
}

/** Confirms the replacement the import dialog asks about. */
async function confirmImport(page) {
  const dialog = dialogNamed(page, /^Remplacer les données de /);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Remplacer les données' }).click();
  await expect(dialog).toHaveCount(0);
}

const HOSTILE = {
  'over 5 MB': (valid) => {
    const text = JSON.stringify(valid, null, 2);
    return {
      text: text + ' '.repeat(5 * 1024 * 1024 + 100 * 1024 - Buffer.byteLength(text)),
      expected: [/Le fichier pèse 5,1 Mo : 5 Mo au maximum\./],
    };
  },
  '10,000-level nesting': () => ({
    text: `{"format":"mes-apps","schema":1,"data":${'['.repeat(10000)}${']'.repeat(10000)}}`,
    expected: [/Structure trop imbriquée : 10001 niveaux/, /32 au plus/],
  }),
  'wrong types (since a string)': (valid) => {
    valid.data.connections[0].since = 'hier';
    return {
      text: JSON.stringify(valid, null, 2),
      expected: [/data\.connections\[0\]\.since : type de valeur incorrect \(ligne \d+, colonne \d+\)/],
    };
  },
  'unknown references (app, user, company)': (valid) => {
    valid.data.connections[0].app = 'appli-fantome';
    valid.data.connections[1].manager = 'utilisateur-fantome';
    valid.data.connections[2].company = 'entreprise-fantome';
    return {
      text: JSON.stringify(valid, null, 2),
      expected: [
        /data\.connections\[0\]\.app : appli inconnue « appli-fantome »/,
        /data\.connections\[1\]\.manager : utilisateur inconnu « utilisateur-fantome »/,
        /data\.connections\[2\]\.company : entreprise inconnue « entreprise-fantome »/,
      ],
      count: 3,
    };
  },
  'names too long (121 characters) or holding control characters': (valid) => {
    valid.data.users[0].name = 'N'.repeat(121);
    valid.data.companies[0].name = 'Boulangerie\u0007Martin';
    return {
      text: JSON.stringify(valid, null, 2),
      expected: [
        /data\.users\[0\]\.name : nom vide, trop long \(120 caractères au maximum\)/,
        /data\.companies\[0\]\.name : nom contenant des caractères de contrôle/,
      ],
      count: 2,
    };
  },
  'not JSON at all': () => ({
    text: '<html><script>alert(1)</script></html>',
    expected: [/ce n'est pas du JSON valide/],
  }),
  "the other product's data": (valid) => {
    valid.data.product = 'expert-comptable';
    return { text: JSON.stringify(valid), expected: [/ces données concernent QuickBooks Expert-Comptable, pas QuickBooks/] };
  },
};

for (const [kind, make] of Object.entries(HOSTILE)) {
  test(`hostile import, ${kind}: refused with a precise French message, nothing changes`, async ({ page }) => {
    const valid = await exportQb(page);
    const before = await snapshot(page);
    const { text, expected, count } = make(structuredClone(valid));

    await importFile(page, `hostile-${kind.replace(/\W+/g, '-')}.json`, text);
    const refusal = page.getByRole('alert').filter({ hasText: "Ce fichier n'a pas été importé" });
    await expect(refusal).toBeVisible();
    await expect(refusal).toContainText('vos données n\'ont pas changé');
    for (const e of expected) await expect(refusal).toContainText(fr(e));
    if (count) await expect(refusal.getByRole('listitem')).toHaveCount(count);
    await expect(soleStatus(page, 'remplacées')).toHaveCount(0);

    expect(await snapshot(page)).toEqual(before);

    // A valid file still goes through afterwards: the page keeps working.
    await importFile(page, 'valide.json', JSON.stringify(valid));
    await confirmImport(page);
    await expect(status(page, 'Les données de QuickBooks ont été remplacées par celles du fichier')).toBeVisible();
    await expect(refusal).toHaveCount(0);
    const after = await snapshot(page);
    expect(after.rows).toEqual(before.rows);
    expect(after.journal).toEqual(before.journal);
  });
}

test('an import asks before replacing, and export and import are the primary admin\'s', async ({ page }) => {
  const valid = await exportQb(page);
  // Change the file so that replacing shows: one connection fewer.
  valid.data.connections.pop();
  const before = await snapshot(page);
  await importFile(page, 'moins.json', JSON.stringify(valid));
  const dialog = dialogNamed(page, 'Remplacer les données de QuickBooks ?');
  await expect(dialog).toContainText(`et ${valid.data.connections.length} connexions. Il remplacera`);
  await expect(dialog.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(await snapshot(page)).toEqual(before);
  await importFile(page, 'moins.json', JSON.stringify(valid));
  await dialog.getByRole('button', { name: 'Remplacer les données' }).click();
  await expect(status(page, 'ont été remplacées par celles du fichier')).toBeVisible();
  expect((await snapshot(page)).rows.length).toBe(before.rows.length - 1);

  // An administrator or a standard user is told who may, and cannot act.
  await goToSection(page, 'Sauvegarde');
  for (const who of ['Julien Petit', 'Sophie Bernard']) {
    await actAs(page, who);
    await expect(page.getByText('vous ne pouvez pas exporter ou importer les données')).toBeVisible();
    await expect(page.getByText('Demandez à Claire Martin')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Exporter les données' })).toBeDisabled();
    await expect(page.getByLabel('Fichier à importer', { exact: true })).toBeDisabled();
  }
});

test('hostile import, names holding HTML in an otherwise valid export: accepted, shown as inert text', async ({ page }) => {
  const dialogs = [];
  page.on('dialog', async (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    await d.dismiss();
  });
  const IMG = '<img src=x onerror=alert(1)>';
  const SCRIPT = '<script>alert(1)</script>';
  const SVG = '"><svg onload=alert(1)>';
  const valid = await exportQb(page);
  const hostile = structuredClone(valid);
  const claire = hostile.data.users.find((u) => u.id === 'claire-martin');
  claire.name = IMG;
  hostile.data.users.find((u) => u.id === 'julien-petit').name = SVG;
  hostile.data.companies[0].name = SCRIPT;

  const count = () =>
    page.evaluate(() => ({
      img: document.querySelectorAll('img').length,
      script: document.querySelectorAll('script').length,
      // The État column's icons are the app's own drawings; any other svg came from data.
      svg: document.querySelectorAll('svg:not(.ma-health__icon)').length,
      handlers: document.querySelectorAll('[onerror],[onload]').length,
    }));
  const elementsBefore = await count();

  await importFile(page, 'noms.json', JSON.stringify(hostile, null, 2));
  await confirmImport(page);
  await expect(status(page, 'Les données de ' + 'QuickBooks ont été remplacées par celles du fichier')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  const check = async () => {
    // The literal text is visible: in the Utilisateur control and the header.
    const user = page.getByLabel('Utilisateur', { exact: true });
    await expect(user.locator('option', { hasText: IMG })).toHaveCount(1);
    await expect(user.locator('option:checked')).toHaveText(new RegExp(IMG.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await expect(user.locator('option', { hasText: SVG })).toHaveCount(1);
    await expect(page.locator('.ma-brand__company')).toHaveText(SCRIPT);
    await expect(page.getByText(SCRIPT, { exact: true }).first()).toBeVisible();
    // The journal names them as text too.
    await goToSection(page, 'Journal');
    await expect(journalEntries(page).filter({ hasText: `Par ${IMG}` }).first()).toBeVisible();
    await expect(journalEntries(page).filter({ hasText: SCRIPT }).first()).toBeVisible();
    await goToSection(page, 'Aperçu');
    await expect(rowByLinkOrButton(page, 'Caisse Horizon')).toContainText(`${IMG} (vous)`);
    await expect(rowByLinkOrButton(page, 'Stock Malin')).toContainText(SVG);
    // No element was made from them, and nothing ran.
    expect(await count()).toEqual(elementsBefore);
    expect(await page.evaluate(() => document.body.innerHTML.includes('<img src=x'))).toBe(false);
    expect(dialogs, 'no alert ran').toEqual([]);
  };
  await check();

  // Saved, and as inert once read back from storage.
  const stored = JSON.parse((await storage(page))[QB_KEY]);
  expect(stored.data.users.find((u) => u.id === 'claire-martin').name).toBe(IMG);
  await page.reload();
  await expect(page.locator('.ma-loading')).toHaveCount(0);
  await check();
  await page.waitForTimeout(300);
  expect(dialogs, 'no alert ran').toEqual([]);
});

// ---------------------------------------------------------------------------------------
// 6. Over-long text in every input.

test('over-long text: the questionnaire’s "Autre" is bounded to 500 characters, and more is refused', async ({ page, context }) => {
  await open(page, OVERVIEW);
  await chooseFromMenu(page, 'Notes Éclair', 'Déconnectez-vous');
  const dialog = dialogNamed(page, /Notes Éclair/);
  await dialog.getByRole('radio', { name: 'Autre' }).check();
  const other = dialog.getByRole('textbox', { name: 'Précisez la raison' });
  const confirm = dialog.getByRole('button', { name: 'Déconnecter', exact: true });

  // Typed: bounded to 500.
  await other.fill('a'.repeat(650));
  await expect(other).toHaveJSProperty('value.length', 500);
  await expect(dialog.getByText("500 / 500 caractères : c'est le maximum.")).toBeVisible();
  await expect(confirm).toBeEnabled();

  // Pasted: bounded to 500 too.
  await other.fill('');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((t) => navigator.clipboard.writeText(t), 'b'.repeat(700));
  await other.focus();
  await page.keyboard.press('ControlOrMeta+V');
  await expect(other).toHaveJSProperty('value.length', 500);
  await expect(confirm).toBeEnabled();

  // Past maxlength (a script, an extension): refused with a message, Déconnecter disabled.
  await forceValue(other, 'c'.repeat(620));
  await expect(dialog.getByText('620 caractères : 500 au maximum, raccourcissez le texte.')).toBeVisible();
  await expect(confirm).toBeDisabled();
  // Even a forced submission is refused by the domain, and nothing changes.
  await dialog.locator('form').evaluate((f) => f.requestSubmit());
  await expect(dialog.getByRole('alert')).toContainText('500 caractères au maximum (620 saisis)');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Annuler', exact: true }).click();
  await expect(rowByLinkOrButton(page, 'Notes Éclair')).toHaveCount(1);
  await goToSection(page, 'Journal');
  await expect(journalEntries(page).filter({ hasText: 'ccccc' })).toHaveCount(0);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('mes-apps/quickbooks')))).toEqual([]);

  // 500 characters exactly go through.
  await goToSection(page, 'Aperçu');
  await chooseFromMenu(page, 'Notes Éclair', 'Déconnectez-vous');
  await dialog.getByRole('radio', { name: 'Autre' }).check();
  await other.fill('d'.repeat(600));
  await confirm.click();
  await expect(dialog).toBeHidden();
  await expect(rowByLinkOrButton(page, 'Notes Éclair')).toHaveCount(0);
  const last = storedJournal(await storage(page)).at(-1);
  expect(last.app).toBe('notes-eclair');
  expect(last.event.disconnection.answers.other).toBe('d'.repeat(500));
});

for (const [name, query] of [
  ['Factures Express', 'factures express'],
  ['Paie Facile', 'paie facile'],
  ['Lettre Colibri', 'colibri'],
]) {
  test(`over-long text in every text setting of ${name}: bounded when typed, refused next to the field when forced, nothing saved`, async ({ page }) => {
    await open(page, OVERVIEW);
    await connectQb(page, name, query);
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Enregistrer', exact: true }) });
    const fields = form.locator('input[type=text], input[type=email]');
    const n = await fields.count();
    expect(n).toBeGreaterThan(0);
    const before = only(await storage(page), QB_KEY);

    // Typed far past the limit: each field keeps at most its maximum.
    const limits = [];
    for (let i = 0; i < n; i += 1) {
      const field = fields.nth(i);
      const max = Number(await field.getAttribute('maxlength'));
      expect(max, 'each text setting has a maximum').toBeGreaterThan(0);
      limits.push(max);
      await field.fill('7'.repeat(600));
      await expect(field).toHaveJSProperty('value.length', max);
      await expect(form.getByText(`${max} / ${max} caractères : c'est le maximum.`).first()).toBeVisible();
    }

    // Forced past the limit: Enregistrer refuses each, next to the field; nothing saved.
    for (let i = 0; i < n; i += 1) await forceValue(fields.nth(i), '7'.repeat(600));
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(form.getByRole('alert')).toContainText('à corriger');
    for (let i = 0; i < n; i += 1) {
      const field = fields.nth(i);
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      const message = `${limits[i]} caractères au maximum (600 saisis).`;
      const id = await field.getAttribute('id');
      await expect(page.locator('.ma-field').filter({ has: page.locator(`[id="${id}"]`) }).locator('.ma-field__error')).toHaveText(message);
      await expect(field).toHaveAccessibleDescription(fr(message));
    }
    await expect(status(page, `Paramètres de ${name} enregistrés`)).toHaveCount(0);
    expect(only(await storage(page), QB_KEY)).toEqual(before);
    await expect(page.getByText('Modifications non enregistrées')).toBeVisible();
  });
}

test('over-long text in the search box: bounded, a message, no freeze, the page keeps working', async ({ page }) => {
  await open(page, `${QB}/rechercher`);
  const box = page.getByRole('searchbox', { name: 'Rechercher des applis' });
  const hint = page.getByText('La recherche tient en 100 caractères au maximum.');

  // Typed: the box keeps 100 characters and says so.
  let started = Date.now();
  await box.fill('z'.repeat(10_000));
  await expect(box).toHaveJSProperty('value.length', 100);
  await expect(hint).toBeVisible();
  await expect(page.getByText('Aucune appli trouvée')).toBeVisible();
  await nextFrame(page);
  expect(Date.now() - started, 'no freeze').toBeLessThan(5_000);
  expect(new URL(page.url()).searchParams.get('q')?.length ?? 0).toBeLessThanOrEqual(100);

  // Forced past maxlength: only the first 100 characters are searched ("caisse", then
  // spaces; the word after them is ignored), with the message.
  const long = `caisse${' '.repeat(9_990)}zzzz`;
  started = Date.now();
  await forceValue(box, long);
  await expect(hint).toBeVisible();
  await expect(page.getByRole('link', { name: 'Caisse Horizon', exact: true })).toBeVisible();
  await nextFrame(page);
  expect(Date.now() - started, 'no freeze').toBeLessThan(5_000);

  // A 10,000-character query in the address: the same. (Spaces written as "+", as the app
  // writes them: 30,000 characters of "%20" would exceed the static server's limit on a
  // request line before the app is even reached.)
  started = Date.now();
  await open(page, `${QB}/rechercher?q=${long.replace(/ /g, '+')}`);
  await expect(hint).toBeVisible();
  await expect(page.getByRole('link', { name: 'Caisse Horizon', exact: true })).toBeVisible();
  await nextFrame(page);
  expect(Date.now() - started, 'no freeze').toBeLessThan(10_000);

  // The page keeps working.
  await box.fill('paie');
  await expect(page.getByRole('link', { name: 'Paie Facile', exact: true })).toBeVisible();
  await expect(hint).toHaveCount(0);
  await page.getByRole('link', { name: 'Paie Facile', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Paie Facile', exact: true })).toBeVisible();
  await goToSection(page, 'Aperçu');
  for (const name of DEMO_APPS) await expect(rowByLinkOrButton(page, name)).toHaveCount(1);
});

test('over-long text in "Filtrer les clients" (a firm with many clients): bounded, no freeze, still filters', async ({ page }) => {
  // Enough clients for the filter box: an export of the demo firm with 12 more clients,
  // imported back.
  await open(page, `${EC}/sauvegarde`);
  const file = await downloadOf(page, () => page.getByRole('button', { name: 'Exporter les données' }).click());
  const data = JSON.parse(file.text);
  for (let i = 1; i <= 12; i += 1) {
    const n = String(i).padStart(2, '0');
    data.data.companies.push({ id: `client-${n}`, name: `Client numéro ${n}`, kind: 'client' });
  }
  await importFile(page, 'cabinet.json', JSON.stringify(data, null, 2));
  await confirmImport(page);
  await expect(status(page, 'ont été remplacées par celles du fichier')).toBeVisible();

  await goToSection(page, 'Rechercher des applis');
  await page.getByRole('searchbox', { name: 'Rechercher des applis' }).fill('caisse');
  await page.getByRole('link', { name: 'Caisse Horizon', exact: true }).click();
  await page.getByRole('button', { name: "Obtenir l'appli" }).click();
  const dialog = dialogNamed(page, 'Obtenir Caisse Horizon');
  const filter = dialog.getByLabel('Filtrer les clients', { exact: true });
  await expect(filter).toBeVisible();
  const radios = dialog.getByRole('radio');
  await expect(radios).toHaveCount(19);

  // Typed: bounded.
  let started = Date.now();
  await filter.fill('g'.repeat(10_000));
  await expect(filter).toHaveJSProperty('value.length', 100);
  await expect(radios).toHaveCount(1); // the firm stays
  await nextFrame(page);
  expect(Date.now() - started, 'no freeze').toBeLessThan(5_000);

  // Forced past maxlength: no freeze, no crash.
  started = Date.now();
  await forceValue(filter, 'Garage '.repeat(1_500));
  await expect(radios).toHaveCount(1);
  await nextFrame(page);
  expect(Date.now() - started, 'no freeze').toBeLessThan(5_000);

  // Still filters.
  await filter.fill('garage');
  await expect(radios).toHaveCount(2);
  await expect(dialog.getByRole('radio', { name: 'Garage Lefèvre' })).toBeVisible();
  await filter.fill('numéro 1');
  await expect(dialog.getByRole('radio', { name: 'Client numéro 10' })).toBeVisible();
  await dialog.getByRole('radio', { name: 'Client numéro 10' }).check();
  await dialog.getByRole('button', { name: 'Installer', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(status(page, 'Caisse Horizon est installée pour Client numéro 10')).toBeVisible();
});
