"""Lifetimes of tokens, links and codes; opaque tokens and one-time codes, stored only as hashes."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

ACCESS_TOKEN_TTL = timedelta(minutes=10)
REFRESH_TOKEN_TTL = timedelta(hours=12)  # idle timeout: an unused refresh token dies
SESSION_ABSOLUTE_TTL = timedelta(days=7)
SET_PASSWORD_TTL = timedelta(hours=72)  # the link of the "access granted" e-mail
RESET_PASSWORD_TTL = timedelta(minutes=30)
EMAIL_CHANGE_TTL = timedelta(hours=24)
# The e-mailed six-digit codes' lifetime, tries and resends: domain/email_codes.py.
REGISTRATION_COMPLETE_TTL = timedelta(minutes=15)  # from the verified code to the chosen password
KEY_ROTATION_AGE = timedelta(days=30)

def new_opaque_token() -> str:
    """A random token for links and refresh tokens (256 bits)."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_code() -> str:
    """A six-digit one-time code for e-mail (uniform, leading zeros kept)."""
    return f"{secrets.randbelow(1_000_000):06d}"


def code_hash(code: str, salt: str) -> str:
    """Codes have only 10^6 values: salted with their row's id so one table leak is not a lookup."""
    return hashlib.sha256(f"{salt}:{code}".encode()).hexdigest()


def same_secret(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())
