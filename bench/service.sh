#!/usr/bin/env bash
# Benchmarks of the reference service (issue #2), on loopback only, bounded in time:
#   1. single lookups (GET /v1/accounts/{id}) paced near 2,000 req/s: p50/p99 latency (wrk --latency)
#   2. accounts:batchLookup with 500 identifiers per request: identifiers/s
# Writes the table into BENCHMARKS.md between the service markers.
# Usage: bench/service.sh [seconds per run, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
command -v wrk >/dev/null || { echo "needs wrk: apt-get install -y wrk" >&2; exit 2; }

cargo build --release -q -p acctl-service
bin=target/release/acctl-service
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
accounts=100000
$bin accounts generate --create --db "$work/bench.db" --count $accounts 2>/dev/null
export ACCTL_TOKEN=$($bin token create --db "$work/bench.db" --actor bench --role agent 2>/dev/null)
export BENCH_ACCOUNTS=$accounts
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
ACCTL_SERVICE_LOG=warn $bin serve --listen 127.0.0.1:$port --db "$work/bench.db" --rate-limit 0 &
pid=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
url=http://127.0.0.1:$port

# Warm up (page cache, mmap, connection caches); not measured.
BENCH_DELAY_MS=10 wrk -t2 -c20 -d5s -s bench/lookup.lua "$url" > /dev/null
# About 2,000 req/s offered two ways: 10 connections each pausing 4 ms, and
# 20 connections each pausing 9 ms (more requests in flight at once). Three
# runs each: on a 2-core machine shared with the load generator, one run's
# tail is mostly scheduling noise, so the table shows all three and the median.
# Each round also runs /healthz (no auth, no SQL) under the same load: the
# floor of this machine at that moment, so a bad minute of the VM shows as
# such rather than as the service's cost.
for run in 1 2 3; do
  BENCH_DELAY_MS=4 wrk -t2 -c10 -d${secs}s --latency -s bench/lookup.lua "$url" > "$work/lookup$run.txt"
  BENCH_DELAY_MS=4 wrk -t2 -c10 -d${secs}s --latency -s bench/healthz.lua "$url" > "$work/health$run.txt"
  BENCH_DELAY_MS=9 wrk -t2 -c20 -d${secs}s --latency -s bench/lookup.lua "$url" > "$work/wide$run.txt"
done
# One connection, no pause: the service's own latency without queueing.
wrk -t1 -c1 -d${secs}s --latency -s bench/lookup.lua "$url" > "$work/single.txt"
wrk -t2 -c8 -d${secs}s -s bench/batch.lua "$url" > "$work/batch.txt"

python3 - "$work" "$secs" <<'PY'
import re, sys, pathlib, datetime, subprocess, statistics
work = pathlib.Path(sys.argv[1]); secs = sys.argv[2]
runs = [(work / f"lookup{i}.txt").read_text() for i in (1, 2, 3)]
wide = [(work / f"wide{i}.txt").read_text() for i in (1, 2, 3)]
health = [(work / f"health{i}.txt").read_text() for i in (1, 2, 3)]
single = (work / "single.txt").read_text(); batch = (work / "batch.txt").read_text()
def pct(text, p):
    m = re.search(r"^\s+%s%%\s+([\d.]+)(us|ms|s)" % p, text, re.M)
    v, u = float(m.group(1)), m.group(2)
    return v / 1000 if u == "us" else v * 1000 if u == "s" else v
def rate(text):
    return float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
brps = rate(batch)
errors = any("Non-2xx" in t for t in runs + wide + health + [single, batch])
def row(label, texts, goal="p99 ≤ 2 ms"):
    p99s = [pct(t, 99) for t in texts]
    return (f"| {label} | {statistics.median(rate(t) for t in texts):,.0f} req/s achieved, "
            f"p50 {statistics.median(pct(t, 50) for t in texts):.2f} ms, p99 {statistics.median(p99s):.2f} ms median "
            f"(runs: {', '.join(f'{p:.2f}' for p in p99s)} ms) | {goal} |")
cpu = subprocess.run(["sh", "-c", "lscpu | sed -n 's/^Model name: *//p'"], capture_output=True, text=True).stdout.strip()
table = f"""<!-- service:begin -->
Measured {datetime.date.today()} on {cpu} (2 cores), release build, 100,000 synthetic accounts, loopback,
service and load generator on the same machine, {secs} s per run. Command: `bench/service.sh {secs}`.

| what | result | goal |
|---|---|---|
{row("single lookup `GET /v1/accounts/{id}`, ≈2,000 req/s offered by 10 connections, 3 runs", runs)}
{row("the machine's floor: `GET /healthz` (no auth, no SQL) under the same 10-connection load, right after each run above", health, "—")}
{row("the same load offered by 20 connections (twice the requests in flight), 3 runs", wide)}
| single lookup, 1 connection, back to back (no queueing) | {rate(single):,.0f} req/s, p50 {pct(single, 50):.2f} ms, p99 {pct(single, 99):.2f} ms | — |
| `accounts:batchLookup`, 500 identifiers per request, 8 connections | {brps:,.1f} req/s = {brps*500:,.0f} identifiers/s | — |
{"| **non-2xx answers were seen: the numbers are not valid** | | |" if errors else ""}
<!-- service:end -->"""
path = pathlib.Path("BENCHMARKS.md")
text = path.read_text() if path.exists() else "# Benchmarks\n\nNumbers come from the scripts under `bench/`; rerun them to refresh.\n\n## Reference service\n\n<!-- service:begin -->\n<!-- service:end -->\n"
text = re.sub(r"<!-- service:begin -->.*?<!-- service:end -->", table, text, flags=re.S)
path.write_text(text)
print(table)
PY
