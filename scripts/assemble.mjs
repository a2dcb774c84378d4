// Puts a build's files in place (the last step of scripts/build.sh):
//   OUT/b/HASH/   the wasm-bindgen JS, the main module, its chunks and their loader, the
//                 stylesheet and the icon. HASH is taken from their contents: a new build
//                 gets a new folder, written once, so two builds' chunks never mix.
//   OUT/index.html  the template with the assets' links and the loader written in;
//   OUT/sw.js       the service worker that keeps this build for offline visits (from
//                   scripts/sw.js, with the build's name and file list written in).
//   node scripts/assemble.mjs BUILD_DIR OUT PUBLIC_URL MODULE_NAME [--template F] [--bare]
// --bare: the benchmark's page: no stylesheet, icon or service worker; its exports on
// window.wasmBindings.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const [from, out, publicUrl, name] = process.argv.slice(2);
const flag = (f) => process.argv.indexOf(f);
const template = flag('--template') > 0 ? process.argv[flag('--template') + 1] : 'index.html';
const bare = flag('--bare') > 0;
if (!from || !out || !publicUrl?.startsWith('/') || !publicUrl.endsWith('/') || !name) {
  console.error('assemble: BUILD_DIR OUT PUBLIC_URL(/…/) MODULE_NAME');
  process.exit(2);
}

// The build's files, by name.
const files = new Map();
for (const f of readdirSync(from).sort()) {
  if (/\.(wasm|js)$/.test(f)) files.set(f, readFileSync(join(from, f)));
}
if (!bare) {
  files.set('main.css', Buffer.from(minifyCss(readFileSync('style/main.css', 'utf8'))));
  files.set('favicon.svg', readFileSync('assets/favicon.svg'));
}
const hash = createHash('sha256');
for (const [f, bytes] of files) hash.update(f).update('\0').update(bytes).update('\0');
const build = hash.digest('hex').slice(0, 16);

rmSync(out, { recursive: true, force: true });
const dir = join(out, 'b', build);
mkdirSync(dir, { recursive: true });
for (const [f, bytes] of files) writeFileSync(join(dir, f), bytes);

const at = (f) => `${publicUrl}b/${build}/${f}`;
const head = [
  `<meta name="mes-apps-base" content="${publicUrl}" />`,
  bare ? '' : `<link rel="icon" href="${at('favicon.svg')}" type="image/svg+xml" />`,
  bare ? '' : `<link rel="stylesheet" href="${at('main.css')}" />`,
  `<link rel="modulepreload" href="${at(`${name}.js`)}" />`,
  files.has('__wasm_split.js') ? `<link rel="modulepreload" href="${at('__wasm_split.js')}" />` : '',
  `<link rel="preload" href="${at(`${name}_bg.wasm`)}" as="fetch" type="application/wasm" crossorigin="anonymous" />`,
  bare
    // The benchmark's page: its exported functions for the benchmark to call.
    ? `<script type="module">import init, * as bindings from "${at(`${name}.js`)}";await init({module_or_path:"${at(`${name}_bg.wasm`)}"});window.wasmBindings=bindings;</script>`
    : `<script type="module">import init from "${at(`${name}.js`)}";init({module_or_path:"${at(`${name}_bg.wasm`)}"});</script>`,
].filter(Boolean);
let html = readFileSync(template, 'utf8');
if (!html.includes('<!-- build: assets -->')) {
  console.error(`assemble: ${template} has no <!-- build: assets --> line`);
  process.exit(1);
}
html = html.replace('<!-- build: assets -->', head.join('\n    '));
writeFileSync(join(out, 'index.html'), html);

if (!bare) {
  // Every file a visit may need, relative to sw.js: the page and this build's folder.
  const keep = ['./', ...[...files.keys()].map((f) => `b/${build}/${f}`)];
  const sw = readFileSync('scripts/sw.js', 'utf8')
    .replace('__BUILD__', build)
    .replace('[/* __FILES__ */]', JSON.stringify(keep));
  writeFileSync(join(out, 'sw.js'), sw);
}
console.log(`assemble: build ${build}, ${files.size} files in ${dir}`);

/** Comments and indentation out; nothing else is touched. */
function minifyCss(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}
