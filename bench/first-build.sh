#!/usr/bin/env bash
# The wait before the first demo prompt (issue 11 item 18; BENCHMARKS.md,
# "Build"): clones the committed HEAD into a fresh directory, so no target/
# is reused, and times what `cargo run --release -- demo` compiles. Crates are
# taken from ~/.cargo/registry when present (what a second clone on the same
# machine sees); `--fetch` times the download too, from an empty CARGO_HOME
# registry cache.
#
#   bench/first-build.sh [--fetch]
#
# Prints the wall time, the CPU time, the number of compilation units and the
# 15 longest, and leaves the HTML timing report under the clone's
# target/cargo-timings/. Run it on an otherwise idle machine.
set -euo pipefail
repo=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q "$repo" "$work/acctl"
cd "$work/acctl"
if [ "${1:-}" = "--fetch" ]; then
  export CARGO_HOME="$work/cargo-home"
  mkdir -p "$CARGO_HOME"
fi
echo "HEAD $(git rev-parse --short HEAD), $(nproc) cores, rustc $(rustc --version | cut -d' ' -f2)"
/usr/bin/time -f "wall %e s, CPU %U s user + %S s system" cargo build --release --timings --quiet
python3 - target/cargo-timings/cargo-timing.html <<'PY'
import json, re, sys
units = json.loads(re.search(r"const UNIT_DATA = (\[.*?\]);\n", open(sys.argv[1]).read(), re.S).group(1))
print(f"{len(units)} units, {sum(u['duration'] for u in units):.0f} s summed unit time; the longest:")
for u in sorted(units, key=lambda u: -u["duration"])[:15]:
    print(f"  {u['duration']:6.1f} s  {u['name']} {u['version']}{u['target']}")
PY
mkdir -p "$repo/target"
cp target/cargo-timings/cargo-timing.html "$repo/target/first-build-timings.html"
echo "timing report: target/first-build-timings.html"
