"""Passkeys (WebAuthn, through py_webauthn): the caller adds, lists, renames and removes theirs,
and anyone logs in with one, as the first factor or as the second step of a login.

- **Re-authentication** before adding or removing one: a login (of any kind) within the last
  `REAUTH_WINDOW`, or the current password, throttled like a login.
- **Ceremonies**: each challenge is random, single use, valid `CEREMONY_TTL`, stored hashed in
  `webauthn_challenges` with what it is for (and whose it is), and found again by the challenge
  the browser signed. A spent or expired one is refused, so an answer cannot be replayed.
- **First factor**: a discoverable credential (no user name), or the user name first; then the
  options list the account's credentials, or decoys that look alike for an account that has none
  or does not exist. User verification (PIN, biometrics) is required: a passkey login is complete
  by itself and needs no second step.
- **Second factor**: against a login's `mfa_ticket`, like an authenticator app's code; a wrong
  answer spends one of the ticket's tries.
- **Counter**: a signature counter that does not grow, on a good signature, means a cloned
  authenticator: the login is refused and audited as `counter_regressed`.
- **RP**: the RP id and origins come from `PUBLIC_BASE_URL` (or `WEBAUTHN_RP_ID`,
  `WEBAUTHN_ORIGINS`): `domain/webauthn_ceremonies.relying_party`.
"""

from __future__ import annotations

from datetime import timedelta

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from pydantic_settings import BaseSettings, SettingsConfigDict

from clientarea.identity.v1 import identity_pb2 as pb
from clientarea_shared.context import current_principal
from clientarea_shared.db import new_id, utcnow
from clientarea_shared.errors import (
    Conflict,
    DomainError,
    FailedPrecondition,
    FieldError,
    Invalid,
    NotFound,
    Unauthenticated,
)
from identity_service.domain import second_factor, tokens
from identity_service.domain import webauthn_ceremonies as ceremonies
from identity_service.journeys.attempts import record_failure, required_wait, too_many_attempts
from identity_service.journeys.common import (
    Identity,
    address_key,
    credentials_changed,
    firm_requires_second_factor,
    issue_tokens,
    no_sooner_than,
    publish,
    start_session,
)
from identity_service.journeys.security import own_user, reauthentication_failure
from identity_service.models import MfaChallenge, Passkey, Tenant, User, WebauthnChallenge
from identity_service.repository import IdentityRepository

REAUTH_WINDOW = timedelta(minutes=5)
OPTIONS_ANSWER_FLOOR_SECONDS = 0.15  # a user name first: known and unknown accounts alike in time
_REFUSED = "The passkey was not accepted; try again or use another way to sign in"
_CEREMONY_EXPIRED = "This passkey request has expired or was already used; try again"
_MFA_EXPIRED = "The sign-in has expired; enter your password again"


class PasskeySettings(BaseSettings):
    """Where the portal runs, to which passkeys are bound (the gateway's public URL)."""

    model_config = SettingsConfigDict(extra="ignore")
    public_base_url: str = "http://127.0.0.1:8080"
    webauthn_rp_id: str = ""  # default: the public URL's host
    webauthn_origins: str = ""  # comma-separated; default: the public URL's origin
    webauthn_rp_name: str = ceremonies.DEFAULT_RP_NAME


def relying_party(idn: Identity) -> ceremonies.RelyingParty:
    def build(_runtime: object) -> ceremonies.RelyingParty:
        settings = PasskeySettings()
        return ceremonies.relying_party(settings.public_base_url, rp_id=settings.webauthn_rp_id,
                                        origins=settings.webauthn_origins, name=settings.webauthn_rp_name)

    return idn.runtime.component("relying_party", build)


def _message(passkey: Passkey) -> pb.Passkey:
    return pb.Passkey(id=passkey.id, name=passkey.name, created_at=passkey.created_at.isoformat(),
                      last_used_at=passkey.last_used_at.isoformat() if passkey.last_used_at else "",
                      backed_up=passkey.backed_up, transports=passkey.transports or [])


