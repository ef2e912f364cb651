"""Figure: login throughput and latency through identity's gRPC `Login`, beside the raw argon2id
verification with the same parameters, measured in the same run.

1. A process of the identity service (`python -m identity_service serve`) on a PostgreSQL
   database of this run, with the demo data and BENCH_USERS more portal users created through
   identity's own `CreatePortalUser` RPC (so their hashes are the service's real argon2id
   hashes). Logins go round-robin over those users: each logs in successfully a few times, so no
   lockout or back-off logic is ever triggered. The RPC is used as it is, whatever it does
   around the password check (audit, sessions, refresh tokens, throttling).
   - closed loop: CONCURRENCY callers back to back → the maximum login throughput;
   - open loop at 50% and 80% of that rate, latency from each login's scheduled time (gRPC
     futures started on schedule, so a lagging server shows its queue) → p50/p99.
2. Baseline: `argon2.PasswordHasher.verify` of one of those hashes, with the parameters read
   from the hash itself, back to back in one process with one thread (one core), then in one
   process per core at once (the machine's ceiling for this password hashing).

The CPU seconds of identity, of its PostgreSQL backends and of this driver are divided by the
logins. Writes bench/results/login.json.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import grpc

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "results"
PYTHON = sys.executable
sys.path.insert(0, str(BENCH))

from loadgen import percentile  # noqa: E402

BENCH_USERS = 300
PASSWORD = "Cierre-Lento-Argon-77!"  # noqa: S105 - bench-only users in a throwaway database
CONCURRENCY = 8
CLOSED_SECONDS = 8.0
OPEN_SECONDS = 8.0
OPEN_WARMUP_SECONDS = 1.0
OPEN_FRACTIONS = (0.5, 0.8)
RAW_SECONDS = 5.0


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def summary(latencies_s: list[float], ok: int, failed: int, window_s: float) -> dict:
    """Throughput (successful logins per second of the window) and latency percentiles (ms)."""
    ms = [x * 1000 for x in latencies_s]
    def pct(q: float) -> float | None:
        return round(percentile(ms, q), 2) if ms else None
    return {"ok": ok, "failed": failed, "window_s": round(window_s, 2),
            "throughput_per_s": round(ok / window_s, 1) if window_s > 0 else 0.0,
            "p50_ms": pct(50), "p99_ms": pct(99), "max_ms": round(max(ms), 2) if ms else None}


def open_loop_rates(closed_throughput: float, fractions: tuple[float, ...] = OPEN_FRACTIONS) -> list[float]:
    """The open-loop rates: fractions of the closed-loop maximum, whole logins per second (>= 1)."""
    return [max(1.0, float(round(closed_throughput * f))) for f in fractions]


# --- the raw baseline: argon2 verify back to back -------------------------------------------------


def raw_verify(password_hash: str, password: str, seconds: float) -> dict:
    """argon2 verify of `password_hash` back to back in this thread for `seconds`."""
    from argon2 import PasswordHasher, extract_parameters

    hasher = PasswordHasher.from_parameters(extract_parameters(password_hash))
    latencies = []
    cpu0, start = time.process_time(), time.perf_counter()
    while (now := time.perf_counter()) - start < seconds:
        hasher.verify(password_hash, password)
        latencies.append(time.perf_counter() - now)
    window = time.perf_counter() - start
    result = summary(latencies, len(latencies), 0, window)
    result["cpu_ms_per_verify"] = round(1000 * (time.process_time() - cpu0) / max(1, len(latencies)), 2)
    return result


def raw_baseline(password_hash: str, password: str) -> dict:
    """One process (one core), then one process per core at the same time."""
    def spawn() -> subprocess.Popen:
        return subprocess.Popen([PYTHON, __file__, "--raw", str(RAW_SECONDS)], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, cwd=ROOT, text=True)
    def collect(processes: list[subprocess.Popen]) -> list[dict]:
        outs = [p.communicate(json.dumps({"hash": password_hash, "password": password}))[0] for p in processes]
        return [json.loads(o) for o in outs]

    one = collect([spawn()])[0]
    cores = os.cpu_count() or 1
    many = collect([spawn() for _ in range(cores)])
    return {"one_core": one,
            "all_cores": {"processes": cores,
                          "throughput_per_s": round(sum(r["throughput_per_s"] for r in many), 1),
                          "p99_ms": max(r["p99_ms"] or 0 for r in many)}}


# --- identity under load ---------------------------------------------------------------------------


class Identity:
    """One identity service process on a database of its own (embedded bus, no other service)."""

    def __init__(self, var_dir: Path, database_url: str):
        from clientarea_shared.testing import free_port

        self.port, self.var_dir = free_port(), var_dir
        self.env = {**os.environ, "DATABASE_URL": database_url, "GRPC_PORT": str(self.port),
                    "METRICS_PORT": str(free_port()), "VAR_DIR": str(var_dir), "AMQP_URL": "",
                    "OTEL_SERVICE_NAME": "identity", "PYTHONUNBUFFERED": "1"}
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Identity:
        for command in ("migrate", "seed"):
            subprocess.run([PYTHON, "-m", "identity_service", command], env=self.env, cwd=ROOT, check=True)
        with open(self.var_dir / "identity.log", "ab") as log:
            self.process = subprocess.Popen([PYTHON, "-m", "identity_service", "serve"], env=self.env,
                                            stdout=log, stderr=subprocess.STDOUT, cwd=ROOT,
                                            start_new_session=True)
        from grpc_health.v1 import health_pb2, health_pb2_grpc

        deadline = time.monotonic() + 60
        with grpc.insecure_channel(self.address) as channel:
            while True:
                if self.process.poll() is not None:
                    raise RuntimeError(f"identity exited early; see {self.var_dir}/identity.log")
                try:
                    answer = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=1)
                    if answer.status == health_pb2.HealthCheckResponse.SERVING:
                        return self
                except grpc.RpcError:
                    pass
                if time.monotonic() > deadline:
                    raise TimeoutError(f"identity did not serve; see {self.var_dir}/identity.log")
                time.sleep(0.2)

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def __exit__(self, *exc: object) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)


def create_users(stub, staff_token: str, count: int) -> list[str]:  # noqa: ANN001
    """`count` portal users through identity's own RPC; their user names."""
    from clientarea.identity.v1 import identity_pb2

    run = uuid.uuid4().hex[:6]
    names = [f"bench-{run}-{n:04d}@carga.test" for n in range(count)]
    metadata = [("authorization", f"Bearer {staff_token}")]

    def create(name: str) -> None:
        stub.CreatePortalUser(identity_pb2.CreatePortalUserRequest(
            client_id=str(uuid.uuid4()), username=name, email=name, display_name="Banco de carga",
            password=PASSWORD, locale="es"), metadata=metadata, timeout=60)

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(create, names))
    return names


