#!/usr/bin/env bash
# Benchmark 1: mock throughput and latency against Prism 5 on the same document, same wrk load
# (valid creates, a unique name per request) at concurrency 1, 16 and 64, alternating the two.
# Usage: bench/mock-vs-prism.sh [seconds per run, default 10]
source "$(dirname "$0")/lib.sh"
DURATION=${1:-10}
need_apt wrk wrk; need_apt curl curl
build_mock; install_prism
mkdir -p "$TOOLS"

start_mock 18080 --dws.mock.auth=none --dws.mock.max-snapshots=100000000
start_prism 14010
wait_http http://127.0.0.1:18080/openapi.yaml; wait_http http://127.0.0.1:14010/
URL_mock=http://127.0.0.1:18080; URL_prism=http://127.0.0.1:14010

run() {  # run NAME CONCURRENCY SECONDS -> "rps p50 p99 errors"
  local url_var="URL_$1" threads=$(( $2 < 2 ? 1 : 2 ))
  BENCH_RUN="$1$2$RANDOM" wrk -t"$threads" -c"$2" -d"$3"s -s "$(dirname "$0")/create.lua" "${!url_var}" \
    | awk '/^RESULT/ {print $2, $3, $4, $5}'
}

echo "warming up ..." >&2
run mock 16 5 >/dev/null; run prism 16 5 >/dev/null

printf '%-12s %-6s %10s %9s %9s %7s\n' server conc req/s p50_ms p99_ms errors
declare -A RPS
for c in 1 16 64; do
  order="mock prism"; [ "$c" = 16 ] && order="prism mock"   # alternate who goes first
  for s in $order; do
    read -r rps p50 p99 err < <(run "$s" "$c" "$DURATION")
    RPS[$s$c]=$rps
    printf '%-12s %-6s %10s %9s %9s %7s\n' "$s" "$c" "$rps" "$p50" "$p99" "$err"
  done
done
echo
for c in 1 16 64; do
  awk -v c="$c" -v m="${RPS[mock$c]}" -v p="${RPS[prism$c]}" 'BEGIN { printf "concurrency %-3s mock/prism = %.1fx\n", c, m / p }'
done
echo "machine: $(machine); date: $(date -u +%Y-%m-%d); duration per run: ${DURATION}s"
