#!/usr/bin/env bash
# Benchmark 1: the mock's throughput and latency against two peers under the same wrk load (valid
# creates, a unique name per request) at concurrency 1, 16 and 64, in one run: first against
# Prism 5 mocking the same document, then against WireMock 3 serving a templated stub of the
# create (bench/wiremock/mappings/create.json: 200 {"snapshot":{"id":"<random UUID>"}} with an
# X-Request-Id; it checks nothing), the two servers of each comparison alternating. Each runs as
# its README starts it (the mock: java -jar, auth=none; Prism: prism mock, logging its requests to
# a file as it does by default; WireMock: java -jar with the flags of start_wiremock in lib.sh,
# which says why those).
# Usage: bench/mock-vs-prism.sh [seconds per run, default 10] [warm-up seconds, default 20]
#   [rounds, default 1: each round measures both servers of a comparison at the three
#   concurrencies; the ratio printed is the median of the rounds' ratios]
# Goals (at concurrency 16): mock >= 15x Prism (aim 20x) and >= 2x WireMock; p99 is reported, not
# a goal. Then, once a round, wrk's p99 on the mock at concurrency 16 beside bench/closedloop.c's.
source "$(dirname "$0")/lib.sh"
DURATION=${1:-10}; WARMUP=${2:-20}; ROUNDS=${3:-1}
need_apt curl curl; need_apt wrk wrk; need_apt gcc gcc
need_apt /usr/include/stdio.h libc6-dev # the C headers, which gcc only recommends
gcc -O2 -o "$TOOLS/closedloop" "$BENCH/closedloop.c"
build_mock; install_prism; install_wiremock

free_port MOCK_PORT; start_mock "$MOCK_PORT" --dws.mock.auth=none --dws.mock.max-snapshots=100000000
free_port PRISM_PORT; start_prism "$PRISM_PORT"
free_port WIREMOCK_PORT; start_wiremock "$WIREMOCK_PORT"
wait_http "http://127.0.0.1:$MOCK_PORT/openapi.yaml" "$MOCK_PID"
wait_http "http://127.0.0.1:$PRISM_PORT/" "$PRISM_PID"
wait_http "http://127.0.0.1:$WIREMOCK_PORT/__admin/mappings" "$WIREMOCK_PID"
URL_mock=http://127.0.0.1:$MOCK_PORT; URL_prism=http://127.0.0.1:$PRISM_PORT; URL_wiremock=http://127.0.0.1:$WIREMOCK_PORT

# goal NAME PEER AT_LEAST [AIM]: the ratio compare just printed at concurrency 16 against its goal
goal() {
  local verdict
  verdict=$(awk -v r="${RATIO[16]}" -v min="$3" -v aim="${4:-0}" \
    'BEGIN { print (r >= min ? (aim > 0 && r < aim ? "met, below the aim" : "met") : "NOT met") }')
  echo "goal: $1 >= ${3}x $2 at concurrency 16${4:+ (aim ${4}x)}: ${RATIO[16]}x, $verdict;" \
    "p99 at 16 (reported, not a goal): $1 ${P99[${1}16]} ms, $2 ${P99[${2}16]} ms"
}
compare mock prism "$DURATION" "$WARMUP" "$ROUNDS"
goal mock prism 15 20
echo
echo "WireMock $WIREMOCK_VERSION, the same load:"
compare mock wiremock "$DURATION" "$WARMUP" "$ROUNDS"
goal mock wiremock 2

# A second opinion on that p99 (bench/README.md): wrk and bench/closedloop.c, the same closed
# loop in plain C, on the mock at concurrency 16, once each a round, the one that goes first alternating
echo
for r in $(seq "$ROUNDS"); do
  if ((r % 2)); then order="wrk closedloop"; else order="closedloop wrk"; fi
  for tool in $order; do
    if [ "$tool" = wrk ]; then
      read -r rps _ p99 err < <(wrk_load "$URL_mock" 16 "$DURATION") || { echo "FAILED: no result from wrk"; exit 1; }
      [ "$err" = 0 ] || { echo "FAILED: $err requests were not answered 2xx"; exit 1; }
      by_wrk="wrk $rps req/s, p99 $p99 ms"
    else
      by_c=$("$TOOLS/closedloop" "$MOCK_PORT" 16 "$DURATION" 5 2>&1 >/dev/null) || { echo "FAILED: $by_c"; exit 1; }
    fi
  done
  echo "mock at concurrency 16, round $r: $by_wrk; closedloop $by_c"
done
