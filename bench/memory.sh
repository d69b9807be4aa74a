#!/usr/bin/env bash
# Benchmark 5: heap per stored snapshot after N creates (default 1,000,000), that the process
# stays up, and that the cap on stored snapshots answers the spec's 400 once reached. Drives the
# mock (auth=none, dws.mock.max-snapshots=N, a small journal) with wrk until N snapshots are
# stored (GET /__admin/snapshots/count), then compares the live heap after a full GC with the one
# before the load, and shows the classes that grew most.
# Usage: bench/memory.sh [creates, default 1000000]
source "$(dirname "$0")/lib.sh"
N=${1:-1000000}
need_apt curl curl; need_apt wrk wrk
build_mock

free_port PORT
start_mock "$PORT" --dws.mock.auth=none --dws.mock.max-snapshots="$N" --dws.mock.journal.size=100
URL=http://127.0.0.1:$PORT
wait_http "$URL/openapi.yaml" "$MOCK_PID"

live_heap() {  # bytes in use after a full GC
  jcmd "$MOCK_PID" GC.run >/dev/null
  jcmd "$MOCK_PID" GC.heap_info | awk '/total/ && /used/ {
    for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?$/, "", v); print v * 1024; exit } }'
}
histogram() { jcmd "$MOCK_PID" GC.class_histogram | awk 'NR > 3 && $1 ~ /:$/ { print $4, $3 }'; }
stored() { curl -sf "$URL/__admin/snapshots/count" | tr -dc 0-9; }

# a first slice warms up what the first requests load, so that it is not counted per snapshot
BENCH_RUN=w wrk -t1 -c8 -d1s -s "$BENCH/create.lua" "$URL" >/dev/null
curl -sf -X POST "$URL/__admin/reset" >/dev/null
before=$(live_heap); histogram >"$TOOLS/histogram-before.txt"
echo "load average before: $(loadavg)"
start=$(date +%s)
slice=0
while :; do
  n=$(stored)
  [ "$n" -ge "$N" ] && break
  kill -0 "$MOCK_PID" 2>/dev/null || { log "the mock died; its log:"; tail -20 "$(log_of "$MOCK_PID")" >&2; exit 1; }
  slice=$((slice + 1))
  # slices of at most 10 s, shorter near the end (one may overshoot: the cap refuses the rest)
  secs=$(( (N - n) / 10000 + 1 )); [ "$secs" -gt 10 ] && secs=10
  BENCH_RUN="m$slice" wrk -t1 -c16 -d"${secs}s" -s "$BENCH/create.lua" "$URL" >/dev/null
done
took=$(( $(date +%s) - start ))
after=$(live_heap); histogram >"$TOOLS/histogram-after.txt"; n=$(stored)

# the cap: one more create is refused with the spec's 400 DWS.0001, naming the limit
refused=$(curl -s -w ' %{http_code}' -X POST -H 'Content-Type: application/json' \
  --data "{\"snapshot\":{\"name\":\"one-more\",\"cluster_id\":\"$CLUSTER\"}}" "$URL/v1.0/$PROJECT/snapshots")
kill -0 "$MOCK_PID" && up=yes || up=no

echo "stored snapshots: $n (goal $N) in ${took}s; process up: $up"
echo "create number $((N + 1)): $refused"
case "$refused" in *'"error_code":"DWS.0001"'*'dws.mock.max-snapshots'*' 400') echo "cap: refused with 400 DWS.0001 as the spec says" ;;
  *) echo "cap: NOT refused as expected"; exit 1 ;; esac
echo "live heap before: $before bytes, after: $after bytes"
awk -v a="$after" -v b="$before" -v n="$n" 'BEGIN { printf "heap per stored snapshot: %.0f bytes (goal: <= 300)\n", (a - b) / n }'
echo "classes that grew most (bytes per stored snapshot):"
awk -v n="$n" 'NR == FNR { b[$1] = $2; next } { d = $2 - b[$1]; if (d > 0) printf "%12.1f  %s\n", d / n, $1 }' \
  "$TOOLS/histogram-before.txt" "$TOOLS/histogram-after.txt" | sort -rn | sed -n '1,8p'
echo "machine: $(machine); date: $(date -u +%Y-%m-%dT%H:%MZ)"
