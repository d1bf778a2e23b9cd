-- wrk script: POST /v1/accounts:batchLookup with 500 email identifiers per request.
-- env: ACCTL_TOKEN, BENCH_ACCOUNTS, BENCH_DRAW
--   BENCH_DRAW=random (the default): each identifier drawn at random from
--     the BENCH_ACCOUNTS accounts, so a body can name an account twice.
--   BENCH_DRAW=runs: each body is 500 consecutive accounts from a random
--     start, wrapping round, as `acctl lookup -` batches lines user0, user1,
--     ...: the same work for the service, which looks each distinct value in a
--     batch up once. Drawn at random from 2,000 accounts, a body repeats about
--     58 of its 500, and those cost the service no query.
local token = os.getenv("ACCTL_TOKEN")
local n = tonumber(os.getenv("BENCH_ACCOUNTS") or "100000")
local runs = os.getenv("BENCH_DRAW") == "runs"
math.randomseed(os.time())

local bodies = {}
for b = 1, 20 do
  local ids = {}
  local start = math.random(0, n - 1)
  for i = 1, 500 do
    local account = runs and (start + i - 1) % n or math.random(0, n - 1)
    ids[i] = string.format('{"kind":"email","value":"user%d@load.example.com"}', account)
  end
  bodies[b] = '{"identifiers":[' .. table.concat(ids, ",") .. ']}'
end
local i = 0

request = function()
  i = i % #bodies + 1
  return wrk.format("POST", "/v1/accounts:batchLookup",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, bodies[i])
end
