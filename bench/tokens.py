"""Figure: access-token verification as every service process does it
(`clientarea_shared.auth.TokenVerifier.verify`, JWKS cached), beside a raw PyJWT `jwt.decode` on
the same key, measured in the same run, in this one process with one thread (one core).

Tokens are made the way identity makes them: RS256 with a 2048-bit RSA key and a `kid`, and
identity's claims (iss, aud, sub, tid, roles, sid, cid, name, iat, exp, jti).

- fresh tokens: TOKENS distinct tokens, each verified once (a cache miss: the real RSA check
  and claim parsing, as for the first call of every new access token);
- a repeated token: the same token again and again (the verifier remembers a verified token
  until it expires: a page's calls present one token to several services);
- raw: `jwt.decode(token, key, algorithms=["RS256"], audience=..., issuer=..., options=...)`
  over the same distinct tokens, with the key object already built.

Each is measured twice: a tight loop for throughput, then with every call timed for p50/p99.
Writes bench/results/tokens.json.
"""

from __future__ import annotations

import json
import os
import sys
import time
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "results"
sys.path.insert(0, str(BENCH))

from loadgen import percentile  # noqa: E402

from clientarea_shared.auth import TokenVerifier  # noqa: E402

TOKENS = 2000
REPEATED_CALLS = 200_000
ISSUER, AUDIENCE = "clientarea-identity", "clientarea"
RSA_BITS = 2048  # identity's signing keys (identity_service/keys.py)


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def signing_key() -> tuple[rsa.RSAPrivateKey, str, str]:
    """(private key, kid, JWKS JSON) as identity publishes it."""
    private = rsa.generate_private_key(public_exponent=65537, key_size=RSA_BITS)
    kid = str(uuid.uuid4())
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(private.public_key()))
    jwk.update({"kid": kid, "alg": "RS256", "use": "sig"})
    return private, kid, json.dumps({"keys": [jwk]})


def mint(private: rsa.RSAPrivateKey, kid: str, count: int) -> list[str]:
    """`count` distinct access tokens with identity's claims, valid for ten minutes."""
    now = int(time.time())
    tokens = []
    for n in range(count):
        claims = {"iss": ISSUER, "aud": AUDIENCE, "sub": str(uuid.uuid4()), "tid": str(uuid.uuid4()),
                  "roles": ["agent"], "sid": str(uuid.uuid4()), "cid": str(uuid.uuid4()),
                  "name": f"Usuaria {n}", "iat": now, "exp": now + 600, "jti": str(uuid.uuid4())}
        tokens.append(jwt.encode(claims, private, algorithm="RS256", headers={"kid": kid}))
    return tokens


def rate(fn: Callable[[str], object], tokens: Sequence[str]) -> dict:
    """Calls per second over `tokens` in a tight loop, and per-call p50/p99 in µs (a second pass,
    every call timed). `fn` is made anew for each pass by the caller when caching matters."""
    start = time.perf_counter()
    cpu = time.process_time()
    for token in tokens:
        fn(token)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu
    return {"calls": len(tokens), "per_s": round(len(tokens) / elapsed),
            "cpu_us_per_call": round(1e6 * cpu / len(tokens), 2)}


def latencies(fn: Callable[[str], object], tokens: Sequence[str]) -> dict:
    samples = []
    clock = time.perf_counter_ns
    for token in tokens:
        t = clock()
        fn(token)
        samples.append((clock() - t) / 1000)
    return {"p50_us": round(percentile(samples, 50), 2), "p99_us": round(percentile(samples, 99), 2)}


def measure() -> dict:
    private, kid, jwks = signing_key()
    started = time.monotonic()
    tokens = mint(private, kid, 2 * TOKENS + 1)
    say(f"  {len(tokens)} tokens minted in {time.monotonic() - started:.1f} s")
    first, second, warm = tokens[:TOKENS], tokens[TOKENS:2 * TOKENS], tokens[-1]

    def fresh_verifier() -> Callable[[str], object]:
        verifier = TokenVerifier(lambda: jwks, ISSUER, AUDIENCE)
        verifier.verify(warm)  # loads the JWKS: what is measured below is with the keys cached
        return verifier.verify

    fresh = {**rate(fresh_verifier(), first), **latencies(fresh_verifier(), second)}
    repeated_verify = fresh_verifier()
    same = [first[0]] * REPEATED_CALLS
    repeated = {**rate(repeated_verify, same), **latencies(repeated_verify, same[:TOKENS * 10])}

    key = jwt.PyJWK(json.loads(jwks)["keys"][0], algorithm="RS256").key

    def raw_decode(token: str) -> dict:
        return jwt.decode(token, key, algorithms=["RS256"], audience=AUDIENCE, issuer=ISSUER, leeway=5,
                          options={"require": ["exp", "iat", "sub", "tid"]})

    raw = {**rate(raw_decode, first), **latencies(raw_decode, second)}
    return {"verifier_fresh_token": fresh, "verifier_repeated_token": repeated, "raw_pyjwt_decode": raw,
            "key": f"RSA {RSA_BITS} RS256", "threads": 1}


def table(result: dict) -> str:
    rows = [("TokenVerifier.verify, fresh tokens", result["verifier_fresh_token"]),
            ("TokenVerifier.verify, repeated token", result["verifier_repeated_token"]),
            ("raw jwt.decode (PyJWT), fresh tokens", result["raw_pyjwt_decode"])]
    lines = [f"{'path (one thread, one core)':<40}{'per s':>10}{'p50 µs':>10}{'p99 µs':>10}{'CPU µs/call':>13}",
             "-" * 83]
    for label, r in rows:
        lines.append(f"{label:<40}{r['per_s']:>10}{r['p50_us']:>10}{r['p99_us']:>10}{r['cpu_us_per_call']:>13}")
    fresh, raw = result["verifier_fresh_token"], result["raw_pyjwt_decode"]
    lines.append(f"verifier on a cache miss / raw decode: {fresh['cpu_us_per_call'] / raw['cpu_us_per_call']:.2f}x "
                 "the CPU per token (CPU is what other work on the machine cannot move)")
    return "\n".join(lines)


def main() -> dict:
    started = time.time()
    measured = measure()
    report = {"figure": "access-token verification: TokenVerifier beside raw PyJWT decode",
              "when": datetime.now(UTC).isoformat(timespec="seconds"), "cpus": os.cpu_count(),
              **measured, "elapsed_s": round(time.time() - started, 1)}
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / "tokens.json"
    out.write_text(json.dumps(report, indent=2) + "\n")
    print()
    print("Access-token verification in a service process, beside raw PyJWT on the same key")
    print(table(measured))
    print(f"results: {out} ({report['elapsed_s']:.0f} s)", flush=True)
    return report


if __name__ == "__main__":
    main()
