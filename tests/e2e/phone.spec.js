// On a phone (390 × 844), the header keeps every control visible and usable, yet the
// first connection of the opening section, with its Lancer button, shows without
// scrolling. Each test saves a screenshot of the first screen.
import { test, expect, QB, EC, open } from './fixtures.js';

const WIDTH = 390;
const HEIGHT = 844;

test.use({ viewport: { width: WIDTH, height: HEIGHT } });

/** Every control of the header, by role and exact accessible name. */
function headerControls(page) {
  const header = page.getByRole('banner');
  return [
    header.getByRole('link', { name: 'Accueil', exact: true }),
    header.getByRole('link', { name: 'Mes apps', exact: true }),
    header.getByRole('button', { name: 'Avancer de 30 jours', exact: true }),
    header.getByRole('button', { name: 'Réinitialiser la démo', exact: true }),
    header.getByRole('combobox', { name: 'Scénario', exact: true }),
    header.getByRole('combobox', { name: 'Produit', exact: true }),
    header.getByRole('combobox', { name: 'Utilisateur', exact: true }),
    header.getByRole('combobox', { name: 'Langue', exact: true }),
  ];
}

function overlap(a, b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

const PAGES = [
  { name: 'QuickBooks Aperçu', path: `${QB}/apercu`, heading: 'Aperçu', shot: 'apercu-390x844.png' },
  {
    name: 'Expert-Comptable Applis du cabinet',
    path: `${EC}/cabinet`,
    heading: 'Applis du cabinet',
    shot: 'cabinet-390x844.png',
  },
];

for (const { name, path, heading, shot } of PAGES) {
  test(`${name} at ${WIDTH} × ${HEIGHT}: the header fits above the first Lancer`, async ({ page }, testInfo) => {
    await open(page, path);
    await expect(page.getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible();
    const lancer = page.getByRole('table').locator('tbody tr').first().getByRole('button', { name: 'Lancer', exact: true });
    await expect(lancer).toBeVisible();

    const file = testInfo.outputPath(shot);
    await page.screenshot({ path: file });
    await testInfo.attach(shot, { path: file, contentType: 'image/png' });

    // Every header control: present, visible, on screen, big enough to touch, readable.
    const boxes = [];
    for (const control of headerControls(page)) {
      await expect(control).toBeVisible();
      const box = await control.boundingBox();
      const label = control.toString();
      expect(box, label).not.toBeNull();
      expect(box.x, label).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, label).toBeLessThanOrEqual(WIDTH);
      expect(box.y, label).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, label).toBeLessThanOrEqual(HEIGHT);
      expect(box.height, `${label}: touch target height`).toBeGreaterThanOrEqual(32);
      const fontSize = await control.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(fontSize, `${label}: font size`).toBeGreaterThanOrEqual(12);
      boxes.push({ label, box });
    }
    // No two controls overlap.
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        expect(overlap(boxes[i].box, boxes[j].box), `${boxes[i].label} overlaps ${boxes[j].label}`).toBe(false);
      }
    }

    // The first row's Lancer is on the first screen, without scrolling.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const box = await lancer.boundingBox();
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, 'the first Lancer ends within the first screen').toBeLessThanOrEqual(HEIGHT);

    // Nothing sticks out sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
  });
}
