"""Where passwords live and who signs the tokens: the interface identity asks of a credential store.

Identity always keeps its own users (tenant, client, roles, profile), the lockout counters and the
audit trail. A provider only holds credentials and issues tokens. Two providers exist:

- built-in (the embedded default): argon2id hashes and RS256 tokens from identity's own tables,
  changed inside each journey's own transaction (so it is not an object of this protocol);
- Keycloak (`identity_service.keycloak`, production): the realm holds the credentials and signs
  the tokens; identity's user id is the Keycloak user name, and the realm's protocol mappers put
  `tid`, `cid`, `roles`, `name` and `preferred_username` (identity's id) in the access token.

`CREDENTIAL_PROVIDER` chooses (`identity_service.providers`, which also holds the steps the
journeys take through whichever provider runs).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class IssuedTokens:
    access_token: str
    refresh_token: str
    expires_in: int  # seconds until the access token expires
    session_id: str  # the provider's session (Keycloak's `session_state`, identity's session id)


@dataclass(frozen=True)
class CredentialUser:
    """What a provider is told about a user when it is created."""

    user_id: str
    tenant_id: str
    email: str
    display_name: str
    roles: Sequence[str]
    client_id: str = ""
    attributes: dict[str, str] = field(default_factory=dict)


class CredentialProvider(Protocol):
    name: str

    def password_login(self, user_id: str, password: str, otp: str = "") -> IssuedTokens:
        """Tokens for a correct password (and, for a user with a second factor, its current code `otp`);
        `Unauthenticated("invalid_credentials")` otherwise, `TooManyRequests("account_locked")` when the
        provider itself has locked the account, `Unauthenticated("account_setup_required")` while required
        actions (e.g. CONFIGURE_TOTP) are pending."""
        ...

    def has_second_factor(self, user_id: str) -> bool:
        """Whether the user has set up a second factor (then `password_login` needs `otp`)."""
        ...

    def refresh(self, refresh_token: str) -> IssuedTokens: ...

    def logout(self, refresh_token: str) -> bool:
        """End the refresh token's session; True when a live session of this provider ended."""
        ...

    def logout_everywhere(self, user_id: str) -> None: ...

    def create_user(self, user: CredentialUser, password: str | None = None) -> None: ...

    def update_user(self, user: CredentialUser, *, enabled: bool = True) -> None:
        """Bring the provider's copy of the user (e-mail, name, tenant and client, roles) in line with
        identity's, and enable or disable it."""
        ...

    def delete_user(self, user_id: str) -> None: ...

    def set_password(self, user_id: str, password: str) -> None: ...

    def send_required_actions(self, user_id: str, actions: Sequence[str], lifespan_seconds: int) -> None:
        """E-mail the user a link to perform actions such as UPDATE_PASSWORD or CONFIGURE_TOTP."""
        ...

    def require_totp(self, user_id: str) -> None: ...

    def jwks(self) -> str:
        """The JSON Web Key Set that verifies this provider's access tokens."""
        ...
