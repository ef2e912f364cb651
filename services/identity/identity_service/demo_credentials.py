"""The demo logins' passwords, copied into Keycloak when it holds the credentials (demo only).

Identity's seed stores the demo users with built-in hashes, which Keycloak cannot take; with
CREDENTIAL_PROVIDER=keycloak each demo user that Keycloak does not know yet is created there with its demo
password. It runs after every seed, because the dev profile's Keycloak keeps its users in memory and forgets
them when it restarts.
"""

from __future__ import annotations

import contextlib
import logging

from sqlalchemy import select

from clientarea_shared import demo
from clientarea_shared.errors import Conflict
from clientarea_shared.runtime import Runtime
from identity_service.models import User
from identity_service.providers import credential_provider, credential_user
from identity_service.seed import seed

log = logging.getLogger(__name__)


def demo_passwords() -> dict[str, str]:
    """Every demo login clientarea_shared.demo names (X_USERNAME with its X_PASSWORD)."""
    pairs = {}
    for name in dir(demo):
        if name.endswith("_USERNAME") and hasattr(demo, name.removesuffix("_USERNAME") + "_PASSWORD"):
            pairs[getattr(demo, name)] = getattr(demo, name.removesuffix("_USERNAME") + "_PASSWORD")
    return pairs


def copy_demo_passwords(runtime: Runtime) -> None:
    provider = credential_provider(runtime)
    if provider is None:
        return
    passwords = demo_passwords()
    with runtime.db.read() as db:
        users = db.scalars(select(User).where(User.tenant_id == demo.TENANT_ID, User.status == "active",
                                              User.username.in_(list(passwords)))).all()
        for user in users:
            with contextlib.suppress(Conflict):  # already in Keycloak: keep whatever password it has now
                provider.create_user(credential_user(user), passwords[user.username])
                log.info("demo user %s copied into Keycloak", user.username)


def seed_with_credentials(runtime: Runtime) -> None:
    """Identity's demo data, then (with Keycloak) the demo passwords where Keycloak keeps them."""
    seed(runtime)
    copy_demo_passwords(runtime)
