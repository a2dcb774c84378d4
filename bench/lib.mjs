// What the benchmark's measures share: statistics, the static servers, the browser's
// flags and a fresh page.
import { spawn } from 'node:child_process';

export const CHROME_ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'];

export function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const i = Math.min(s.length - 1, Math.ceil(q * s.length) - 1);
  return s[Math.max(0, i)];
}
export const median = (xs) => quantile(xs, 0.5);
export const p95 = (xs) => quantile(xs, 0.95);
export const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');

/** Serves `dir` on `port` with an SPA fallback (deep links load like on a static host),
 *  sending the precompressed brotli copies as a real host does. */
export function serve(dir, port) {
  return spawn('node_modules/.bin/sirv', [dir, '--single', '--brotli', '--gzip', '--port', String(port), '--host', '127.0.0.1', '--quiet'], { stdio: 'ignore' });
}

export async function waitUp(url) {
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no server at ${url}`);
}

/** A page in a fresh browser context (nothing stored, nothing cached). */
export async function fresh(browser, viewport = { width: 1280, height: 800 }) {
  // No service worker: every measure is of a first visit.
  const context = await browser.newContext({ viewport, locale: 'fr-FR', timezoneId: 'Europe/Paris', serviceWorkers: 'block' });
  const page = await context.newPage();
  return { context, page };
}
