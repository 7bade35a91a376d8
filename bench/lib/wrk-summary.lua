-- Shared by the wrk scripts of bench/ (each dofile()s it by its own path): wrk's done() writes the
-- run's summary as one JSON line (latencies in microseconds) that the Node runners parse.
function done(summary, latency, requests)
  local s = summary
  io.write(string.format(
    'WRK-JSON {"requests":%d,"duration_us":%d,"errors":%d,"non2xx":%d,"p50":%d,"p95":%d,"p99":%d,"max":%d}\n',
    s.requests, s.duration, s.errors.connect + s.errors.read + s.errors.write + s.errors.timeout,
    s.errors.status, latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
