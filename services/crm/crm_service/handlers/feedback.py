"""The feedback box (seed 003, "Danos tu opinión"): customers and quick-access visitors rate the
portal from 1 to 5 with an optional comment, from any page; the firm's staff list the entries with
filters and the average rating."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from clientarea.common.v1 import common_pb2
from clientarea.crm.v1 import support_pb2 as pb
from clientarea_shared.context import QUICK_ACCESS
from clientarea_shared.db import new_id, utcnow
from clientarea_shared.errors import FieldError, TooManyRequests
from clientarea_shared.paging import after_id, cut_page, page_limit
from clientarea_shared.permissions import Permission, require
from clientarea_shared.runtime import Runtime
from crm_service.domain.content import FIRM_ZONE, clean_text
from crm_service.domain.support import FEEDBACK_PER_HOUR, feedback_page, feedback_problems, raise_if
from crm_service.models import FeedbackEntry
from crm_service.support_repository import FeedbackRepository, SupportRepository


def entry_message(entry: FeedbackEntry, client_name: str) -> pb.FeedbackEntry:
    return pb.FeedbackEntry(
        id=entry.id, rating=entry.rating, comment=entry.comment, page=entry.page, author_kind=entry.author_kind,
        author_name=entry.author_name, client_id=entry.client_id or "", client_name=client_name,
        created_at=entry.created_at.isoformat(timespec="seconds"))


def give(runtime: Runtime, request: pb.GiveFeedbackRequest) -> pb.FeedbackEntry:
    principal = require(Permission.FEEDBACK_GIVE)
    comment = clean_text(request.comment)
    raise_if(feedback_problems(request.rating, comment))
    now = utcnow()
    with runtime.db.session() as session:
        repo = FeedbackRepository(session, principal.tenant_id)
        if repo.given_since(principal.user_id[:80], now - timedelta(hours=1)) >= FEEDBACK_PER_HOUR:
            raise TooManyRequests("Thank you: you have already told us a lot this hour", "feedback_throttled",
                                  retry_after_seconds=3600)
        entry = repo.add(FeedbackEntry(
            id=new_id(), tenant_id=principal.tenant_id, rating=request.rating, comment=comment,
            page=feedback_page(request.page),
            author_kind="quick_access" if QUICK_ACCESS in principal.roles else "customer",
            author_id=principal.user_id[:80], author_name=principal.display_name[:200],
            client_id=principal.client_id or None, created_at=now))
        return entry_message(entry, "")


def _day(field: str, raw: str, errors: list[FieldError]) -> date | None:
    if not raw.strip():
        return None
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        errors.append(FieldError(field, "invalid", "Write the date as YYYY-MM-DD"))
        return None


def _start_of(day: date | None) -> datetime | None:
    """Midnight of the day in the firm's zone: staff ask for "since 1 March" as they live it."""
    return datetime.combine(day, time.min, tzinfo=FIRM_ZONE) if day else None


def date_range(since: str, until: str) -> tuple[datetime | None, datetime | None]:
    """[since's midnight, the day after until's midnight), or Invalid for a bad or impossible range."""
    errors: list[FieldError] = []
    first, last = _day("since", since, errors), _day("until", until, errors)
    if first and last and last < first:
        errors.append(FieldError("until", "before_since", "The end date is before the start date"))
    raise_if(errors)
    return _start_of(first), _start_of(last + timedelta(days=1)) if last else None


def list_entries(runtime: Runtime, request: pb.ListFeedbackRequest) -> pb.ListFeedbackResponse:
    principal = require(Permission.FEEDBACK_READ)
    if request.rating and not 1 <= request.rating <= 5:
        raise_if([FieldError("rating", "out_of_range", "Choose from 1 to 5 stars")])
    since, until = date_range(request.since, request.until)
    limit = page_limit(request.page.limit)
    with runtime.db.read() as session:
        repo = FeedbackRepository(session, principal.tenant_id)
        rows = repo.page(rating=request.rating, since=since, until=until, after=after_id(request.page), limit=limit)
        average, total = repo.summary(rating=request.rating, since=since, until=until)
        items, page = cut_page(rows, limit, key=lambda e: e.id)
        names = SupportRepository(session, principal.tenant_id).client_names(
            [e.client_id for e in items if e.client_id])
    return pb.ListFeedbackResponse(
        items=[entry_message(e, names.get(e.client_id or "", "")) for e in items],
        page=common_pb2.PageInfo(next_cursor=page.next_cursor), average_rating=round(average, 2), total=total)
