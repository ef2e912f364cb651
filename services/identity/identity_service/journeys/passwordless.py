"""Login by a six-digit code e-mailed to the account's address, instead of the password.

- **Start**: the same answer, padded to the same time, for any login. A row exists either way; a
  decoy (no user, no e-mail) when the account is unknown or inactive, has no e-mail address, or
  was already sent `CODES_PER_HOUR` codes this hour (nobody can flood a mailbox).
- **Ticket**: random, stored hashed, handed to the client that asked (the gateway keeps it in an
  HttpOnly cookie). The code works only together with it, so a code read over someone's shoulder
  or phished is useless in another browser.
- **Codes**: `domain/email_codes.py`, the registration's rules (10 minutes, 5 tries, a new one
  at most every 60 s and 5 per ticket, single use).
- **Complete**: wrong codes count on the login throttle like wrong passwords (per account as
  typed, per address). A right code is one factor, like a right password ("something you have":
  the mailbox): tokens, or the second step when the user's second factor is due.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session as DbSession

from clientarea.identity.v1 import identity_pb2 as pb
from clientarea_shared.db import new_id, utcnow
from clientarea_shared.errors import DomainError, Invalid, Unauthenticated
from identity_service.domain import email_codes, tokens
from identity_service.journeys import mfa
from identity_service.journeys.attempts import clear_failures, record_failure, required_wait, too_many_attempts
from identity_service.journeys.common import (
    Identity,
    address_key,
    issue_tokens,
    login_key,
    mask_login,
    no_sooner_than,
    publish,
    start_session,
)
from identity_service.models import LoginCode, User
from identity_service.repository import IdentityRepository

START_ANSWER_FLOOR_SECONDS = 0.4  # covers the lookups and the outbox write
CODES_PER_HOUR = 5
_TICKET_INVALID = "This sign-in has expired; ask for a new code"


def _status(ticket: str, row: LoginCode) -> pb.CodeLoginStatus:
    now = utcnow()
    return pb.CodeLoginStatus(login_ticket=ticket, code_expires_in=email_codes.seconds_valid(row, now),
                              resend_after=email_codes.seconds_until_resend(row, now))


def _send_code(db: DbSession, row: LoginCode, user: User | None) -> None:
    """A fresh code for the row; e-mailed only when the row belongs to a user (never for a decoy)."""
    code = email_codes.issue(row, utcnow())
    if user is not None:
        publish(db, user.tenant_id, "identity.login_code_issued", pb.LoginCodeIssued(
            user_id=user.id, email=user.email, display_name=user.display_name, locale=user.locale, code=code,
            valid_minutes=int(email_codes.CODE_TTL.total_seconds() // 60)))


def _eligibility(repo: IdentityRepository, user: User | None) -> str:
    """Whether a code goes out to the user; the audit's outcome either way."""
    if user is None:
        return "unknown_account"
    if not user.email:
        return "no_email"
    if repo.login_codes_sent_since(user.id, utcnow() - timedelta(hours=1)) >= CODES_PER_HOUR:
        return "throttled"
    return "code_sent"


def start(idn: Identity, request: pb.StartCodeLoginRequest) -> pb.CodeLoginStatus:
    login = request.login.strip()
    if not login:
        raise Invalid.field("login", "required", "Enter your user name or e-mail")
    with no_sooner_than(START_ANSWER_FLOOR_SECONDS), idn.db.session() as db:
        repo = IdentityRepository(db)
        tenant = repo.tenant_by_slug(request.tenant)
        user = repo.user_by_login(tenant.id, login) if tenant else None
        outcome = _eligibility(repo, user)
        recipient = user if outcome == "code_sent" else None
        # The same throttle key as the password login: wrong codes and passwords add up.
        tenant_key = tenant.id if tenant else f"unknown:{request.tenant.strip().lower()[:60]}"
        ticket, now = tokens.new_opaque_token(), utcnow()
        row = LoginCode(id=new_id(), tenant_id=tenant.id if tenant else "",
                        user_id=recipient.id if recipient else None, ticket_hash=tokens.token_hash(ticket),
                        throttle_key=login_key(tenant_key, login), code_hash="", attempts=0, sends=1,
                        sent_at=now, expires_at=now, created_at=now)
        repo.add(row)
        _send_code(db, row, recipient)
        if tenant is not None:
            detail = {} if user else {"login": mask_login(login)}
            repo.audit(tenant_id=tenant.id, user_id=user.id if user else None, action="login_code_requested",
                       outcome=outcome, source_address=request.source_address, user_agent=request.user_agent,
                       **detail)
        return _status(ticket, row)


