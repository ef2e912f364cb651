"""Identity's rules, free of I/O: password hashing and policy, token formats and lifetimes."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from clientarea_shared.errors import FieldError, Invalid

ACCESS_TOKEN_TTL = timedelta(minutes=10)
REFRESH_TOKEN_TTL = timedelta(hours=12)  # idle timeout: an unused refresh token dies
SESSION_ABSOLUTE_TTL = timedelta(days=7)
SET_PASSWORD_TTL = timedelta(hours=72)
KEY_ROTATION_AGE = timedelta(days=30)

PASSWORD_MIN_LENGTH = 12
PASSWORD_MAX_LENGTH = 128

# argon2id with OWASP's minimum (m=19 MiB, t=2, p=1).
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
# Verified against when the user does not exist, so both answers take the same time.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


def check_password_policy(password: str, *, username: str, email: str, field: str = "password") -> None:
    """Raise Invalid with a field error when the password breaks the policy."""
    errors = []
    if len(password) < PASSWORD_MIN_LENGTH:
        errors.append(FieldError(field, "too_short",
                                 f"Use at least {PASSWORD_MIN_LENGTH} characters"))
    elif len(password) > PASSWORD_MAX_LENGTH:
        errors.append(FieldError(field, "too_long",
                                 f"Use at most {PASSWORD_MAX_LENGTH} characters"))
    lowered = password.lower()
    if any(part and part in lowered for part in {username.lower(), email.lower().split("@")[0]}
           if len(part) >= 4):
        errors.append(FieldError(field, "contains_user_name",
                                 "The password must not contain your user name or e-mail"))
    if errors:
        raise Invalid(errors=errors)


def new_opaque_token() -> str:
    """A random token for links and refresh tokens (256 bits)."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
