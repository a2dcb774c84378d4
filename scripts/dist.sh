#!/usr/bin/env bash
# The release build in dist/: wasm-opt -Oz (binaryen 132), JS, CSS and HTML minified, a
# strict Content-Security-Policy in index.html, a 404.html copy of it for hosts that serve
# that on unknown paths, .br and .gz copies beside each asset, then the sizes. PUBLIC_URL=/sous-chemin/
# builds for a sub-path.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release --public-url "${PUBLIC_URL:-/}"
node scripts/csp.mjs dist/index.html
cp dist/index.html dist/404.html
node scripts/precompress.mjs dist
node scripts/sizes.mjs dist
