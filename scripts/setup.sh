#!/usr/bin/env bash
# Installs what building and testing Mes apps needs, skipping whatever is already there at
# the right version. Safe to run again: a second run installs nothing and says so.
#   scripts/setup.sh            toolchain, the splitter, wasm-bindgen CLI, npm packages
#   scripts/setup.sh --browser  the same, plus Debian's chromium and chromium-driver
#   scripts/setup.sh --bench    the same as --browser, plus the benchmark's npm packages
set -euo pipefail
cd "$(dirname "$0")/.."

# The splitter that matches wasm_split_helpers 0.2.3 (Cargo.toml): the same code
# cargo-leptos --split uses.
SPLIT_VERSION=0.2.4
TWIGGY_VERSION=0.8.0
installed=()
say() { printf 'setup: %s\n' "$*"; }

# wasm32 target
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
  installed+=("wasm32 target")
fi

# wasm-split-cli: splits the release wasm into the main module and its chunks
if ! cargo install --list | grep -qx "wasm_split_cli_support v$SPLIT_VERSION:"; then
  say "installing wasm-split-cli $SPLIT_VERSION (about 4 minutes the first time)"
  cargo install wasm_split_cli_support --version "$SPLIT_VERSION" --features build-binary --locked
  installed+=("wasm-split-cli $SPLIT_VERSION")
fi

# wasm-bindgen CLI: exactly the version Cargo.lock resolved, for the build and the test runner
wbg=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$wbg" ]; then
  echo "setup: Cargo.lock names no wasm-bindgen version" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wbg" ]; then
  say "installing wasm-bindgen-cli $wbg"
  # Not --locked: the registry index here lags one of its locked dependencies.
  cargo install wasm-bindgen-cli --version "$wbg" --force
  installed+=("wasm-bindgen-cli $wbg")
fi

# npm packages (binaryen's wasm-opt, Playwright's runner, the static server, axe-core)
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  installed+=("npm packages")
fi

# The benchmark's own packages (Fuse.js, Lighthouse), kept apart from the test tools, and
# twiggy for the wasm's size breakdown
if [ "${1:-}" = "--bench" ]; then
  if [ "$(twiggy --version 2>/dev/null || true)" != "twiggy-opt $TWIGGY_VERSION" ]; then
    say "installing twiggy $TWIGGY_VERSION (about 3 minutes the first time)"
    cargo install twiggy --version "$TWIGGY_VERSION" --locked
    installed+=("twiggy $TWIGGY_VERSION")
  fi
  if [ ! -f bench/node_modules/.package-lock.json ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
    say "installing the benchmark's npm packages"
    PUPPETEER_SKIP_DOWNLOAD=1 npm ci --prefix bench --no-audit --no-fund
    installed+=("bench npm packages")
  fi
fi

# Debian's Chromium and its driver, for browser tests (never a downloaded browser)
if [ "${1:-}" = "--browser" ] || [ "${1:-}" = "--bench" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing chromium and chromium-driver"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
    installed+=("chromium")
  fi
fi

if [ ${#installed[@]} -eq 0 ]; then
  say "everything is already installed, nothing to do"
else
  say "installed: ${installed[*]}"
fi
