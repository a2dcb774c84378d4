#!/usr/bin/env bash
# Builds Mes apps for the browser into $OUT (default dist/), split into chunks:
#   1. cargo: the release wasm, linked with --emit-relocs so that the splitter can move code;
#   2. wasm-split-cli (wasm_split_cli_support, pinned in setup.sh): the main module, one
#      chunk per split point (the pages a first visit does not show), shared chunks, and
#      __wasm_split.js, which fetches a chunk beside itself when its split point is called;
#   3. wasm-bindgen (the version Cargo.lock names) on the main module only;
#   4. wasm-opt -Oz (binaryen 132) on every module, main and chunks alike;
#   5. scripts/assemble.mjs: the build's files under b/HASH/ (one folder per build, named by
#      its content, so that two builds' chunks never mix), index.html, 404.html, sw.js.
# Then a strict Content-Security-Policy, .br and .gz copies beside each file, the sizes.
#   scripts/build.sh                  dist/, served from /
#   PUBLIC_URL=/demo/ scripts/build.sh   for a sub-path
#   PACKAGE=mes-apps-bench OUT=target/bench-dist scripts/build.sh   the benchmark's page:
#                                     the crate bench/page in bench/index.html, no split
#                                     point, no policy (make bench adds scripts to it)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

PACKAGE=${PACKAGE:-mes-apps}
OUT=${OUT:-dist}
PUBLIC_URL=${PUBLIC_URL:-/}
work=target/web-build/$PACKAGE
rm -rf "$work"
mkdir -p "$work/split" "$work/out"

# The Cargo config's rustflags are replaced by RUSTFLAGS: erase_components is repeated here.
# mes_apps_split turns the parts into split points (src/ui/web/split.rs); SPLIT=0 leaves
# them out: the same app in one module, which make bench measures beside the split one.
# (in a target folder of its own: other flags would rebuild every dependency both ways).
split_cfg="--cfg mes_apps_split"
target=target
[ "${SPLIT:-1}" = 0 ] && split_cfg="" && target=target/one-module
RUSTFLAGS="--cfg erase_components $split_cfg -Clink-args=--emit-relocs" \
  cargo build --release --target wasm32-unknown-unknown -p "$PACKAGE" --target-dir "$target"
name=${PACKAGE//-/_}
# The app is a binary (its file keeps the dashes); the bench page a library (cdylib).
wasm="$target/wasm32-unknown-unknown/release/$name.wasm"
[ "$PACKAGE" = mes-apps ] && wasm="$target/wasm32-unknown-unknown/release/$PACKAGE.wasm"

wasm-split-cli "$wasm" "$work/split" --out-name "$name"
wasm-bindgen "$work/split/$name.wasm" --target web --no-demangle --keep-lld-exports \
  --no-typescript --out-dir "$work/out"
shopt -s nullglob
for f in "$work/split"/*.wasm "$work/split"/*.js; do
  case "$(basename "$f")" in "$name.wasm") ;; *) cp "$f" "$work/out/" ;; esac
done
for f in "$work/out"/*.wasm; do
  wasm-opt -Oz --strip-debug --strip-producers "$f" -o "$f" 2> >(grep -v 'unknown name subsection' >&2)
done

if [ "$PACKAGE" = mes-apps ]; then
  node scripts/assemble.mjs "$work/out" "$OUT" "$PUBLIC_URL" "$name"
  node scripts/csp.mjs "$OUT/index.html"
  cp "$OUT/index.html" "$OUT/404.html"
else
  node scripts/assemble.mjs "$work/out" "$OUT" "$PUBLIC_URL" "$name" --bare --template bench/index.html
fi
node scripts/precompress.mjs "$OUT"
