#!/usr/bin/env bash
# Benchmark 3: start-up, from process start to the first 200 answer to a create, median of N runs,
# the three alternating: the mock as `java -jar` runs it, the mock's fast start (the extracted
# jar, its ahead-of-time processed context and the class data sharing archive that the build
# makes, C1 only; server-stub README, "Start it faster"), the same on a JDK 25 with its
# ahead-of-time cache instead when the machine has one (BENCH_AOT_JAVA or /usr/lib/jvm; the
# cache is trained here), and Prism 5 on the same document. The first 200 is polled every 10 ms
# (first_200 below).
# Usage: bench/startup.sh [runs, default 5]
source "$(dirname "$0")/lib.sh"
RUNS=${1:-5}
build_mock; install_prism
find_aot_java
if [ -z "$AOT_JAVA" ]; then log "no JDK 25 or later found: the AOT cache start is left out"
elif ! aot_cache; then log "the AOT cache's training failed (above): the AOT cache start is left out"; AOT_JAVA=
fi
BODY="{\"snapshot\":{\"name\":\"startup-1\",\"cluster_id\":\"$CLUSTER\"}}"

# the fast start's options, as in the server-stub README ("Start it faster"), after the archive or cache
FAST_OPTS=(-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -XX:+UseTransparentHugePages -Dspring.aot.enabled=true)
# the archive must fit this JVM with those options, or the fast start would silently run without it
java -Xshare:on -XX:SharedArchiveFile="$FAST_DIR/dws-mock-server.jsa" "${FAST_OPTS[@]}" -Dspring.context.exit=onRefresh \
  -jar "$FAST_DIR/dws-mock-server.jar" --logging.level.root=WARN >"$TOOLS/cds-check.log" 2>&1 \
  || { log "the class data sharing archive does not fit this JVM:"; cat "$TOOLS/cds-check.log" >&2; exit 1; }

# The poll forks nothing: on a 2-core machine a curl per attempt, every 10 ms, took most of a
# core from the process starting. It connects
# with bash's /dev/tcp, sends the create by hand and reads the status line; it waits between
# attempts with a read that times out on a pipe nobody writes to (no sleep process).
exec {PAUSE_FD}<> <(:)
first_200() {  # first_200 PORT PID START_US -> milliseconds from START_US to the first 200 (run it in $(...))
  local port=$1 pid=$2 start=$3 fd status=
  trap '' PIPE   # a server that closes the connection mid-request must not kill the poll (a subshell)
  local request="POST /v1.0/$PROJECT/snapshots HTTP/1.1"$'\r\n'"Host: 127.0.0.1:$port"$'\r\n'
  request+="Content-Type: application/json"$'\r\n'"Content-Length: ${#BODY}"$'\r\n'
  request+="Authorization: SDK-HMAC-SHA256 Access=B, SignedHeaders=host;x-sdk-date, Signature=0"$'\r\n'
  request+="X-Sdk-Date: 20261128T045404Z"$'\r\n'"Connection: close"$'\r\n\r\n'"$BODY"
  while :; do
    if { exec {fd}<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
      status=
      printf '%s' "$request" >&"$fd" 2>/dev/null && read -r -t 10 -u "$fd" _ status _ 2>/dev/null
      status=${status%$'\r'}
      exec {fd}>&-
      [ "$status" = 200 ] && break
    fi
    kill -0 "$pid" 2>/dev/null || { log "it died before answering; its log:"; tail -20 "$(log_of "$pid")" >&2; return 1; }
    if (( ${EPOCHREALTIME//[!0-9]/} - start > 120000000 )); then
      log "no 200 within 120 s (last status: ${status:-none}); its log:"; tail -20 "$(log_of "$pid")" >&2; return 1
    fi
    read -r -t 0.01 -u "$PAUSE_FD" || true
  done
  echo $(( (${EPOCHREALTIME//[!0-9]/} - start) / 1000 ))
}

start_plain() { start_mock "$1" --dws.mock.auth=none; }
start_fast() {
  start_cmd "$TOOLS/mock-fast-$1.log" java -XX:SharedArchiveFile="$FAST_DIR/dws-mock-server.jsa" "${FAST_OPTS[@]}" \
    -jar "$FAST_DIR/dws-mock-server.jar" --server.port="$1" --dws.mock.auth=none
}
start_aot() {
  # AOTMode=on: fail rather than start silently without the cache
  start_cmd "$TOOLS/mock-aot-$1.log" "$AOT_JAVA" -XX:AOTMode=on -XX:AOTCache="$AOT_CACHE" "${FAST_OPTS[@]}" \
    -jar "$FAST_DIR/dws-mock-server.jar" --server.port="$1" --dws.mock.auth=none
}
start_peer() { start_prism "$1"; }

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

echo "load average before: $(loadavg)"
declare -A TIMES
kinds=(plain fast peer)
[ -n "$AOT_JAVA" ] && kinds=(plain fast aot peer)
all=("${kinds[@]}")
for i in $(seq "$RUNS"); do
  for k in "${kinds[@]}"; do
    free_port port; t0=${EPOCHREALTIME//[!0-9]/}; "start_$k" "$port"
    TIMES[$k]+="$(first_200 "$port" "$LAST_PID" "$t0") "
    stop "$LAST_PID"
  done
  kinds=("${kinds[@]:1}" "${kinds[0]}")   # rotate who goes first
done
declare -A M
# shellcheck disable=SC2086
for k in "${all[@]}"; do M[$k]=$(printf '%s\n' ${TIMES[$k]} | median); done
printf '%-34s %-30s %s\n' "what" "start to first 200 (ms)" "median"
printf '%-34s %-30s %s\n' "mock, java -jar" "${TIMES[plain]}" "${M[plain]}"
printf '%-34s %-30s %s\n' "mock, fast start (CDS, AOT, C1)" "${TIMES[fast]}" "${M[fast]}"
[ -n "$AOT_JAVA" ] && printf '%-34s %-30s %s\n' "mock, fast start, JDK $(java_version "$AOT_JAVA") AOT cache" "${TIMES[aot]}" "${M[aot]}"
printf '%-34s %-30s %s\n' "Prism $PRISM_VERSION" "${TIMES[peer]}" "${M[peer]}"
awk -v a="${M[plain]}" -v f="${M[fast]}" -v c="${M[aot]:-}" -v p="${M[peer]}" 'BEGIN {
  printf "\nmock/prism start-up time: java -jar %.2f, fast start %.2f", a / p, f / p
  if (c != "") printf ", fast start with the AOT cache %.2f", c / p
  printf " (goal: <= 1.00)\n" }'
echo "machine: $(machine); date: $(date -u +%Y-%m-%dT%H:%MZ); $RUNS runs each"
