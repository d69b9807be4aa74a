# Shared helpers of the bench/ scripts (sourced, not run). Every process a script starts is
# recorded and ended when the script exits, however it exits (end, error, Ctrl-C, kill).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
SPEC="$ROOT/api-spec/src/main/openapi/dws-snapshot.yaml"
JAR="$ROOT/server-stub/target/dws-mock-server.jar"
# the executable jar extracted by the build, with its class data sharing archive (server-stub
# README, "Start it faster")
FAST_DIR="$ROOT/server-stub/target/dws-mock-server"
PRISM_VERSION=5.16.0
# WireMock 3, the second peer of bench/mock-vs-prism.sh: the version the parent pom gives the
# client's tests (wiremock.version), so that the two never drift apart
WIREMOCK_VERSION=$(sed -n 's:.*<wiremock.version>\(.*\)</wiremock.version>.*:\1:p' "$ROOT/pom.xml")
TOOLS="$ROOT/bench/target"
PROJECT=89cd04f168b84af6be287f71730fdb4b
CLUSTER=44b277eb-39be-4921-be31-3d61b43651d7
mkdir -p "$TOOLS"
PIDS=()

cleanup() {
  local p
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

log() { echo "$*" >&2; }

need_apt() {  # need_apt COMMAND|FILE PACKAGE: the package, unless the command or file is there
  { command -v "$1" || [ -e "$1" ]; } >/dev/null && return
  log "installing $2 ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "$2" >/dev/null
}

# The mock's executable jar, built when missing or when a source it is made of changed since the
# last build here (the jar's own time stamp is fixed by the reproducible build, hence the stamp file).
build_mock() {
  local stamp="$TOOLS/mock-built.stamp" stale=
  if [ -f "$JAR" ] && [ -f "$stamp" ]; then
    stale=$(find "$ROOT"/{api-spec,auth,server-stub,docs}/src "$ROOT"/pom.xml "$ROOT"/{api-spec,auth,server-stub,docs}/pom.xml \
      -type f -newer "$stamp" -print -quit)
  fi
  if [ ! -f "$JAR" ] || [ ! -f "$FAST_DIR/dws-mock-server.jsa" ] || [ ! -f "$stamp" ] || [ -n "$stale" ] \
      || [ -n "${BENCH_REBUILD:-}" ]; then
    log "building the mock server ..."
    touch "$stamp.new"
    (cd "$ROOT" && ./mvnw -q -B -ntp package -Dmaven.test.skip=true -Dmaven.javadoc.skip=true -pl server-stub -am) >"$TOOLS/build.log" 2>&1 \
      || { tail -40 "$TOOLS/build.log" >&2; return 1; }
    mv "$stamp.new" "$stamp"
  fi
}

# find_aot_java: sets AOT_JAVA to a java of JDK 25 or later ($BENCH_AOT_JAVA, else the newest under
# /usr/lib/jvm), or to nothing when there is none; such a JDK can start the mock from an
# ahead-of-time cache (server-stub README, "Start it faster")
java_version() {  # java_version JAVA: its feature version (17, 25, ...), empty when it does not say
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' || true
}
find_aot_java() {
  AOT_JAVA=
  local j v best=0
  for j in ${BENCH_AOT_JAVA:-} /usr/lib/jvm/*/bin/java; do
    [ -x "$j" ] || continue
    v=$(java_version "$j")
    if [ "${v:-0}" -ge 25 ] 2>/dev/null && [ "$v" -gt "$best" ]; then best=$v; AOT_JAVA=$j; fi
    [ -n "${BENCH_AOT_JAVA:-}" ] && [ -n "$AOT_JAVA" ] && break
  done
  return 0
}

# aot_cache: the fast start's AOT cache for $AOT_JAVA, trained (src/build/CdsTraining.java) when
# missing, older than the extracted jar it was made for, or made by another JDK (a cache fits only
# the JDK build that wrote it); fails when the training does
AOT_CACHE="$FAST_DIR/dws-mock-server.aot"
aot_cache() {
  local jdk; jdk="$AOT_JAVA $("$AOT_JAVA" -version 2>&1 | tr '\n' ' ')"
  if [ ! -f "$AOT_CACHE" ] || [ "$FAST_DIR/dws-mock-server.jar" -nt "$AOT_CACHE" ] \
      || [ "$(cat "$AOT_CACHE.jdk" 2>/dev/null)" != "$jdk" ]; then
    log "training the AOT cache with $AOT_JAVA ..."
    rm -f "$AOT_CACHE.jdk"
    "$AOT_JAVA" "$ROOT/server-stub/src/build/CdsTraining.java" "$AOT_JAVA" "$FAST_DIR/dws-mock-server.jar" "$AOT_CACHE" \
      >"$TOOLS/aot-training.log" 2>&1 || { tail -20 "$TOOLS/aot-training.log" >&2; return 1; }
    echo "$jdk" >"$AOT_CACHE.jdk"
  fi
}

install_prism() {
  PRISM="$TOOLS/prism/node_modules/.bin/prism"
  if [ ! -x "$PRISM" ] || [ "$("$PRISM" --version 2>/dev/null)" != "$PRISM_VERSION" ]; then
    log "installing Prism $PRISM_VERSION ..."
    command -v npm >/dev/null || need_apt npm npm
    mkdir -p "$TOOLS/prism"
    (cd "$TOOLS/prism" && { [ -f package.json ] || echo '{"private":true}' >package.json; } \
      && npm install --silent --no-audit --no-fund --save-exact "@stoplight/prism-cli@$PRISM_VERSION" >/dev/null)
  fi
}

# install_wiremock: WireMock's standalone jar (org.wiremock:wiremock-standalone) in
# bench/target/wiremock, fetched by Maven from the repository the build uses (never downloaded
# from a fixed address); sets WIREMOCK_JAR
install_wiremock() {
  [ -n "$WIREMOCK_VERSION" ] || { log "no <wiremock.version> in $ROOT/pom.xml"; return 1; }
  WIREMOCK_JAR="$TOOLS/wiremock/wiremock-standalone-$WIREMOCK_VERSION.jar"
  if [ ! -f "$WIREMOCK_JAR" ]; then
    log "fetching WireMock $WIREMOCK_VERSION ..."
    (cd "$ROOT" && ./mvnw -q -B -ntp -N dependency:copy -Dartifact="org.wiremock:wiremock-standalone:$WIREMOCK_VERSION" \
      -DoutputDirectory="$TOOLS/wiremock") >"$TOOLS/wiremock-fetch.log" 2>&1 \
      || { tail -20 "$TOOLS/wiremock-fetch.log" >&2; return 1; }
  fi
}

# free_port VAR: sets VAR to a TCP port nothing on 127.0.0.1 listens on now, below the kernel's
# ephemeral range (where outgoing connections take their local ports), and not handed out before
# in this script (a server started a moment ago may not listen yet)
GIVEN_PORTS=" "
free_port() {
  local -n _fp_into=$1
  local _fp_port _fp_low
  _fp_low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  while :; do
    _fp_port=$((10000 + RANDOM % (_fp_low - 10000)))
    case "$GIVEN_PORTS" in *" $_fp_port "*) continue ;; esac
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$_fp_port") 2>/dev/null; then
      GIVEN_PORTS+="$_fp_port "; _fp_into=$_fp_port; return
    fi
  done
}

# wait_http URL PID [seconds]: until any HTTP answer comes; fails if the process dies first
wait_http() {
  local url=$1 pid=$2 limit=${3:-120} i=0
  until curl -s -o /dev/null "$url"; do
    if ! kill -0 "$pid" 2>/dev/null; then log "the process serving $url died; its log:"; tail -20 "$(log_of "$pid")" >&2; return 1; fi
    sleep 0.05; i=$((i + 1))
    if [ $i -gt $((limit * 20)) ]; then log "no answer from $url within ${limit}s"; return 1; fi
  done
  return 0
}
declare -A LOGS
log_of() { echo "${LOGS[$1]:-/dev/null}"; }

# wrk_load URL CONCURRENCY SECONDS -> "req/s p50_ms p99_ms errors": the load of $WRK_SCRIPT (default
# create.lua: valid creates with a unique name each; get.lua: one GET of $BENCH_PATH). One wrk thread: its event loop drives 64 connections easily, and the
# second core is left to the server under test. --timeout: wrk leaves an answer slower than this
# out of its latency histogram and counts it as a socket error though it was answered; at its
# default of 2 s, a loaded Prism's slowest answers at concurrency 64 failed the run and were
# missing from its p99.
wrk_load() {
  BENCH_RUN="c$2r$RANDOM$RANDOM" wrk -t1 -c"$2" -d"$3"s --timeout 30s -s "${WRK_SCRIPT:-$BENCH/create.lua}" "$1" \
    | awk '/^RESULT/ {print $2, $3, $4, $5}'
}

declare -A P99   # P99[<name><concurrency>]: p99s in ms of compare's runs, " / " between rounds
declare -A RATIO # RATIO[<concurrency>]: the ratio compare printed at that concurrency (the rounds' median)
# compare A B SECONDS WARMUP [ROUNDS]: the servers at $URL_A and $URL_B (with get.lua, the paths
# $GET_A and $GET_B when set, else $BENCH_PATH), each first warmed up
# (WARMUP seconds of the load at concurrency 16), then measured with wrk_load at concurrency 1,
# 16 and 64, ROUNDS times (default 1), the one that goes first alternating so that a drift in the
# machine's load weighs on both; prints a row per run, then A's rate over B's at each concurrency
# (each round's, and their median, also left in RATIO); fails when a request was not answered 2xx
compare() {
  local first=$1 second=$2 rounds=${5:-1} c r s url get rps p50 p99 err errors=0 ratios
  local -A rps_of
  [[ $rounds =~ ^[1-9][0-9]*$ ]] || { log "rounds must be a positive whole number, not '$rounds'"; return 2; }
  P99=(); RATIO=()
  log "warming up both (${4}s each) ..."
  for s in "$1" "$2"; do url="URL_$s"; get="GET_$s"; BENCH_PATH=${!get:-${BENCH_PATH:-}} wrk_load "${!url}" 16 "$4" >/dev/null; done
  echo "load average before: $(loadavg)"
  printf '%-8s %-5s %-5s %10s %9s %9s %7s\n' server round conc req/s p50_ms p99_ms errors
  for r in $(seq "$rounds"); do
    for c in 1 16 64; do
      for s in $first $second; do
        url="URL_$s"; get="GET_$s"
        read -r rps p50 p99 err < <(BENCH_PATH=${!get:-${BENCH_PATH:-}} wrk_load "${!url}" "$c" "$3")
        rps_of[$s,$c,$r]=$rps; P99[$s$c]+="${P99[$s$c]:+ / }$p99"; errors=$((errors + err))
        printf '%-8s %-5s %-5s %10s %9s %9s %7s\n' "$s" "$r" "$c" "$rps" "$p50" "$p99" "$err"
      done
      # the other goes first at the next concurrency; with three of them, each concurrency's
      # order also flips from one round to the next
      s=$first; first=$second; second=$s
    done
  done
  echo
  for c in 1 16 64; do
    ratios=$(for r in $(seq "$rounds"); do
      awk -v a="${rps_of[$1,$c,$r]}" -v b="${rps_of[$2,$c,$r]}" 'BEGIN { printf "%.2f\n", (b > 0 ? a / b : 0) }'
    done)
    RATIO[$c]=$(printf '%s\n' "$ratios" | sort -n \
      | awk '{ a[NR] = $1 } END { printf "%.2f", (a[int((NR + 1) / 2)] + a[int(NR / 2) + 1]) / 2 }')
    printf 'concurrency %-3s %s = %sx' "$c" "$1/$2" "${RATIO[$c]}"
    if [ "$rounds" -gt 1 ]; then printf ', the median of the rounds (%s)' "$(echo $ratios | sed 's/ /x, /g')x"; fi
    echo
  done
  echo "machine: $(machine); date: $(date -u +%Y-%m-%dT%H:%MZ); ${3}s per run, $rounds round(s)"
  # every request was a valid one: an error answer means the comparison is void
  [ "$errors" = 0 ] || { echo "FAILED: $errors requests were not answered 2xx (see $TOOLS/*.log)"; return 1; }
}

# bench/jmh built, with its class path in bench/jmh/target/classpath.txt (client-jmh.sh, http-floor.sh)
build_bench() {
  log "building the benchmarks ..."
  (cd "$ROOT" && ./mvnw -q -B -ntp -Pbench package -Dmaven.test.skip=true -Dmaven.javadoc.skip=true -pl bench/jmh -am) \
    >"$TOOLS/build-jmh.log" 2>&1 || { tail -40 "$TOOLS/build-jmh.log" >&2; return 1; }
}

# start_mock PORT [extra args...]: the executable jar, as its README runs it; sets MOCK_PID
start_mock() {
  local port=$1; shift
  start_cmd "$TOOLS/mock-$port.log" java ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.port="$port" "$@"
  MOCK_PID=$LAST_PID
}

# start_prism PORT: Prism 5 mocking the same document; sets PRISM_PID
start_prism() {
  start_cmd "$TOOLS/prism-$1.log" "$PRISM" mock -h 127.0.0.1 -p "$1" "$SPEC"
  PRISM_PID=$LAST_PID
}

# start_wiremock PORT: WireMock 3 standalone on loopback serving bench/wiremock/mappings (a
# templated stub of the create), from a copy in bench/target (WireMock adds a __files folder to
# its root); sets WIREMOCK_PID. Flags, chosen for a fair comparison with the
# mock as mock-vs-prism.sh runs it (journal on, no line per request):
#   --max-request-journal-entries 1000: WireMock keeps a request journal as the mock does (its
#     dws.mock.journal.size, 1000 by default), bounded alike; --no-request-journal would spare
#     WireMock work the mock does, and an unbounded journal would grow its heap all run long
#   --disable-request-logging: WireMock's documented setting for load tests. Without --verbose
#     (not given) it prints nothing per request either way; this only saves formatting each
#     request and answer for a notifier that drops them, as the mock (dws.mock.access-log=false)
#     formats nothing
#   --disable-banner: a quieter log; nothing else. Jetty's threads, gzip (wrk asks for none) and
#     templating (local: the stub asks for it) stay at WireMock's defaults
start_wiremock() {
  local root="$TOOLS/wiremock/root-$1"
  rm -rf "$root"; mkdir -p "$root"; cp -R "$BENCH/wiremock/mappings" "$root/"
  start_cmd "$TOOLS/wiremock-$1.log" java ${BENCH_JAVA_OPTS:-} -jar "$WIREMOCK_JAR" --bind-address 127.0.0.1 --port "$1" \
    --root-dir "$root" --max-request-journal-entries 1000 --disable-request-logging --disable-banner
  WIREMOCK_PID=$LAST_PID
}

start_cmd() {  # start_cmd LOGFILE COMMAND...: in the background, recorded for cleanup; sets LAST_PID
  local logfile=$1; shift
  "$@" >"$logfile" 2>&1 &
  LAST_PID=$!; PIDS+=("$LAST_PID"); LOGS[$LAST_PID]=$logfile
}

stop() {  # stop PID: ends it and forgets it (so that cleanup never signals a reused pid)
  kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true
  local kept=() p
  for p in "${PIDS[@]}"; do [ "$p" = "$1" ] || kept+=("$p"); done
  PIDS=("${kept[@]}")
}

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
machine() {
  echo "$(nproc) cores, $(java -version 2>&1 | sed -n 1p | tr -d '"'), $(uname -m), load average $(loadavg)"
}
