"""Self-registration by e-mail (seed 003): e-mail → six-digit code → password twice → logged in.

Only an e-mail of one of the firm's clients (asked to crm) gets a code, yet every step answers the
same for any e-mail: a registration row exists either way, a decoy one having no client and no
code that could ever match. Codes (`domain/email_codes.py`, shared with the login by code): single
use, 10 minutes, 5 tries, a new one at most every minute and 5 per registration.
"""

from __future__ import annotations

import grpc
from sqlalchemy.orm import Session as DbSession

from clientarea.crm.v1 import crm_pb2, crm_pb2_grpc
from clientarea.identity.v1 import identity_pb2 as pb
from clientarea_shared.context import CLIENT
from clientarea_shared.db import new_id, utcnow
from clientarea_shared.errors import Conflict, DomainError, Invalid, NotFound, from_rpc_error
from clientarea_shared.text import normalise_email
from identity_service.domain import email_codes, passwords, tokens
from identity_service.journeys.common import (
    Identity,
    issue_tokens,
    no_sooner_than,
    publish,
    start_session,
)
from identity_service.models import Registration, User
from identity_service.providers import register_credentials
from identity_service.repository import IdentityRepository

START_ANSWER_FLOOR_SECONDS = 0.4  # covers the crm lookup and the outbox write


def _normalised_email(email: str) -> str:
    address = normalise_email(email)
    if not address:
        raise Invalid.field("email", "required", "Enter your e-mail address")
    return address


def _find_client(idn: Identity, tenant_id: str, email: str) -> crm_pb2.Client | None:
    stub = crm_pb2_grpc.CrmServiceStub(idn.runtime.channels.get("crm"))
    try:
        return stub.FindClientByEmail(
            crm_pb2.FindClientByEmailRequest(email=email), timeout=3,
            metadata=[("authorization", f"Bearer {idn.service_token(tenant_id)}")])
    except grpc.RpcError as exc:
        error = from_rpc_error(exc)
        if isinstance(error, NotFound):
            return None
        raise error from exc


def _status(row: Registration) -> pb.RegistrationStatus:
    now = utcnow()
    return pb.RegistrationStatus(
        registration_id=row.id, code_expires_in=email_codes.seconds_valid(row, now),
        resend_after=email_codes.seconds_until_resend(row, now), verified=row.verified_at is not None,
    )


def _send_code(db: DbSession, row: Registration) -> None:
    """A fresh code for the row; e-mailed only when the row belongs to a client."""
    code = email_codes.issue(row, utcnow())
    if row.client_id:
        publish(db, row.tenant_id, "identity.registration_code_issued", pb.RegistrationCodeIssued(
            email=row.email, display_name=row.display_name, locale=row.locale, code=code,
            valid_minutes=int(email_codes.CODE_TTL.total_seconds() // 60)))


def start(idn: Identity, request: pb.StartRegistrationRequest) -> pb.RegistrationStatus:
    email = _normalised_email(request.email)
    with no_sooner_than(START_ANSWER_FLOOR_SECONDS):
        with idn.db.read() as db:
            tenant = IdentityRepository(db).tenant_by_slug(request.tenant)
            has_account = tenant is not None and IdentityRepository(db).user_by_email(tenant.id, email) is not None
        # An e-mail that already has an account gets no code either: it should log in or reset.
        client = _find_client(idn, tenant.id, email) if tenant is not None and not has_account else None
        with idn.db.session() as db:
            row = Registration(
                id=new_id(), tenant_id=tenant.id if tenant else "", email=email,
                client_id=client.id if client else None, display_name=client.display_name if client else "",
                locale=(client.locale if client else "") or request.locale or "es",
                code_hash="", attempts=0, sends=1, sent_at=utcnow(), expires_at=utcnow(), created_at=utcnow(),
            )
            db.add(row)
            db.flush()
            _send_code(db, row)
            if tenant is not None:
                IdentityRepository(db).audit(
                    tenant_id=tenant.id, user_id=None, action="registration_started",
                    outcome="code_sent" if client else ("existing_account" if has_account else "no_client"),
                    source_address=request.source_address, user_agent=request.user_agent, registration_id=row.id)
            return _status(row)


def _open_row(repo: IdentityRepository, registration_id: str) -> Registration:
    row = repo.registration(registration_id, for_update=True) if registration_id else None
    if row is None or row.completed_at is not None:
        raise Invalid.field("registration_id", "expired", "This registration has expired; start again")
    return row


def resend(idn: Identity, request: pb.ResendRegistrationCodeRequest) -> pb.RegistrationStatus:
    with idn.db.session() as db:
        row = _open_row(IdentityRepository(db), request.registration_id)
        refusal = email_codes.resend_refusal(row, utcnow(), start_again="start the registration again later")
        if refusal is not None:
            raise refusal
        row.sends += 1
        _send_code(db, row)
        return _status(row)


def verify(idn: Identity, request: pb.VerifyRegistrationCodeRequest) -> pb.RegistrationStatus:
    failure: DomainError
    with idn.db.session() as db:
        row = _open_row(IdentityRepository(db), request.registration_id)
        if row.verified_at is not None:
            return _status(row)
        verdict = email_codes.check(row, request.code, utcnow())
        if verdict == "right" and row.client_id:  # a decoy never verifies, even on a lucky guess
            row.verified_at = utcnow()
            return _status(row)
        failure = email_codes.refusal("wrong" if verdict == "right" else verdict, row)
    raise failure  # after the commit: the try is counted


def complete(idn: Identity, request: pb.CompleteRegistrationRequest) -> pb.TokenPair:
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        row = _open_row(repo, request.registration_id)
        too_late = row.verified_at is not None and row.verified_at + tokens.REGISTRATION_COMPLETE_TTL <= utcnow()
        if row.verified_at is None or not row.client_id or too_late:
            raise Invalid.field("registration_id", "not_verified", "Enter the code we sent you first")
        passwords.check_new_password(request.password, request.password_confirmation,
                                     username=row.email, email=row.email)
        if repo.username_taken(row.tenant_id, row.email) or repo.user_by_email(row.tenant_id, row.email):
            raise Conflict("This e-mail already has an account; log in or reset the password", "account_exists")
        now = utcnow()
        user = User(
            id=new_id(), tenant_id=row.tenant_id, username=row.email, email=row.email,
            display_name=row.display_name or row.email, password_hash=None,
            roles=[CLIENT], client_id=row.client_id, locale=row.locale, status="active", created_at=now,
        )
        repo.add(user)
        # Where the credential provider keeps it. The first session below is identity's own, with Keycloak too.
        register_credentials(idn.provider, user, request.password)
        row.completed_at = now
        publish(db, row.tenant_id, "identity.user_created", pb.UserCreated(
            user_id=user.id, client_id=row.client_id, username=user.username, origin="registration"))
        repo.audit(tenant_id=row.tenant_id, user_id=user.id, action="account_created", outcome="success",
                   origin="registration", source_address=request.source_address, user_agent=request.user_agent)
        session = start_session(repo, user, user_agent=request.user_agent, source_address=request.source_address,
                                device_id=request.device_id)
        repo.audit(tenant_id=row.tenant_id, user_id=user.id, action="login", outcome="success",
                   session_id=session.id, source_address=request.source_address, user_agent=request.user_agent)
        return issue_tokens(idn, repo, user, session)