def _name(raw: str) -> str:
    try:
        return ceremonies.passkey_name(raw)
    except ValueError:
        raise Invalid.field("name", "invalid", f"Give the passkey a name of 1 to {ceremonies.NAME_MAX_LENGTH} "
                                               "characters, e.g. the device it is on") from None


def _reauthentication_failure(idn: Identity, repo: IdentityRepository, user: User, password: str, *, action: str,
                              audit: dict[str, str]) -> DomainError | None:
    """Proof that the person at the keyboard is the user, before a credential is added or removed:
    the current password when given (checked where the credentials live: Keycloak's too), otherwise
    a login younger than `REAUTH_WINDOW`."""
    if password:
        return reauthentication_failure(repo, user, password, action=action, provider=idn.provider, **audit)
    session = repo.login_session(current_principal().session_id)
    if session is not None and session.created_at > utcnow() - REAUTH_WINDOW:
        return None
    message = ("Confirm it is you: enter your current password" if user.password_hash else
               "Confirm it is you: sign out and sign in again")
    return Invalid(errors=[FieldError("current_password", "reauthentication_required", message)])


def _new_ceremony(repo: IdentityRepository, purpose: str, tenant_id: str, *, user_id: str | None = None,
                  mfa_challenge_id: str | None = None) -> bytes:
    challenge = ceremonies.new_challenge()
    repo.add(WebauthnChallenge(
        id=new_id(), challenge_hash=ceremonies.challenge_hash(challenge), purpose=purpose, tenant_id=tenant_id,
        user_id=user_id, mfa_challenge_id=mfa_challenge_id, expires_at=utcnow() + ceremonies.CEREMONY_TTL))
    return challenge


def _spend_ceremony(repo: IdentityRepository, credential_json: str, purposes: tuple[str, ...],
                    refusal: DomainError) -> tuple[WebauthnChallenge, bytes]:
    """The stored ceremony the answer claims, marked used (even if the answer then fails):
    `refusal` when there is none that is unused, unexpired and for one of `purposes`."""
    challenge = ceremonies.claimed_challenge(credential_json)
    row = repo.webauthn_challenge(ceremonies.challenge_hash(challenge)) if challenge else None
    if row is None or row.used_at is not None or row.expires_at <= utcnow() or row.purpose not in purposes:
        raise refusal
    row.used_at = utcnow()
    assert challenge is not None
    return row, challenge


# --- the caller's passkeys -------------------------------------------------------------------
def begin_registration(idn: Identity, request: pb.BeginPasskeyRegistrationRequest) -> pb.PasskeyOptions:
    failure: DomainError | None
    audit = {"source_address": request.source_address, "user_agent": request.user_agent}
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        user = own_user(repo)
        failure = _reauthentication_failure(idn, repo, user, request.current_password, action="passkey_added",
                                            audit=audit)
        if failure is None:
            challenge = _new_ceremony(repo, "register", user.tenant_id, user_id=user.id)
            return pb.PasskeyOptions(options_json=ceremonies.registration_options(
                relying_party(idn), user_handle=ceremonies.user_handle(user.id), user_name=user.username,
                display_name=user.display_name, challenge=challenge,
                existing=[p.credential_id for p in repo.passkeys(user.id)]))
    raise failure  # after the commit: a wrong password stays counted


