#!/usr/bin/env bash
# The release build in dist/ (scripts/build.sh: split into chunks, wasm-opt -Oz, a strict
# Content-Security-Policy, a 404.html copy of index.html for hosts that serve that on
# unknown paths, the service worker, .br and .gz copies beside each file), then its sizes.
# PUBLIC_URL=/sous-chemin/ builds for a sub-path.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
node scripts/sizes.mjs dist
