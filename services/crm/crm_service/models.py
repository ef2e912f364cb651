"""CRM's tables. Every row carries `tenant_id`; every query filters on it."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    event,  # client search
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from clientarea_shared.db import UTCDateTime, new_metadata
from clientarea_shared.plumbing import plumbing_tables
from clientarea_shared.text import normalise_text  # client search
from crm_service.domain.search import birthday_key  # client search


class Base(DeclarativeBase):
    metadata = new_metadata()


PLUMBING = plumbing_tables(Base.metadata)


class Client(Base):
    __tablename__ = "clients"
    __table_args__ = (
        UniqueConstraint("tenant_id", "tax_id", name="uq_clients_tenant_tax_id"),
        Index("ix_clients_tenant_id_id", "tenant_id", "id"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(20))  # person | company | consortium
    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(150), default="")
    legal_name: Mapped[str] = mapped_column(String(250), default="")
    display_name: Mapped[str] = mapped_column(String(250))
    # Lower-case, accent-free copy of names, e-mail, tax id and phone for free-text search.
    search_text: Mapped[str] = mapped_column(String(1000), default="")
    tax_id_type: Mapped[str] = mapped_column(String(20))
    tax_id: Mapped[str] = mapped_column(String(32))
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    locale: Mapped[str] = mapped_column(String(10), default="es")
    portal_user_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # --- client records ---
    trade_name: Mapped[str] = mapped_column(String(250), default="")
    # The staff user who looks after the client (identity's id) and their name when assigned.
    salesperson_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    salesperson_name: Mapped[str] = mapped_column(String(200), default="")
    # The virtual assistant's alerts, per channel and topic.
    alert_email_collections: Mapped[bool] = mapped_column(Boolean, default=False)
    alert_email_renewals: Mapped[bool] = mapped_column(Boolean, default=False)
    alert_sms_collections: Mapped[bool] = mapped_column(Boolean, default=False)
    alert_sms_renewals: Mapped[bool] = mapped_column(Boolean, default=False)
    # Optimistic concurrency: every UPDATE of the row checks and bumps it (StaleDataError when
    # someone else saved in between), so two editors never overwrite each other silently.
    version: Mapped[int] = mapped_column(Integer, default=1)

    phones: Mapped[list[ClientPhone]] = relationship(
        order_by="ClientPhone.position", cascade="all, delete-orphan", passive_deletes=True)
    addresses: Mapped[list[ClientAddress]] = relationship(
        order_by="ClientAddress.position", cascade="all, delete-orphan", passive_deletes=True)
    categories: Mapped[list[Category]] = relationship(
        secondary=lambda: client_category_links, order_by="Category.name")
    members: Mapped[list[ConsortiumMember]] = relationship(
        foreign_keys="ConsortiumMember.consortium_id", order_by="ConsortiumMember.position",
        cascade="all, delete-orphan", passive_deletes=True)

    __mapper_args__: dict[str, Any] = {"version_id_col": version}
    # --- end client records ---
    # --- client search ---
    # Kept in step with display_name and birth_date by the attribute events below (search block).
    sort_name: Mapped[str] = mapped_column(String(250), default="")  # display_name, lower case, no accents
    birthday_key: Mapped[int | None] = mapped_column(Integer, nullable=True)  # month * 100 + day
    # --- end client search ---


# --- firm news ---
class NewsItem(Base):
    """A news item the firm's staff publish for its customers (seed 003's "Noticias"). Plain text;
    `language` empty means for every reader. The content area will grow (materials, advantages),
    each kind in its own table."""

    __tablename__ = "news_items"
    __table_args__ = (Index("ix_news_items_tenant_published", "tenant_id", "published_at", "id"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(10), default="")
    published_at: Mapped[datetime] = mapped_column(UTCDateTime)
    published_by: Mapped[str] = mapped_column(String(80), default="")  # the staff user's id
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Support and content: the editor keeps drafts and unpublishes items (migration b4c0de000002).
    published: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
# --- end firm news ---


# --- client records ---
class ClientPhone(Base):
    __tablename__ = "client_phones"
    __table_args__ = (Index("ix_client_phones_client_id", "client_id"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36))
    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(20))  # mobile | home | work | other
    number: Mapped[str] = mapped_column(String(20))  # E.164


class ClientAddress(Base):
    __tablename__ = "client_addresses"
    __table_args__ = (Index("ix_client_addresses_client_id", "client_id"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36))
    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    street: Mapped[str] = mapped_column(String(200))
    number: Mapped[str] = mapped_column(String(20), default="")
    floor_door: Mapped[str] = mapped_column(String(40), default="")
    postal_code: Mapped[str] = mapped_column(String(12))
    city: Mapped[str] = mapped_column(String(120))
    province: Mapped[str] = mapped_column(String(120), default="")
    country: Mapped[str] = mapped_column(String(2), default="ES")
    is_main: Mapped[bool] = mapped_column(Boolean, default=False)


class Category(Base):
    """A tag the firm defines to segment its clients ("Flota de vehículos", "VIP")."""

    __tablename__ = "client_categories"
    __table_args__ = (UniqueConstraint("tenant_id", "name_key", name="uq_client_categories_tenant_name"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36))
    name: Mapped[str] = mapped_column(String(60))
    name_key: Mapped[str] = mapped_column(String(60))  # lower case, no accents: unique per firm
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


# Which client has which category. No tenant of its own: both ends are rows of one firm (the
# handlers link only a firm's categories to that firm's clients).
client_category_links = Table(
    "client_category_links", Base.metadata,
    Column("client_id", ForeignKey("clients.id", ondelete="CASCADE"), primary_key=True),
    Column("category_id", ForeignKey("client_categories.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_client_category_links_category_id", "category_id"),
)


class ConsortiumMember(Base):
    """A company client's share of a consortium, in hundredths of a percent (all sum 10000)."""

    __tablename__ = "consortium_members"
    __table_args__ = (Index("ix_consortium_members_member_id", "member_id"),)
    consortium_id: Mapped[str] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), primary_key=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("clients.id"), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36))
    position: Mapped[int] = mapped_column(Integer)
    share_hundredths: Mapped[int] = mapped_column(Integer)
    member: Mapped[Client] = relationship(foreign_keys=[member_id], lazy="joined")


