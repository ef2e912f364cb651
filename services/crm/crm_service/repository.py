"""CRM's queries, always scoped to one tenant."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.orm import Session, selectinload

from clientarea_shared.db import new_id, utcnow
from clientarea_shared.paging import keyset_page
from clientarea_shared.text import search_words
from crm_service.domain.clients import Address, Alerts, ClientData, Member, Phone
from crm_service.models import (
    Category,
    ChangeRecord,
    Client,
    ClientAddress,
    ClientPhone,
    ConsortiumMember,
    Contact,
    Task,
    client_category_links,
)

# A client's parts, loaded with it in one query each (not one per client of a page).
CLIENT_PARTS = (selectinload(Client.phones), selectinload(Client.addresses), selectinload(Client.categories),
                selectinload(Client.members))


class ClientRepository:
    def __init__(self, session: Session, tenant_id: str):
        self.session = session
        self.tenant_id = tenant_id

    def get(self, client_id: str) -> Client | None:
        return self.session.scalars(
            select(Client).where(Client.tenant_id == self.tenant_id, Client.id == client_id).options(*CLIENT_PARTS)
        ).first()

    def get_many(self, client_ids: Sequence[str]) -> dict[str, Client]:
        if not client_ids:
            return {}
        rows = self.session.scalars(select(Client).where(Client.tenant_id == self.tenant_id,
                                                         Client.id.in_(list(client_ids))))
        return {c.id: c for c in rows}

    def by_email(self, email: str) -> list[Client]:
        """Clients with this e-mail (case-insensitive), oldest first."""
        return list(self.session.scalars(
            select(Client).where(Client.tenant_id == self.tenant_id,
                                 func.lower(Client.email) == email.strip().lower())
            .order_by(Client.id)
        ))

    # The portal-user link is not an edit of the record: crm's own request and identity's events
    # may set it at the same moment, and neither should bump the version editors hold (a stale
    # version there is a 409 for someone who changed nothing). Plain UPDATEs, no version check.
    def link_portal_user(self, client_id: str, user_id: str) -> bool:
        """Link the client to its portal user unless it has another one; whether it is linked."""
        table = Client.__table__
        self.session.execute(update(table).where(
            table.c.tenant_id == self.tenant_id, table.c.id == client_id, table.c.portal_user_id.is_(None),
        ).values(portal_user_id=user_id))
        return self.session.scalar(select(table.c.portal_user_id).where(
            table.c.tenant_id == self.tenant_id, table.c.id == client_id)) == user_id

    def move_portal_user(self, client_id: str, user_id: str, to_user_id: str | None) -> None:
        """Point the client's link away from `user_id` (closed) to `to_user_id`, or clear it; a
        client linked to someone else is left alone."""
        table = Client.__table__
        self.session.execute(update(table).where(
            table.c.tenant_id == self.tenant_id, table.c.id == client_id, table.c.portal_user_id == user_id,
        ).values(portal_user_id=to_user_id))

    def tax_id_exists(self, tax_id: str) -> bool:
        return self.session.scalar(
            select(Client.id).where(Client.tenant_id == self.tenant_id, Client.tax_id == tax_id)
        ) is not None

    def add(self, new: ClientData, client_id: str | None = None, *, categories: Sequence[Category] = (),
            salesperson_name: str = "") -> Client:
        now = utcnow()
        client = Client(id=client_id or new_id(), tenant_id=self.tenant_id, kind=new.kind, created_at=now,
                        updated_at=now, version=1, phones=[], addresses=[], categories=[], members=[])
        self.write(client, new, categories=categories, salesperson_name=salesperson_name)
        self.session.add(client)
        self.session.flush()
        return client

    def write(self, client: Client, data: ClientData, *, categories: Sequence[Category],
              salesperson_name: str) -> None:
        """Store validated data in the row and its parts; parts that did not change are kept as
        they are (no delete and insert of the same phones)."""
        for name in ("first_name", "last_name", "legal_name", "trade_name", "display_name", "search_text",
                     "tax_id_type", "tax_id", "email", "phone", "birth_date", "locale"):
            if getattr(client, name) != getattr(data, name):
                setattr(client, name, getattr(data, name))
        if (client.salesperson_id or "") != data.salesperson_id:
            client.salesperson_id = data.salesperson_id or None
            client.salesperson_name = salesperson_name if data.salesperson_id else ""
        for name, value in vars(data.alerts).items():
            if getattr(client, f"alert_{name}") != value:
                setattr(client, f"alert_{name}", value)
        if tuple(phones_of(client)) != data.phones:
            client.phones = [ClientPhone(id=new_id(), tenant_id=self.tenant_id, position=i, label=p.label,
                                         number=p.number) for i, p in enumerate(data.phones)]
        if tuple(addresses_of(client)) != data.addresses:
            client.addresses = [ClientAddress(id=new_id(), tenant_id=self.tenant_id, position=i, **vars(a))
                                for i, a in enumerate(data.addresses)]
        if [c.id for c in client.categories] != [c.id for c in categories]:
            client.categories = list(categories)
        if tuple(members_of(client)) != data.members:
            client.members = [ConsortiumMember(member_id=m.client_id, tenant_id=self.tenant_id, position=i,
                                               share_hundredths=m.share_hundredths) for i, m in enumerate(data.members)]

    def touch(self, client: Client) -> None:
        """Mark the client saved: its row is updated (and its version checked and bumped) even
        when only its parts changed."""
        client.updated_at = utcnow()

    def page(self, *, q: str, after_id: str | None, limit: int) -> list[Client]:
        """One page ordered by id (UUIDv7: creation order), fetching one extra row to tell
        whether another page follows."""
        query = select(Client).where(Client.tenant_id == self.tenant_id).options(*CLIENT_PARTS)
        for word in search_words(q):
            query = query.where(Client.search_text.contains(word, autoescape=True))
        return keyset_page(self.session, query, Client.id, after_id, limit)


# (The firm's news moved to content_repository.py with the rest of the firm's content.)


# --- client records ---
def phones_of(client: Client) -> list[Phone]:
    return [Phone(p.label, p.number) for p in client.phones]


def addresses_of(client: Client) -> list[Address]:
    return [Address(street=a.street, number=a.number, floor_door=a.floor_door, postal_code=a.postal_code,
                    city=a.city, province=a.province, country=a.country, is_main=a.is_main) for a in client.addresses]


def members_of(client: Client) -> list[Member]:
    return [Member(m.member_id, m.share_hundredths) for m in client.members]


def alerts_of(client: Client) -> Alerts:
    return Alerts(email_collections=client.alert_email_collections, email_renewals=client.alert_email_renewals,
                  sms_collections=client.alert_sms_collections, sms_renewals=client.alert_sms_renewals)


def client_data(client: Client) -> ClientData:
    """The stored client as the domain sees it (to edit some fields and validate the whole)."""
    return ClientData(
        kind=client.kind, first_name=client.first_name, last_name=client.last_name, legal_name=client.legal_name,
        trade_name=client.trade_name, display_name=client.display_name, tax_id_type=client.tax_id_type,
        tax_id=client.tax_id, email=client.email, phones=tuple(phones_of(client)),
        addresses=tuple(addresses_of(client)), birth_date=client.birth_date, locale=client.locale,
        category_ids=tuple(c.id for c in client.categories), salesperson_id=client.salesperson_id or "",
        alerts=alerts_of(client), members=tuple(members_of(client)),
    )


class CategoryRepository:
    def __init__(self, session: Session, tenant_id: str):
        self.session = session
        self.tenant_id = tenant_id

    def get(self, category_id: str) -> Category | None:
        return self.session.scalars(select(Category).where(Category.tenant_id == self.tenant_id,
                                                           Category.id == category_id)).first()

    def get_many(self, category_ids: Sequence[str]) -> list[Category]:
        """The firm's categories among `category_ids`, in the order asked (unknown ids left out)."""
        if not category_ids:
            return []
        found = {c.id: c for c in self.session.scalars(
            select(Category).where(Category.tenant_id == self.tenant_id, Category.id.in_(list(category_ids))))}
        return [found[i] for i in category_ids if i in found]

    def with_counts(self) -> list[tuple[Category, int]]:
        """Every category of the firm by name, with how many clients have it."""
        count = (select(func.count()).select_from(client_category_links)
                 .where(client_category_links.c.category_id == Category.id).scalar_subquery())
        rows = self.session.execute(select(Category, count).where(Category.tenant_id == self.tenant_id)
                                    .order_by(Category.name_key, Category.id))
        return [(category, int(n)) for category, n in rows]

    def name_taken(self, name_key: str, except_id: str = "") -> bool:
        return self.session.scalar(select(Category.id).where(
            Category.tenant_id == self.tenant_id, Category.name_key == name_key, Category.id != except_id)) is not None

    def add(self, name: str, name_key: str) -> Category:
        category = Category(id=new_id(), tenant_id=self.tenant_id, name=name, name_key=name_key, created_at=utcnow())
        self.session.add(category)
        self.session.flush()
        return category

    def client_count(self, category_id: str) -> int:
        return int(self.session.scalar(select(func.count()).select_from(client_category_links)
                                       .where(client_category_links.c.category_id == category_id)) or 0)

    def clients_of(self, category_id: str) -> list[Client]:
        return list(self.session.scalars(
            select(Client).join(client_category_links, client_category_links.c.client_id == Client.id)
            .where(Client.tenant_id == self.tenant_id, client_category_links.c.category_id == category_id)
            .options(selectinload(Client.categories)).order_by(Client.id)))

    def delete(self, category: Category) -> None:
        self.session.execute(delete(client_category_links).where(client_category_links.c.category_id == category.id))
        self.session.delete(category)


