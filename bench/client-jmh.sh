#!/usr/bin/env bash
# Benchmark 4: JMH, the client's signing alone, and a full signed createSnapshot call against
# the running mock through our client beside the JDK HttpClient floor sending the same signed
# request (one thread, so concurrency 1).
# Usage: bench/client-jmh.sh [JMH options, default: -f 1 -wi 3 -w 3s -i 5 -r 5s]
source "$(dirname "$0")/lib.sh"
need_apt curl curl
build_mock; mkdir -p "$TOOLS"
(cd "$ROOT" && ./mvnw -q -B -Pbench package -DskipTests -pl bench/jmh -am)
start_mock 18085 --dws.mock.max-snapshots=100000000
wait_http http://127.0.0.1:18085/openapi.yaml
CP="$ROOT/bench/jmh/target/classes:$(cat "$ROOT/bench/jmh/target/classpath.txt")"
# shellcheck disable=SC2086
java -cp "$CP" -Dbench.url=http://127.0.0.1:18085 org.openjdk.jmh.Main ${*:--f 1 -wi 3 -w 3s -i 5 -r 5s} \
  'org.opendws.snapshot.bench.*'
echo "machine: $(machine); date: $(date -u +%Y-%m-%d)"
