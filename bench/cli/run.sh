#!/usr/bin/env bash
# Benchmarks of the acctl CLI (issue #3), as ratios measured in one run, on
# loopback only, bounded in time:
#   P1  one `acctl lookup ID` vs `curl` for the same GET            goal ≤ 1.3×
#   P3  `acctl lookup -` over 200,000 identifiers vs wrk driving
#       accounts:batchLookup with batches of 500 consecutive
#       accounts, as acctl's are over these inputs                  goal ≥ 0.8× of wrk's identifiers/s
#       again where the service's work per identifier is cheap (2,000 accounts, the
#       200,000 lines cycling through them): acctl's own CPU per identifier shows
#   P4  peak RSS of `acctl lookup -` for 1,000,000 vs 10,000 lines   goal ≤ 1.2× and ≤ 64 MB
#   and start-up of `acctl --version`.
# Writes the table into BENCHMARKS.md between the cli markers.
# Usage: bench/cli/run.sh            (needs hyperfine, wrk, curl: apt-get install -y hyperfine wrk curl)
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in hyperfine wrk curl /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "needs $tool: apt-get install -y hyperfine wrk curl time" >&2; exit 2; }
done

cargo build --release -q -p acctl -p acctl-service
acctl=$PWD/target/release/acctl
service=$PWD/target/release/acctl-service
work=$(mktemp -d)
pid= pid2=
trap 'kill $pid $pid2 2>/dev/null || true; rm -rf "$work"' EXIT

accounts=200000
$service accounts generate --create --db "$work/bench.db" --count $accounts 2>/dev/null
export ACCTL_TOKEN=$($service token create --db "$work/bench.db" --actor bench --role agent 2>/dev/null)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
ACCTL_SERVICE_LOG=warn $service serve --listen 127.0.0.1:$port --db "$work/bench.db" --rate-limit 0 &
pid=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
export ACCTL_URL=http://127.0.0.1:$port NO_COLOR=1
# 8 batches in flight, acctl's default, as wrk gets 8 connections (its best here).
printf '[profiles.local]\nurl = "%s"\nconcurrency = 8\n' "$ACCTL_URL" > "$work/bench.toml"
export ACCTL_CONFIG=$work/bench.toml
# wrk's batches hold 500 consecutive accounts, as acctl's do over these inputs
# (bench/batch.lua): the service looks each distinct value in a batch up once,
# and batches drawn at random from the 2,000 accounts of the cheap row repeat
# about 58 of their 500, work acctl's batches do not get to skip.
export BENCH_DRAW=runs

# P1: one lookup, process start included on both sides.
hyperfine -N -w 5 -r 50 --export-json "$work/p1.json" \
  -n curl "curl -fsS -H 'Authorization: Bearer $ACCTL_TOKEN' $ACCTL_URL/v1/accounts/acc_load0000000042" \
  -n acctl "$acctl lookup acc_load0000000042 -o ndjson" >/dev/null
hyperfine -N -w 5 -r 50 --export-json "$work/startup.json" -n version "$acctl --version" >/dev/null