def finish_registration(idn: Identity, request: pb.FinishPasskeyRegistrationRequest) -> pb.Passkey:
    failure: DomainError
    audit = {"source_address": request.source_address, "user_agent": request.user_agent}
    name = _name(request.name)
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        user = own_user(repo)
        expired = Invalid.field("credential", "expired", _CEREMONY_EXPIRED)
        row, challenge = _spend_ceremony(repo, request.credential_json, ("register",), expired)
        if row.user_id != user.id:
            raise expired  # someone else's ceremony: as if it did not exist
        try:
            new = ceremonies.verify_new_passkey(relying_party(idn), request.credential_json, challenge)
        except ceremonies.PasskeyRefused as exc:
            repo.audit(tenant_id=user.tenant_id, user_id=user.id, action="passkey_added", outcome="failure",
                       reason=str(exc)[:200], **audit)
            failure = Invalid.field("credential", "not_verified", "The passkey could not be checked; try again")
        else:
            if repo.credential_registered(new.credential_id):
                raise Conflict("This passkey is already registered", "passkey_exists")
            return _add(repo, user, new, name, audit)
    raise failure


def _add(repo: IdentityRepository, user: User, new: ceremonies.NewPasskey, name: str,
         audit: dict[str, str]) -> pb.Passkey:
    passkey = Passkey(id=new_id(), tenant_id=user.tenant_id, user_id=user.id, credential_id=new.credential_id,
                      public_key=new.public_key, sign_count=new.sign_count, transports=new.transports,
                      name=name, aaguid=new.aaguid, backed_up=new.backed_up, created_at=utcnow())
    repo.add(passkey)
    repo.audit(tenant_id=user.tenant_id, user_id=user.id, action="passkey_added", outcome="success",
               passkey_id=passkey.id, **audit)
    publish(repo.session, user.tenant_id, "identity.credentials_changed",
            credentials_changed(user, "passkey_added", **audit))
    return _message(passkey)


def list_passkeys(idn: Identity) -> pb.ListPasskeysResponse:
    with idn.db.read() as db:
        repo = IdentityRepository(db)
        user = own_user(repo)
        return pb.ListPasskeysResponse(items=[_message(p) for p in repo.passkeys(user.id)])


def _own_passkey(repo: IdentityRepository, user: User, passkey_id: str) -> Passkey:
    passkey = next((p for p in repo.passkeys(user.id) if p.id == passkey_id), None) if passkey_id else None
    if passkey is None:
        raise NotFound("Passkey not found", "passkey_not_found")
    return passkey


def rename(idn: Identity, request: pb.RenamePasskeyRequest) -> pb.Passkey:
    name = _name(request.name)
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        user = own_user(repo)
        passkey = _own_passkey(repo, user, request.passkey_id)
        passkey.name = name
        repo.audit(tenant_id=user.tenant_id, user_id=user.id, action="passkey_renamed", outcome="success",
                   passkey_id=passkey.id)
        return _message(passkey)


def remove(idn: Identity, request: pb.RemovePasskeyRequest) -> pb.RemovePasskeyResponse:
    failure: DomainError | None
    audit = {"source_address": request.source_address, "user_agent": request.user_agent}
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        user = own_user(repo)
        passkey = _own_passkey(repo, user, request.passkey_id)
        failure = _reauthentication_failure(idn, repo, user, request.current_password, action="passkey_removed",
                                            audit=audit)
        if failure is None:
            last = len(repo.passkeys(user.id)) == 1
            if last and not user.totp_secret and firm_requires_second_factor(repo, user):
                raise FailedPrecondition("Your firm requires two-factor authentication for its staff: set up "
                                         "an authenticator app or another passkey first", "mfa_required_by_firm")
            db.delete(passkey)
            repo.audit(tenant_id=user.tenant_id, user_id=user.id, action="passkey_removed", outcome="success",
                       passkey_id=passkey.id, **audit)
            publish(db, user.tenant_id, "identity.credentials_changed",
                    credentials_changed(user, "passkey_removed", **audit))
            return pb.RemovePasskeyResponse()
    raise failure


