"""Demo data of the client records: the demo firm's categories, two companies that form the demo
consortium, and the demo clients' phones, addresses, salesperson, alerts, contacts and tasks, as a
firm's back office would have them (idempotent: each part only where it is missing).

Written through the same validation and repository as the API, and recorded in the history as
done by the platform ("system"), so the demo's history tabs are not empty.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.orm import Session

from clientarea_shared import demo
from clientarea_shared.db import utcnow
from clientarea_shared.runtime import Runtime
from crm_service.domain.categories import category_name
from crm_service.domain.clients import AddressInput, Alerts, ClientData, MemberInput, PhoneInput, build_client
from crm_service.domain.contacts import ContactInput, validate_contact
from crm_service.handlers.clients import References
from crm_service.handlers.history import record_changes
from crm_service.handlers.tasks import snapshot as task_snapshot
from crm_service.models import Category, Client, Contact, Task
from crm_service.repository import CategoryRepository, ClientRepository, ContactRepository, client_data

AGENT = (demo.demo_id(f"user:{demo.AGENT_USERNAME}"), "Marta Agente")
ADMIN = (demo.demo_id(f"user:{demo.ADMIN_USERNAME}"), "Alberto Admin")
CATEGORIES = ["Particulares", "Empresas VIP", "Flota de vehículos", "Construcción"]

# The two companies of the demo consortium (UTE Obras Levante), with its shares.
MEMBER_COMPANIES = [
    ("client:construcciones-levante", "Construcciones Levante S.A.", "Construlevante", "A46123451",
     "administracion@construlevante.test", "+34963521400", "1987-04-22", "60"),
    ("client:hormigones-turia", "Hormigones del Turia S.L.", "Hormituria", "B46987657",
     "oficina@hormituria.test", "+34961870322", "2003-09-10", "40"),
]

# What each demo client gets: phones, addresses, categories, salesperson and alerts.
PROFILES = {
    demo.CLIENT_ID: dict(
        phones=[PhoneInput("mobile", "+34600111222"), PhoneInput("home", "913 55 42 10")],
        addresses=[AddressInput(street="Calle de Alcalá", number="120", floor_door="4º B", postal_code="28009",
                                city="Madrid", province="Madrid", country="ES", is_main=True)],
        categories=["Particulares"], salesperson=AGENT,
        alerts=Alerts(email_collections=True, email_renewals=True, sms_collections=False, sms_renewals=True)),
    demo.COMPANY_CLIENT_ID: dict(
        phones=[PhoneInput("work", "+34911234567"), PhoneInput("mobile", "+34622334455")],
        addresses=[AddressInput(street="Polígono Industrial Las Mercedes, calle Herreros", number="14",
                                postal_code="28022", city="Madrid", province="Madrid", is_main=True),
                   AddressInput(street="Avenida de la Industria", number="3", floor_door="Nave 2",
                                postal_code="28108", city="Alcobendas", province="Madrid")],
        categories=["Empresas VIP", "Flota de vehículos"], salesperson=ADMIN, trade_name="Talleres Martín",
        alerts=Alerts(email_collections=True, email_renewals=True, sms_collections=True, sms_renewals=True)),
    demo.demo_id("client:jose"): dict(
        phones=[PhoneInput("mobile", "+34655443322")],
        addresses=[AddressInput(street="Carrer de Balmes", number="77", floor_door="2º 1ª", postal_code="08006",
                                city="Barcelona", province="Barcelona", is_main=True)],
        categories=["Particulares"], salesperson=AGENT, alerts=Alerts(email_renewals=True)),
    demo.demo_id("client:ute"): dict(
        phones=[PhoneInput("work", "+34963000111")],
        addresses=[AddressInput(street="Avenida del Puerto", number="250", postal_code="46023", city="Valencia",
                                province="Valencia", is_main=True)],
        categories=["Construcción", "Empresas VIP"], salesperson=ADMIN, trade_name="UTE Levante",
        members=[MemberInput(demo.demo_id(key), share) for key, *_, share in MEMBER_COMPANIES],
        alerts=Alerts(email_collections=True)),
}

CONTACTS = {
    demo.CLIENT_ID: [ContactInput(role="family", first_name="Javier", last_name="Fernández Ruiz",
                                  phones=(PhoneInput("mobile", "+34611223344"),), emails=("javier.fr@correo.test",),
                                  notes="Hermano de la clienta; autorizado a llamar por los recibos.")],
    demo.COMPANY_CLIENT_ID: [
        ContactInput(role="manager", first_name="Andrés", last_name="Martín Gil",
                     phones=(PhoneInput("work", "+34911234568"),), emails=(demo.COMPANY_ADMIN_USERNAME,)),
        ContactInput(role="accountant", first_name="Carmen", last_name="Ortega Vidal",
                     emails=(demo.COMPANY_VIEWER_USERNAME,)),
    ],
    demo.demo_id("client:ute"): [
        ContactInput(role="legal_representative", first_name="Rosa", last_name="Llorens Pastor",
                     phones=(PhoneInput("mobile", "+34699887766"),), emails=("rosa.llorens@obras.test",)),
    ],
}

# (key, client, title, description, assignee, due in days from today, status)
TASKS = [
    ("task:talleres-cuentas", demo.COMPANY_CLIENT_ID, "Pedir las cuentas anuales de 2025",
     "Las necesitamos para revisar el límite de crédito de la póliza.", AGENT, 7, "open"),
    ("task:lucia-renovacion", demo.CLIENT_ID, "Llamar por la renovación del seguro de hogar",
     "Vence el mes que viene; ofrecer la ampliación de contenido.", AGENT, -2, "open"),
    ("task:jose-nie", demo.demo_id("client:jose"), "Revisar la copia del NIE",
     "La copia que envió está caducada.", ADMIN, 3, "in_progress"),
]


def _references(session: Session, data: ClientData, salesperson_name: str) -> References:
    categories = CategoryRepository(session, demo.TENANT_ID).get_many(data.category_ids)
    members = ClientRepository(session, demo.TENANT_ID).get_many([m.client_id for m in data.members])
    return References(categories, members, salesperson_name)


def _categories(session: Session) -> dict[str, Category]:
    repo = CategoryRepository(session, demo.TENANT_ID)
    existing = {c.name: c for c, _ in repo.with_counts()}
    for name in CATEGORIES:
        if name not in existing:
            existing[name] = repo.add(*category_name(name))
    return existing


def _member_companies(session: Session) -> None:
    repo = ClientRepository(session, demo.TENANT_ID)
    for key, legal, trade, tax_id, email, phone, founded, _share in MEMBER_COMPANIES:
        if repo.get(demo.demo_id(key)) is None:
            data = build_client(kind="company", legal_name=legal, trade_name=trade, tax_id=tax_id, email=email,
                                phone=phone, birth_date=founded, locale="es")
            client = repo.add(data, client_id=demo.demo_id(key))
            record_changes(session, tenant_id=demo.TENANT_ID, client_id=client.id, entity="client",
                           entity_id=client.id, label=client.display_name, before={},
                           after=_references(session, data, "").snapshot(data), actor=None)


def _profile(session: Session, client: Client, profile: dict, categories: dict[str, Category]) -> None:
    current = client_data(client)
    salesperson_id, salesperson_name = profile["salesperson"]
    data = build_client(
        kind=client.kind, first_name=client.first_name, last_name=client.last_name, legal_name=client.legal_name,
        trade_name=profile.get("trade_name", ""), tax_id=client.tax_id, email=client.email,
        phones=profile["phones"], addresses=profile["addresses"],
        birth_date=client.birth_date.isoformat() if client.birth_date else "", locale=client.locale,
        category_ids=[categories[n].id for n in profile["categories"]], salesperson_id=salesperson_id,
        alerts=profile["alerts"], members=profile.get("members", ()))
    before = _references(session, current, "").snapshot(current)
    refs = _references(session, data, salesperson_name)
    repo = ClientRepository(session, demo.TENANT_ID)
    repo.write(client, data, categories=refs.categories, salesperson_name=salesperson_name)
    repo.touch(client)
    record_changes(session, tenant_id=demo.TENANT_ID, client_id=client.id, entity="client", entity_id=client.id,
                   label=client.display_name, before=before, after=refs.snapshot(data), actor=None)


def _contacts(session: Session, client_id: str) -> None:
    repo = ContactRepository(session, demo.TENANT_ID)
    if repo.of_client(client_id):
        return
    for index, raw in enumerate(CONTACTS.get(client_id, [])):
        data = validate_contact(raw)
        now = utcnow()
        contact = repo.add(Contact(
            id=demo.demo_id(f"contact:{client_id}:{index}"), tenant_id=demo.TENANT_ID, client_id=client_id,
            role=data.role, first_name=data.first_name, last_name=data.last_name,
            phones=[{"label": p.label, "number": p.number} for p in data.phones], emails=list(data.emails),
            notes=data.notes, search_text=data.search_text, version=1, created_at=now, updated_at=now))
        record_changes(session, tenant_id=demo.TENANT_ID, client_id=client_id, entity="contact",
                       entity_id=contact.id, label=data.display_name, before={}, after=data.snapshot(), actor=None)


def _tasks(session: Session) -> None:
    for key, client_id, title, description, (assignee_id, assignee_name), days, status in TASKS:
        if session.get(Task, demo.demo_id(key)) is not None:
            continue
        now = utcnow()
        task = Task(id=demo.demo_id(key), tenant_id=demo.TENANT_ID, client_id=client_id, title=title,
                    description=description, assignee_id=assignee_id, assignee_name=assignee_name,
                    due_on=date.today() + timedelta(days=days), status=status, created_by_id=ADMIN[0],
                    created_by_name=ADMIN[1], version=1, created_at=now, updated_at=now)
        session.add(task)
        session.flush()
        record_changes(session, tenant_id=demo.TENANT_ID, client_id=client_id, entity="task", entity_id=task.id,
                       label=title, before={}, after=task_snapshot(task), actor=None)


def seed_client_records(runtime: Runtime) -> None:
    with runtime.db.session() as session:
        categories = _categories(session)
        _member_companies(session)
        repo = ClientRepository(session, demo.TENANT_ID)
        for client_id, profile in PROFILES.items():
            client = repo.get(client_id)
            if client is not None and not client.addresses:  # not given its profile yet
                _profile(session, client, profile, categories)
            if client is not None:
                _contacts(session, client_id)
        session.flush()
        _tasks(session)
