"""Access keys of quick access by process number (seed 003), free of I/O.

A case's key is what the client types beside the process number: 10 characters drawn uniformly
from an alphabet without look-alikes (no 0/O, 1/I/L), shown in groups as `K7QF-3M9P-XA` (about
49.5 bits). Only a salted scrypt hash is stored (hashlib's, i.e. OpenSSL's): a leaked table does
not give the keys away, and each guess against it costs ~16 MiB and tens of milliseconds. A
lookup that finds no case verifies against a dummy hash, so an unknown process number costs the
same time as a wrong key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from functools import cache

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
KEY_LENGTH = 10
GROUPS = (4, 4, 2)
# scrypt at 16 MiB (OWASP's n=2^14..2^17 range): ~50 ms per check, only at a quick-access login.
_N, _R, _P, _DKLEN = 2**14, 8, 1, 32
_MAXMEM = 64 * 1024 * 1024
_SCHEME = "scrypt"


def new_access_key() -> str:
    """A fresh key, grouped for reading and typing (`K7QF-3M9P-XA`)."""
    return grouped("".join(secrets.choice(ALPHABET) for _ in range(KEY_LENGTH)))


def grouped(compact: str) -> str:
    parts, start = [], 0
    for size in GROUPS:
        parts.append(compact[start:start + size])
        start += size
    return "-".join(p for p in parts if p)


def normalise_key(typed: str) -> str:
    """What the client typed, without separators, spaces or case (`k7qf 3m9p-xa` → `K7QF3M9PXA`)."""
    return re.sub(r"[^0-9A-Za-z]", "", typed).upper()[: KEY_LENGTH * 4]


def normalise_number(typed: str) -> str:
    """A process number as stored: upper case, no spaces (`exp-2026-00311 ` → `EXP-2026-00311`)."""
    return re.sub(r"\s+", "", typed).upper()[:40]


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4))


def _derive(compact: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(compact.encode(), salt=salt, n=n, r=r, p=p, dklen=_DKLEN, maxmem=_MAXMEM)


def hash_key(key: str) -> str:
    """`scrypt$n$r$p$salt$digest` of the normalised key, with a random 16-byte salt."""
    salt = secrets.token_bytes(16)
    digest = _derive(normalise_key(key), salt, _N, _R, _P)
    return f"{_SCHEME}${_N}${_R}${_P}${_b64(salt)}${_b64(digest)}"


@cache
def _dummy_hash() -> str:
    return hash_key(new_access_key())


def verify_key(stored: str | None, typed: str) -> bool:
    """Whether `typed` is the key of `stored`. Without a stored hash (no such case) the same
    work is done against a dummy one, and the answer is False."""
    real = bool(stored)
    scheme, n, r, p, salt, digest = (stored if real else _dummy_hash()).split("$")  # type: ignore[union-attr]
    if scheme != _SCHEME:
        raise ValueError(f"unknown access-key hash scheme {scheme!r}")
    computed = _derive(normalise_key(typed), _unb64(salt), int(n), int(r), int(p))
    return real and hmac.compare_digest(computed, _unb64(digest))
