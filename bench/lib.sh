# Shared helpers of the bench/ scripts (sourced, not run).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SPEC="$ROOT/api-spec/src/main/openapi/dws-snapshot.yaml"
JAR="$ROOT/server-stub/target/dws-mock-server.jar"
PRISM_VERSION=5.16.0
TOOLS="$ROOT/bench/target"
PIDS=()

cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

need_apt() {  # need_apt COMMAND PACKAGE
  command -v "$1" >/dev/null && return
  echo "installing $2 ..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "$2" >/dev/null
}

build_mock() {
  if [ ! -f "$JAR" ] || [ -n "${BENCH_REBUILD:-}" ]; then
    (cd "$ROOT" && ./mvnw -q -B package -DskipTests -pl server-stub -am)
  fi
}

install_prism() {
  if [ ! -x "$TOOLS/prism/node_modules/.bin/prism" ]; then
    mkdir -p "$TOOLS/prism"
    (cd "$TOOLS/prism" && npm install --silent --no-audit --no-fund "@stoplight/prism-cli@$PRISM_VERSION" >/dev/null)
  fi
  PRISM="$TOOLS/prism/node_modules/.bin/prism"
}

# wait_http URL [seconds]: until any HTTP answer comes
wait_http() {
  local url=$1 limit=${2:-120} i=0
  until curl -s -o /dev/null "$url"; do
    sleep 0.05; i=$((i + 1))
    [ $i -gt $((limit * 20)) ] && { echo "no answer from $url" >&2; return 1; }
  done
}

start_mock() {  # start_mock PORT [extra args...]; sets MOCK_PID
  local port=$1; shift
  java ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.port="$port" "$@" >"$TOOLS/mock-$port.log" 2>&1 &
  MOCK_PID=$!; PIDS+=("$MOCK_PID")
}

start_prism() {  # start_prism PORT; sets PRISM_PID
  "$PRISM" mock -h 127.0.0.1 -p "$1" "$SPEC" >"$TOOLS/prism-$1.log" 2>&1 &
  PRISM_PID=$!; PIDS+=("$PRISM_PID")
}

stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

machine() { echo "$(nproc) cores, $(java -version 2>&1 | head -1 | tr -d '"'), $(uname -m)"; }
