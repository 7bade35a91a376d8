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

-- the summary line (bench/lib/wrk-summary.lua), found beside this script whatever wrk's working folder
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "../lib/wrk-summary.lua")