def _open_row(repo: IdentityRepository, ticket: str) -> LoginCode:
    row = repo.login_code(tokens.token_hash(ticket)) if ticket else None
    if row is None or row.used_at is not None:
        raise Unauthenticated(_TICKET_INVALID, "login_ticket_invalid")
    return row


def resend(idn: Identity, request: pb.ResendLoginCodeRequest) -> pb.CodeLoginStatus:
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        row = _open_row(repo, request.login_ticket)
        refusal = email_codes.resend_refusal(row, utcnow(), start_again="ask for a new sign-in code later")
        if refusal is not None:
            raise refusal
        user = repo.user(row.tenant_id, row.user_id) if row.user_id else None
        if user is not None and _eligibility(repo, user) != "code_sent":
            user = None  # the hourly cap: answered alike, nothing sent (as for a decoy)
        row.sends += 1
        _send_code(db, row, user)
        return _status(request.login_ticket, row)


def complete(idn: Identity, request: pb.CompleteCodeLoginRequest) -> pb.TokenPair:
    failure: DomainError
    audit = {"source_address": request.source_address, "user_agent": request.user_agent}
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        row = _open_row(repo, request.login_ticket)
        keys = (row.throttle_key, address_key(request.source_address))
        user = repo.user(row.tenant_id, row.user_id) if row.user_id else None
        wait = required_wait(repo, keys)
        if wait > timedelta(0):
            # Refused before the code is compared: a locked account cannot be guessed at.
            record_failure(repo, keys, while_waiting=True)
            _audit(repo, row, user, "throttled", audit)
            failure = too_many_attempts(wait)
        else:
            verdict = email_codes.check(row, request.code, utcnow())
            if verdict == "right" and user is not None and user.status == "active":
                row.used_at = utcnow()
                clear_failures(repo, row.throttle_key)
                return _logged_in(idn, repo, user, request, audit)
            if verdict in ("right", "wrong"):  # a judged try (a decoy's lucky guess is wrong too)
                _count_failure(repo, row, user, keys, audit)
            failure = email_codes.refusal("wrong" if verdict == "right" else verdict, row)
    raise failure  # after the commit, so the try stays counted and audited


def _logged_in(idn: Identity, repo: IdentityRepository, user: User, request: pb.CompleteCodeLoginRequest,
               audit: dict[str, str]) -> pb.TokenPair:
    """Like a right password: the second step when it is due, otherwise a new session."""
    if mfa.second_step_due(repo, user):
        repo.audit(tenant_id=user.tenant_id, user_id=user.id, action="login", outcome="mfa_required",
                   method="email_code", **audit)
        return mfa.challenge(repo, user)
    session = start_session(repo, user, device_id=request.device_id, **audit)
    repo.audit(tenant_id=user.tenant_id, user_id=user.id, action="login", outcome="success",
               session_id=session.id, method="email_code", **audit)
    return issue_tokens(idn, repo, user, session)


def _count_failure(repo: IdentityRepository, row: LoginCode, user: User | None, keys: tuple[str, str],
                   audit: dict[str, str]) -> None:
    locked = record_failure(repo, keys)
    _audit(repo, row, user, "failure", audit)
    if row.tenant_id:
        for kind in locked:
            repo.audit(tenant_id=row.tenant_id, user_id=user.id if user else None, action="lockout",
                       outcome=kind, method="email_code", **audit)


def _audit(repo: IdentityRepository, row: LoginCode, user: User | None, outcome: str,
           audit: dict[str, str]) -> None:
    if row.tenant_id:  # an unknown firm has no audit trail to write to
        repo.audit(tenant_id=row.tenant_id, user_id=user.id if user else None, action="login", outcome=outcome,
                   method="email_code", **audit)
