"""Queries of support tickets, their conversation and attachments, staff contacts and the feedback
box; always scoped to one tenant (and, for a customer, to their client)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from crm_service.models import (
    Client,
    FeedbackEntry,
    SupportAttachment,
    SupportMessage,
    SupportStaffContact,
    SupportTicket,
)


@dataclass(frozen=True)
class TicketFilter:
    client_id: str = ""  # a customer's always; staff's optional
    statuses: tuple[str, ...] = ()
    type: str = ""
    assignee_id: str | None = None  # "" for unassigned; None for any
    visible_kinds: tuple[str, ...] = ("message",)  # what the reader's message counts include


class SupportRepository:
    def __init__(self, session: Session, tenant_id: str):
        self.session = session
        self.tenant_id = tenant_id

    # --- tickets ---
    def ticket(self, ticket_id: str, *, client_id: str = "", for_update: bool = False) -> SupportTicket | None:
        """The ticket, if it is of the tenant (and of `client_id` when given: a customer's)."""
        query = select(SupportTicket).where(SupportTicket.tenant_id == self.tenant_id, SupportTicket.id == ticket_id)
        if client_id:
            query = query.where(SupportTicket.client_id == client_id)
        if for_update:
            query = query.with_for_update()
        return self.session.scalars(query).first()

    def next_number(self) -> int:
        """The firm's next ticket number; a concurrent opening may take it too, and the unique
        constraint makes the later one try again."""
        highest = self.session.scalar(
            select(func.max(SupportTicket.number)).where(SupportTicket.tenant_id == self.tenant_id))
        return (highest or 0) + 1

    def page(self, where: TicketFilter, *, after: tuple[datetime, str] | None, limit: int) -> list[SupportTicket]:
        """Most recent activity first, resuming after the (last_message_at, id) of the cursor."""
        query = select(SupportTicket).where(SupportTicket.tenant_id == self.tenant_id)
        if where.client_id:
            query = query.where(SupportTicket.client_id == where.client_id)
        if where.statuses:
            query = query.where(SupportTicket.status.in_(where.statuses))
        if where.type:
            query = query.where(SupportTicket.type == where.type)
        if where.assignee_id is not None:
            query = query.where(SupportTicket.assignee_id == where.assignee_id if where.assignee_id
                                else SupportTicket.assignee_id.is_(None))
        if after is not None:
            query = query.where(or_(SupportTicket.last_message_at < after[0],
                                    and_(SupportTicket.last_message_at == after[0], SupportTicket.id < after[1])))
        order = (SupportTicket.last_message_at.desc(), SupportTicket.id.desc())
        return list(self.session.scalars(query.order_by(*order).limit(limit + 1)))

    def client_names(self, client_ids: Sequence[str]) -> dict[str, str]:
        if not client_ids:
            return {}
        rows = self.session.execute(select(Client.id, Client.display_name).where(
            Client.tenant_id == self.tenant_id, Client.id.in_(set(client_ids))))
        return {row.id: row.display_name for row in rows}

    def client_exists(self, client_id: str) -> bool:
        return self.session.scalar(select(Client.id).where(
            Client.tenant_id == self.tenant_id, Client.id == client_id)) is not None

    def message_counts(self, ticket_ids: Sequence[str], kinds: tuple[str, ...]) -> dict[str, int]:
        if not ticket_ids:
            return {}
        rows = self.session.execute(
            select(SupportMessage.ticket_id, func.count()).where(
                SupportMessage.tenant_id == self.tenant_id, SupportMessage.ticket_id.in_(ticket_ids),
                SupportMessage.kind.in_(kinds)).group_by(SupportMessage.ticket_id))
        return {ticket_id: count for ticket_id, count in rows}

    # --- conversation ---
    def messages(self, ticket_id: str, kinds: tuple[str, ...]) -> list[SupportMessage]:
        return list(self.session.scalars(select(SupportMessage).where(
            SupportMessage.tenant_id == self.tenant_id, SupportMessage.ticket_id == ticket_id,
            SupportMessage.kind.in_(kinds)).order_by(SupportMessage.created_at, SupportMessage.id)))

    def attachments(self, ticket_id: str) -> list[SupportAttachment]:
        return list(self.session.scalars(select(SupportAttachment).where(
            SupportAttachment.tenant_id == self.tenant_id, SupportAttachment.ticket_id == ticket_id)
            .order_by(SupportAttachment.id)))

    def attachment(self, ticket_id: str, attachment_id: str, kinds: tuple[str, ...]) -> SupportAttachment | None:
        """The attachment of a message the reader may see (a customer: not an internal note's)."""
        return self.session.scalars(
            select(SupportAttachment).join(SupportMessage, and_(
                SupportMessage.id == SupportAttachment.message_id, SupportMessage.tenant_id == self.tenant_id))
            .where(SupportAttachment.tenant_id == self.tenant_id, SupportAttachment.ticket_id == ticket_id,
                   SupportAttachment.id == attachment_id, SupportMessage.kind.in_(kinds))).first()

    # --- staff contacts ---
    def staff_contact(self, user_id: str) -> SupportStaffContact | None:
        return self.session.get(SupportStaffContact, (self.tenant_id, user_id))

    def remember_staff(self, user_id: str, *, display_name: str, email: str, locale: str, now: datetime) -> None:
        contact = self.staff_contact(user_id)
        if contact is None:
            contact = SupportStaffContact(tenant_id=self.tenant_id, user_id=user_id)
            self.session.add(contact)
        contact.display_name, contact.email, contact.locale, contact.updated_at = display_name, email, locale, now


class FeedbackRepository:
    def __init__(self, session: Session, tenant_id: str):
        self.session = session
        self.tenant_id = tenant_id

    def add(self, entry: FeedbackEntry) -> FeedbackEntry:
        self.session.add(entry)
        self.session.flush()
        return entry

    def given_since(self, author_id: str, since: datetime) -> int:
        return self.session.scalar(select(func.count()).select_from(FeedbackEntry).where(
            FeedbackEntry.tenant_id == self.tenant_id, FeedbackEntry.author_id == author_id,
            FeedbackEntry.created_at >= since)) or 0

    def _filtered(self, query, rating: int, since: datetime | None, until: datetime | None):  # noqa: ANN001, ANN202
        query = query.where(FeedbackEntry.tenant_id == self.tenant_id)
        if rating:
            query = query.where(FeedbackEntry.rating == rating)
        if since is not None:
            query = query.where(FeedbackEntry.created_at >= since)
        if until is not None:
            query = query.where(FeedbackEntry.created_at < until)
        return query

    def page(self, *, rating: int, since: datetime | None, until: datetime | None, after: str | None,
             limit: int) -> list[FeedbackEntry]:
        """Newest first (ids are UUIDv7: creation order), resuming after the cursor's id."""
        query = self._filtered(select(FeedbackEntry), rating, since, until)
        if after:
            query = query.where(FeedbackEntry.id < after)
        return list(self.session.scalars(query.order_by(FeedbackEntry.id.desc()).limit(limit + 1)))

    def summary(self, *, rating: int, since: datetime | None, until: datetime | None) -> tuple[float, int]:
        """(average rating, number of entries) over everything the filters match."""
        row = self.session.execute(self._filtered(
            select(func.avg(FeedbackEntry.rating), func.count()), rating, since, until)).one()
        return float(row[0] or 0.0), int(row[1] or 0)
