"""Open-loop HTTP/1.1 load generator (asyncio, raw keep-alive connections, standard library only).

Open loop: request i is *scheduled* at t0 + i/rate whatever happened to the earlier ones, and its
latency is counted from that scheduled time to the end of its response. A server that falls
behind therefore shows its queue in the latency (no coordinated omission): requests wait in this
process's queue for a free connection, and that wait is part of what they report.

Run it in its own process (it shares the machine's cores with the system under test):

    python bench/loadgen.py http://127.0.0.1:8080/api/v1/dashboard -H "Authorization: Bearer ..." \\
        --rates 100,300 --duration 10 --warmup 2 --saturation

It prints one JSON document on stdout: a result per fixed rate, the closed-loop run and the
open-loop steps of the saturation search.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from urllib.parse import urlsplit

# --- statistics -------------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100) of `values`, nearest-rank method: the smallest value such
    that at least q% of the values are less than or equal to it. NaN for no values."""
    if not values:
        return math.nan
    if not 0 <= q <= 100:
        raise ValueError("q must be between 0 and 100")
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass
class StepResult:
    """What one load step measured. Latencies in milliseconds, from the scheduled send time."""

    mode: str  # "open" (fixed arrival rate) or "closed" (N connections back to back)
    offered_rps: float | None  # open loop only
    duration_s: float
    connections: int
    scheduled: int = 0  # requests in the measurement window (open loop)
    completed: int = 0  # responses received, any status
    ok: int = 0  # 200 responses
    non_200: int = 0
    errors: int = 0  # connection errors, timeouts
    unfinished: int = 0  # still queued or in flight at the drain deadline
    achieved_rps: float = 0.0  # 200 responses per second of the window
    p50_ms: float = math.nan
    p90_ms: float = math.nan
    p99_ms: float = math.nan
    max_ms: float = math.nan
    mean_ms: float = math.nan
    # From the moment the request was written to its response: the server's own share.
    service_p50_ms: float = math.nan
    service_p99_ms: float = math.nan
    statuses: dict[str, int] = field(default_factory=dict)

    @property
    def failed(self) -> int:
        return self.non_200 + self.errors + self.unfinished

    def sustained(self, min_ratio: float = 0.95, max_p99_ms: float = 1000.0, max_error_ratio: float = 0.01) -> bool:
        """Did an open-loop step keep up: throughput >= 95% of offered, p99 under 1 s and
        (almost) no failures?"""
        if self.offered_rps is None or self.scheduled == 0:
            return False
        return (self.achieved_rps >= min_ratio * self.offered_rps
                and not math.isnan(self.p99_ms) and self.p99_ms <= max_p99_ms
                and self.failed <= max_error_ratio * self.scheduled)

    def to_dict(self) -> dict:
        data = asdict(self)
        for key, value in data.items():
            if isinstance(value, float):
                data[key] = None if math.isnan(value) else round(value, 3)
        return data


def summarize(result: StepResult, latencies_s: list[float], service_s: list[float],
              window_s: float) -> StepResult:
    """Fill in the percentiles and throughput of `result` from raw samples (seconds)."""
    ms = [x * 1000 for x in latencies_s]
    result.p50_ms = percentile(ms, 50)
    result.p90_ms = percentile(ms, 90)
    result.p99_ms = percentile(ms, 99)
    result.max_ms = max(ms) if ms else math.nan
    result.mean_ms = sum(ms) / len(ms) if ms else math.nan
    service_ms = [x * 1000 for x in service_s]
    result.service_p50_ms = percentile(service_ms, 50)
    result.service_p99_ms = percentile(service_ms, 99)
    result.achieved_rps = result.ok / window_s if window_s > 0 else 0.0
    return result