class Contact(Base):
    """A person linked to a client (family member, manager, legal representative...). Their phones
    and e-mails are read and written only with the contact: JSON lists, not tables of their own."""

    __tablename__ = "client_contacts"
    __table_args__ = (Index("ix_client_contacts_tenant_client", "tenant_id", "client_id", "id"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36))
    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(30))
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(150), default="")
    phones: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)  # [{"label", "number"}]
    emails: Mapped[list[str]] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(String(1000), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __mapper_args__: dict[str, Any] = {"version_id_col": version}


class Task(Base):
    """Internal work about a client, assigned to a staff user; customers never see tasks."""

    __tablename__ = "client_tasks"
    __table_args__ = (
        Index("ix_client_tasks_tenant_assignee_due", "tenant_id", "assignee_id", "due_on", "id"),
        Index("ix_client_tasks_tenant_client_due", "tenant_id", "client_id", "due_on", "id"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36))
    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    assignee_id: Mapped[str] = mapped_column(String(36))
    assignee_name: Mapped[str] = mapped_column(String(200), default="")
    due_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="open")
    created_by_id: Mapped[str] = mapped_column(String(80))
    created_by_name: Mapped[str] = mapped_column(String(200), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    client: Mapped[Client] = relationship(lazy="joined")
    comments: Mapped[list[TaskComment]] = relationship(order_by="TaskComment.id", cascade="all, delete-orphan",
                                                       passive_deletes=True)

    __mapper_args__: dict[str, Any] = {"version_id_col": version}


class TaskComment(Base):
    __tablename__ = "task_comments"
    __table_args__ = (Index("ix_task_comments_task_id", "task_id", "id"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36))
    task_id: Mapped[str] = mapped_column(ForeignKey("client_tasks.id", ondelete="CASCADE"))
    author_id: Mapped[str] = mapped_column(String(80))
    author_name: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ChangeRecord(Base):
    """One saved change of a client or of something of it (contact, task, file...): who, when, and
    field by field the old and new values as people read them (`changes`: [{field, old, new}]).
    Written by `handlers.history.record_changes` in the same transaction as the change itself."""

    __tablename__ = "change_records"
    __table_args__ = (Index("ix_change_records_tenant_client_id", "tenant_id", "client_id", "id"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUIDv7: newest first by id
    tenant_id: Mapped[str] = mapped_column(String(36))
    client_id: Mapped[str] = mapped_column(String(36))
    entity: Mapped[str] = mapped_column(String(30))  # client | contact | task | file | ...
    entity_id: Mapped[str] = mapped_column(String(36))
    entity_label: Mapped[str] = mapped_column(String(250), default="")
    action: Mapped[str] = mapped_column(String(20))  # created | updated | deleted | commented
    changes: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    actor_id: Mapped[str] = mapped_column(String(80), default="")
    actor_name: Mapped[str] = mapped_column(String(200), default="")
    actor_kind: Mapped[str] = mapped_column(String(20))  # staff | customer | system
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
# --- end client records ---


# --- support, requests and content ---
class SupportTicket(Base):
    """A customer's ticket (a question, complaint, review request...) and its state. The requester's
    and the assignee's contact details are copied here when they act, so that a reply can be
    announced to the other side without asking identity on the replier's behalf."""

    __tablename__ = "support_tickets"
    __table_args__ = (
        UniqueConstraint("tenant_id", "number", name="uq_support_tickets_tenant_number"),
        Index("ix_support_tickets_tenant_activity", "tenant_id", "last_message_at", "id"),
        Index("ix_support_tickets_tenant_client", "tenant_id", "client_id"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36))
    number: Mapped[int] = mapped_column(Integer)
    client_id: Mapped[str] = mapped_column(String(36))
    type: Mapped[str] = mapped_column(String(20))  # question | complaint | request_review | other
    subject: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20))  # open | awaiting_staff | awaiting_customer | resolved | closed
    requester_id: Mapped[str] = mapped_column(String(80))
    requester_name: Mapped[str] = mapped_column(String(200), default="")
    requester_email: Mapped[str] = mapped_column(String(254), default="")
    requester_locale: Mapped[str] = mapped_column(String(10), default="es")
    assignee_id: Mapped[str | None] = mapped_column(String(80), nullable=True)
    assignee_name: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_message_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SupportMessage(Base):
    """One entry of a ticket's conversation: a reply, an internal note (staff only) or an event
    (status or assignee changed; `body` says what, e.g. "status:resolved")."""

    __tablename__ = "support_messages"
    __table_args__ = (Index("ix_support_messages_tenant_ticket", "tenant_id", "ticket_id", "id"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36))
    ticket_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(10))  # message | note | event
    author_side: Mapped[str] = mapped_column(String(10))  # customer | staff
    author_id: Mapped[str] = mapped_column(String(80))
    author_name: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SupportAttachment(Base):
    __tablename__ = "support_attachments"
    __table_args__ = (Index("ix_support_attachments_tenant_ticket", "tenant_id", "ticket_id"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36))
    ticket_id: Mapped[str] = mapped_column(String(36))
    message_id: Mapped[str] = mapped_column(String(36))
    blob_key: Mapped[str] = mapped_column(String(120))
    file_name: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(120))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SupportStaffContact(Base):
    """A staff member's e-mail and language, as identity last told crm (GetMe, when they used the
    support inbox): where a customer's reply to a ticket assigned to them is announced. Staff may
    read only colleagues' names from identity, so crm remembers what each told about themself."""

    __tablename__ = "support_staff_contacts"
    tenant_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    locale: Mapped[str] = mapped_column(String(10), default="es")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class FeedbackEntry(Base):
    __tablename__ = "feedback_entries"
    __table_args__ = (Index("ix_feedback_entries_tenant_id", "tenant_id", "id"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36))
    rating: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    page: Mapped[str] = mapped_column(String(200), default="")
    author_kind: Mapped[str] = mapped_column(String(20))  # customer | quick_access
    author_id: Mapped[str] = mapped_column(String(80))
    author_name: Mapped[str] = mapped_column(String(200), default="")
    client_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Material(Base):
    """A support material: a downloadable file with a title, a description and a category."""

    __tablename__ = "content_materials"
    __table_args__ = (Index("ix_content_materials_tenant_category", "tenant_id", "category", "title"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(60), default="")
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    blob_key: Mapped[str] = mapped_column(String(120))
    file_name: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(120))
    size: Mapped[int] = mapped_column(Integer)
    created_by: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Advantage(Base):
    """An offer of the firm's advantage programme, shown to customers while published and valid."""

    __tablename__ = "content_advantages"
    __table_args__ = (Index("ix_content_advantages_tenant_valid", "tenant_id", "valid_from"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    valid_from: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    link_url: Mapped[str] = mapped_column(String(500), default="")
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    image_key: Mapped[str | None] = mapped_column(String(120), nullable=True)
    image_type: Mapped[str] = mapped_column(String(120), default="")
    created_by: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
# --- end support, requests and content ---


# --- client files ---
class ClientFile(Base):
    """A client's document (identity document, financial statements, AML form...): the name shown,
    its kind, the sniffed type and the blob its bytes live in (clientarea_shared.storage)."""

    __tablename__ = "client_files"
    __table_args__ = (Index("ix_client_files_tenant_client_uploaded", "tenant_id", "client_id", "uploaded_at"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36))
    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(30))
    original_file_name: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(120))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    blob_key: Mapped[str] = mapped_column(String(120))
    uploaded_by_id: Mapped[str] = mapped_column(String(80))
    uploaded_by_name: Mapped[str] = mapped_column(String(200), default="")
    uploaded_by_kind: Mapped[str] = mapped_column(String(20))  # staff | customer
    visible_to_client: Mapped[bool] = mapped_column(Boolean, default=True)
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
# --- end client files ---


