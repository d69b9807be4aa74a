-- wrk script of the bench/ scripts: valid create-snapshot requests, a unique name per request.
-- Prints one machine-readable line at the end: RESULT <req/s> <p50 ms> <p99 ms> <errors>
-- (errors: answers with status >= 400, and socket errors, which include answers slower than
-- wrk's --timeout). BENCH_RUN makes names unique across runs against the same server.
local project = os.getenv("BENCH_PROJECT") or "89cd04f168b84af6be287f71730fdb4b"
local cluster = os.getenv("BENCH_CLUSTER") or "44b277eb-39be-4921-be31-3d61b43651d7"
local run = os.getenv("BENCH_RUN") or tostring(os.time())
local threads = 0
local counter = 0
local prefix

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  prefix = "b" .. run .. "-" .. tostring(wrk.thread:get("tid")) .. "-"
  wrk.method = "POST"
  wrk.path = "/v1.0/" .. project .. "/snapshots"
  wrk.headers["Content-Type"] = "application/json"
  -- Prism only checks that a security header is present; the mock runs with auth=none here.
  wrk.headers["Authorization"] = "SDK-HMAC-SHA256 Access=BENCH, SignedHeaders=host;x-sdk-date, Signature=00"
  wrk.headers["X-Sdk-Date"] = "20261128T045404Z"
end

local head, before, after
function request()
  if not head then
    -- the request line and headers that wrk.format writes, made once: only the body and its
    -- length change from one request to the next (wrk.format per request is CPU that wrk
    -- would take from the server under test on the same cores)
    local sample = wrk.format(nil, nil, nil, "")
    head = sample:gsub("Content%-Length: 0\r\n", "")
    head = head:sub(1, #head - 2) .. "Content-Length: "
    before = '{"snapshot":{"name":"' .. prefix
    after = '","cluster_id":"' .. cluster .. '","description":"bench"}}'
  end
  counter = counter + 1
  local body = before .. counter .. after
  return head .. #body .. "\r\n\r\n" .. body
end

function done(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %.0f %.3f %.3f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors))
end
