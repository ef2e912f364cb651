"""Six-digit codes sent by e-mail, the same for self-registration and for the login by code:
single use, valid 10 minutes, 5 tries, a new code at most every 60 s and 5 per row.

A row is anything with the attributes of `CodeRow` (a registration, a login code). Its code is
stored as a SHA-256 hash salted with the row's id (`tokens.code_hash`), never in clear.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Literal, Protocol

from clientarea_shared.errors import Invalid, TooManyRequests
from identity_service.domain import tokens

CODE_TTL = timedelta(minutes=10)
CODE_TRIES = 5
RESEND_INTERVAL = timedelta(seconds=60)
MAX_SENDS = 5

Verdict = Literal["right", "wrong", "expired", "too_many_tries"]


class CodeRow(Protocol):
    id: str
    code_hash: str
    attempts: int
    sends: int
    sent_at: datetime
    expires_at: datetime


def issue(row: CodeRow, now: datetime) -> str:
    """A fresh code for the row (the tries start again); returns it in clear, to be e-mailed."""
    code = tokens.new_code()
    row.code_hash = tokens.code_hash(code, row.id)
    row.sent_at, row.expires_at, row.attempts = now, now + CODE_TTL, 0
    return code


def seconds_valid(row: CodeRow, now: datetime) -> int:
    return max(0, int((row.expires_at - now).total_seconds()))


def seconds_until_resend(row: CodeRow, now: datetime) -> int:
    return max(0, int((row.sent_at + RESEND_INTERVAL - now).total_seconds()))


def resend_refusal(row: CodeRow, now: datetime, *, start_again: str) -> TooManyRequests | None:
    """Why a new code cannot be sent now (too soon, or too many), or None when it can.
    `start_again` ends the message of the second case ("start the registration again later")."""
    wait = row.sent_at + RESEND_INTERVAL - now
    if wait.total_seconds() > 0:
        return TooManyRequests("Wait a moment before asking for a new code", "resend_too_soon",
                               retry_after_seconds=int(wait.total_seconds()) + 1)
    if row.sends >= MAX_SENDS:
        return TooManyRequests(f"Too many codes were sent; {start_again}", "too_many_codes")
    return None


def check(row: CodeRow, code: str, now: datetime) -> Verdict:
    """Judge a typed code. A judged try counts (`attempts`); an expired or spent code is not even
    compared."""
    if row.expires_at <= now:
        return "expired"
    if row.attempts >= CODE_TRIES:
        return "too_many_tries"
    row.attempts += 1
    right = tokens.same_secret(row.code_hash, tokens.code_hash(code.strip(), row.id))
    return "right" if right else "wrong"


def refusal(verdict: Verdict, row: CodeRow) -> Invalid:
    """The field error of the `code` field for a verdict other than "right"."""
    if verdict == "expired":
        return Invalid.field("code", "expired", "This code has expired; ask for a new one")
    if verdict == "too_many_tries":
        return Invalid.field("code", "too_many_tries", "Too many wrong codes; ask for a new one")
    left = CODE_TRIES - row.attempts
    return Invalid.field("code", "wrong_code", f"The code is not correct ({left} tries left)" if left else
                         "The code is not correct; ask for a new one")
