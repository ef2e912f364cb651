"""The change history: every change to a client and to what hangs from it (contacts, tasks, and
later files and imports) is recorded here, field by field, with who and when.

Other areas call `record_changes` inside the transaction of their change, with snapshots of the
record before and after (one text per field, as people read it; {} before a creation and after
a deletion): the record and its history are written together or not at all. Staff read a
client's history newest first, in pages.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from clientarea.crm.v1 import crm_pb2 as pb
from clientarea_shared.context import Principal, may_see
from clientarea_shared.db import Database, new_id, utcnow
from clientarea_shared.errors import NotFound
from clientarea_shared.paging import after_id, cut_page, page_limit
from clientarea_shared.permissions import Permission, require
from crm_service.domain.history import diff
from crm_service.models import ChangeRecord
from crm_service.repository import ClientRepository, HistoryRepository

LABEL_MAX = 250


def actor_kind(principal: Principal | None) -> str:
    if principal is None:
        return "system"
    return "staff" if principal.is_staff else "customer" if principal.client_id else "system"


def record_changes(session: Session, *, tenant_id: str, client_id: str, entity: str, entity_id: str,
                   label: str, before: dict[str, str], after: dict[str, str], actor: Principal | None,
                   action: str = "") -> ChangeRecord | None:
    """Record what changed from `before` to `after` (nothing when nothing did). The action is
    "created" from an empty snapshot, "deleted" to one, "updated" otherwise, unless given (e.g.
    "commented"). `actor` None is the platform itself (an import job, an event)."""
    changes = diff(before, after)
    if not changes:
        return None
    record = ChangeRecord(
        id=new_id(), tenant_id=tenant_id, client_id=client_id, entity=entity, entity_id=entity_id,
        entity_label=label[:LABEL_MAX], action=action or ("created" if not before else "deleted" if not after
                                                          else "updated"),
        changes=[{"field": c.field, "old": c.old, "new": c.new} for c in changes],
        actor_id=actor.user_id if actor else "", actor_name=(actor.display_name if actor else "")[:200],
        actor_kind=actor_kind(actor), occurred_at=utcnow(),
    )
    HistoryRepository(session, tenant_id).add(record)
    return record


def record_message(record: ChangeRecord) -> pb.ChangeRecord:
    return pb.ChangeRecord(
        id=record.id, entity=record.entity, entity_id=record.entity_id, entity_label=record.entity_label,
        action=record.action, actor_id=record.actor_id, actor_name=record.actor_name, actor_kind=record.actor_kind,
        occurred_at=record.occurred_at.isoformat(timespec="seconds"),
        changes=[pb.FieldChange(field=c["field"], old_value=c["old"], new_value=c["new"]) for c in record.changes],
    )


def list_history(db: Database, request: pb.ListClientHistoryRequest) -> pb.ListClientHistoryResponse:
    """Staff only: the history shows internal work (tasks) and who on staff did what."""
    principal = require(Permission.CLIENTS_READ)
    limit = page_limit(request.page.limit)
    with db.read() as session:
        if not may_see(principal, request.client_id) or \
                ClientRepository(session, principal.tenant_id).get(request.client_id) is None:
            raise NotFound("Client not found")
        rows = HistoryRepository(session, principal.tenant_id).page(
            request.client_id, after=after_id(request.page), limit=limit)
        items, page = cut_page(rows, limit, key=lambda r: r.id)
        return pb.ListClientHistoryResponse(items=[record_message(r) for r in items], page=page)
