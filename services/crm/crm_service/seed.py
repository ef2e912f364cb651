"""Demo data of the CRM: the demo firm's clients (with their phones, addresses, categories,
contacts and tasks) and two news items (idempotent)."""

from __future__ import annotations

from datetime import UTC, datetime

from clientarea_shared import demo
from clientarea_shared.runtime import Runtime
from crm_service.domain.clients import build_client
from crm_service.models import NewsItem
from crm_service.repository import ClientRepository
from crm_service.seed_files import seed_client_files  # client files
from crm_service.seed_records import seed_client_records  # client records
from crm_service.seed_support import seed_support_and_content  # support and content

# --- firm news ---
# (key, published at, title, body): for every reader (no language), in the firm's Spanish.
NEWS = [
    ("news:horario-atencion", datetime(2025, 10, 6, 8, 0, tzinfo=UTC), "Nuevo horario de atención",
     "Desde el lunes 13 de octubre le atendemos de 8:00 a 18:00 sin interrupción, de lunes a viernes.\n\n"
     "Recuerde que puede consultar el estado de su expediente en cualquier momento desde el Área Cliente."),
    ("news:consulta-rapida", datetime(2025, 12, 1, 9, 30, tzinfo=UTC), "Consulte su proceso con el número de proceso",
     "Ya puede consultar su proceso sin registrarse: entre en «Consulta rápida» con el número de proceso y la "
     "clave de acceso que le enviamos por correo electrónico al abrirlo.\n\n"
     "Si no encuentra la clave, pídanos una nueva: la anterior dejará de funcionar."),
]
# --- end firm news ---


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
            elif client_id == demo.COMPANY_CLIENT_ID:  # the company's admin (and a colleague: identity's seed)
                client.portal_user_id = demo.demo_id(f"user:{demo.COMPANY_ADMIN_USERNAME}")
        for key, published_at, title, body in NEWS:
            if session.get(NewsItem, demo.demo_id(key)) is None:
                session.add(NewsItem(id=demo.demo_id(key), tenant_id=demo.TENANT_ID, title=title, body=body,
                                     language="", published_at=published_at, published_by="",
                                     created_at=published_at))
    seed_client_records(runtime)  # client records
    seed_support_and_content(runtime)  # support and content
    seed_client_files(runtime)  # client files
