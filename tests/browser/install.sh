#!/usr/bin/env bash
# Installs what tests/browser/run.sh needs: system Chromium (Debian packages) and playwright-core.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    (apt-get update -qq && apt-get install -y -qq chromium chromium-driver) >/dev/null
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    (apt-get update -qq && apt-get install -y -qq nodejs npm) >/dev/null
fi
npm ci --no-audit --no-fund --loglevel=error
