"""Identity's pure rules: the password policy and the back-off/lockout arithmetic."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from clientarea_shared.errors import Invalid
from identity_service.domain import passwords, throttling, tokens
from identity_service.domain.throttling import Attempts, after_failure, after_success, wait_needed

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
ACCOUNT = throttling.PER_ACCOUNT


def codes(password: str, **who: str) -> list[str]:
    return [e.code for e in passwords.policy_errors(password, **who)]


@pytest.mark.parametrize(("password", "expected"), [
    ("Corta-2026", ["too_short"]),
    ("x" * 129, ["too_long"]),
    ("qwerty123456", ["too_common"]),
    ("123456789012", ["too_guessable"]),
    ("1qaz2wsx3edc", ["too_common"]),
    ("aaaaaaaaaaaaaaaa", ["too_guessable"]),
    ("Nuria.Prats-1990", ["contains_user_name"]),
    ("Cavall-Blau-Salta-Tanques", []),
    ("x" * 60 + "-Un-Pont-Llarg-De-Fusta-1", []),  # long passphrases are welcome
])
def test_password_policy(password, expected):
    assert codes(password, username="nprats", email="nuria.prats@example.test") == expected


def test_typed_twice_reports_both_mistakes_together():
    with pytest.raises(Invalid) as error:
        passwords.check_new_password("corta", "otra", username="u", email="u@example.test")
    assert {(e.field, e.code) for e in error.value.errors} == {
        ("password", "too_short"), ("password_confirmation", "mismatch")}


def test_the_common_list_is_large_enough():
    assert len(passwords.COMMON_PASSWORDS) >= 10_000


def test_verify_runs_for_missing_users_and_never_accepts_them():
    stored = passwords.hash_password("Cavall-Blau-Salta-Tanques")
    assert passwords.verify_password(stored, "Cavall-Blau-Salta-Tanques")
    assert not passwords.verify_password(stored, "cavall-blau-salta-tanques")
    assert not passwords.verify_password(None, "Cavall-Blau-Salta-Tanques")


def test_codes_are_six_digits_and_hashes_are_salted_per_row():
    code = tokens.new_code()
    assert len(code) == 6 and code.isdigit()
    assert tokens.code_hash(code, "row-a") != tokens.code_hash(code, "row-b")


def fail(state: Attempts, at: datetime) -> Attempts:
    return after_failure(state, ACCOUNT, at)


def test_two_free_failures_then_a_doubling_back_off():
    state = fail(fail(Attempts(), T0), T0)
    assert wait_needed(state, ACCOUNT, T0) == timedelta(0)
    state = fail(state, T0)
    assert wait_needed(state, ACCOUNT, T0) == timedelta(seconds=1)
    state = fail(state, T0 + timedelta(seconds=1))
    assert wait_needed(state, ACCOUNT, T0 + timedelta(seconds=1)) == timedelta(seconds=2)
    assert wait_needed(state, ACCOUNT, T0 + timedelta(seconds=3)) == timedelta(0)


def test_the_fifth_failure_locks_and_later_locks_last_longer():
    state = Attempts()
    for _ in range(5):
        state = fail(state, T0)
    assert throttling.just_locked(Attempts(), state)
    assert wait_needed(state, ACCOUNT, T0) == timedelta(minutes=15)
    after = T0 + timedelta(minutes=15)
    for _ in range(5):
        state = fail(state, after)
    assert wait_needed(state, ACCOUNT, after) == timedelta(minutes=30)


def test_locks_are_capped_and_a_quiet_day_forgives():
    state = Attempts(failures=4, last_failure_at=T0, locks=20)
    state = fail(state, T0)
    assert wait_needed(state, ACCOUNT, T0) == ACCOUNT.max_lock
    much_later = T0 + timedelta(days=2)
    state = fail(state, much_later)
    assert state.locks == 0 and state.failures == 1


def test_a_quiet_window_forgets_failures_and_success_clears_them():
    state = fail(fail(fail(Attempts(), T0), T0), T0)
    later = T0 + ACCOUNT.window
    assert wait_needed(state, ACCOUNT, later) == timedelta(0)
    assert fail(state, later).failures == 1
    assert after_success(state).failures == 0
