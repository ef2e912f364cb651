"""Back-off and temporary lockout after failed logins, per account and per source address.

A counter of recent failures per key. The first failures are free; then each further attempt must
wait a doubling delay (back-off); at `lock_after` failures the key is locked for `lock_for`, and
every later lock of the same key lasts twice as long, up to `max_lock`. A quiet `window` without
failures forgets the counter. While a key must wait, attempts are refused before the password is
even checked, so a locked account cannot be brute-forced and answers the same whether it exists.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta


@dataclass(frozen=True)
class ThrottlePolicy:
    free_failures: int
    backoff_base: timedelta
    lock_after: int
    lock_for: timedelta
    max_lock: timedelta
    window: timedelta


# One person mistyping: two free tries, then 1 s, 2 s; the fifth failure locks 15 minutes.
PER_ACCOUNT = ThrottlePolicy(free_failures=2, backoff_base=timedelta(seconds=1), lock_after=5,
                             lock_for=timedelta(minutes=15), max_lock=timedelta(hours=24),
                             window=timedelta(minutes=15))
# One address spraying many accounts (an office NAT may hold many people: be generous).
PER_ADDRESS = ThrottlePolicy(free_failures=20, backoff_base=timedelta(seconds=1), lock_after=50,
                             lock_for=timedelta(minutes=15), max_lock=timedelta(hours=6),
                             window=timedelta(minutes=10))


@dataclass(frozen=True)
class Attempts:
    failures: int = 0
    last_failure_at: datetime | None = None
    locked_until: datetime | None = None
    locks: int = 0  # how many times this key was locked: each lock lasts longer


def _forgotten(state: Attempts, policy: ThrottlePolicy, now: datetime) -> bool:
    if state.locked_until is not None and state.locked_until > now:
        return False
    return state.last_failure_at is None or now - state.last_failure_at >= policy.window


def wait_needed(state: Attempts, policy: ThrottlePolicy, now: datetime) -> timedelta:
    """How long the key must still wait before its next attempt (zero: it may try now)."""
    if state.locked_until is not None and state.locked_until > now:
        return state.locked_until - now
    if _forgotten(state, policy, now) or state.failures <= policy.free_failures:
        return timedelta(0)
    assert state.last_failure_at is not None
    delay = policy.backoff_base * 2 ** (state.failures - policy.free_failures - 1)
    return max(timedelta(0), state.last_failure_at + delay - now)


def after_failure(state: Attempts, policy: ThrottlePolicy, now: datetime) -> Attempts:
    if state.last_failure_at is not None and now - state.last_failure_at >= policy.max_lock:
        state = Attempts()  # a long quiet spell forgives past locks too
    failures = 1 if _forgotten(state, policy, now) else state.failures + 1
    state = replace(state, failures=failures, last_failure_at=now)
    if failures >= policy.lock_after:
        lock = min(policy.lock_for * 2 ** state.locks, policy.max_lock)
        # The counter restarts after a lock; `locks` remembers, so the next lock is longer.
        state = replace(state, failures=0, locked_until=now + lock, locks=state.locks + 1)
    return state


def just_locked(before: Attempts, after: Attempts) -> bool:
    return after.locks > before.locks


def after_success(state: Attempts) -> Attempts:
    """A correct password clears the failures (not the memory of past locks)."""
    return replace(state, failures=0, last_failure_at=None, locked_until=None)
