"""Passwords: argon2id hashing and the password policy (OWASP ASVS 5.0 level 2).

The policy is what ASVS asks for and no composition rules: at least 12 characters, up to 128
accepted, not one of the 30,000 most common passwords (zxcvbn's list, shipped with the library),
not built from the user's own name or e-mail, and not trivially guessable by zxcvbn's estimate.
The same estimate gives the form its strength feedback.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from zxcvbn import zxcvbn
from zxcvbn.frequency_lists import FREQUENCY_LISTS

from clientarea_shared.errors import FieldError, Invalid

MIN_LENGTH = 12
MAX_LENGTH = 128
MIN_SCORE = 2  # zxcvbn 0-4; below 2 is "too guessable" (under ~10^8 guesses)
_ESTIMATE_PREFIX = 64  # zxcvbn's matching is superlinear; the head of a long password is enough

COMMON_PASSWORDS = frozenset(FREQUENCY_LISTS["passwords"])

# argon2id with OWASP's minimum (m=19 MiB, t=2, p=1).
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
# Verified against when the user does not exist, so both answers take the same time.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Always runs one argon2 verification, with or without a stored hash."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


@dataclass(frozen=True)
class Strength:
    score: int  # 0-4
    warning: str
    suggestions: list[str]


def strength(password: str, user_inputs: list[str]) -> Strength:
    result = zxcvbn(password[:_ESTIMATE_PREFIX], user_inputs=[u for u in user_inputs if u])
    feedback = result["feedback"]
    return Strength(score=int(result["score"]), warning=feedback.get("warning") or "",
                    suggestions=list(feedback.get("suggestions") or []))


def _personal_parts(username: str, email: str) -> set[str]:
    parts = {username.lower(), email.lower(), email.lower().split("@")[0]}
    return {p for p in parts if len(p) >= 4}


def policy_errors(password: str, *, username: str = "", email: str = "",
                  field: str = "password") -> list[FieldError]:
    if len(password) < MIN_LENGTH:
        return [FieldError(field, "too_short", f"Use at least {MIN_LENGTH} characters")]
    if len(password) > MAX_LENGTH:
        return [FieldError(field, "too_long", f"Use at most {MAX_LENGTH} characters")]
    lowered = password.lower()
    if lowered in COMMON_PASSWORDS:
        return [FieldError(field, "too_common", "This password is among the most used ones; choose another")]
    if any(part in lowered for part in _personal_parts(username, email)):
        return [FieldError(field, "contains_user_name",
                           "The password must not contain your user name or e-mail")]
    estimate = strength(password, [username, email])
    if estimate.score < MIN_SCORE:
        hint = estimate.warning or "Add more words or characters that are not in a sequence"
        return [FieldError(field, "too_guessable", f"This password is easy to guess. {hint}".strip())]
    return []


def check_password_policy(password: str, *, username: str = "", email: str = "",
                          field: str = "password") -> None:
    """Raise Invalid with a field error when the password breaks the policy."""
    errors = policy_errors(password, username=username, email=email, field=field)
    if errors:
        raise Invalid(errors=errors)


def check_new_password(password: str, confirmation: str, *, username: str, email: str) -> None:
    """The policy plus "typed twice": both mistakes are reported together."""
    errors = policy_errors(password, username=username, email=email)
    if confirmation != password:
        errors.append(FieldError("password_confirmation", "mismatch", "The two passwords are not the same"))
    if errors:
        raise Invalid(errors=errors)
