#!/usr/bin/env bash
# Benchmark 2: the cost of authentication. One Java load generator (bench/AuthLoad.java: the JDK
# HttpClient, 16 threads) sends valid creates, signed with the auth module's AkSkSigner to the mock in
# its default aksk mode, and unsigned to the same mock jar with auth=none. The two mocks run side
# by side; the measurements alternate (unsigned, signed, signed, unsigned, ...) so that a drift in
# the machine's load weighs on both. Prints each rate and the ratio of the means.
# Usage: bench/auth-cost.sh [seconds per run, default 10] [rounds, default 2] [threads, default 16]
source "$(dirname "$0")/lib.sh"
DURATION=${1:-10}; ROUNDS=${2:-2}; THREADS=${3:-16}
WARMUP=${BENCH_WARMUP:-15}
need_apt curl curl
build_mock
CP="$ROOT/auth/target/classes"   # AkSkSigner (JDK only), built with the mock

free_port AKSK_PORT; start_mock "$AKSK_PORT" --dws.mock.max-snapshots=100000000; AKSK=$MOCK_PID
free_port NONE_PORT; start_mock "$NONE_PORT" --dws.mock.auth=none --dws.mock.max-snapshots=100000000; NONE=$MOCK_PID
wait_http "http://127.0.0.1:$AKSK_PORT/openapi.yaml" "$AKSK"; wait_http "http://127.0.0.1:$NONE_PORT/openapi.yaml" "$NONE"

log "warming up (${WARMUP}s each), then $ROUNDS rounds of ${DURATION}s each ..."
echo "load average before: $(loadavg)"
java -cp "$CP" "$BENCH/AuthLoad.java" "http://127.0.0.1:$NONE_PORT" "http://127.0.0.1:$AKSK_PORT" \
  "$THREADS" "$WARMUP" "$DURATION" "$ROUNDS" >"$TOOLS/auth-load.out"
awk '/^RESULT/ {
    printf "round %s  %-8s (%s) %8s req/s  (%s not 200)\n", $2, $3, ($3 == "signed" ? "auth=aksk" : "auth=none"), $4, $5
    sum[$3] += $4; n[$3]++; bad += $5 }
  END {
    s = sum["signed"] / n["signed"]; u = sum["unsigned"] / n["unsigned"]
    printf "\nmean: unsigned %.0f req/s, signed %.0f req/s\n", u, s
    printf "authenticated / unauthenticated = %.0f%% (goal: >= 70%%)\n", (u > 0 ? 100 * s / u : 0)
  }' "$TOOLS/auth-load.out"
echo "threads: $THREADS; machine: $(machine); date: $(date -u +%Y-%m-%dT%H:%MZ); ${DURATION}s per run"
# every request was a valid create: an error answer means the comparison is void; a request
# without answer is the generator's HTTP client's (AuthLoad.java), tolerated up to 1 in 10,000
# (and one in a short run)
read -r bad lost total < <(awk -v s="$DURATION" '/^RESULT/ { bad += $5; lost += $6; total += $4 * s + $5 + $6 }
  END { print bad + 0, lost + 0, total + 0 }' "$TOOLS/auth-load.out")
[ "$lost" = 0 ] || echo "requests without answer (the load generator's client closed the connection): $lost of $total"
[ "$bad" = 0 ] || { echo "FAILED: $bad requests were not answered 200 (the first ones are above; logs: $TOOLS/*.log)"; exit 1; }
[ "$lost" -le 1 ] || [ $((lost * 10000)) -le "$total" ] || { echo "FAILED: more than 1 in 10,000 requests got no answer"; exit 1; }
