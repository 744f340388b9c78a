"""Restart time of `actiewijzer serve` on an existing index: process start to /health and ready.

Usage: python bench/bench_startup.py [--repeats 5] [--data-dir DIR]
The data dir must already hold an index (run `actiewijzer ingest corpus/` or one serve first);
the script builds one in a temporary folder when none is given.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return int(response.status)
    except Exception:
        return 0


def one_start(data_dir: Path, timeout_s: float = 120) -> tuple[float, float]:
    port = _free_port()
    env = {**os.environ, "ACTIEWIJZER_DATA_DIR": str(data_dir)}
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "actiewijzer", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    live = ready = float("nan")
    try:
        while time.perf_counter() - started < timeout_s:
            elapsed = time.perf_counter() - started
            if live != live and _status(f"http://127.0.0.1:{port}/health") == 200:
                live = elapsed
            if _status(f"http://127.0.0.1:{port}/health/ready") == 200:
                ready = elapsed
                break
            time.sleep(0.05)
    finally:
        process.terminate()
        process.wait(timeout=30)
    return live, ready


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args()
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="aw-startup-"))
    _, first_ready = one_start(data_dir, timeout_s=900)
    print(f"first start (ingest if the index was empty): ready after {first_ready:.1f} s")
    runs = [one_start(data_dir) for _ in range(args.repeats)]
    lives = [live for live, _ in runs]
    readies = [ready for _, ready in runs]
    print("| restart | median s | max s |\n|---|---:|---:|")
    print(f"| /health answers | {statistics.median(lives):.2f} | {max(lives):.2f} |")
    print(f"| /health/ready | {statistics.median(readies):.2f} | {max(readies):.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
