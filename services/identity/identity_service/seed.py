"""Demo data of identity: the demo firm, its staff, the demo customer and a company customer's two
people (idempotent)."""

from __future__ import annotations

from clientarea_shared import demo
from clientarea_shared.context import ADMIN, AGENT, CLIENT
from clientarea_shared.db import utcnow
from clientarea_shared.permissions import CLIENT_ADMIN, CLIENT_VIEWER
from clientarea_shared.runtime import Runtime
from identity_service.domain import passwords
from identity_service.models import Tenant, User


def seed(runtime: Runtime) -> None:
    with runtime.db.session() as db:
        if db.get(Tenant, demo.TENANT_ID) is not None:
            return
        db.add(Tenant(id=demo.TENANT_ID, slug=demo.TENANT_SLUG, name=demo.TENANT_NAME,
                      default_locale="es", created_at=utcnow()))
        db.flush()
        people = [
            (demo.AGENT_USERNAME, demo.AGENT_PASSWORD, "Marta Agente", [AGENT], None),
            (demo.ADMIN_USERNAME, demo.ADMIN_PASSWORD, "Alberto Admin", [ADMIN, AGENT], None),
            (demo.CLIENT_USERNAME, demo.CLIENT_PASSWORD, "Lucía Fernández Ruiz", [CLIENT],
             demo.CLIENT_ID),
        ]
        for username, password, name, roles, client_id in people:
            db.add(User(
                id=demo.demo_id(f"user:{username}"), tenant_id=demo.TENANT_ID, username=username,
                email=username, display_name=name, password_hash=passwords.hash_password(password),
                roles=roles, client_id=client_id, locale="es", status="active",
                created_at=utcnow(),
            ))
        # --- client members ---
        company_admin = demo.demo_id(f"user:{demo.COMPANY_ADMIN_USERNAME}")
        company_people = [
            (demo.COMPANY_ADMIN_USERNAME, demo.COMPANY_ADMIN_PASSWORD, "Andrés Martín Gil", CLIENT_ADMIN, None),
            (demo.COMPANY_VIEWER_USERNAME, demo.COMPANY_VIEWER_PASSWORD, "Carmen Ortega Vidal", CLIENT_VIEWER,
             company_admin),
        ]
        for username, password, name, client_role, invited_by in company_people:
            db.add(User(
                id=demo.demo_id(f"user:{username}"), tenant_id=demo.TENANT_ID, username=username, email=username,
                display_name=name, password_hash=passwords.hash_password(password), roles=[CLIENT],
                client_id=demo.COMPANY_CLIENT_ID, client_role=client_role, invited_by=invited_by, locale="es",
                status="active", created_at=utcnow(),
            ))
        # --- end client members ---
