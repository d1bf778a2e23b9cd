-- wrk script: POST /v1/accounts:batchLookup with 500 email identifiers per request.
-- env: ACCTL_TOKEN, BENCH_ACCOUNTS
local token = os.getenv("ACCTL_TOKEN")
local n = tonumber(os.getenv("BENCH_ACCOUNTS") or "100000")
math.randomseed(os.time())

local bodies = {}
for b = 1, 20 do
  local ids = {}
  for i = 1, 500 do
    ids[i] = string.format('{"kind":"email","value":"user%d@load.example.com"}', math.random(0, n - 1))
  end
  bodies[b] = '{"identifiers":[' .. table.concat(ids, ",") .. ']}'
end
local i = 0

request = function()
  i = i % #bodies + 1
  return wrk.format("POST", "/v1/accounts:batchLookup",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, bodies[i])
end