# --- client import and export ---
class ClientImport(Base):
    """A parsed import file waiting for confirmation (a preview batch): its rows as read, mapped
    to client fields (`rows`: [{row, values}]), and the problems found at preview. Confirmed once,
    by the firm's staff, before it expires; confirming checks every row again."""

    __tablename__ = "client_imports"
    __table_args__ = (Index("ix_client_imports_tenant_created", "tenant_id", "created_at"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36))
    uploaded_by: Mapped[str] = mapped_column(String(80))
    uploaded_by_name: Mapped[str] = mapped_column(String(200), default="")
    file_name: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20))  # previewed | imported | discarded
    row_count: Mapped[int] = mapped_column(Integer)
    valid_count: Mapped[int] = mapped_column(Integer)
    created_count: Mapped[int] = mapped_column(Integer, default=0)
    columns: Mapped[list[str]] = mapped_column(JSON, default=list)
    rows: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    errors: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class ClientExport(Base):
    """A large export run as a background job: the selection as asked (protobuf JSON), its state,
    and where the finished file is kept until it expires."""

    __tablename__ = "client_exports"
    __table_args__ = (Index("ix_client_exports_tenant_requester", "tenant_id", "requested_by", "created_at"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36))
    requested_by: Mapped[str] = mapped_column(String(80))
    selection: Mapped[str] = mapped_column(Text)
    locale: Mapped[str] = mapped_column(String(10), default="es")
    status: Mapped[str] = mapped_column(String(20))  # queued | running | done | failed
    rows: Mapped[int] = mapped_column(Integer, default=0)
    blob_key: Mapped[str | None] = mapped_column(String(120), nullable=True)
    error: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