# P3: 200,000 identifiers through the CLI, vs wrk on the same route with 500 per request.
python3 -c "
for n in range($accounts): print(f'user{n}@load.example.com')" > "$work/200k.txt"
# One unmeasured pass first: the service's page caches start cold, and
# whichever ran first paid for warming them. Then nine rounds, each acctl
# then 3 s of wrk, so both see the same state of the machine; the table gives
# the median round and every round's ratio. The machine's speed moves from
# one minute to the next on these hosts (acctl's 200,000 cheap-row lines took
# 0.9 s in one minute and 1.3 s in the next, idle, the same build), so short rounds
# paired closely, and more of them, keep the median off any one minute.
rounds=9
# p3_rounds NAME ACCOUNTS URL TOKEN: the unmeasured pass, then the rounds over
# $work/NAME.txt, into $work/NAME.ROUND.time (acctl) and NAME.ROUND.wrk.
p3_rounds() {
  local name=$1 n=$2 url=$3 token=$4
  ACCTL_TOKEN=$token ACCTL_URL=$url "$acctl" lookup - -o ndjson < "$work/$name.txt" > /dev/null
  for round in $(seq $rounds); do
    ACCTL_TOKEN=$token ACCTL_URL=$url /usr/bin/time -f '%e %M' -o "$work/$name.$round.time" \
      "$acctl" lookup - -o ndjson < "$work/$name.txt" > "$work/$name.out"
    lines=$(wc -l < "$work/$name.out")
    [ "$lines" -eq $accounts ] || { echo "P3 $name: $lines records for $accounts lines" >&2; exit 1; }
    ACCTL_TOKEN=$token BENCH_ACCOUNTS=$n wrk -t2 -c8 -d3s -s bench/batch.lua "$url" > "$work/$name.$round.wrk"
  done
}
p3_rounds 200k $accounts "$ACCTL_URL" "$ACCTL_TOKEN"
# P3 again with the backend on a core of its own and the client on the other,
# as when the backend runs on another machine: on 2 shared cores, every cycle
# acctl spends decoding and printing is taken from the service, which wrk
# (pre-built bodies, answers discarded) never does.
taskset -a -pc 1 "$pid" > /dev/null
taskset -c 0 /usr/bin/time -f '%e %M' -o "$work/p3p.time" "$acctl" lookup - -o ndjson < "$work/200k.txt" > /dev/null
ACCTL_TOKEN=$ACCTL_TOKEN BENCH_ACCOUNTS=$accounts taskset -c 0 wrk -t1 -c8 -d15s -s bench/batch.lua "$ACCTL_URL" > "$work/wrkp.txt"
taskset -a -pc 0-1 "$pid" > /dev/null

# P3 on a cheap workload: a second service over 2,000 accounts; the 200,000
# lines cycle through them, and wrk's batches are runs of the same accounts.
# Rounds as above, after an unmeasured pass.
cheap_accounts=2000
$service accounts generate --create --db "$work/cheap.db" --count $cheap_accounts 2>/dev/null
cheap_token=$($service token create --db "$work/cheap.db" --actor bench --role agent 2>/dev/null)
port2=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
ACCTL_SERVICE_LOG=warn $service serve --listen 127.0.0.1:$port2 --db "$work/cheap.db" --rate-limit 0 &
pid2=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port2/healthz" >/dev/null && break; sleep 0.1; done
python3 -c "
for n in range($accounts): print(f'user{n % $cheap_accounts}@load.example.com')" > "$work/cheap.txt"
p3_rounds cheap $cheap_accounts "http://127.0.0.1:$port2" "$cheap_token"
kill $pid2; wait $pid2 2>/dev/null || true; pid2=

# P4: peak RSS for 10,000 vs 1,000,000 lines (the accounts repeat; misses are answers too).
# Three runs of each, the median of each side: 10,000 lines are 20 batches,
# over before the 8 in flight and their buffers have all grown, so that
# side's peak moves by a tenth from run to run (13.6 to 15.1 MB), and one
# low run alone moved the ratio from 1.1 to 1.2.
python3 -c "
for n in range(1_000_000): print(f'user{n % $accounts}@load.example.com')" > "$work/1m.txt"
head -n 10000 "$work/1m.txt" > "$work/10k.txt"
for run in 1 2 3; do
  /usr/bin/time -f '%e %M' -o "$work/p4s.$run.time" "$acctl" lookup - -o ndjson < "$work/10k.txt" > /dev/null
  /usr/bin/time -f '%e %M' -o "$work/p4l.$run.time" "$acctl" lookup - -o ndjson < "$work/1m.txt" > /dev/null
done

