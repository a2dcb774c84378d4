// Writes a brotli (.br) and a gzip (.gz) copy beside each text asset and the wasm of the
// release build, for static hosts that serve precompressed files (nginx gzip_static and
// brotli_static, Netlify, sirv --brotli --gzip…): the best compression, paid once here.
//   node scripts/precompress.mjs [dist]
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const KINDS = ['.html', '.js', '.css', '.wasm', '.svg', '.json'];

function walk(d) {
  return readdirSync(d).flatMap((name) => {
    const path = join(d, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

let n = 0;
for (const path of walk(dir)) {
  if (!KINDS.includes(extname(path))) continue;
  const bytes = readFileSync(path);
  writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
  writeFileSync(`${path}.br`, brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }));
  n += 1;
}
console.log(`precompressed ${n} files in ${dir} (.br and .gz beside each)`);