# --- end client import and export ---


# --- campaigns ---
class Campaign(Base):
    """A message (e-mail, SMS or voice call) to a selection of the firm's clients. A draft until
    launched; launching hands its recipients to notification (`crm.campaign_launched`)."""

    __tablename__ = "campaigns"
    __table_args__ = (Index("ix_campaigns_tenant_id", "tenant_id", "id"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUIDv7: newest first by id
    tenant_id: Mapped[str] = mapped_column(String(36))
    name: Mapped[str] = mapped_column(String(120))
    channel: Mapped[str] = mapped_column(String(10))  # email | sms | voice
    subject: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default="draft")  # draft | launched
    recipient_count: Mapped[int] = mapped_column(Integer, default=0)
    skipped_count: Mapped[int] = mapped_column(Integer, default=0)
    created_by_id: Mapped[str] = mapped_column(String(80))
    created_by_name: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    launched_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class CampaignRecipient(Base):
    """A client of the campaign's selection as it was at creation: the address the channel uses,
    or why the client is skipped (`skipped`: no_email | no_mobile | no_phone | too_long)."""

    __tablename__ = "campaign_recipients"
    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True)
    client_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36))
    name: Mapped[str] = mapped_column(String(250))
    locale: Mapped[str] = mapped_column(String(10), default="es")
    address: Mapped[str] = mapped_column(String(254), default="")  # e-mail or E.164
    skipped: Mapped[str] = mapped_column(String(20), default="")
