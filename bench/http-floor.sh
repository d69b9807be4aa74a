#!/usr/bin/env bash
# The cost of the mock's HTTP layer: the mock (java -jar, auth=none) against a floor that does a
# create's own work and answers on the thread that read the request (bench/HttpFloor.java: Netty,
# Jackson into the generated model, the generated constraints checked by Hibernate Validator, the
# mock's store, a request id; no authentication, journal, faults or error schema), under the same
# wrk load as bench/mock-vs-prism.sh, the two alternating. The floor is not a mock: it bounds what
# moving the mock onto such a layer could gain.
# Usage: bench/http-floor.sh [seconds per run, default 10] [warm-up seconds, default 20] [rounds, default 1]
source "$(dirname "$0")/lib.sh"
DURATION=${1:-10}; WARMUP=${2:-20}; ROUNDS=${3:-1}
need_apt curl curl; need_apt wrk wrk
build_mock; build_bench

free_port MOCK_PORT; start_mock "$MOCK_PORT" --dws.mock.auth=none --dws.mock.max-snapshots=100000000
free_port FLOOR_PORT
# the mock's own classes and libraries (the extracted executable jar), Netty from bench/jmh
start_cmd "$TOOLS/floor-$FLOOR_PORT.log" java ${BENCH_JAVA_OPTS:-} -cp "$ROOT/server-stub/target/classes:$FAST_DIR/lib/*:$(cat "$BENCH/jmh/target/classpath.txt")" \
  "$BENCH/HttpFloor.java" "$FLOOR_PORT"
FLOOR_PID=$LAST_PID
wait_http "http://127.0.0.1:$MOCK_PORT/openapi.yaml" "$MOCK_PID"
wait_http "http://127.0.0.1:$FLOOR_PORT/" "$FLOOR_PID"
URL_mock=http://127.0.0.1:$MOCK_PORT; URL_floor=http://127.0.0.1:$FLOOR_PORT

compare floor mock "$DURATION" "$WARMUP" "$ROUNDS"
