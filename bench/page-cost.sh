#!/usr/bin/env bash
# Benchmark 8: whether a page's cost grows with the cluster. The mock holds two clusters, one with
# 100 snapshots and one with 100,000 (made by wrk's creates); the same wrk load (get.lua) asks for
# a page of 100 of each (GET .../clusters/{id}/snapshots?limit=100&offset=..., newest first), the
# two alternating at concurrency 1, 16 and 64: first page against first page, then the large
# cluster's last full page (deep in its indexes, 100 snapshots like the other) against the small
# one's only page.
# Usage: bench/page-cost.sh [seconds per run, default 10] [warm-up seconds, default 10] [rounds, default 1] [large, default 100000]
# Goal (at concurrency 16): a page of the large cluster >= 0.8x the rate of a page of the small one.
source "$(dirname "$0")/lib.sh"
DURATION=${1:-10}; WARMUP=${2:-10}; ROUNDS=${3:-1}; LARGE=${4:-100000}
SMALL_CLUSTER=6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b
need_apt curl curl; need_apt wrk wrk
build_mock

free_port MOCK_PORT
start_mock "$MOCK_PORT" --dws.mock.auth=none --dws.mock.journal.size=100 --dws.mock.world="$ROOT/server-stub/examples/world.yaml"
URL=http://127.0.0.1:$MOCK_PORT
wait_http "$URL/openapi.yaml" "$MOCK_PID"

count() { curl -sf "$URL/v1.0/$PROJECT/clusters/$1/snapshots?limit=1" | sed -n 's/.*"count":\([0-9]*\).*/\1/p'; }
fill() {  # fill CLUSTER N: creates until the cluster holds N snapshots
  local slice=0
  while [ "$(count "$1")" -lt "$2" ]; do
    slice=$((slice + 1))
    BENCH_CLUSTER=$1 BENCH_RUN="f$1$slice" wrk -t1 -c16 -d"$(( ($2 - $(count "$1")) / 8000 + 1 ))s" \
      -s "$BENCH/create.lua" "$URL" >/dev/null
  done
}
fill "$CLUSTER" "$LARGE"
# the small cluster: exactly 100, by hand
for i in $(seq $((100 - $(count "$SMALL_CLUSTER")))); do
  curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' \
    --data "{\"snapshot\":{\"name\":\"small-$i\",\"cluster_id\":\"$SMALL_CLUSTER\"}}" "$URL/v1.0/$PROJECT/snapshots"
done
large=$(count "$CLUSTER"); small=$(count "$SMALL_CLUSTER")
echo "clusters: $large snapshots (large), $small (small)"
[ "$small" = 100 ] || { echo "FAILED: the small cluster holds $small snapshots, not 100"; exit 1; }

export WRK_SCRIPT="$BENCH/get.lua"
URL_large=$URL; URL_small=$URL
GET_small="/v1.0/$PROJECT/clusters/$SMALL_CLUSTER/snapshots?limit=100&offset=0"
GET_large="/v1.0/$PROJECT/clusters/$CLUSTER/snapshots?limit=100&offset=0"
echo; echo "first page of each:"
compare large small "$DURATION" "$WARMUP" "$ROUNDS"
first=${RATIO[16]}
GET_large="/v1.0/$PROJECT/clusters/$CLUSTER/snapshots?limit=100&offset=$(( large / 100 - 1 ))"
echo; echo "the large cluster's last full page against the small one's page:"
compare large small "$DURATION" "$WARMUP" "$ROUNDS"
last=${RATIO[16]}
awk -v f="$first" -v l="$last" 'BEGIN { m = (f < l ? f : l);
  printf "goal: a page of %s >= 0.8x a page of 100 at concurrency 16: first page %sx, last full page %sx, %s\n", "'"$large"'", f, l, (m >= 0.8 ? "met" : "NOT met") }'
