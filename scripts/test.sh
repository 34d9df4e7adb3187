#!/usr/bin/env bash
# Runs every test of referat. Installs what the tests need on a fresh Debian machine first:
# Chromium (browser tests), Java (the Nu HTML Checker) and the npm packages in tests/browser.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v java >/dev/null || need_apt+=(default-jre-headless)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== installing ${need_apt[*]} (Debian packages)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
echo "== npm packages for the browser tests"
(cd tests/browser && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)

echo "== format and lints"
cargo fmt --check
cargo clippy --all-targets --quiet -- -D warnings

echo "== Rust tests"
cargo test --quiet

echo "== browser tests (headless Chromium, axe-core, Nu HTML Checker)"
cargo build --quiet
(cd tests/browser && node --test --test-concurrency=1 ./*.test.mjs)
