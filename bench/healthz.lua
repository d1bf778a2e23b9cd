-- wrk script: GET /healthz (no auth, no SQL), paced like lookup.lua: the floor
-- that loopback, the kernel and scheduling put under any request here.
-- env: BENCH_DELAY_MS
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
request = function() return wrk.format("GET", "/healthz") end
delay = function() return pause end
