-- wrk script of the bench/ scripts: one GET of BENCH_PATH (a snapshot's detail, a page of a
-- cluster's snapshots), the same request each time. Prints one machine-readable line at the end:
-- RESULT <req/s> <p50 ms> <p99 ms> <errors> (errors: answers with status >= 400, and socket errors).
function init(args)
  wrk.method = "GET"
  wrk.path = os.getenv("BENCH_PATH")
  -- Prism only checks that a security header is present; the mock runs with auth=none here.
  wrk.headers["Authorization"] = "SDK-HMAC-SHA256 Access=BENCH, SignedHeaders=host;x-sdk-date, Signature=00"
  wrk.headers["X-Sdk-Date"] = "20261128T045404Z"
end

function done(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %.0f %.3f %.3f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors))
end
