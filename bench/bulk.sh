#!/usr/bin/env bash
# Benchmark of `acctl bulk lock` (issue 9), on loopback only, bounded:
#   B1  bulk lock of 20,000 accounts at concurrency 8, vs wrk POSTing :lock
#       at 8 connections for as long as the acctl job took (each request a
#       different account and key)                                              goal ≥ 0.8× of wrk's accounts/s
#   B2  the same bulk job with its journal on tmpfs (/dev/shm) instead of the
#       work directory's disk: what the journal's fsyncs cost                  goal ≤ 10 %
#   B3  B1 again through bench/fault-proxy.py at 10 % faults (503s, and resets
#       after the service applied the lock): acctl locks every account, with
#       retries and backoff; wrk's figure is the locks it saw succeed
# Exactly-once through faults, kill -9 and resume is shown by the tests
# (tests/it/bulk_faults.rs), not here.
# Writes nothing by itself: paste the printed table into BENCHMARKS.md.
# Usage: bench/bulk.sh          (needs wrk, curl, python3: apt-get install -y wrk curl python3)
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in wrk curl /usr/bin/time; do command -v $tool >/dev/null || { echo "needs $tool" >&2; exit 2; }; done

cargo build --release -q -p acctl -p acctl-service
acctl=$PWD/target/release/acctl
service=$PWD/target/release/acctl-service
work=$(mktemp -d)
shm=$(mktemp -d /dev/shm/acctl-bench.XXXX)
pid= proxy=
trap 'kill $pid $proxy 2>/dev/null || true; rm -rf "$work" "$shm"' EXIT

n=20000
$service accounts generate --db "$work/bench.db" --create --count $((n * 4)) >/dev/null 2>&1
export ACCTL_TOKEN=$($service token create --db "$work/bench.db" --actor bench --role sre 2>/dev/null)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export ACCTL_URL=http://127.0.0.1:$port NO_COLOR=1 XDG_STATE_HOME=$work/state
printf '[profiles.local]\nurl = "%s"\nconcurrency = 8\nrate = "off"\n' "$ACCTL_URL" > "$work/bench.toml"
export ACCTL_CONFIG=$work/bench.toml

# Each measurement gets a fresh service over a fresh copy of the same
# database: a lock queues a notice in the outbox, and the delivery worker
# draining 20,000 of them from the previous phase would otherwise slow the
# next one (the first version of this script measured exactly that).
fresh_service() {
  [ -n "$pid" ] && { kill $pid; wait $pid 2>/dev/null || true; }
  rm -f "$work/run.db" "$work/run.db-wal" "$work/run.db-shm"
  cp "$work/bench.db" "$work/run.db"
  ACCTL_SERVICE_LOG=warn $service serve --listen 127.0.0.1:$port --db "$work/run.db" --rate-limit 0 &
  pid=$!
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && return; sleep 0.1; done
  echo "the service did not start" >&2; exit 1
}

list() { python3 -c "for i in range($1, $1 + $n): print(f'acc_load{i:010d}')"; }
list 0 > "$work/a.txt"; list $n > "$work/b.txt"

fresh_service
t0=$(date +%s.%N)
/usr/bin/time -f '%U %S' -o "$work/a.cpu" "$acctl" bulk lock --input "$work/a.txt" --yes --journal "$work/a.ndjson" -o ndjson > "$work/a.out"
t1=$(date +%s.%N)
fresh_service
t2=$(date +%s.%N)
"$acctl" bulk lock --input "$work/b.txt" --yes --journal "$shm/b.ndjson" -o ndjson > "$work/b.out"
t3=$(date +%s.%N)
fresh_service
# For as long as the acctl job took: the service slows as its tables grow,
# and the fixed 20 s run this script first used measured only its fast start
# against acctl's whole job. (wrk cannot stop after a number of requests.)
secs=$(python3 -c "print(max(5, round($t1 - $t0)))")
BENCH_FIRST=$((n * 2)) BENCH_COUNT=$((n * 2)) wrk -t2 -c8 -d${secs}s -s bench/lock.lua "$ACCTL_URL" > "$work/wrk.txt"
[ "$(grep -c '"outcome":"done"' "$work/a.out")" -eq $n ] || { echo "bulk did not lock all $n" >&2; exit 1; }

# B3: both again through bench/fault-proxy.py, 10 % of requests faulted
# (half 503 before the service, half a reset after it applied the lock).
# acctl retries each with its key until every account is locked; wrk does
# not retry, so its figure is the locks it saw succeed.
fresh_service
pport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 bench/fault-proxy.py $pport $port 0.1 7 &
proxy=$!
for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/$pport) 2>/dev/null && break; sleep 0.1; done
t4=$(date +%s.%N)
ACCTL_URL=http://127.0.0.1:$pport "$acctl" bulk lock --input "$work/a.txt" --yes --journal "$work/c.ndjson" -o ndjson > "$work/c.out"
t5=$(date +%s.%N)
[ "$(grep -c '"outcome":"done"' "$work/c.out")" -eq $n ] || { echo "bulk through faults did not lock all $n" >&2; exit 1; }
fresh_service
secs=$(python3 -c "print(max(5, round($t5 - $t4)))")
BENCH_FIRST=$((n * 2)) BENCH_COUNT=$((n * 2)) wrk -t2 -c8 -d${secs}s -s bench/lock.lua "http://127.0.0.1:$pport" > "$work/wrkf.txt" || true
kill $proxy

python3 - "$t0" "$t1" "$t2" "$t3" "$n" "$work/wrk.txt" "$work/a.cpu" "$t4" "$t5" "$work/wrkf.txt" <<'PY'
import re, sys
t0, t1, t2, t3 = (float(a) for a in sys.argv[1:5])
n = int(sys.argv[5])
wrk = open(sys.argv[6]).read()
t4, t5 = float(sys.argv[8]), float(sys.argv[9])
wrkf = open(sys.argv[10]).read()
# wrk's rate counts every answer: check they were locks, not errors.
bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", wrk)
if bad:
    sys.exit(f"wrk got {bad.group(1)} error answers: {wrk}")
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", wrk).group(1))
disk, shm = n / (t1 - t0), n / (t3 - t2)
print(f"| B1 bulk lock, journal on disk | {disk:,.0f} accounts/s | wrk {rps:,.0f} req/s | {disk / rps:.2f}x (goal >= 0.8x) |")
user, system = (float(x) for x in open(sys.argv[7]).read().split()[-2:])
print(f"| acctl's own CPU for B1 | {user + system:.1f} s ({(user + system) / n * 1e6:.0f} us an account) | load average {open('/proc/loadavg').read().split()[0]} | |")
print(f"| B2 journal on tmpfs instead   | {shm:,.0f} accounts/s | disk costs {max(0.0, 1 - disk / shm) * 100:.1f} % | (goal <= 10 %) |")
# Through faults: wrk's answers minus its error answers, over its run.
m = re.search(r"(\d+) requests in ([\d.]+)(s|m)\b", wrkf)
secs = float(m.group(2)) * (60 if m.group(3) == "m" else 1)
errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", wrkf)
ok = (int(m.group(1)) - (int(errors.group(1)) if errors else 0)) / secs
faulted = n / (t5 - t4)
print(f"| B3 B1 through 10 % faults | {faulted:,.0f} accounts/s, all {n:,} locked | wrk {ok:,.0f} locks/s seen to succeed | {faulted / ok:.2f}x |")
PY
