#!/usr/bin/env bash
# Idle and half-open connection flood against the reference service (issue 10,
# item 8), on loopback only and bounded in time: the service runs with 1,024
# file descriptors (`ulimit -n 1024`), then 1,000 connections that send
# nothing and 1,000 that send half a request header are opened and held for
# 30 s, while one client sends a normal lookup every 500 ms. Records the
# service's open file descriptors over time (/proc/PID/fd), how many flood
# connections the service closed, and the lookups answered meanwhile.
# Writes the table into BENCHMARKS.md between the conn-flood markers.
# Usage: bench/conn-flood.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p acctl-service
bin=$PWD/target/release/acctl-service
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$work"' EXIT

$bin accounts generate --db "$work/bench.db" --create --count 100 2>/dev/null
export ACCTL_TOKEN=$($bin token create --db "$work/bench.db" --actor bench --role agent 2>/dev/null)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(ulimit -n 1024; ACCTL_SERVICE_LOG=warn exec $bin serve --listen 127.0.0.1:$port --db "$work/bench.db" --rate-limit 0) &
pid=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

python3 - "$port" "$pid" <<'PY' > "$work/table.md"
import os, socket, sys, threading, time, urllib.request, datetime, subprocess
port, pid = int(sys.argv[1]), int(sys.argv[2])
token = os.environ["ACCTL_TOKEN"]
HOLD = 30  # seconds the flood is held
def fds():
    return len(os.listdir(f"/proc/{pid}/fd"))
base = fds()
# The flood: 1,000 silent connections and 1,000 with half a request header.
idle, half = [], []
def open_conn(partial):
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    if partial:
        s.sendall(b"GET /v1/whoami HTTP/1.1\r\nHost: x\r\nX-Slow: ")
    return s
refused = 0
for i in range(1000):
    for partial, bucket in ((False, idle), (True, half)):
        try:
            bucket.append(open_conn(partial))
        except OSError:
            refused += 1
# Normal lookups meanwhile, one every 500 ms.
lat, failed, stop = [], [], threading.Event()
def lookups():
    while not stop.is_set():
        t = time.monotonic()
        req = urllib.request.Request(f"http://127.0.0.1:{port}/v1/accounts/acc_load0000000042",
                                     headers={"Authorization": f"Bearer {token}"})
        try:
            urllib.request.urlopen(req, timeout=10).read()
            lat.append((time.monotonic() - t) * 1000)
        except Exception as e:
            failed.append(type(e).__name__)
        stop.wait(0.5)
t = threading.Thread(target=lookups); t.start()
samples = []
start = time.monotonic()
while time.monotonic() - start < HOLD:
    samples.append((time.monotonic() - start, fds()))
    time.sleep(1)
stop.set(); t.join()
def closed_by_peer(s):
    s.setblocking(False)
    try:
        return s.recv(1) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True
closed_idle = sum(closed_by_peer(s) for s in idle)
closed_half = sum(closed_by_peer(s) for s in half)
peak = max(n for _, n in samples)
at = lambda sec: min(samples, key=lambda p: abs(p[0] - sec))[1]
lat.sort()
p = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] if lat else float("nan")
cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True, text=True).stdout.strip()
print(f"Measured {datetime.date.today()} on {' '.join(cpu.split()[:2]) if cpu else 'this machine'} (2 cores, shared), release build, loopback, the service")
print("started with `ulimit -n 1024`. Command: `bench/conn-flood.sh`.")
print()
print("| what | measured |")
print("|---|---|")
print(f"| flood opened | {len(idle):,} silent + {len(half):,} half-header connections ({refused} refused at connect) |")
print(f"| service's open file descriptors | {base} before; {at(1)} after 1 s, {at(5)} after 5 s, {at(12)} after 12 s, {at(HOLD - 1)} after {HOLD - 1} s; peak {peak} |")
print(f"| flood connections the service had closed after {HOLD} s | {closed_idle:,} of {len(idle):,} silent, {closed_half:,} of {len(half):,} half-header |")
print(f"| lookups during the flood (one every 500 ms) | {len(lat)} answered, {len(failed)} failed; p50 {p(0.5):.1f} ms, max {lat[-1] if lat else float('nan'):.1f} ms |")
print()
print("Goal (issue 10, item 8): headers read within 10 s, idle connections closed, a cap on connections, and")
print("a normal request answered while the flood lasts. Before the fix every flood connection was kept, and")
print("with 1,024 descriptors the service stopped answering until they closed.")
for s in idle + half:
    s.close()
PY
cat "$work/table.md"
python3 - "$work/table.md" <<'PY'
import pathlib, sys
table = pathlib.Path(sys.argv[1]).read_text()
md = pathlib.Path("BENCHMARKS.md"); text = md.read_text()
begin, end = "<!-- conn-flood:begin -->", "<!-- conn-flood:end -->"
if begin in text:
    head, rest = text.split(begin, 1); tail = rest.split(end, 1)[1]
    text = head + begin + "\n" + table + end + tail
else:
    marker = "## CLI"
    section = f"## Idle and half-open connections\n\n{begin}\n{table}{end}\n\n"
    text = text.replace(marker, section + marker, 1)
md.write_text(text)
PY
