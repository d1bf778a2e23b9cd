-- wrk script: POST /v1/auth/login with a demo account's right password, so
-- every request that is let in costs a full argon2id check (the worst case).
-- Keep-alive connections, as an attacker's client would use.
local body = '{"identifier":{"kind":"id","value":"acc_demoken"},"password":"demo-password-2026"}'

request = function()
  return wrk.format("POST", "/v1/auth/login", { ["Content-Type"] = "application/json" }, body)
end
