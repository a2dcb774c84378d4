// Adds a strict Content-Security-Policy to the release build's index.html: scripts only
// from the site itself plus the inline loader scripts/assemble.mjs writes, allowed by its SHA-256 hash (computed
// here from the built file, so it always matches), WebAssembly compilation, and nothing
// else: no inline code, no plugins, no <base> element, no form posting.
//   node scripts/csp.mjs dist/index.html
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

const file = process.argv[2] ?? 'dist/index.html';
let html = readFileSync(file, 'utf8');
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  ([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`,
);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '');
// `base-uri 'none'` refuses <base>: a public URL written there moves to a meta tag, which
// the router reads instead (asset URLs are already absolute). Quoted or bare, both read.
html = html.replace(/<base href=(?:"([^"]*)"|([^\s>"]+))\s*\/?>/, (_, quoted, bare) => `<meta name="mes-apps-base" content="${quoted ?? bare}" />`);
html = html.replace(/(<meta charset="?utf-8"?\s*\/?>)/i, `$1\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
if (!html.includes('Content-Security-Policy')) {
  console.error(`csp: no <meta charset="utf-8" /> in ${file} to put the policy after`);
  process.exit(1);
}
writeFileSync(file, html);
console.log(`csp: ${hashes.length} inline script(s) allowed by hash`);
