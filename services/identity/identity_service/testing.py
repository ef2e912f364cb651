"""Factories for tests of any service that need more than the demo firm (e.g. a second tenant)."""

from __future__ import annotations

from clientarea_shared.context import AGENT, CLIENT
from clientarea_shared.db import new_id, utcnow
from clientarea_shared.runtime import Runtime
from identity_service.domain import passwords
from identity_service.models import Tenant, User

PASSWORD = "Otra-Firma-Clave-2026"  # noqa: S105 - test-only


def add_tenant_with_staff(runtime: Runtime, slug: str) -> dict[str, str]:
    """A firm `slug` with one agent and one customer (linked to a made-up client id)."""
    tenant_id, client_id = new_id(), new_id()
    with runtime.db.session() as db:
        db.add(Tenant(id=tenant_id, slug=slug, name=f"Firma {slug}", default_locale="es",
                      created_at=utcnow()))
        db.flush()
        for username, roles, client in ((f"agent@{slug}.test", [AGENT], None),
                                        (f"cliente@{slug}.test", [CLIENT], client_id)):
            db.add(User(id=new_id(), tenant_id=tenant_id, username=username, email=username,
                        display_name=username, password_hash=passwords.hash_password(PASSWORD),
                        roles=roles, client_id=client, locale="es", status="active",
                        created_at=utcnow()))
    return {"slug": slug, "tenant_id": tenant_id, "client_id": client_id,
            "agent": f"agent@{slug}.test", "customer": f"cliente@{slug}.test", "password": PASSWORD}
