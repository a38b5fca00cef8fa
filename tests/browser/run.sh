#!/usr/bin/env bash
# End-to-end browser tests of the page at `/` (headless system Chromium, playwright-core).
#
#   tests/browser/run.sh                 start target/release/textanalysis serve on 127.0.0.1:$BROWSER_PORT
#                                        (default 50071), run the tests, stop the server
#   tests/browser/run.sh http://host:port   test a server that is already running
#
# Builds nothing: run `cargo build --release` and tests/browser/install.sh first.
# Env: BROWSER_PORT, BROWSER_EXPECT_SPEAKERS=1 (require Le Drian, Parly and Lavrov on seed 000),
#      BROWSER_EXPECT_COMPARE=1 (fail, not skip, when POST /v1/compare answers 501),
#      DOCS_SCREENSHOTS=1 (also write docs/screenshots/{analyze,compare}.png).
# Screenshots go to tests/output/.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p tests/output

server_pid=""
cleanup() { if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi; }
trap cleanup EXIT

if [ $# -ge 1 ]; then
    base_url="${1%/}"
else
    port="${BROWSER_PORT:-50071}"
    addr="127.0.0.1:$port"
    bin=target/release/textanalysis
    [ -x "$bin" ] || { echo "run.sh: $bin is missing; run cargo build --release first" >&2; exit 1; }
    "$bin" serve --addr "$addr" --metrics-addr off > tests/output/server.log 2>&1 &
    server_pid=$!
    for _ in $(seq 1 100); do
        if "$bin" health --addr "$addr" --timeout-secs 1 >/dev/null 2>&1; then break; fi
        kill -0 "$server_pid" 2>/dev/null || { echo "run.sh: server exited; see tests/output/server.log" >&2; cat tests/output/server.log >&2; exit 1; }
        sleep 0.2
    done
    "$bin" health --addr "$addr" --timeout-secs 2 >/dev/null || { echo "run.sh: server not healthy on $addr" >&2; exit 1; }
    base_url="http://$addr"
fi

echo "browser tests against $base_url"
cd tests/browser
BASE_URL="$base_url" node --test --test-concurrency=1 page.test.mjs
