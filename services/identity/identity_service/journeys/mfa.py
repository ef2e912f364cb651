"""Two-factor authentication: TOTP enrolment with a QR code, recovery codes, the second step of
a login, and the firm's rule that its staff must use it."""

from __future__ import annotations

from sqlalchemy import delete

from clientarea.identity.v1 import identity_pb2 as pb
from clientarea_shared.context import current_principal
from clientarea_shared.db import new_id, utcnow
from clientarea_shared.errors import DomainError, FailedPrecondition, Invalid, NotFound, Unauthenticated
from clientarea_shared.permissions import Permission, require
from identity_service.domain import second_factor, tokens
from identity_service.journeys import keycloak_login
from identity_service.journeys.common import (
    Identity,
    credentials_changed,
    firm_requires_second_factor,
    issue_tokens,
    publish,
    start_session,
)
from identity_service.journeys.security import own_user, reauthentication_failure
from identity_service.models import MfaChallenge, RecoveryCode, User
from identity_service.providers import not_with_keycloak
from identity_service.repository import IdentityRepository

METHODS = ["totp", "recovery_code"]
_EXPIRED = "The sign-in has expired; enter your password again"


# --- the second step of a login --------------------------------------------------------------
def second_step_due(repo: IdentityRepository, user: User) -> bool:
    """Whether a login by password or by e-mailed code needs a second factor: the user has an
    authenticator app, or is staff of a firm that requires two-factor and uses a passkey for it.
    A customer's passkey alone is another way in (a passkey login is complete by itself), not a
    second step after the password (docs/identity.md)."""
    if user.totp_secret:
        return True
    return firm_requires_second_factor(repo, user) and repo.has_passkey(user.id)


def challenge(repo: IdentityRepository, user: User) -> pb.TokenPair:
    """The answer to a right password when a second factor is due: a ticket, no tokens yet, and
    the methods that can complete it (a passkey when the user has one)."""
    ticket = tokens.new_opaque_token()
    repo.add(MfaChallenge(id=new_id(), user_id=user.id, ticket_hash=tokens.token_hash(ticket), attempts=0,
                          expires_at=utcnow() + second_factor.MFA_TICKET_TTL))
    methods = list(METHODS) if user.totp_secret else []
    if repo.has_passkey(user.id):
        methods.append("passkey")
    return pb.TokenPair(mfa_ticket=ticket, mfa_methods=methods)


def _use_code(repo: IdentityRepository, user: User, code: str) -> str | None:
    """Spend a TOTP or recovery code; returns which method it was, None when wrong."""
    if user.totp_secret:
        step = second_factor.accepted_step(user.totp_secret, code, user.totp_last_step, utcnow())
        if step is not None:
            user.totp_last_step = step
            return "totp"
    spare = repo.recovery_code(user.id, second_factor.recovery_hash(code))
    if spare is not None:
        spare.used_at = utcnow()
        return "recovery_code"
    return None


def complete_login(idn: Identity, request: pb.CompleteMfaLoginRequest) -> pb.TokenPair:
    if idn.provider is not None and keycloak_login.is_sealed(request.mfa_ticket):
        return keycloak_login.complete_second_step(idn, idn.provider, request)  # the app set up in Keycloak
    failure: DomainError
    audit = {"source_address": request.source_address, "user_agent": request.user_agent}
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        row = repo.mfa_challenge(tokens.token_hash(request.mfa_ticket)) if request.mfa_ticket else None
        user = db.get(User, row.user_id) if row is not None else None
        if row is None or user is None or row.used_at or row.expires_at <= utcnow() or user.status != "active":
            raise Unauthenticated(_EXPIRED, "mfa_ticket_invalid")
        row.attempts += 1
        method = _use_code(repo, user, request.code)
        if method is not None:
            row.used_at = utcnow()
            session = start_session(repo, user, device_id=request.device_id, **audit)
            repo.audit(tenant_id=user.tenant_id, user_id=user.id, action="login", outcome="success",
                       session_id=session.id, second_factor=method, **audit)
            return issue_tokens(idn, repo, user, session)
        repo.audit(tenant_id=user.tenant_id, user_id=user.id, action="login_second_factor", outcome="failure",
                   **audit)
        if row.attempts >= second_factor.MFA_TRIES:
            row.used_at = utcnow()  # the ticket is spent: back to the password
            failure = Unauthenticated(_EXPIRED, "mfa_ticket_invalid")
        else:
            failure = Invalid.field("code", "wrong_code", "The code is not correct")
    raise failure


