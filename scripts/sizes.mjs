// Prints the raw, gzip and brotli bytes of the release build's wasm, JS, CSS and HTML, and
// fails (exit 1) when a byte budget is exceeded by more than 5%.
//   node scripts/sizes.mjs [dist] [--json] [--check]   (--check: exit 1 over budget)
import { readdirSync, readFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'dist';
const asJson = process.argv.includes('--json');
const check = process.argv.includes('--check');
// Brotli bytes allowed per kind of file.
const BUDGETS = { wasm: 200 * 1024 };
const TOLERANCE = 1.05;

const rows = [];
for (const name of readdirSync(dir).sort()) {
  const ext = extname(name).slice(1);
  if (!['wasm', 'js', 'css', 'html'].includes(ext) || name === '404.html') continue;
  const bytes = readFileSync(join(dir, name));
  rows.push({
    file: name,
    kind: ext,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  });
}

const failures = [];
for (const [kind, budget] of Object.entries(BUDGETS)) {
  const total = rows.filter((r) => r.kind === kind).reduce((s, r) => s + r.brotli, 0);
  if (total > budget * TOLERANCE) {
    failures.push(`${kind}: ${total} B brotli, budget ${budget} B (+5% tolerance)`);
  }
}

if (asJson) {
  console.log(JSON.stringify({ rows, failures }));
} else {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
  console.log(`${'file'.padEnd(34)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
  for (const r of rows) console.log(`${r.file.padEnd(34)}${kb(r.raw)}${kb(r.gzip)}${kb(r.brotli)}`);
  const sum = (k) => rows.reduce((s, r) => s + r[k], 0);
  console.log(`${'total'.padEnd(34)}${kb(sum('raw'))}${kb(sum('gzip'))}${kb(sum('brotli'))}`);
  for (const [kind, budget] of Object.entries(BUDGETS)) {
    console.log(`budget: ${kind} ≤ ${(budget / 1024).toFixed(0)} KB brotli`);
  }
}
if (failures.length) {
  if (!check) {
    if (asJson) process.exit(0);
    console.log(`over budget: ${failures.join('; ')}`);
    process.exit(0);
  }
  console.error(`size budget exceeded: ${failures.join('; ')}`);
  process.exit(1);
}
