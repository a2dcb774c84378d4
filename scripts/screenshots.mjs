// Takes the README's screenshots from the release build.
//   (sirv dist --single --port 4173 &) ; node scripts/screenshots.mjs [http://127.0.0.1:4173]
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:4173';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 760 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' });

await page.goto(`${base}/quickbooks/mes-apps/apercu`);
await page.getByRole('button', { name: "Plus d'actions pour Stock Malin" }).click();
await page.screenshot({ path: 'docs/apercu.png' });

await page.goto(`${base}/expert-comptable/mes-apps/clients`);
await page.getByRole('button', { name: 'Stock Malin' }).first().click();
await page.screenshot({ path: 'docs/applis-clientes.png' });

await browser.close();
