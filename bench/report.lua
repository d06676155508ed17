-- wrk script: prints one machine-readable line at the end of a run (wrk's own --latency output has no p95).
-- With BENCH_UNIQUE_QUERY=1 every request gets a query string of its own (r=<thread>-<n>), which the pages ignore
-- and the page cache never saw: every request is rendered.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
if os.getenv("BENCH_UNIQUE_QUERY") == "1" then
  local n = 0
  request = function()
    n = n + 1
    local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
    return wrk.format(nil, wrk.path .. sep .. "r=" .. tostring(tid) .. "-" .. n)
  end
end
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
                 + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f requests=%d errors=%d bytes=%d\n",
    summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, errors, summary.bytes))
end
