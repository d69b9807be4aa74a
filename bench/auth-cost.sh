#!/usr/bin/env bash
# Benchmark 2: the cost of authentication. The same Java load generator (bench/AuthLoad.java)
# sends valid creates, signed with the client's AkSkSigner to the mock in its default aksk mode,
# and unsigned to the mock with auth=none. Prints both rates and the ratio.
# Usage: bench/auth-cost.sh [seconds per run, default 10] [threads, default 16]
source "$(dirname "$0")/lib.sh"
DURATION=${1:-10}; THREADS=${2:-16}
need_apt curl curl
build_mock; mkdir -p "$TOOLS"
CP="$ROOT/client/target/classes"

start_mock 18082 --dws.mock.max-snapshots=100000000; AKSK=$MOCK_PID
start_mock 18083 --dws.mock.auth=none --dws.mock.max-snapshots=100000000; NONE=$MOCK_PID
wait_http http://127.0.0.1:18082/openapi.yaml; wait_http http://127.0.0.1:18083/openapi.yaml

load() { java -cp "$CP" "$ROOT/bench/AuthLoad.java" "$1" "$2" "$THREADS" "$3" | awk '/^RESULT/ {print $2, $3}'; }
echo "warming up ..." >&2
load http://127.0.0.1:18082 signed 5 >/dev/null; load http://127.0.0.1:18083 unsigned 5 >/dev/null
read -r unsigned_rps unsigned_err < <(load http://127.0.0.1:18083 unsigned "$DURATION")
read -r signed_rps signed_err < <(load http://127.0.0.1:18082 signed "$DURATION")
echo "unsigned, auth=none : $unsigned_rps req/s ($unsigned_err not 200)"
echo "signed,   auth=aksk : $signed_rps req/s ($signed_err not 200)"
awk -v s="$signed_rps" -v u="$unsigned_rps" 'BEGIN { printf "authenticated / unauthenticated = %.0f%%\n", 100 * s / u }'
echo "threads: $THREADS; machine: $(machine); date: $(date -u +%Y-%m-%d)"