# --- logging in with a passkey ---------------------------------------------------------------
def begin_login(idn: Identity, request: pb.BeginPasskeyLoginRequest) -> pb.PasskeyOptions:
    if request.mfa_ticket:
        return _begin_second_factor(idn, request.mfa_ticket)
    with no_sooner_than(OPTIONS_ANSWER_FLOOR_SECONDS if request.login.strip() else 0), idn.db.session() as db:
        repo = IdentityRepository(db)
        tenant = repo.tenant_by_slug(request.tenant)
        challenge = _new_ceremony(repo, "login", tenant.id if tenant else "")
        allowed = _allowed_credentials(repo, tenant, request.login) if request.login.strip() else []
        return pb.PasskeyOptions(options_json=ceremonies.authentication_options(
            relying_party(idn), challenge=challenge, allowed=allowed, user_verification=True))


def _allowed_credentials(repo: IdentityRepository, tenant: Tenant | None, login: str) -> list[tuple[str, list[str]]]:
    """The account's credentials; decoys (the same every time) when it has none or does not exist.
    Both are looked up every time, so the two cases also take alike."""
    decoys = ceremonies.decoy_credentials(_decoy_secret(repo), tenant.id if tenant else "", login)
    user = repo.user_by_login(tenant.id, login) if tenant else None
    real = [(p.credential_id, list(p.transports or [])) for p in repo.passkeys(user.id)] if user else []
    return real or decoys


def _decoy_secret(repo: IdentityRepository) -> bytes:
    """Derived (HKDF) from identity's first signing key, which is never deleted: secret, and stable
    across restarts and key rotations, as decoys must be."""
    material = repo.first_signing_key_pem().encode()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"clientarea passkey decoys").derive(material)


def _valid_mfa_row(repo: IdentityRepository, ticket: str) -> tuple[MfaChallenge, User]:
    row = repo.mfa_challenge(tokens.token_hash(ticket)) if ticket else None
    user = repo.session.get(User, row.user_id) if row is not None else None
    if row is None or user is None or row.used_at or row.expires_at <= utcnow() or user.status != "active":
        raise Unauthenticated(_MFA_EXPIRED, "mfa_ticket_invalid")
    return row, user


def _begin_second_factor(idn: Identity, ticket: str) -> pb.PasskeyOptions:
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        row, user = _valid_mfa_row(repo, ticket)
        passkeys = repo.passkeys(user.id)
        if not passkeys:
            raise FailedPrecondition("You have no passkey; use a code instead", "no_passkey")
        challenge = _new_ceremony(repo, "second_factor", user.tenant_id, user_id=user.id, mfa_challenge_id=row.id)
        return pb.PasskeyOptions(options_json=ceremonies.authentication_options(
            relying_party(idn), challenge=challenge, user_verification=False,
            allowed=[(p.credential_id, list(p.transports or [])) for p in passkeys]))


def finish_login(idn: Identity, request: pb.FinishPasskeyLoginRequest) -> pb.TokenPair:
    result: pb.TokenPair | DomainError
    audit = {"source_address": request.source_address, "user_agent": request.user_agent}
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        keys = ("", address_key(request.source_address))  # credential ids are not guessable: per address only
        wait = required_wait(repo, keys)
        if wait > timedelta(0):
            raise too_many_attempts(wait)
        refusal = Unauthenticated(_CEREMONY_EXPIRED, "passkey_challenge_invalid")
        row, challenge = _spend_ceremony(repo, request.credential_json, ("login", "second_factor"), refusal)
        if row.purpose == "second_factor":
            result = _finish_second_factor(idn, repo, row, challenge, request, audit)
        else:
            result = _finish_first_factor(idn, repo, row, challenge, request, audit)
        if isinstance(result, pb.TokenPair):
            return result
        if row.purpose == "login":
            record_failure(repo, keys)
    raise result  # after the commit: the spent challenge, the failure and its audit stay


