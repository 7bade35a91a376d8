-- wrk script of bench/eservices: anonymous page views of the public home page and the service
-- catalogue, each as a browser makes it: the page's bootstrap GET, then the UI's start
-- (v-r=init), which builds the view on the server (the costly half). No cookies are kept: every
-- view is a new visitor, the harder case for the portal. One JSON line at the end (latencies in ms).
local paths = {
  "/", "/?v-r=init&location=&query=",
  "/posluhy", "/?v-r=init&location=posluhy&query=",
}
local sent = 0

request = function()
  sent = sent + 1
  return wrk.format("GET", paths[((sent - 1) % #paths) + 1])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests":%d,"durationUs":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,'
      .. '"non2xx":%d,"timeouts":%d,"p50":%.3f,"p95":%.3f,"p99":%.3f,"max":%.3f}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end
