#!/bin/sh
# The largest answers the Admin API gives, measured against the reference
# service: the numbers behind the client's answer-size cap
# (MAX_RESPONSE_BYTES in src/client/transport.rs; BENCHMARKS.md).
#
#   cargo build -p acctl-service && bench/cli/largest-answers.sh
#
# 1. `accounts:batchLookup?reveal=true` for 500 accounts with long emails,
#    100-character names and two named devices each;
# 2. `GET /v1/audit?limit=1000` over 1,000 lock/unlock events, each with a
#    500-character reason and ticket (the most `--reason`/`--ticket` take).
set -eu
SVC=${SVC:-target/debug/acctl-service}
dir=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
python3 - "$dir/accounts.ndjson" <<'PY'
import json, sys
name = ("Zoë Müller-Lüdenscheidt 张伟 " * 5)[:100]
with open(sys.argv[1], "w") as f:
    for i in range(500):
        f.write(json.dumps({
            "email": f"customer.with.a.rather.long.name.{i:04d}@mail.subdomain.of.a.long.example.com",
            "phone": f"+86138{i:08d}",
            "display_name": name,
            "devices": [{"model": "iPhone 15 Pro Max", "name": name}, {"model": "Samsung Galaxy S24 Ultra", "name": name}],
        }, ensure_ascii=False) + "\n")
PY
"$SVC" accounts import --db "$dir/a.db" --create "$dir/accounts.ndjson" 2>/dev/null
token=$("$SVC" token create --db "$dir/a.db" --actor bench-admin --role admin 2>/dev/null)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$SVC" serve --listen "127.0.0.1:$port" --db "$dir/a.db" 2>"$dir/serve.log" &
pid=$!
url="http://127.0.0.1:$port"
until curl -sf "$url/healthz" >/dev/null; do sleep 0.1; done
ids=$(python3 - "$dir/accounts.ndjson" <<'PY'
import json, sys
lines = open(sys.argv[1]).read().splitlines()
print(json.dumps({"identifiers": [{"kind": "email", "value": json.loads(l)["email"]} for l in lines]}))
PY
)
batch=$(curl -s -o "$dir/batch.json" -w '%{size_download}' -H "authorization: Bearer $token" \
  -H 'content-type: application/json' -d "$ids" "$url/v1/accounts:batchLookup?reveal=true")
found=$(python3 -c "import json; print(sum(1 for r in json.load(open('$dir/batch.json'))['results'] if r.get('account')))")
echo "batchLookup, 500 identifiers, reveal=true: $batch bytes ($found accounts found)"
reason=$(python3 -c 'print("r" * 500)')
ticket=$(python3 -c 'print("T" * 500)')
account=$(python3 -c "import json; print(json.load(open('$dir/batch.json'))['results'][0]['account']['id'])")
i=0
while [ $i -lt 500 ]; do
  for action in lock unlock; do
    curl -s -o /dev/null -X POST -H "authorization: Bearer $token" -H 'content-type: application/json' \
      -H "audit-reason: $reason" -H "audit-ticket: $ticket" -H "idempotency-key: bench-$i-$action" \
      -d '{}' "$url/v1/accounts/$account:$action"
  done
  i=$((i + 1))
done
audit=$(curl -s -o "$dir/audit.json" -w '%{size_download}' -H "authorization: Bearer $token" "$url/v1/audit?limit=1000")
events=$(python3 -c "import json; print(len(json.load(open('$dir/audit.json'))['events']))")
echo "audit, limit=1000: $audit bytes ($events events)"