# --- end campaigns ---


# --- client search ---
# The list's sort and filter columns follow the values they derive from on every ORM write (a
# create, an edit, an import), so no caller has to remember them.
@event.listens_for(Client.display_name, "set")
def _keep_sort_name(target: Client, value: str, _old: object, _initiator: object) -> None:
    target.sort_name = normalise_text(value or "")[:250]


@event.listens_for(Client.birth_date, "set")
def _keep_birthday_key(target: Client, value: date | None, _old: object, _initiator: object) -> None:
    target.birthday_key = birthday_key(value)


Index("ix_clients_tenant_sort_name", Client.tenant_id, Client.sort_name, Client.id)
Index("ix_clients_tenant_created", Client.tenant_id, Client.created_at, Client.id)
Index("ix_clients_tenant_birthday", Client.tenant_id, Client.birthday_key)
# "My clients' birthdays this month": the salesperson and the birthday range in one index.
Index("ix_clients_tenant_salesperson_birthday", Client.tenant_id, Client.salesperson_id, Client.birthday_key)
# Clients with a portal user are a minority: counted and found from this small partial index.
Index("ix_clients_tenant_portal_user", Client.tenant_id, Client.portal_user_id,
      postgresql_where=Client.portal_user_id.is_not(None), sqlite_where=Client.portal_user_id.is_not(None))
# Free text (`LIKE '%word%'`) through trigrams: PostgreSQL only (the migration creates pg_trgm).
Index("ix_clients_search_text_trgm", Client.search_text, postgresql_using="gin",
      postgresql_ops={"search_text": "gin_trgm_ops"})
Index("ix_client_contacts_search_text_trgm", Contact.search_text, postgresql_using="gin",
      postgresql_ops={"search_text": "gin_trgm_ops"})


class ClientPolicyLine(Base):
    """crm's read model of policy: each policy's line, status and end, fed by `policy.policy_saved`
    events, so "has (or lacks) a policy in force of line X" is a local query."""

    __tablename__ = "client_policy_lines"
    # One index serves "has / lacks a line in force" both ways, without reading the table: a probe
    # per client (tenant, line, client) or, for large sets, all of a line's clients in id order;
    # status and end ride along (INCLUDE, PostgreSQL). It also lists the firm's lines.
    __table_args__ = (Index("ix_client_policy_lines_tenant_line_client", "tenant_id", "line", "client_id",
                            postgresql_include=["status", "ends_on"]),)
    policy_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36))
    client_id: Mapped[str] = mapped_column(String(36))
    line: Mapped[str] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(20))
    ends_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # When policy saved what this row holds: an older event arriving late changes nothing.
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SavedFilter(Base):
    """A staff user's named client filter (the list's "saved searches"), theirs alone."""

    __tablename__ = "saved_filters"
    __table_args__ = (UniqueConstraint("tenant_id", "owner_id", "name_key", name="uq_saved_filters_owner_name"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36))
    owner_id: Mapped[str] = mapped_column(String(80))
    name: Mapped[str] = mapped_column(String(80))
    name_key: Mapped[str] = mapped_column(String(80))  # lower case, no accents: unique per owner
    filter: Mapped[dict[str, Any]] = mapped_column(JSON)  # the ClientFilter as proto JSON
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
# --- end client search ---
