#!/usr/bin/env bash
# Benchmark 4: JMH (bench/jmh). Signing alone (SignBenchmark.sign), and a full signed create
# against a running mock (auth=aksk) from one calling thread (concurrency 1): through the client
# (CallBenchmark.client: validate, encode, sign, send, receive, decode) and through the floor, the
# JDK HttpClient, as built by default, sending the same signed request by hand
# (CallBenchmark.jdkFloor). The two are measured in alternating JMH runs, each in its own fork, so
# that a drift in the machine's load weighs on both; the ratio is of their means.
# Usage: bench/client-jmh.sh [JMH options, default: -f 1 -wi 10 -w 5s -i 5 -r 4s]
#   BENCH_ROUNDS (default 2): how many client/floor pairs
#   BENCH_MOCK_WARMUP (default 20): seconds of signed creates that warm the mock up first
source "$(dirname "$0")/lib.sh"
ROUNDS=${BENCH_ROUNDS:-2}
need_apt curl curl
build_mock
build_bench

free_port PORT; start_mock "$PORT" --dws.mock.max-snapshots=100000000   # a run stores millions
wait_http "http://127.0.0.1:$PORT/openapi.yaml" "$MOCK_PID"
CP="$BENCH/jmh/target/classes:$(cat "$BENCH/jmh/target/classpath.txt")"
: >"$TOOLS/client-jmh.log"

jmh() {  # jmh BENCHMARK -> "score error" (us/op); JMH's own output goes to bench/target/client-jmh.log
  local csv="$TOOLS/client-jmh-$1.csv"
  # shellcheck disable=SC2086
  java -cp "$CP" -Dbench.url="http://127.0.0.1:$PORT" org.openjdk.jmh.Main ${JMH_OPTS:-${OPTS:--f 1 -wi 10 -w 5s -i 5 -r 4s}} \
    -foe true -rf csv -rff "$csv" "org.opendws.snapshot.bench.$1\$" >>"$TOOLS/client-jmh.log" 2>&1 \
    || { tail -30 "$TOOLS/client-jmh.log" >&2; return 1; }
  awk -F, 'NR == 2 { gsub(/"/, ""); print $5, $6 }' "$csv"
}
OPTS="$*"

# the mock's own JIT warm-up must not fall into the first measured run
log "warming up the mock (${BENCH_MOCK_WARMUP:-20}s of signed creates) ..."
JMH_OPTS="-f 1 -wi 0 -i 1 -r ${BENCH_MOCK_WARMUP:-20}s" jmh CallBenchmark.jdkFloor >/dev/null
echo "load average before: $(loadavg)"
read -r sign sign_err < <(jmh SignBenchmark.sign)
printf '%-26s %10.2f ± %.2f us\n' "signing" "$sign" "$sign_err"
order=(client jdkFloor); declare -A SUM=([client]=0 [jdkFloor]=0)
for r in $(seq "$ROUNDS"); do
  for b in "${order[@]}"; do
    read -r score err < <(jmh "CallBenchmark.$b")
    printf 'round %s  %-23s %10.1f ± %.1f us/call\n' "$r" "$b" "$score" "$err"
    SUM[$b]=$(awk -v a="${SUM[$b]}" -v b="$score" 'BEGIN { print a + b }')
  done
  order=("${order[@]:1}" "${order[0]}")   # rotate who goes first
done
echo
awk -v s="$sign" -v c="${SUM[client]}" -v f="${SUM[jdkFloor]}" -v n="$ROUNDS" 'BEGIN {
  printf "signing: %.2f us (goal: <= 20 us)\n", s
  printf "client call %.0f us, JDK HttpClient floor %.0f us: client/floor = %.2f (goal: <= 1.20)\n", c / n, f / n, c / f }'
echo "machine: $(machine); date: $(date -u +%Y-%m-%dT%H:%MZ); JMH ${OPTS:--f 1 -wi 10 -w 5s -i 5 -r 4s}, one thread"
