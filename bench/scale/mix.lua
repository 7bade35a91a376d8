-- wrk script: GETs of the public APIs in turn (paths from the file named by the first argument, one
-- a line); the summary goes out as one JSON line (latencies in microseconds) for api.mjs.
local paths = {}
local sent = 0

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  -- each thread starts at another place of the list
  sent = math.random(#paths)
end

function request()
  sent = sent + 1
  return wrk.format("GET", paths[(sent % #paths) + 1])
end

function done(summary, latency, requests)
  local s = summary
  io.write(string.format(
    'WRK-JSON {"requests":%d,"duration_us":%d,"errors":%d,"non2xx":%d,"p50":%d,"p95":%d,"p99":%d,"max":%d}\n',
    s.requests, s.duration, s.errors.connect + s.errors.read + s.errors.write + s.errors.timeout,
    s.errors.status, latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
