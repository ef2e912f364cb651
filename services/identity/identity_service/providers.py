"""Which credential provider identity runs with, and the credential steps every journey takes through it.

`CREDENTIAL_PROVIDER` (identity's settings, clientarea_shared.config) chooses:

- `builtin` (the default): identity's own tables hold the argon2 hashes, sessions and refresh tokens, and the
  key ring signs the tokens. Those rows change in the journey's own database transaction, so the built-in
  provider's steps below are a few lines on the `User` row, run inside it.
- `keycloak`: `identity_service.keycloak.KeycloakCredentials` (docs/keycloak.md). Each step is a call to
  Keycloak made inside the journey's transaction, before its commit: when Keycloak refuses or is away, the
  journey's changes roll back with it. When identity's commit fails after Keycloak accepted, Keycloak is
  ahead (a password already set, a user already removed), which a retry of the journey brings back in step.

Identity keeps its users, audit trail, login throttles and session list in both modes; `journeys/keycloak_login.py`
runs the login, refresh, logout and second step against Keycloak.
"""

from __future__ import annotations

import contextlib
import logging
import uuid

from clientarea_shared.db import utcnow
from clientarea_shared.errors import DomainError, FailedPrecondition, NotFound, Unauthenticated
from clientarea_shared.runtime import Runtime
from identity_service.credentials import CredentialProvider, CredentialUser
from identity_service.domain import passwords
from identity_service.models import User

log = logging.getLogger(__name__)

BUILTIN = "builtin"
KEYCLOAK = "keycloak"
NOT_WITH_KEYCLOAK = "not_available_with_keycloak"


def credential_provider(runtime: Runtime) -> CredentialProvider | None:
    """The process's external provider (built once), or None for the built-in one."""
    return runtime.component("credential_provider", _from_settings)


def _from_settings(runtime: Runtime) -> CredentialProvider | None:
    choice = runtime.settings.credential_provider.strip().lower()
    if choice == BUILTIN:
        return None
    if choice != KEYCLOAK:
        raise RuntimeError(f"CREDENTIAL_PROVIDER must be {BUILTIN} or {KEYCLOAK}, not {choice!r}")
    if not runtime.settings.oidc_issuer:
        # Identity's own verifier must accept the realm's tokens (GetMe, the security settings...).
        raise RuntimeError("CREDENTIAL_PROVIDER=keycloak needs OIDC_ISSUER, the realm's issuer URL")
    from identity_service.keycloak import KeycloakCredentials  # python-keycloak only when chosen

    return KeycloakCredentials.from_env()


def session_row_id(provider_session_id: str) -> str:
    """Identity's sessions row of a provider's session (the tokens' `sid`): the same id when it fits the
    column (Keycloak's are UUIDs), a name-based UUID of it otherwise. Identity's own session ids are UUIDs,
    which this leaves as they are, so it applies to any token's `sid`."""
    if len(provider_session_id) <= 36:
        return provider_session_id
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"credential-provider-session:{provider_session_id}"))


def not_with_keycloak(what: str) -> FailedPrecondition:
    """The refusal of a built-in-only feature while Keycloak holds the credentials."""
    return FailedPrecondition(f"{what} is not available with this firm's sign-in service", NOT_WITH_KEYCLOAK)


def credential_user(user: User) -> CredentialUser:
    """What Keycloak is told about an identity user (its user name is identity's user id)."""
    return CredentialUser(user_id=user.id, tenant_id=user.tenant_id, email=user.email,
                          display_name=user.display_name, roles=list(user.roles), client_id=user.client_id or "",
                          # the realm maps it to the tokens' `crole` (client members)
                          attributes={"client_role": user.client_role} if user.client_id else {})


# --- the steps journeys take ------------------------------------------------------------------------
def register_credentials(provider: CredentialProvider | None, user: User, password: str | None) -> None:
    """A new user (portal user, staff invitation, self-registration), with a first password or none yet (a
    set-password link follows). The row must be flushed first, so a taken user name fails before Keycloak."""
    if provider is None:
        user.password_hash = passwords.hash_password(password) if password else None
    else:
        user.password_hash = None
        provider.create_user(credential_user(user), password or None)
    if password:
        user.password_changed_at = utcnow()


def store_password(provider: CredentialProvider | None, user: User, password: str) -> None:
    """A new password (set by link, reset, changed). With Keycloak, a user identity has but Keycloak does not
    (one created before the switch to Keycloak) is created there now: choosing a password is how existing
    users move over."""
    if provider is None:
        user.password_hash = passwords.hash_password(password)
    else:
        try:
            provider.set_password(user.id, password)
        except NotFound:
            provider.create_user(credential_user(user), password)
        user.password_hash = None
    user.password_changed_at = utcnow()


def password_is_right(provider: CredentialProvider | None, user: User, password: str) -> bool:
    """The current password, checked before a sensitive change. With Keycloak it is a password grant whose
    session is ended at once; a user whose second factor lives in Keycloak cannot be checked by password
    alone (the realm asks the code with it), which is refused as such rather than read as a wrong password."""
    if provider is None:
        return passwords.verify_password(user.password_hash, password)
    try:
        issued = provider.password_login(user.id, password)
    except Unauthenticated as refused:
        if refused.code == "account_setup_required":
            return True  # Keycloak names pending actions only after the password was right
        if refused.code == "invalid_credentials" and provider.has_second_factor(user.id):
            raise FailedPrecondition(
                "With two-factor authentication on, this change needs a new sign-in: use \"Forgot your "
                "password?\" to set a new password", "reauthentication_needs_second_factor") from None
        return False
    with contextlib.suppress(DomainError):  # the check's own session; it expires by itself otherwise
        provider.logout(issued.refresh_token)
    return True


def forget_credentials(provider: CredentialProvider | None, user: User) -> None:
    """A closed account: its password and second factor are gone, and with Keycloak the user too."""
    user.password_hash = user.totp_secret = user.totp_pending_secret = None
    if provider is not None:
        provider.delete_user(user.id)


def end_provider_sessions(provider: CredentialProvider | None, user: User) -> None:
    """After a credential change that ends every session: identity revokes its own session rows (which also
    stops refreshes through identity); Keycloak's sessions of the user end too."""
    if provider is not None:
        provider.logout_everywhere(user.id)


def sync_user(provider: CredentialProvider | None, user: User) -> None:
    """Identity changed the user's roles, status, name or e-mail: Keycloak's copy (the tokens' claims) follows.
    A user Keycloak does not know yet (no password chosen) gets it with its first password."""
    if provider is None:
        return
    with contextlib.suppress(NotFound):
        provider.update_user(credential_user(user), enabled=user.status == "active")
