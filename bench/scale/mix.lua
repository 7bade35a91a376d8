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

-- the summary line (bench/lib/wrk-summary.lua), found beside this script whatever wrk's working folder
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "../lib/wrk-summary.lua")
