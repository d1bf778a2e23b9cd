#!/usr/bin/env bash
# Benchmark of `acctl bulk lock` (issue 9), on loopback only, bounded:
#   B1  bulk lock of 20,000 accounts at concurrency 8, vs wrk POSTing :lock
#       at 8 connections for 20 s (each request a different account and key)   goal ≥ 0.8× of wrk's accounts/s
#   B2  the same bulk job with its journal on tmpfs (/dev/shm) instead of the
#       work directory's disk: what the journal's fsyncs cost                  goal ≤ 10 %
# Faults are exercised by the tests (tests/it/bulk_faults.rs), not here.
# Writes nothing by itself: paste the printed table into BENCHMARKS.md.
# Usage: bench/bulk.sh          (needs wrk, curl: apt-get install -y wrk curl)
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in wrk curl; do command -v $tool >/dev/null || { echo "needs $tool" >&2; exit 2; }; done

cargo build --release -q -p acctl -p acctl-service
acctl=$PWD/target/release/acctl
service=$PWD/target/release/acctl-service
work=$(mktemp -d)
shm=$(mktemp -d /dev/shm/acctl-bench.XXXX)
trap 'kill $pid 2>/dev/null || true; rm -rf "$work" "$shm"' EXIT

n=20000
$service accounts generate --db "$work/bench.db" --create --count $((n * 4)) >/dev/null 2>&1
export ACCTL_TOKEN=$($service token create --db "$work/bench.db" --actor bench --role sre 2>/dev/null)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
ACCTL_SERVICE_LOG=warn $service serve --listen 127.0.0.1:$port --db "$work/bench.db" --rate-limit 0 &
pid=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
export ACCTL_URL=http://127.0.0.1:$port NO_COLOR=1 XDG_STATE_HOME=$work/state
printf '[profiles.local]\nurl = "%s"\nconcurrency = 8\nrate = "off"\n' "$ACCTL_URL" > "$work/bench.toml"
export ACCTL_CONFIG=$work/bench.toml

list() { python3 -c "for i in range($1, $1 + $n): print(f'acc_load{i:010d}')"; }
list 0 > "$work/a.txt"; list $n > "$work/b.txt"; list $((n * 2)) > "$work/c.txt"

t0=$(date +%s.%N)
"$acctl" bulk lock --input "$work/a.txt" --yes --journal "$work/a.ndjson" -o ndjson > "$work/a.out"
t1=$(date +%s.%N)
"$acctl" bulk lock --input "$work/b.txt" --yes --journal "$shm/b.ndjson" -o ndjson > "$work/b.out"
t2=$(date +%s.%N)
BENCH_FIRST=$((n * 3)) BENCH_COUNT=$n wrk -t2 -c8 -d20s -s bench/lock.lua "$ACCTL_URL" > "$work/wrk.txt"
[ "$(grep -c '"outcome":"done"' "$work/a.out")" -eq $n ] || { echo "bulk did not lock all $n" >&2; exit 1; }

python3 - "$t0" "$t1" "$t2" "$n" "$work/wrk.txt" <<'PY'
import re, sys
t0, t1, t2, n = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
wrk = open(sys.argv[5]).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", wrk).group(1))
disk, shm = n / (t1 - t0), n / (t2 - t1)
print(f"| B1 bulk lock, journal on disk | {disk:,.0f} accounts/s | wrk {rps:,.0f} req/s | {disk / rps:.2f}x (goal >= 0.8x) |")
print(f"| B2 journal on tmpfs instead   | {shm:,.0f} accounts/s | disk costs {max(0.0, 1 - disk / shm) * 100:.1f} % | (goal <= 10 %) |")
PY
