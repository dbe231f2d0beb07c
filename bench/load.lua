-- wrk script for `make bench`: counts non-2xx answers per thread and prints one JSON line with
-- requests, latency percentiles (microseconds) and errors when the run is done.
-- Its argument (after `--`) is a think time in milliseconds: each connection then waits between
-- 0.5 and 1.5 times that long before its next request, as a person reading the page would.
-- 0: no pause, the connections saturate the server.
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
  think_ms = tonumber(args[1] or "0") or 0
  math.randomseed(os.time() + (id or 0))
end

function delay()
  if think_ms > 0 then
    return math.random(math.floor(think_ms / 2), math.floor(think_ms * 3 / 2))
  end
  return 0
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + (thread:get("non2xx") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d, ' ..
    '"non2xx": %d, "connect": %d, "read": %d, "write": %d, "timeout": %d, "status": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.max, bad, e.connect, e.read, e.write, e.timeout, e.status))
end