# --- enrolment -------------------------------------------------------------------------------
def begin_enrolment(idn: Identity, request: pb.BeginTotpEnrolmentRequest) -> pb.TotpEnrolment:
    if idn.provider is not None:  # Keycloak's CONFIGURE_TOTP, by e-mail
        raise keycloak_login.begin_enrolment(idn, idn.provider, request)
    failure: DomainError | None
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        user = own_user(repo)
        failure = reauthentication_failure(repo, user, request.current_password, action="mfa_enrolment",
                                           source_address=request.source_address, user_agent=request.user_agent)
        if failure is None:
            if user.totp_secret:
                raise FailedPrecondition("Two-factor authentication is already on", "mfa_already_enabled")
            user.totp_pending_secret = second_factor.new_secret()
            tenant = repo.tenant(user.tenant_id)
            uri = second_factor.provisioning_uri(user.totp_pending_secret, user.email or user.username,
                                                 tenant.name if tenant else "Área Cliente")
            return pb.TotpEnrolment(secret=user.totp_pending_secret, otpauth_uri=uri,
                                    qr_svg=second_factor.qr_svg(uri))
    raise failure


def confirm_enrolment(idn: Identity, request: pb.ConfirmTotpEnrolmentRequest) -> pb.RecoveryCodes:
    if idn.provider is not None:  # the app is confirmed on Keycloak's own page
        raise not_with_keycloak("Confirming the authenticator app here")
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        user = own_user(repo)
        if not user.totp_pending_secret:
            raise FailedPrecondition("Start the set-up first", "mfa_enrolment_not_started")
        step = second_factor.accepted_step(user.totp_pending_secret, request.code, 0, utcnow())
        if step is None:
            raise Invalid.field("code", "wrong_code", "The code is not correct: check the time on your phone")
        user.totp_secret, user.totp_pending_secret, user.totp_last_step = user.totp_pending_secret, None, step
        codes = second_factor.new_recovery_codes()
        db.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
        for code in codes:
            db.add(RecoveryCode(id=new_id(), user_id=user.id, code_hash=second_factor.recovery_hash(code)))
        repo.audit(tenant_id=user.tenant_id, user_id=user.id, action="mfa_enabled", outcome="success")
        publish(db, user.tenant_id, "identity.credentials_changed",
                credentials_changed(user, "mfa_enabled", source_address="", user_agent=""))
        return pb.RecoveryCodes(codes=codes)


def disable(idn: Identity, request: pb.DisableTotpRequest) -> pb.DisableTotpResponse:
    failure: DomainError | None
    audit = {"source_address": request.source_address, "user_agent": request.user_agent}
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        user = own_user(repo)
        if idn.provider is not None and not user.totp_secret:
            # The app was set up in Keycloak: the firm's administrators remove it there.
            raise not_with_keycloak("Turning off two-factor authentication here")
        failure = reauthentication_failure(repo, user, request.current_password, action="mfa_disabled",
                                           provider=idn.provider, **audit)
        if failure is None:
            # A passkey satisfies the firm's rule too: the app may go when one is there.
            if firm_requires_second_factor(repo, user) and not repo.has_passkey(user.id):
                raise FailedPrecondition("Your firm requires two-factor authentication for its staff",
                                         "mfa_required_by_firm")
            if not user.totp_secret:
                raise FailedPrecondition("Two-factor authentication is not on", "mfa_not_enabled")
            user.totp_secret = user.totp_pending_secret = None
            db.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
            repo.audit(tenant_id=user.tenant_id, user_id=user.id, action="mfa_disabled", outcome="success", **audit)
            publish(db, user.tenant_id, "identity.credentials_changed",
                    credentials_changed(user, "mfa_disabled", **audit))
            return pb.DisableTotpResponse()
    raise failure


# --- the firm's rule -------------------------------------------------------------------------
def get_tenant_security(idn: Identity) -> pb.TenantSecurity:
    principal = require(Permission.FIRM_SECURITY_MANAGE)
    with idn.db.read() as db:
        tenant = IdentityRepository(db).tenant(principal.tenant_id)
        if tenant is None:
            raise NotFound("Unknown firm", "unknown_tenant")
        return pb.TenantSecurity(require_staff_mfa=tenant.require_staff_mfa)


def update_tenant_security(idn: Identity, request: pb.TenantSecurity) -> pb.TenantSecurity:
    principal = require(Permission.FIRM_SECURITY_MANAGE)
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        tenant = repo.tenant(principal.tenant_id)
        if tenant is None:
            raise NotFound("Unknown firm", "unknown_tenant")
        tenant.require_staff_mfa = request.require_staff_mfa
        repo.audit(tenant_id=tenant.id, user_id=current_principal().user_id, action="tenant_security_changed",
                   outcome="success", require_staff_mfa=str(request.require_staff_mfa).lower())
        return pb.TenantSecurity(require_staff_mfa=tenant.require_staff_mfa)
