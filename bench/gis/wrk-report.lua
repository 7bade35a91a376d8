-- wrk script of bench/gis: at the end one line the bench reads (latencies in ms), since wrk's own
-- --latency output has no p95.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests":%d,"durationUs":%d,"bytes":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,'
      .. '"non2xx":%d,"timeouts":%d,"p50":%.3f,"p95":%.3f,"p99":%.3f,"max":%.3f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end
