-- wrk script: GETs of public pages in turn, each thread stops after its share of requests,
-- and the summary goes out as one JSON line (latencies in microseconds) for run.mjs.
local paths = { "/dokumenty", "/dokumenty?q=x", "/vidkryti-dani", "/no-such-page", "/login" }
local limit = 0
local counter = 0
local sent = 0

function init(args)
  limit = tonumber(args[1]) or 1000
end

function request()
  sent = sent + 1
  return wrk.format("GET", paths[(sent % #paths) + 1])
end

function response(status, headers, body)
  counter = counter + 1
  if counter >= limit then
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local s = summary
  io.write(string.format(
    'WRK-JSON {"requests":%d,"duration_us":%d,"errors":%d,"non2xx":%d,"p50":%d,"p95":%d,"p99":%d,"max":%d}\n',
    s.requests, s.duration, s.errors.connect + s.errors.read + s.errors.write + s.errors.timeout,
    s.errors.status, latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
