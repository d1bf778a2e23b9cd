#!/usr/bin/env python3
"""The README's quick start, timed as a new user lives it (issue 11 item 18).

Clones the committed HEAD into a fresh directory, then runs `cargo run
--release -- demo` in a pseudo-terminal with an empty CARGO_HOME registry, so
every crate is downloaded and compiled, and stops the clock when the demo asks
its first question. Prints the time at which cargo finished and the time of
the prompt, counted from before the clone.

    bench/first-prompt.py

Run it on an otherwise idle machine; bench/first-build.sh says where the
build's time goes.
"""
import os
import pty
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time

PROMPT = b"Customer's email, phone number or account ID"
ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")

repo = subprocess.run(
    ["git", "-C", os.path.dirname(os.path.abspath(__file__)), "rev-parse", "--show-toplevel"],
    capture_output=True, text=True, check=True,
).stdout.strip()
work = tempfile.mkdtemp()
pid = None
try:
    started = time.monotonic()
    subprocess.run(["git", "clone", "-q", repo, f"{work}/acctl"], check=True)
    env = dict(os.environ, CARGO_HOME=f"{work}/cargo-home", HOME=f"{work}/home", TERM="xterm")
    # rustup's proxies find the toolchain through RUSTUP_HOME, which defaults to ~/.rustup.
    env.setdefault("RUSTUP_HOME", os.path.expanduser("~/.rustup"))
    os.makedirs(env["HOME"])
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(f"{work}/acctl")
        os.execvpe("cargo", ["cargo", "run", "--release", "--", "demo"], env)
    # Only the output's tail is searched: cargo redraws its progress bar
    # all through the build, and the prompt comes last.
    seen, built = b"", None
    while True:
        left = started + 20 * 60 - time.monotonic()
        ready, _, _ = select.select([fd], [], [], max(left, 0))
        if not ready:
            sys.exit("no prompt within 20 minutes")
        try:
            data = os.read(fd, 65536)
        except OSError:
            data = b""
        if not data:
            sys.exit("the demo ended before its first prompt:\n" + ANSI.sub(b"", seen).decode(errors="replace"))
        seen = seen[-4096:] + data
        text = ANSI.sub(b"", seen)
        if built is None and b"Running `" in text:
            built = time.monotonic() - started
        if PROMPT in text:
            prompted = round(time.monotonic() - started)
            break
    cargo = f"cargo finished after {built:.0f} s; " if built is not None else ""
    print(f"{cargo}the demo's first prompt after {prompted} s ({prompted // 60} min {prompted % 60:02d} s)")
finally:
    if pid:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    shutil.rmtree(work, ignore_errors=True)
