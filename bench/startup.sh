#!/usr/bin/env bash
# Benchmark 3: start-up, process start to the first 200 on a create request, mock vs Prism,
# median of 5 runs each.
source "$(dirname "$0")/lib.sh"
RUNS=${1:-5}
need_apt curl curl
build_mock; install_prism
mkdir -p "$TOOLS"
BODY='{"snapshot":{"name":"startup-1","cluster_id":"44b277eb-39be-4921-be31-3d61b43651d7"}}'

first_200() {  # first_200 PORT START_NS -> milliseconds
  local port=$1 start=$2
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
      -H 'Authorization: SDK-HMAC-SHA256 Access=B, SignedHeaders=host;x-sdk-date, Signature=0' \
      --data "$BODY" "http://127.0.0.1:$port/v1.0/89cd04f168b84af6be287f71730fdb4b/snapshots")" = 200 ]; do
    sleep 0.01
  done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

mock_times=(); prism_times=()
for i in $(seq "$RUNS"); do
  t0=$(date +%s%N); start_mock 18081 --dws.mock.auth=none; mock_times+=("$(first_200 18081 "$t0")"); stop "$MOCK_PID"
  t0=$(date +%s%N); start_prism 14011; prism_times+=("$(first_200 14011 "$t0")"); stop "$PRISM_PID"
done
m=$(printf '%s\n' "${mock_times[@]}" | median); p=$(printf '%s\n' "${prism_times[@]}" | median)
echo "mock  start to first 200 (ms): ${mock_times[*]} -> median $m"
echo "prism start to first 200 (ms): ${prism_times[*]} -> median $p"
awk -v m="$m" -v p="$p" 'BEGIN { printf "mock/prism start-up time = %.2f\n", m / p }'
echo "machine: $(machine); date: $(date -u +%Y-%m-%d)"