# --- HTTP/1.1 ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    host: str
    port: int
    request: bytes  # the whole GET request, sent as is on every call

    @classmethod
    def from_url(cls, url: str, headers: Sequence[str] = ()) -> Target:
        parts = urlsplit(url)
        if parts.scheme != "http":
            raise ValueError("only http:// URLs")
        host, port = parts.hostname or "127.0.0.1", parts.port or 80
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        lines = [f"GET {path} HTTP/1.1", f"Host: {host}:{port}", "Accept: application/json",
                 "User-Agent: clientarea-bench", *headers]
        return cls(host, port, ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """Read one response; returns (status, keep the connection?)."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head[:-4].split(b"\r\n")
    status = int(lines[0].split(b" ", 2)[1])
    length, chunked, keep = None, False, not lines[0].startswith(b"HTTP/1.0")
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        name, value = name.strip().lower(), value.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"transfer-encoding":
            chunked = b"chunked" in value
        elif name == b"connection":
            keep = value != b"close" and (keep or value == b"keep-alive")
    if chunked:
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    elif length is not None:
        await reader.readexactly(length)
    else:  # body until the server closes
        await reader.read()
        keep = False
    return status, keep


class Connection:
    answered = 0  # every response this process received, warm-ups included (for CPU per request)

    def __init__(self, target: Target):
        self.target = target
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.target.host, self.target.port)
        self.writer.write(self.target.request)
        status, keep = await read_response(self.reader)
        Connection.answered += 1
        if not keep:
            self.close()
        return status

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


_FAILURES = (OSError, EOFError, asyncio.IncompleteReadError, asyncio.LimitOverrunError,
             asyncio.TimeoutError, ValueError, IndexError)


# --- load steps -------------------------------------------------------------------------------


async def open_loop(target: Target, rate: float, duration: float, *, warmup: float = 0.0,
                    connections: int = 64, timeout: float = 10.0, drain: float = 5.0) -> StepResult:
    """Offer `rate` requests/s for warmup + duration seconds; measure the requests scheduled in
    the last `duration` seconds. Request i is scheduled at t0 + i/rate; a connection takes the
    oldest due request as soon as it is free. Requests not done `drain` seconds after the
    window are counted as unfinished."""
    loop = asyncio.get_running_loop()
    total = int(round(rate * (warmup + duration)))
    queue: asyncio.Queue[tuple[int, float] | None] = asyncio.Queue()
    t0 = loop.time() + 0.05
    window_start, window_end = t0 + warmup, t0 + warmup + duration
    result = StepResult("open", rate, duration, connections)
    latencies: list[float] = []
    service: list[float] = []
    statuses: Counter[str] = Counter()
    last_done = [window_end]

    async def schedule() -> None:
        i = 0
        while i < total:
            now = loop.time()
            while i < total and t0 + i / rate <= now:  # everything due, at its own time
                queue.put_nowait((i, t0 + i / rate))
                i += 1
            if i < total:
                await asyncio.sleep(max(0.0, t0 + i / rate - loop.time()))
        for _ in range(connections):
            queue.put_nowait(None)

    async def work() -> None:
        conn = Connection(target)
        try:
            while (item := await queue.get()) is not None:
                _, due = item
                measured = due >= window_start
                sent = loop.time()
                try:
                    status = await asyncio.wait_for(conn.request(), timeout)
                except _FAILURES:
                    conn.close()
                    if measured:
                        result.errors += 1
                        statuses["error"] += 1
                    continue
                done = loop.time()
                if not measured:
                    continue
                result.completed += 1
                statuses[str(status)] += 1
                last_done[0] = max(last_done[0], done)
                if status == 200:
                    result.ok += 1
                    latencies.append(done - due)
                    service.append(done - sent)
                else:
                    result.non_200 += 1
        finally:
            conn.close()

    workers = [asyncio.create_task(work()) for _ in range(connections)]
    scheduler = asyncio.create_task(schedule())
    result.scheduled = total - int(round(rate * warmup))
    await scheduler
    remaining = window_end + drain - loop.time()
    _, pending = await asyncio.wait(workers, timeout=max(0.1, remaining))
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    result.unfinished = max(0, result.scheduled - result.completed - result.errors)
    result.statuses = dict(statuses)
    # Throughput over the window, stretched to the last response if the server lagged behind.
    return summarize(result, latencies, service, last_done[0] - window_start)


async def closed_loop(target: Target, duration: float, *, warmup: float = 0.0, connections: int = 64,
                      timeout: float = 10.0) -> StepResult:
    """`connections` clients each sending their next request as soon as the last one answers:
    the maximum throughput the server reaches (latency here is per request, not scheduled)."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    window_start, window_end = start + warmup, start + warmup + duration
    result = StepResult("closed", None, duration, connections)
    latencies: list[float] = []
    statuses: Counter[str] = Counter()

    async def work() -> None:
        conn = Connection(target)
        try:
            while (sent := loop.time()) < window_end:
                try:
                    status = await asyncio.wait_for(conn.request(), timeout)
                except _FAILURES:
                    conn.close()
                    if sent >= window_start:
                        result.errors += 1
                        statuses["error"] += 1
                    continue
                done = loop.time()
                if sent < window_start or done > window_end:
                    continue
                result.completed += 1
                statuses[str(status)] += 1
                if status == 200:
                    result.ok += 1
                    latencies.append(done - sent)
                else:
                    result.non_200 += 1
        finally:
            conn.close()

    await asyncio.gather(*(work() for _ in range(connections)))
    result.statuses = dict(statuses)
    return summarize(result, latencies, latencies, duration)


async def find_saturation(target: Target, *, connections: int, step_duration: float, step_warmup: float,
                          closed_duration: float, max_steps: int = 6, log=None) -> dict:
    """Closed-loop maximum throughput first, then open-loop steps around it: the saturation
    rate is the highest offered rate an open-loop step sustained (see StepResult.sustained)."""
    closed = await closed_loop(target, closed_duration, warmup=1.0, connections=connections)
    if log:
        log(f"closed loop x{connections}: {closed.achieved_rps:.0f} req/s, p99 {closed.p99_ms:.1f} ms")
    steps: list[StepResult] = []
    best: float | None = None
    lowest_failed: float | None = None
    rate = max(10.0, round(closed.achieved_rps, -1) or 10.0)
    for _ in range(max_steps):
        step = await open_loop(target, rate, step_duration, warmup=step_warmup, connections=connections,
                               drain=2.0)
        steps.append(step)
        ok = step.sustained()
        if log:
            log(f"open loop {rate:.0f} req/s: achieved {step.achieved_rps:.0f}, p99 {step.p99_ms:.1f} ms, "
                f"failed {step.failed} -> {'sustained' if ok else 'not sustained'}")
        if ok:
            best = rate if best is None else max(best, rate)
            if lowest_failed is not None and lowest_failed <= rate * 1.06:
                break  # bracketed within ~5%
            nxt = rate * 1.1 if lowest_failed is None else (rate + lowest_failed) / 2
        else:
            lowest_failed = rate if lowest_failed is None else min(lowest_failed, rate)
            if best is not None and lowest_failed <= best * 1.06:
                break
            nxt = rate * 0.85 if best is None else (best + rate) / 2
        nxt = float(5 * round(nxt / 5) if nxt >= 100 else round(nxt))
        if nxt in {s.offered_rps for s in steps}:
            break  # no untested rate left between the two brackets
        rate = nxt
        await asyncio.sleep(0.5)  # let the server's queues empty between steps
    return {
        "method": "closed-loop max throughput, then open-loop steps around it; saturation = highest "
                  "offered rate with achieved >= 95% of offered, p99 <= 1 s and <= 1% failures",
        "closed_loop": closed.to_dict(),
        "steps": [s.to_dict() for s in steps],
        "saturation_rps": best,
    }


async def run_plan(target: Target, args: argparse.Namespace) -> dict:
    def log(message: str) -> None:
        print(f"    [loadgen] {message}", file=sys.stderr, flush=True)

    started = time.time()
    # Open the connections and warm the server's caches before anything is measured.
    await closed_loop(target, args.warmup, connections=min(args.connections, 16))
    fixed = []
    for rate in args.rates:
        step = await open_loop(target, rate, args.duration, warmup=args.warmup, connections=args.connections)
        log(f"open loop {rate:.0f} req/s for {args.duration:.0f} s: p50 {step.p50_ms:.1f} ms, "
            f"p99 {step.p99_ms:.1f} ms, achieved {step.achieved_rps:.0f}, failed {step.failed}")
        fixed.append(step.to_dict())
        await asyncio.sleep(0.5)
    saturation = None
    if args.saturation:
        saturation = await find_saturation(
            target, connections=args.connections, step_duration=args.step_duration,
            step_warmup=1.0, closed_duration=args.closed_duration, log=log)
    return {"fixed": fixed, "saturation": saturation, "responses_total": Connection.answered,
            "elapsed_s": round(time.time() - started, 1)}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url")
    parser.add_argument("-H", "--header", action="append", default=[], help="'Name: value', repeatable")
    parser.add_argument("--rates", type=lambda s: [float(x) for x in s.split(",") if x], default=[100.0, 300.0],
                        help="fixed open-loop rates, req/s, comma-separated")
    parser.add_argument("--duration", type=float, default=10.0, help="measured seconds per fixed rate")
    parser.add_argument("--warmup", type=float, default=2.0, help="unmeasured seconds before each rate")
    parser.add_argument("--connections", type=int, default=64, help="keep-alive connections in the pool")
    parser.add_argument("--saturation", action="store_true", help="also search the saturation rate")
    parser.add_argument("--closed-duration", type=float, default=5.0)
    parser.add_argument("--step-duration", type=float, default=5.0)
    args = parser.parse_args(argv)
    target = Target.from_url(args.url, args.header)
    report = asyncio.run(run_plan(target, args))
    json.dump(report, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
