#!/usr/bin/env bash
# Refreshes the vendored front-end files in wwwroot/lib from the versions pinned in package.json.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp package.json "$tmp/" && (cd "$tmp" && npm install --silent --no-audit --no-fund)
install -m 644 -D "$tmp/node_modules/htmx.org/dist/htmx.min.js" wwwroot/lib/htmx/htmx.min.js
install -m 644 -D "$tmp/node_modules/bootstrap/dist/css/bootstrap.min.css" wwwroot/lib/bootstrap/css/bootstrap.min.css
install -m 644 -D "$tmp/node_modules/bootstrap/dist/js/bootstrap.bundle.min.js" wwwroot/lib/bootstrap/js/bootstrap.bundle.min.js
# axe-core is a test tool: it goes to the E2E project, never to wwwroot.
install -m 644 -D "$tmp/node_modules/axe-core/axe.min.js" Coaching.E2E/TestAssets/axe.min.js
echo "vendored axe-core $(node -p "require('$tmp/node_modules/axe-core/package.json').version")"
echo "vendored htmx $(node -p "require('$tmp/node_modules/htmx.org/package.json').version") and bootstrap $(node -p "require('$tmp/node_modules/bootstrap/package.json').version")"
