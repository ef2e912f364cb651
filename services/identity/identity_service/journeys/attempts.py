"""Counting failed attempts against the throttles (`domain/throttling.py`) in the database: the
login, and every re-authentication before a sensitive change, go through here."""

from __future__ import annotations

import math
from datetime import timedelta

from clientarea_shared.db import utcnow
from clientarea_shared.errors import TooManyRequests
from identity_service.domain import throttling
from identity_service.repository import IdentityRepository

_THROTTLES = ((throttling.PER_ACCOUNT, "account"), (throttling.PER_ADDRESS, "address"))


def too_many_attempts(wait: timedelta) -> TooManyRequests:
    seconds = max(1, math.ceil(wait.total_seconds()))
    when = f"{math.ceil(seconds / 60)} minutes" if seconds > 90 else f"{seconds} seconds"
    return TooManyRequests(f"Too many failed attempts. Try again in {when}.", "too_many_attempts",
                           retry_after_seconds=seconds)


def required_wait(repo: IdentityRepository, keys: tuple[str, str]) -> timedelta:
    now = utcnow()
    return max(throttling.wait_needed(repo.attempts(key), policy, now)
               for key, (policy, _) in zip(keys, _THROTTLES, strict=True) if key)


def record_failure(repo: IdentityRepository, keys: tuple[str, str], *, while_waiting: bool = False) -> list[str]:
    """Count a failure on each key; returns which kinds ("account", "address") it just locked.

    An attempt that did not wait out its back-off counts as a failure too (hammering through the
    back-off ends in the lockout), but attempts during a lock do not prolong it: otherwise anyone
    could keep a victim's account locked for the maximum time with a burst of requests."""
    now, locked = utcnow(), []
    for key, (policy, kind) in zip(keys, _THROTTLES, strict=True):
        if not key:
            continue
        before = repo.lock_attempts(key)
        if while_waiting and before.locked_until is not None and before.locked_until > now:
            continue
        after = throttling.after_failure(before, policy, now)
        repo.save_attempts(key, after)
        if throttling.just_locked(before, after):
            locked.append(kind)
    return locked


def clear_failures(repo: IdentityRepository, key: str) -> None:
    state = repo.attempts(key)
    if state.failures or state.locked_until:
        repo.lock_attempts(key)
        repo.save_attempts(key, throttling.after_success(state))
