#!/usr/bin/env bash
# Unauthenticated sign-in flood against the reference service (issue 10, item 2),
# on loopback only and bounded in time: for 8, 16, 32 and 64 concurrent
# keep-alive clients on POST /v1/auth/login (right password: every request let
# in costs a full argon2id check), a fresh service each time, and meanwhile one
# client looking an account up every 100 ms. Records the service's peak RSS
# (VmHWM from /proc/PID/status), the sign-in answers (200 vs 503 service_busy)
# and the lookup latency during the flood.
# Writes the table into BENCHMARKS.md between the login-flood markers.
# Usage: bench/login-flood.sh [seconds per level, default 15]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-15}
command -v wrk >/dev/null || { echo "needs wrk: apt-get install -y wrk" >&2; exit 2; }

cargo build --release -q -p acctl-service
bin=target/release/acctl-service
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$work"' EXIT

for clients in 8 16 32 64; do
  rm -f "$work"/bench.db*
  $bin accounts generate --db "$work/bench.db" --create --count 1000 2>/dev/null
  export ACCTL_TOKEN=$($bin token create --db "$work/bench.db" --actor bench --role agent 2>/dev/null)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  ACCTL_SERVICE_LOG=warn $bin serve --listen 127.0.0.1:$port --db "$work/bench.db" --demo --rate-limit 0 &
  pid=$!
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  url=http://127.0.0.1:$port
  idle_kb=$(sed -n 's/^VmRSS:\s*\([0-9]*\) kB/\1/p' /proc/$pid/status)
  BENCH_ACCOUNTS=1000 BENCH_DELAY_MS=100 wrk -t1 -c1 -d${secs}s --latency -s bench/lookup.lua "$url" > "$work/lookup$clients.txt" &
  lookups=$!
  wrk -t2 -c$clients -d${secs}s -s bench/login.lua "$url" > "$work/login$clients.txt"
  wait $lookups
  sed -n 's/^VmHWM:\s*\([0-9]*\) kB/\1/p' /proc/$pid/status > "$work/hwm$clients.txt"
  sed -n 's/^VmRSS:\s*\([0-9]*\) kB/\1/p' /proc/$pid/status > "$work/rss$clients.txt"
  echo "$idle_kb" > "$work/idle$clients.txt"
  ls /proc/$pid/task | wc -l > "$work/threads$clients.txt"
  kill $pid; wait $pid 2>/dev/null || true; pid=
done

python3 - "$work" "$secs" <<'PY'
import re, sys, pathlib, datetime, subprocess
work = pathlib.Path(sys.argv[1]); secs = sys.argv[2]
def ms(text, p):
    m = re.search(r"^\s+%s%%\s+([\d.]+)(us|ms|s)" % p, text, re.M)
    v, u = float(m.group(1)), m.group(2)
    return v / 1000 if u == "us" else v * 1000 if u == "s" else v
def lat_max(text):
    m = re.search(r"^\s+Latency\s+\S+\s+\S+\s+([\d.]+)(us|ms|s)", text, re.M)
    v, u = float(m.group(1)), m.group(2)
    return v / 1000 if u == "us" else v * 1000 if u == "s" else v
def num(text, pattern, default=0):
    m = re.search(pattern, text)
    return int(m.group(1)) if m else default
rows = []
for c in (8, 16, 32, 64):
    login = (work / f"login{c}.txt").read_text(); lookup = (work / f"lookup{c}.txt").read_text()
    total = num(login, r"(\d+) requests in")
    busy = num(login, r"Non-2xx or 3xx responses: (\d+)")
    hwm = int((work / f"hwm{c}.txt").read_text()) / 1024
    rss = int((work / f"rss{c}.txt").read_text()) / 1024
    idle = int((work / f"idle{c}.txt").read_text()) / 1024
    threads = int((work / f"threads{c}.txt").read_text())
    lookup_errors = "Non-2xx" in lookup
    rows.append(f"| {c} | {hwm:,.0f} MB (idle {idle:,.0f} MB, after {rss:,.0f} MB, {threads} threads) | "
                f"{total - busy:,} signed in, {busy:,} answered 503 `service_busy` | "
                f"p50 {ms(lookup, 50):.1f} ms, p99 {ms(lookup, 99):.1f} ms, max {lat_max(lookup):.1f} ms"
                f"{' (**non-2xx lookups**)' if lookup_errors else ''} |")
cpu = subprocess.run(["sh", "-c", "lscpu | sed -n 's/^Model name: *//p'"], capture_output=True, text=True).stdout.strip()
table = f"""<!-- login-flood:begin -->
Measured {datetime.date.today()} on {cpu} (2 cores, shared), release build, loopback, {secs} s per level, a fresh
service per level. Command: `bench/login-flood.sh {secs}`. Every sign-in uses the right password of a demo
account, so each one let in costs a full argon2id check (m=19 MiB); one more client looks an account up every
100 ms meanwhile (`GET /v1/accounts/{{id}}`, wrk's latency of those lookups).

| concurrent keep-alive sign-in clients | service peak RSS (VmHWM) | sign-ins | lookup latency during the flood |
|---|---|---|---|
{chr(10).join(rows)}

Goal (issue 10, item 2): under 256 MB at 64 clients, lookups answered within 50 ms meanwhile. Before the fix
the same flood took the service to 1.6 / 2.8 / 4.2 / 7.0 GB at 8 / 16 / 32 / 64 clients (issue 10's figures).
<!-- login-flood:end -->"""
path = pathlib.Path("BENCHMARKS.md")
text = path.read_text()
if "<!-- login-flood:begin -->" not in text:
    text = text.replace("\n## CLI", "\n### Sign-in flood\n\n<!-- login-flood:begin -->\n<!-- login-flood:end -->\n\n## CLI", 1)
text = re.sub(r"<!-- login-flood:begin -->.*?<!-- login-flood:end -->", table, text, flags=re.S)
path.write_text(text)
print(table)
PY
