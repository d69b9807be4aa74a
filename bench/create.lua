-- wrk script: valid create-snapshot requests, a unique name per request.
-- Prints one machine-readable line at the end: RESULT <req/s> <p50 ms> <p99 ms> <non-2xx>
local project = os.getenv("BENCH_PROJECT") or "89cd04f168b84af6be287f71730fdb4b"
local cluster = os.getenv("BENCH_CLUSTER") or "44b277eb-39be-4921-be31-3d61b43651d7"
local run = os.getenv("BENCH_RUN") or tostring(os.time())
local threads = {}
local counter = 0
local tid = 0

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  tid = tonumber(wrk.thread:get("tid")) or 0
  wrk.method = "POST"
  wrk.path = "/v1.0/" .. project .. "/snapshots"
  wrk.headers["Content-Type"] = "application/json"
  -- Prism only checks that the security header is present; the mock runs with auth=none here.
  wrk.headers["Authorization"] = "SDK-HMAC-SHA256 Access=BENCH, SignedHeaders=host;x-sdk-date, Signature=00"
  wrk.headers["X-Sdk-Date"] = "20261128T045404Z"
end

function request()
  counter = counter + 1
  local body = string.format('{"snapshot":{"name":"b%s-%d-%d","cluster_id":"%s","description":"bench"}}',
    run, tid, counter, cluster)
  return wrk.format(nil, nil, nil, body)
end

local non2xx = 0
function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local rps = summary.requests / (summary.duration / 1e6)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %.0f %.3f %.3f %d\n", rps,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors))
end
