"""Load benchmark: N concurrent clients against /api/ask and /api/search on loopback.

    python bench/bench_load.py                      # starts `actiewijzer serve` itself
    python bench/bench_load.py --url http://127.0.0.1:8000 --clients 16 --duration 30

Starting a server uses ACTIEWIJZER_DATA_DIR (or --data-dir) so an existing index is reused;
the rate limit is lifted for the run because all clients share one loopback address.
Prints a Markdown table (p50/p95 latency, throughput, errors) and checks the targets:
>= 20 answers/s at 16 clients, no errors, p95 <= 1 s.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

# Varied question shapes (number lookup, topic, budget, status, follow-up free text). They only
# load the server; nothing checks their answers here (the eval room does that).
QUESTIONS = [
    "Wat is de stand van zaken van actie 01/11/SAP/02/04?",
    "Welke acties rond kinderarmoede staan in het Vlaams Actieplan Armoedebestrijding?",
    "Welk budget is voorzien voor wonen in Aalst?",
    "Welke regio-uitdagingen rond werk zijn er in het ESF-addendum?",
    "Wie is trekker van de acties rond schuldhulpverlening?",
    "Welke acties van Lier zijn afgerond?",
    "Wat zegt actie 07_04_01?",
    "Hoeveel werd er in 2020 geboekt voor het sociaal huis?",
    "Welke doelstellingen heeft Aalst rond gezondheid?",
    "Wat doet de stad rond energiearmoede?",
]
SEARCHES = ["armoede", "wonen", "01/11/SAP/01", "werk", "kinderopvang", "schulden", "gezondheid"]


@dataclass
class Samples:
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    error_examples: list[str] = field(default_factory=list)

    def record_error(self, message: str) -> None:
        self.errors += 1
        if len(self.error_examples) < 3:
            self.error_examples.append(message[:200])


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[rank]


async def one_client(
    client: httpx.AsyncClient,
    number: int,
    deadline: float,
    budget: list[int],
    results: dict[str, Samples],
    ask_share: float,
) -> None:
    questions = itertools.cycle(
        QUESTIONS[number % len(QUESTIONS) :] + QUESTIONS[: number % len(QUESTIONS)]
    )
    searches = itertools.cycle(SEARCHES)
    step = 0
    while time.monotonic() < deadline and budget[0] > 0:
        budget[0] -= 1
        step += 1
        is_ask = (step * ask_share) % 1 < ask_share  # spreads asks and searches evenly
        started = time.perf_counter()
        try:
            if is_ask:
                response = await client.post("/api/ask", json={"question": next(questions)})
            else:
                response = await client.get("/api/search", params={"q": next(searches), "k": 8})
            elapsed = (time.perf_counter() - started) * 1000
            kind = "ask" if is_ask else "search"
            if response.status_code == 200:
                results[kind].latencies_ms.append(elapsed)
            else:
                results[kind].record_error(f"{response.status_code} {response.text}")
        except httpx.HTTPError as error:
            results["ask" if is_ask else "search"].record_error(repr(error))


async def run_load(
    url: str, clients: int, duration: float, max_requests: int, ask_share: float
) -> tuple[dict[str, Samples], float]:
    results = {"ask": Samples(), "search": Samples()}
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as client:
        for question in QUESTIONS[:3]:  # warm-up: first calls load lazy state
            await client.post("/api/ask", json={"question": question})
        budget = [max_requests]
        started = time.perf_counter()
        deadline = time.monotonic() + duration
        await asyncio.gather(
            *(one_client(client, n, deadline, budget, results, ask_share) for n in range(clients))
        )
        wall = time.perf_counter() - started
    return results, wall


def markdown_report(results: dict[str, Samples], wall: float, clients: int) -> str:
    lines = [
        f"Load test: {clients} concurrent clients, {wall:.1f} s wall time",
        "",
        "| endpoint | ok | errors | throughput (req/s) | p50 (ms) | p95 (ms) | max (ms) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    every = Samples()
    for name, samples in results.items():
        every.latencies_ms += samples.latencies_ms
        every.errors += samples.errors
        lines.append(_row(f"/api/{name}", samples, wall))
    lines.append(_row("**all**", every, wall))
    return "\n".join(lines)


def _row(name: str, samples: Samples, wall: float) -> str:
    values = samples.latencies_ms
    return (
        f"| {name} | {len(values)} | {samples.errors} | {len(values) / wall:.1f} | "
        f"{percentile(values, 0.5):.0f} | {percentile(values, 0.95):.0f} | "
        f"{max(values) if values else float('nan'):.0f} |"
    )


def target_check(results: dict[str, Samples], wall: float) -> list[str]:
    ask = results["ask"]
    answers_per_s = len(ask.latencies_ms) / wall
    p95 = max(percentile(s.latencies_ms, 0.95) for s in results.values() if s.latencies_ms)
    errors = sum(s.errors for s in results.values())
    return [
        f"- answers/s >= 20: {'ja' if answers_per_s >= 20 else 'NEE'} ({answers_per_s:.1f})",
        f"- errors == 0: {'ja' if errors == 0 else 'NEE'} ({errors})",
        f"- p95 <= 1000 ms: {'ja' if p95 <= 1000 else 'NEE'} ({p95:.0f} ms)",
    ]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def started_server(data_dir: Path, workers: int) -> Iterator[str]:
    port = _free_port()
    env = {
        **os.environ,
        "ACTIEWIJZER_DATA_DIR": str(data_dir),
        "ACTIEWIJZER_RATE_LIMIT": "1000000/minute",
    }
    command = [
        sys.executable,
        "-m",
        "actiewijzer",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--no-ui",
        "--log-level",
        "warning",
    ]
    if workers > 1:
        command += ["--workers", str(workers)]
    process = subprocess.Popen(command, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        started = time.monotonic()
        while True:
            if process.poll() is not None:
                raise SystemExit("de server stopte tijdens het opstarten")
            try:
                if httpx.get(url + "/health/ready", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() - started > 900:
                raise SystemExit("de server werd niet klaar binnen 15 minuten")
            time.sleep(0.5)
        print(f"server klaar na {time.monotonic() - started:.1f} s op {url}", file=sys.stderr)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", help="bestaande server; zonder: start er zelf een op loopback")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--duration", type=float, default=20.0, help="seconden (bovengrens)")
    parser.add_argument("--requests", type=int, default=5000, help="maximum aantal verzoeken")
    parser.add_argument("--ask-share", type=float, default=0.5, help="aandeel /api/ask (0-1)")
    parser.add_argument("--data-dir", type=Path, help="datamap voor een zelf gestarte server")
    parser.add_argument(
        "--workers", type=int, default=1, help="uvicorn-workers voor een zelf gestarte server"
    )
    parser.add_argument("--json", type=Path, help="schrijf ook ruwe cijfers als JSON")
    args = parser.parse_args(argv)

    def go(url: str) -> tuple[dict[str, Samples], float]:
        return asyncio.run(
            run_load(url, args.clients, args.duration, args.requests, args.ask_share)
        )

    if args.url:
        results, wall = go(args.url.rstrip("/"))
    else:
        data_dir = args.data_dir or Path(
            os.environ.get("ACTIEWIJZER_DATA_DIR") or tempfile.mkdtemp(prefix="aw-bench-")
        )
        with started_server(data_dir, args.workers) as url:
            results, wall = go(url)

    print(markdown_report(results, wall, args.clients))
    print()
    print("\n".join(target_check(results, wall)))
    for name, samples in results.items():
        for example in samples.error_examples:
            print(f"  fout ({name}): {example}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "clients": args.clients,
                    "wall_s": wall,
                    **{
                        name: {
                            "ok": len(s.latencies_ms),
                            "errors": s.errors,
                            "p50_ms": percentile(s.latencies_ms, 0.5),
                            "p95_ms": percentile(s.latencies_ms, 0.95),
                            "mean_ms": statistics.fmean(s.latencies_ms) if s.latencies_ms else None,
                        }
                        for name, s in results.items()
                    },
                },
                indent=2,
            )
        )
    return 0 if all(s.errors == 0 for s in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
