"""Identity service entry point: `python -m identity_service serve|migrate|seed`."""

from __future__ import annotations

from clientarea_shared import cli
from clientarea_shared.runtime import ServiceSpec
from identity_service import sealing
from identity_service.demo_credentials import seed_with_credentials
from identity_service.keys import key_ring
from identity_service.models import PLUMBING
from identity_service.server import register

# Reached before anyone is logged in (the gateway is the only caller from outside).
PUBLIC_METHODS = frozenset({
    "Login", "Refresh", "Logout", "GetJwks", "SetPassword", "GetTenant", "RequestPasswordReset",
    "ResetPassword", "StartRegistration", "ResendRegistrationCode", "VerifyRegistrationCode",
    "CompleteRegistration", "CheckPassword", "CompleteMfaLogin", "ConfirmEmailChange",
    "QuickAccessLogin",  # quick access by process number
    # passwordless and passkeys
    "StartCodeLogin", "ResendLoginCode", "CompleteCodeLogin", "BeginPasskeyLogin", "FinishPasskeyLogin",
})

SPEC = ServiceSpec(
    name="identity",
    package="identity_service",
    plumbing=PLUMBING,
    register=register,
    public_methods=PUBLIC_METHODS,
    jwks_loader=lambda runtime: key_ring(runtime).jwks,
    seed=seed_with_credentials,  # with Keycloak, the demo passwords go there too
    # Sealed secrets first: the key ring reads a sealed signing key.
    on_start=[sealing.on_start, lambda runtime: key_ring(runtime).ensure_current_key()],
    commands={"reseal": sealing.reseal_command},
)


def main() -> None:
    cli.main(SPEC)


if __name__ == "__main__":
    main()