class Logins:
    """Login requests round-robin over the seeded users (thread-safe)."""

    def __init__(self, usernames: list[str]):
        from clientarea.identity.v1 import identity_pb2

        self._requests = [identity_pb2.LoginRequest(tenant="demo", username=u, password=PASSWORD,
                                                    user_agent="clientarea-bench", source_address="127.0.0.1")
                          for u in usernames]
        self._next = 0
        self._lock = threading.Lock()

    def next(self):  # noqa: ANN201
        with self._lock:
            request = self._requests[self._next % len(self._requests)]
            self._next += 1
            return request


def closed_loop(stub, logins: Logins, concurrency: int, seconds: float) -> dict:  # noqa: ANN001
    latencies: list[float] = []
    failed = [0]
    lock = threading.Lock()
    start = time.monotonic()
    end = start + seconds

    def caller() -> None:
        while (sent := time.monotonic()) < end:
            try:
                stub.Login(logins.next(), timeout=30)
                ok = True
            except grpc.RpcError:
                ok = False
            done = time.monotonic()
            with lock:
                if ok and done <= end:
                    latencies.append(done - sent)
                elif not ok:
                    failed[0] += 1

    threads = [threading.Thread(target=caller) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return summary(latencies, len(latencies), failed[0], seconds)


def open_loop(stub, logins: Logins, rate: float, seconds: float, warmup: float) -> dict:  # noqa: ANN001
    """Login i is started at t0 + i/rate (a gRPC future: no client-side queue); its latency runs
    from that scheduled time to its answer. Only logins scheduled after the warm-up count."""
    total = int(round(rate * (warmup + seconds)))
    skip = int(round(rate * warmup))
    latencies: list[float] = []
    failed = [0]
    lock = threading.Lock()
    pending = threading.Semaphore(0)
    t0 = time.monotonic() + 0.05

    def record(i: int, due: float, future: grpc.Future) -> None:
        done = time.monotonic()
        with lock:
            if i >= skip:
                if future.exception() is None:
                    latencies.append(done - due)
                else:
                    failed[0] += 1
        pending.release()

    last_done = [t0]
    for i in range(total):
        due = t0 + i / rate
        delay = due - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        future = stub.Login.future(logins.next(), timeout=30)
        future.add_done_callback(lambda f, i=i, due=due: record(i, due, f))
    for _ in range(total):
        pending.acquire(timeout=40)
    last_done[0] = time.monotonic()
    result = summary(latencies, len(latencies), failed[0], max(seconds, last_done[0] - (t0 + warmup)))
    result["offered_per_s"] = rate
    return result


def _self_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(var_dir: Path) -> dict:
    from fanout import CpuMeter

    from clientarea.identity.v1 import identity_pb2, identity_pb2_grpc
    from clientarea_shared import demo
    from clientarea_shared.testing import create_database, drop_database

    database_url = create_database("bench_login_identity")
    marker = database_url.rsplit("/", 1)[1]
    try:
        with Identity(var_dir, database_url) as identity, grpc.insecure_channel(identity.address) as channel:
            stub = identity_pb2_grpc.IdentityServiceStub(channel)
            staff = stub.Login(identity_pb2.LoginRequest(tenant=demo.TENANT_SLUG, username=demo.ADMIN_USERNAME,
                                                         password=demo.ADMIN_PASSWORD), timeout=30)
            started = time.monotonic()
            users = create_users(stub, staff.access_token, BENCH_USERS)
            say(f"  {len(users)} users created through CreatePortalUser in {time.monotonic() - started:.0f} s")
            logins = Logins(users)
            stub.Login(logins.next(), timeout=30)  # the first login warms identity's caches

            meter = CpuMeter({identity.process.pid: "identity"}, marker)
            cpu_before = _self_cpu()
            with meter:
                closed = closed_loop(stub, logins, CONCURRENCY, CLOSED_SECONDS)
                say(f"    closed loop x{CONCURRENCY}: {closed['throughput_per_s']:.0f} logins/s, "
                    f"p50 {closed['p50_ms']} ms, p99 {closed['p99_ms']} ms, failed {closed['failed']}")
                fixed = []
                for rate in open_loop_rates(closed["throughput_per_s"]):
                    step = open_loop(stub, logins, rate, OPEN_SECONDS, OPEN_WARMUP_SECONDS)
                    say(f"    open loop {rate:.0f}/s: achieved {step['throughput_per_s']:.0f}/s, "
                        f"p50 {step['p50_ms']} ms, p99 {step['p99_ms']} ms, failed {step['failed']}")
                    fixed.append(step)
            driver_cpu = _self_cpu() - cpu_before
            logins_done = closed["ok"] + closed["failed"] + sum(s["ok"] + s["failed"] for s in fixed) \
                + sum(int(round(s["offered_per_s"] * OPEN_WARMUP_SECONDS)) for s in fixed)
            cpu = meter.report(logins_done)
            cpu["cpu_ms_per_response"]["bench driver (this process)"] = round(1000 * driver_cpu / logins_done, 3)
            stored_hash = _a_stored_hash(database_url, PASSWORD)
    finally:
        drop_database(database_url)
    say("  raw argon2 verify with the same parameters (1 process, then 1 per core)")
    raw = raw_baseline(stored_hash, PASSWORD)
    from argon2 import extract_parameters

    params = extract_parameters(stored_hash)
    return {"login_rpc": {"closed_loop": closed, "open_loop": fixed, "cpu": cpu, "users": len(users),
                          "concurrency": CONCURRENCY},
            "raw_argon2": raw,
            "argon2_parameters": {"type": params.type.name, "time_cost": params.time_cost,
                                  "memory_cost_kib": params.memory_cost, "parallelism": params.parallelism}}


def _a_stored_hash(database_url: str, password: str) -> str:
    """An argon2id hash identity stored for one of the bench users (it verifies `password`),
    found by its argon2 prefix in whichever column holds hashes: identity's schema is identity's
    business, so no model of it is imported."""
    import sqlalchemy as sa
    from argon2 import PasswordHasher
    from argon2.exceptions import VerificationError

    engine = sa.create_engine(database_url)
    try:
        with engine.connect() as connection:
            inspector = sa.inspect(connection)
            for table in inspector.get_table_names():
                for column in inspector.get_columns(table):
                    if not isinstance(column["type"], sa.String):
                        continue
                    hashes = sa.column(column["name"])
                    for (found,) in connection.execute(sa.select(hashes).select_from(sa.table(table))
                                                       .where(hashes.like("$argon2id$%")).limit(20)):
                        try:
                            PasswordHasher().verify(found, password)
                            return found
                        except VerificationError:
                            continue  # a demo user's: another password
    finally:
        engine.dispose()
    raise RuntimeError("no argon2id hash of the bench users found in identity's database")


def cpu_bound_rate(cpu_ms_per_op: float, cores: int) -> float:
    """Operations per second the machine's cores allow when each costs `cpu_ms_per_op` of CPU:
    the figure that other work on a shared machine cannot move (it only stretches wall times)."""
    return cores * 1000 / cpu_ms_per_op if cpu_ms_per_op > 0 else 0.0


def table(result: dict) -> str:
    rpc, raw = result["login_rpc"], result["raw_argon2"]
    cores = os.cpu_count() or 1
    per_login = rpc["cpu"]["cpu_ms_per_response"]
    login_cpu = sum(v for k, v in per_login.items() if k in ("identity", "postgres (this run's databases)"))
    verify_cpu = raw["one_core"]["cpu_ms_per_verify"]
    closed = rpc["closed_loop"]
    rows = [
        ("CPU ms per login / per verify", f"{login_cpu:.1f} (identity + postgres)", f"{verify_cpu:.1f}"),
        (f"CPU-bound ceiling, {cores} cores", f"{cpu_bound_rate(login_cpu, cores):.0f}/s",
         f"{cpu_bound_rate(verify_cpu, cores):.0f}/s"),
        ("throughput measured, all cores", f"{closed['throughput_per_s']:.0f}/s (x{rpc['concurrency']} callers)",
         f"{raw['all_cores']['throughput_per_s']:.0f}/s ({raw['all_cores']['processes']} processes)"),
        ("throughput measured, one core", "", f"{raw['one_core']['throughput_per_s']:.0f}/s"),
        ("p50 / p99 back to back (ms)", f"{closed['p50_ms']} / {closed['p99_ms']}",
         f"{raw['one_core']['p50_ms']} / {raw['one_core']['p99_ms']}"),
    ]
    for step in rpc["open_loop"]:
        rows.append((f"p50 / p99 @ {step['offered_per_s']:.0f} logins/s (ms)",
                     f"{step['p50_ms']} / {step['p99_ms']}, failed {step['failed']}", ""))
    lines = [f"{'figure':<36}{'identity Login RPC':<34}raw argon2 verify", f"{'-' * 34:<36}{'-' * 32:<34}{'-' * 24}"]
    lines += [f"{a:<36}{b:<34}{c}" for a, b, c in rows]
    parts = sorted(per_login.items(), key=lambda kv: -kv[1])
    lines.append("CPU ms per login by process: " + ", ".join(f"{k} {v:.1f}" for k, v in parts if v >= 0.05))
    p = result["argon2_parameters"]
    lines.append(f"argon2 parameters (from identity's stored hash): {p['type']} t={p['time_cost']} "
                 f"m={p['memory_cost_kib']} KiB p={p['parallelism']}")
    return "\n".join(lines)


def main() -> dict:
    started = time.time()
    var_dir = Path(tempfile.mkdtemp(prefix="clientarea-bench-login-"))
    try:
        measured = measure(var_dir)
    except Exception:
        say(f"  the benchmark failed; logs in {var_dir}")
        raise
    report = {"figure": "identity's gRPC Login beside raw argon2 verify",
              "when": datetime.now(UTC).isoformat(timespec="seconds"), "cpus": os.cpu_count(),
              **measured, "elapsed_s": round(time.time() - started, 1)}
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / "login.json"
    out.write_text(json.dumps(report, indent=2) + "\n")
    print()
    print("Login through identity's gRPC Login (PostgreSQL, real argon2id), beside raw argon2 verify")
    print(table(measured))
    print(f"results: {out} ({report['elapsed_s']:.0f} s); identity's log: {var_dir}", flush=True)
    return report


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--raw":
        given = json.loads(sys.stdin.read())
        print(json.dumps(raw_verify(given["hash"], given["password"], float(sys.argv[2]))))
    else:
        main()