class ContactRepository:
    def __init__(self, session: Session, tenant_id: str):
        self.session = session
        self.tenant_id = tenant_id

    def get(self, contact_id: str) -> Contact | None:
        return self.session.scalars(select(Contact).where(Contact.tenant_id == self.tenant_id,
                                                          Contact.id == contact_id)).first()

    def of_client(self, client_id: str) -> list[Contact]:
        return list(self.session.scalars(select(Contact).where(
            Contact.tenant_id == self.tenant_id, Contact.client_id == client_id).order_by(Contact.id)))

    def add(self, contact: Contact) -> Contact:
        self.session.add(contact)
        self.session.flush()
        return contact


class TaskRepository:
    def __init__(self, session: Session, tenant_id: str):
        self.session = session
        self.tenant_id = tenant_id

    def get(self, task_id: str) -> Task | None:
        return self.session.scalars(select(Task).where(Task.tenant_id == self.tenant_id, Task.id == task_id)
                                    .options(selectinload(Task.comments))).first()

    def add(self, task: Task) -> Task:
        self.session.add(task)
        self.session.flush()
        return task

    def page(self, *, client_id: str = "", assignee_id: str = "", status: str = "", overdue_on: date | None = None,
             after: tuple[date, str] | None, limit: int) -> list[Task]:
        """Tasks by due date (then creation), resuming after the cursor's (due_on, id); one row
        more than `limit` tells whether another page follows. `overdue_on`: only tasks due before
        that day and not finished."""
        query = select(Task).where(Task.tenant_id == self.tenant_id)
        if client_id:
            query = query.where(Task.client_id == client_id)
        if assignee_id:
            query = query.where(Task.assignee_id == assignee_id)
        if status:
            query = query.where(Task.status == status)
        if overdue_on is not None:
            query = query.where(Task.due_on < overdue_on, Task.status.in_(["open", "in_progress"]))
        if after is not None:
            query = query.where(or_(Task.due_on > after[0], and_(Task.due_on == after[0], Task.id > after[1])))
        return list(self.session.scalars(query.order_by(Task.due_on, Task.id).limit(limit + 1)))


class HistoryRepository:
    def __init__(self, session: Session, tenant_id: str):
        self.session = session
        self.tenant_id = tenant_id

    def add(self, record: ChangeRecord) -> None:
        self.session.add(record)

    def page(self, client_id: str, *, after: str | None, limit: int) -> list[ChangeRecord]:
        """A client's changes, newest first (UUIDv7 ids sort by time)."""
        query = select(ChangeRecord).where(ChangeRecord.tenant_id == self.tenant_id,
                                           ChangeRecord.client_id == client_id)
        return keyset_page(self.session, query, ChangeRecord.id, after, limit, newest_first=True)
# --- end client records ---
