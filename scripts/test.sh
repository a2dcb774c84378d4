#!/usr/bin/env bash
# Every check of Mes apps, in order; stops at the first failure. The last line is the
# summary and the exit status follows it.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

# Browser tests are the tests/web_*.rs files; the other integration tests are host-only.
# Clippy covers the workspace (the app and the bench page, bench/page); the tests are the
# app's and the texts crate's (cargo's default here is the root package alone).
web_tests=()
for f in tests/web_*.rs; do
  [ -e "$f" ] && web_tests+=(--test "$(basename "$f" .rs)")
done

steps=(
  "format|cargo fmt --all -- --check"
  "clippy (host)|cargo clippy --workspace --all-targets -- -D warnings"
  "clippy (wasm32)|cargo clippy --target wasm32-unknown-unknown --workspace --lib --bins ${web_tests[*]} -- -D warnings"
  "host tests|cargo test -p mes-apps -p mes-apps-texts"
  "browser tests (wasm-bindgen-test, headless Chromium)|cargo test --target wasm32-unknown-unknown ${web_tests[*]}"
  "release build|scripts/dist.sh"
  "size ceiling (wasm brotli)|node scripts/sizes.mjs dist --check"
  "end-to-end tests (Playwright, release build over HTTP)|playwright test"
)

start=$SECONDS
n=${#steps[@]}
i=0
for step in "${steps[@]}"; do
  i=$((i + 1))
  name=${step%%|*}
  cmd=${step#*|}
  printf '\n=== [%d/%d] %s: %s\n' "$i" "$n" "$name" "$cmd"
  if ! bash -c "$cmd"; then
    printf '\nmake test: FAILED at step %d/%d (%s) after %ds\n' "$i" "$n" "$name" $((SECONDS - start))
    exit 1
  fi
done
printf '\nmake test: PASSED, all %d steps in %ds\n' "$n" $((SECONDS - start))