python3 - "$work" $rounds <<'PY'
import json, re, sys, pathlib, datetime, subprocess
w = pathlib.Path(sys.argv[1])
n_rounds = int(sys.argv[2])
p1 = {r["command"]: r for r in json.load(open(w / "p1.json"))["results"]}
startup = json.load(open(w / "startup.json"))["results"][0]
def p3(name):
    """The median round of p3_rounds NAME (ratio, acctl ids/s, wrk ids/s, acctl s), and every ratio."""
    rounds = []
    for r in range(1, n_rounds + 1):
        secs = float(open(w / f"{name}.{r}.time").read().split()[0])
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", open(w / f"{name}.{r}.wrk").read()).group(1))
        rounds.append((200000 / secs / (rps * 500), 200000 / secs, rps * 500, secs))
    rounds.sort()
    return rounds[n_rounds // 2], " / ".join(f"{r[0]:.2f}" for r in rounds)
(p3_ratio, p3_rate, wrk_rate, p3_secs), p3_all = p3("200k")
p3p_rate = 200000 / float(open(w / "p3p.time").read().split()[0])
(p3c_ratio, p3c_rate, wrkc_rate, _), p3c_all = p3("cheap")
wrkp_rate = float(re.search(r"Requests/sec:\s+([\d.]+)", open(w / "wrkp.txt").read()).group(1)) * 500
def p4(side):
    runs = sorted((int(kb) / 1024, float(secs)) for secs, kb in (open(w / f"{side}.{r}.time").read().split() for r in (1, 2, 3)))
    return runs[1]
small, _ = p4("p4s")
large, large_secs = p4("p4l")
ratio1 = p1["acctl"]["mean"] / p1["curl"]["mean"]
ok = lambda b: "✅" if b else "❌"
cpu = subprocess.run(["sh", "-c", "lscpu | sed -n 's/^Model name: *//p'"], capture_output=True, text=True).stdout.strip()
table = f"""<!-- cli:begin -->
Measured {datetime.date.today()} on {cpu} (2 cores), release build, 200,000 synthetic accounts, loopback, CLI,
service and load generator on the same machine. Command: `bench/cli/run.sh`.

| what | measured | ratio | goal |
|---|---|---|---|
| P1 one lookup: `acctl lookup ID` vs `curl` (same GET, process start included) | acctl {p1['acctl']['mean']*1000:.1f} ms, curl {p1['curl']['mean']*1000:.1f} ms (means of 50) | {ratio1:.2f}× | ≤ 1.3× {ok(ratio1 <= 1.3)} |
| P3 `acctl lookup -` over 200,000 identifiers (8 in flight) vs wrk (8 connections), 500 consecutive accounts per batch, all on 2 shared cores; median of {n_rounds} rounds | acctl {p3_rate:,.0f} ids/s ({p3_secs:.1f} s), wrk {wrk_rate:,.0f} ids/s; rounds {p3_all} | {p3_ratio:.2f}× | ≥ 0.8× {ok(p3_ratio >= 0.8)} |
| P3 the same, service pinned to one core, acctl / wrk to the other (backend elsewhere) | acctl {p3p_rate:,.0f} ids/s, wrk {wrkp_rate:,.0f} ids/s | {p3p_rate / wrkp_rate:.2f}× | ≥ 0.8× {ok(p3p_rate / wrkp_rate >= 0.8)} |
| P3 cheap backend work: 2,000 accounts, 200,000 lines cycling through them, wrk's batches 500 consecutive of the same accounts; median of {n_rounds} rounds | acctl {p3c_rate:,.0f} ids/s, wrk {wrkc_rate:,.0f} ids/s; rounds {p3c_all} | {p3c_ratio:.2f}× | ≥ 0.8× {ok(p3c_ratio >= 0.8)} |
| P4 peak RSS, 1,000,000 vs 10,000 lines, median of 3 runs each | {large:.1f} MB vs {small:.1f} MB ({large_secs:.1f} s for 1M) | {large / small:.2f}× | ≤ 1.2× and ≤ 64 MB {ok(large / small <= 1.2 and large <= 64)} |
| start-up, `acctl --version` | {startup['mean']*1000:.1f} ms mean | | |
<!-- cli:end -->"""
path = pathlib.Path("BENCHMARKS.md")
text = path.read_text() if path.exists() else "# Benchmarks\n\nNumbers come from the scripts under `bench/`; rerun them to refresh.\n"
if "<!-- cli:begin -->" not in text:
    text = text.rstrip() + "\n\n## CLI\n\n<!-- cli:begin -->\n<!-- cli:end -->\n"
text = re.sub(r"<!-- cli:begin -->.*?<!-- cli:end -->", lambda _: table, text, flags=re.S)
path.write_text(text)
print(table)
PY
