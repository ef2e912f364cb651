"""Demo data of the CRM: the demo firm's clients (idempotent)."""

from __future__ import annotations

from clientarea_shared import demo
from clientarea_shared.runtime import Runtime
from crm_service.domain import build_client
from crm_service.repository import ClientRepository


def seed(runtime: Runtime) -> None:
    with runtime.db.session() as session:
        repo = ClientRepository(session, demo.TENANT_ID)
        for client_id, kind, first, last, legal, tax_id, email, phone, born in demo.CLIENTS:
            if repo.get(client_id) is not None:
                continue
            new = build_client(kind=kind, first_name=first, last_name=last, legal_name=legal,
                               tax_id=tax_id, tax_id_type="", email=email, phone=phone,
                               birth_date=born, locale="es")
            client = repo.add(new, client_id=client_id)
            if client_id == demo.CLIENT_ID:  # the demo customer already has a login
                client.portal_user_id = demo.demo_id(f"user:{demo.CLIENT_USERNAME}")
