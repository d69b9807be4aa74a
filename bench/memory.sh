#!/usr/bin/env bash
# Benchmark 5: heap per stored snapshot after N creates (default 1,000,000), and that the
# process stays up. Drives the mock (auth=none) with wrk until N snapshots are stored, forces
# a full GC and compares the live heap with the one before the load.
# Usage: bench/memory.sh [creates, default 1000000]
source "$(dirname "$0")/lib.sh"
N=${1:-1000000}
need_apt wrk wrk; need_apt curl curl
build_mock; mkdir -p "$TOOLS"
start_mock 18084 --dws.mock.auth=none --dws.mock.max-snapshots=$((N + 10)) --dws.mock.journal.size=100
wait_http http://127.0.0.1:18084/openapi.yaml

live_heap() {  # bytes in use after a full GC
  jcmd "$MOCK_PID" GC.run >/dev/null
  sleep 1
  jcmd "$MOCK_PID" GC.heap_info | awk '/total/ && /used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?$/, "", v); print v * 1024; exit } }'
}

before=$(live_heap)
stored() { curl -s http://127.0.0.1:18084/__admin/snapshots/count 2>/dev/null | tr -dc 0-9; }
# wrk runs in slices until N are stored (a slice overshoots a little; the count is read back)
while :; do
  n=$(stored); n=${n:-0}
  [ "$n" -ge "$N" ] && break
  BENCH_RUN="m$n" wrk -t2 -c32 -d5s -s "$(dirname "$0")/create.lua" http://127.0.0.1:18084 >/dev/null
done
after=$(live_heap); n=$(stored)
kill -0 "$MOCK_PID" && up=yes || up=no
echo "stored snapshots: $n; process up: $up"
echo "live heap before: $before bytes, after: $after bytes"
awk -v a="$after" -v b="$before" -v n="$n" 'BEGIN { printf "heap per stored snapshot: %.0f bytes\n", (a - b) / n }'
echo "machine: $(machine); date: $(date -u +%Y-%m-%d)"
