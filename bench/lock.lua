-- wrk script: POST /v1/accounts/{id}:lock, each request a different synthetic
-- account from BENCH_FIRST on, with its own Idempotency-Key, as a plain
-- concurrent client would send the requests `acctl bulk lock` sends.
-- env: ACCTL_TOKEN, BENCH_FIRST (first account number), BENCH_COUNT
local token = os.getenv("ACCTL_TOKEN")
local first = tonumber(os.getenv("BENCH_FIRST") or "0")
local count = tonumber(os.getenv("BENCH_COUNT") or "10000")
local threads = 0
local counter = 0

setup = function(thread)
  thread:set("offset", threads)
  threads = threads + 1
end

init = function()
  counter = 0
end

request = function()
  -- Two wrk threads interleave: thread 0 takes even numbers, thread 1 odd ones.
  local n = first + ((counter * 2 + offset) % count)
  counter = counter + 1
  return wrk.format("POST", string.format("/v1/accounts/acc_load%010d:lock", n), {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("wrk-%d-%d-%d", offset, counter, os.time()),
  }, "{}")
end
