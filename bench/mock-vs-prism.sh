#!/usr/bin/env bash
# Benchmark 1: the mock's throughput and latency against Prism 5 mocking the same document, under
# the same wrk load (valid creates, a unique name per request) at concurrency 1, 16 and 64, in one
# run, the two alternating. Both run as their READMEs start them (the mock: java -jar, auth=none;
# Prism: prism mock), each logging its requests to a file as it does by default.
# Usage: bench/mock-vs-prism.sh [seconds per run, default 10] [warm-up seconds, default 20]
source "$(dirname "$0")/lib.sh"
DURATION=${1:-10}; WARMUP=${2:-20}
need_apt curl curl; need_apt wrk wrk
build_mock; install_prism

free_port MOCK_PORT; start_mock "$MOCK_PORT" --dws.mock.auth=none --dws.mock.max-snapshots=100000000
free_port PRISM_PORT; start_prism "$PRISM_PORT"
wait_http "http://127.0.0.1:$MOCK_PORT/openapi.yaml" "$MOCK_PID"
wait_http "http://127.0.0.1:$PRISM_PORT/" "$PRISM_PID"
URL_mock=http://127.0.0.1:$MOCK_PORT; URL_prism=http://127.0.0.1:$PRISM_PORT

run() {  # run NAME CONCURRENCY SECONDS -> "req/s p50 p99 errors"
  local url_var="URL_$1"
  # one wrk thread: wrk's event loop drives 64 connections easily, and the second core is left
  # to the server under test. --timeout: wrk leaves an answer slower than this out of its latency
  # histogram and counts it as a socket error though it was answered; at its default of 2 s, a
  # loaded Prism's slowest answers at concurrency 64 failed the run and were missing from its p99
  BENCH_RUN="$1$2r$RANDOM" wrk -t1 -c"$2" -d"$3"s --timeout 30s -s "$BENCH/create.lua" "${!url_var}" | awk '/^RESULT/ {print $2, $3, $4, $5}'
}

log "warming up both (${WARMUP}s each) ..."
run mock 16 "$WARMUP" >/dev/null; run prism 16 "$WARMUP" >/dev/null

echo "load average before: $(loadavg)"
printf '%-6s %-5s %10s %9s %9s %7s\n' server conc req/s p50_ms p99_ms errors
declare -A RPS P99
errors=0
first=mock; second=prism
for c in 1 16 64; do
  for s in $first $second; do
    read -r rps p50 p99 err < <(run "$s" "$c" "$DURATION")
    RPS[$s$c]=$rps; P99[$s$c]=$p99; errors=$((errors + err))
    printf '%-6s %-5s %10s %9s %9s %7s\n' "$s" "$c" "$rps" "$p50" "$p99" "$err"
  done
  t=$first; first=$second; second=$t   # the other one goes first next time
done
echo
for c in 1 16 64; do
  awk -v c="$c" -v m="${RPS[mock$c]}" -v p="${RPS[prism$c]}" \
    'BEGIN { printf "concurrency %-3s mock/prism = %.1fx\n", c, (p > 0 ? m / p : 0) }'
done
echo "goal: mock >= 20x Prism at concurrency 16 with p99 <= 5 ms (mock p99 at 16: ${P99[mock16]} ms)"
echo "machine: $(machine); date: $(date -u +%Y-%m-%dT%H:%MZ); ${DURATION}s per run"
# every request was a valid create: an error answer means the comparison is void
[ "$errors" = 0 ] || { echo "FAILED: $errors requests were not answered 2xx (see $TOOLS/*.log)"; exit 1; }
