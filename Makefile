# Mes apps: the README's two commands are `make serve` and `make test`.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: serve test dist bench screenshots setup

## Installs what is missing, builds, serves on http://127.0.0.1:8080 (deep links work).
serve:
	scripts/setup.sh
	OUT=target/serve-dist scripts/build.sh
	sirv target/serve-dist --single --port 8080 --host 127.0.0.1

## Installs what is missing (browser included) and runs every check and test.
test:
	scripts/setup.sh --browser
	scripts/test.sh

## The release build in dist/, ready for any static host, with its sizes.
dist:
	scripts/setup.sh
	scripts/dist.sh

## Speed and size figures (see docs/performance.md).
bench:
	scripts/setup.sh --bench
	scripts/dist.sh
	node bench/run.mjs

## The README's screenshots (docs/*.png), taken from a fresh release build.
screenshots:
	scripts/setup.sh --browser
	scripts/dist.sh
	node scripts/screenshots.mjs

setup:
	scripts/setup.sh --browser
