#!/usr/bin/env bash
# gRPC load on loopback: start the release server, time start-up to port open,
# run `textanalysis loadgen` in unary and streaming mode, report the server's
# peak RSS (VmHWM). The load generator runs on the same machine and shares its cores.
#
#   deploy/load_test.sh [FILE...]           # default: seeds/*.txt
#
# Environment: BIN (default target/release/textanalysis), PORT (default 50071),
# CONCURRENCY (64), DURATION (seconds per mode, 20), LOADGEN_THREADS (1).
# Results and conditions: docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BIN:-target/release/textanalysis}
PORT=${PORT:-50071}
CONCURRENCY=${CONCURRENCY:-64}
DURATION=${DURATION:-20}
LOADGEN_THREADS=${LOADGEN_THREADS:-1}
if [ $# -eq 0 ]; then set -- seeds/*.txt; fi
[ -x "$BIN" ] || cargo build --release

start=$(date +%s%N)
"$BIN" serve --addr "127.0.0.1:$PORT" --metrics-addr off --log-filter warn &
server=$!
trap 'kill "$server" 2> /dev/null || true' EXIT
until (exec 3<> "/dev/tcp/127.0.0.1/$PORT") 2> /dev/null; do
    kill -0 "$server" || { echo "server exited" >&2; exit 1; }
    sleep 0.005
done
ready=$(date +%s%N)
echo "start-up to port open: $(( (ready - start) / 1000000 )) ms"
grep VmRSS "/proc/$server/status"

for mode in unary stream; do
    echo "--- $mode, concurrency $CONCURRENCY, ${DURATION}s"
    "$BIN" loadgen --addr "127.0.0.1:$PORT" --mode "$mode" --concurrency "$CONCURRENCY" \
        --duration "$DURATION" --threads "$LOADGEN_THREADS" --input "$@"
    grep -E 'VmHWM|VmRSS' "/proc/$server/status"
done
