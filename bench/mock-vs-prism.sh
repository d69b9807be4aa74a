#!/usr/bin/env bash
# Benchmark 1: the mock's throughput and latency against Prism 5 mocking the same document, under
# the same wrk load (valid creates, a unique name per request) at concurrency 1, 16 and 64, in one
# run, the two alternating. Both run as their READMEs start them (the mock: java -jar, auth=none;
# Prism: prism mock), each logging its requests to a file as it does by default.
# Usage: bench/mock-vs-prism.sh [seconds per run, default 10] [warm-up seconds, default 20]
#   [rounds, default 1: each round measures both at the three concurrencies; the ratio printed is
#   the median of the rounds' ratios]
# Then, once a round, wrk's p99 on the mock at concurrency 16 beside bench/closedloop.c's.
source "$(dirname "$0")/lib.sh"
DURATION=${1:-10}; WARMUP=${2:-20}; ROUNDS=${3:-1}
need_apt curl curl; need_apt wrk wrk; need_apt gcc gcc
need_apt /usr/include/stdio.h libc6-dev # the C headers, which gcc only recommends
gcc -O2 -o "$TOOLS/closedloop" "$BENCH/closedloop.c"
build_mock; install_prism

free_port MOCK_PORT; start_mock "$MOCK_PORT" --dws.mock.auth=none --dws.mock.max-snapshots=100000000
free_port PRISM_PORT; start_prism "$PRISM_PORT"
wait_http "http://127.0.0.1:$MOCK_PORT/openapi.yaml" "$MOCK_PID"
wait_http "http://127.0.0.1:$PRISM_PORT/" "$PRISM_PID"
URL_mock=http://127.0.0.1:$MOCK_PORT; URL_prism=http://127.0.0.1:$PRISM_PORT

compare mock prism "$DURATION" "$WARMUP" "$ROUNDS"
echo "goal: mock >= 20x Prism at concurrency 16 with p99 <= 5 ms (mock p99 at 16: ${P99[mock16]} ms)"

# A second opinion on that p99 (README "Results", p99): wrk and bench/closedloop.c, the same closed
# loop in plain C, on the mock at concurrency 16, once each a round, the one that goes first alternating
echo
for r in $(seq "$ROUNDS"); do
  if ((r % 2)); then order="wrk closedloop"; else order="closedloop wrk"; fi
  for tool in $order; do
    if [ "$tool" = wrk ]; then
      read -r rps _ p99 err < <(wrk_creates "$URL_mock" 16 "$DURATION") || { echo "FAILED: no result from wrk"; exit 1; }
      [ "$err" = 0 ] || { echo "FAILED: $err requests were not answered 2xx"; exit 1; }
      by_wrk="wrk $rps req/s, p99 $p99 ms"
    else
      by_c=$("$TOOLS/closedloop" "$MOCK_PORT" 16 "$DURATION" 5 2>&1 >/dev/null) || { echo "FAILED: $by_c"; exit 1; }
    fi
  done
  echo "mock at concurrency 16, round $r: $by_wrk; closedloop $by_c"
done
