#!/usr/bin/env bash
# Benchmark 7: a snapshot's detail (GET /v1.0/{project_id}/snapshots/{snapshot_id}) on the mock
# against Prism 5 mocking the same document, the same wrk load (get.lua: the same GET each time)
# at concurrency 1, 16 and 64, the two alternating. The mock answers a snapshot it holds (created
# first, then left to become AVAILABLE); Prism answers the document's example for any UUID.
# Usage: bench/detail-vs-prism.sh [seconds per run, default 10] [warm-up seconds, default 20] [rounds, default 1]
# Goal (at concurrency 16): mock >= 15x Prism.
source "$(dirname "$0")/lib.sh"
DURATION=${1:-10}; WARMUP=${2:-20}; ROUNDS=${3:-1}
need_apt curl curl; need_apt wrk wrk
build_mock; install_prism

free_port MOCK_PORT; start_mock "$MOCK_PORT" --dws.mock.auth=none --dws.mock.snapshot.creation-time=0s
free_port PRISM_PORT; start_prism "$PRISM_PORT"
wait_http "http://127.0.0.1:$MOCK_PORT/openapi.yaml" "$MOCK_PID"
wait_http "http://127.0.0.1:$PRISM_PORT/" "$PRISM_PID"
URL_mock=http://127.0.0.1:$MOCK_PORT; URL_prism=http://127.0.0.1:$PRISM_PORT

id=$(curl -sf -X POST -H 'Content-Type: application/json' \
  --data "{\"snapshot\":{\"name\":\"bench-detail\",\"cluster_id\":\"$CLUSTER\"}}" "$URL_mock/v1.0/$PROJECT/snapshots" \
  | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
[ -n "$id" ] || { echo "FAILED: the mock did not create the snapshot"; exit 1; }
export WRK_SCRIPT="$BENCH/get.lua" BENCH_PATH="/v1.0/$PROJECT/snapshots/$id"
curl -sf "$URL_mock$BENCH_PATH" | grep -q '"status":"AVAILABLE"' || { echo "FAILED: no AVAILABLE detail from the mock"; exit 1; }
curl -sf -H 'Authorization: SDK-HMAC-SHA256 Access=BENCH, SignedHeaders=host;x-sdk-date, Signature=00' \
  "$URL_prism$BENCH_PATH" | grep -q '"snapshot"' || { echo "FAILED: no detail from Prism"; exit 1; }

compare mock prism "$DURATION" "$WARMUP" "$ROUNDS"
awk -v r="${RATIO[16]}" 'BEGIN { printf "goal: mock >= 15x Prism at concurrency 16: %sx, %s\n", r, (r >= 15 ? "met" : "NOT met") }'
