-- wrk script: GET /v1/accounts/{id} for random synthetic accounts, paced.
-- env: ACCTL_TOKEN, BENCH_ACCOUNTS (how many were generated), BENCH_DELAY_MS
local token = os.getenv("ACCTL_TOKEN")
local n = tonumber(os.getenv("BENCH_ACCOUNTS") or "100000")
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
math.randomseed(os.time())

request = function()
  local path = string.format("/v1/accounts/acc_load%010d", math.random(0, n - 1))
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end

delay = function()
  return pause
end