def _check_assertion(idn: Identity, repo: IdentityRepository, passkey: Passkey, user: User, challenge: bytes,
                     credential_json: str, *, first_factor: bool) -> str:
    """"" when the answer is the passkey's, fresh and signed; otherwise why not (for the audit).
    On success the passkey's counter and last use are updated."""
    try:
        assertion = ceremonies.verify_assertion(relying_party(idn), credential_json, challenge,
                                                public_key=passkey.public_key, require_user_verification=first_factor)
    except ceremonies.PasskeyRefused:
        return "not_verified"
    if assertion.user_handle and assertion.user_handle != ceremonies.user_handle(user.id):
        return "wrong_user"
    if ceremonies.counter_regressed(passkey.sign_count, assertion.sign_count):
        return "counter_regressed"
    passkey.sign_count, passkey.backed_up, passkey.last_used_at = assertion.sign_count, assertion.backed_up, utcnow()
    return ""


def _finish_first_factor(idn: Identity, repo: IdentityRepository, row: WebauthnChallenge, challenge: bytes,
                         request: pb.FinishPasskeyLoginRequest, audit: dict[str, str]) -> pb.TokenPair | DomainError:
    credential_id = ceremonies.claimed_credential_id(request.credential_json)
    passkey = repo.passkey_by_credential(row.tenant_id, credential_id) if credential_id and row.tenant_id else None
    user = repo.user(row.tenant_id, passkey.user_id) if passkey is not None else None
    if passkey is None or user is None or user.status != "active":
        problem = "unknown_passkey"
    else:
        problem = _check_assertion(idn, repo, passkey, user, challenge, request.credential_json, first_factor=True)
    if problem:
        if row.tenant_id:
            repo.audit(tenant_id=row.tenant_id, user_id=user.id if user else None, action="login",
                       outcome="counter_regressed" if problem == "counter_regressed" else "failure",
                       method="passkey", reason=problem, **audit)
        return Unauthenticated(_REFUSED, "passkey_refused")
    assert passkey is not None and user is not None
    session = start_session(repo, user, device_id=request.device_id, **audit)
    repo.audit(tenant_id=user.tenant_id, user_id=user.id, action="login", outcome="success", session_id=session.id,
               method="passkey", passkey_id=passkey.id, **audit)
    return issue_tokens(idn, repo, user, session)


def _finish_second_factor(idn: Identity, repo: IdentityRepository, row: WebauthnChallenge, challenge: bytes,
                          request: pb.FinishPasskeyLoginRequest, audit: dict[str, str]) -> pb.TokenPair | DomainError:
    mfa_row, user = _valid_mfa_row(repo, request.mfa_ticket)
    if mfa_row.id != row.mfa_challenge_id:
        return Unauthenticated(_MFA_EXPIRED, "mfa_ticket_invalid")  # another login's ceremony
    mfa_row.attempts += 1
    passkey = repo.passkey_by_credential(user.tenant_id, ceremonies.claimed_credential_id(request.credential_json))
    if passkey is None or passkey.user_id != user.id:
        problem = "unknown_passkey"
    else:
        problem = _check_assertion(idn, repo, passkey, user, challenge, request.credential_json, first_factor=False)
    if not problem:
        assert passkey is not None
        mfa_row.used_at = utcnow()
        session = start_session(repo, user, device_id=request.device_id, **audit)
        repo.audit(tenant_id=user.tenant_id, user_id=user.id, action="login", outcome="success",
                   session_id=session.id, second_factor="passkey", passkey_id=passkey.id, **audit)
        return issue_tokens(idn, repo, user, session)
    repo.audit(tenant_id=user.tenant_id, user_id=user.id, action="login_second_factor",
               outcome="counter_regressed" if problem == "counter_regressed" else "failure",
               method="passkey", reason=problem, **audit)
    if mfa_row.attempts >= second_factor.MFA_TRIES:
        mfa_row.used_at = utcnow()  # the ticket is spent: back to the password
        return Unauthenticated(_MFA_EXPIRED, "mfa_ticket_invalid")
    return Invalid.field("credential", "not_accepted", _REFUSED)
