"""Notification's gRPC servicer: the caller's in-app inbox and, for staff, deliveries."""

from __future__ import annotations

import grpc

from clientarea.notification.v1 import notification_pb2 as pb
from clientarea.notification.v1 import notification_pb2_grpc
from clientarea_shared.errors import Invalid
from clientarea_shared.paging import after_id, cut_page, page_limit
from clientarea_shared.permissions import Permission, require
from clientarea_shared.runtime import Runtime
from notification_service.domain import mask_recipient
from notification_service.repository import NotificationRepository

MARK_READ_MAX = 200
CAMPAIGN_STATS_MAX = 200  # campaigns


class NotificationServicer(notification_pb2_grpc.NotificationServiceServicer):
    def __init__(self, runtime: Runtime):
        self.db = runtime.db

    def ListNotifications(self, request, context):  # noqa: ANN001, ANN201
        principal = require(Permission.OWN_ACCOUNT)
        limit = page_limit(request.page.limit)
        with self.db.read() as session:
            inbox = NotificationRepository(session, principal.tenant_id)
            rows = inbox.inbox_page(principal.user_id, after_id(request.page), limit)
            unread = inbox.unread_count(principal.user_id)
        items, page = cut_page(rows, limit, key=lambda n: n.id)
        return pb.ListNotificationsResponse(
            items=[pb.Notification(id=n.id, title=n.title, body=n.body,
                                   created_at=n.created_at.isoformat(), read=n.read_at is not None)
                   for n in items],
            page=page, unread=unread,
        )

    def MarkNotificationsRead(self, request, context):  # noqa: ANN001, ANN201
        principal = require(Permission.OWN_ACCOUNT)
        if not request.all and not request.ids:
            raise Invalid.field("ids", "required", "Say which notices, or all")
        if len(request.ids) > MARK_READ_MAX:
            raise Invalid.field("ids", "too_many", f"At most {MARK_READ_MAX} at a time")
        with self.db.session() as session:
            inbox = NotificationRepository(session, principal.tenant_id)
            inbox.mark_read(principal.user_id, None if request.all else list(request.ids))
            session.flush()
            return pb.MarkNotificationsReadResponse(unread=inbox.unread_count(principal.user_id))

    def ListDeliveries(self, request, context):  # noqa: ANN001, ANN201
        principal = require(Permission.CLIENTS_READ)
        limit = page_limit(request.page.limit)
        with self.db.read() as session:
            rows = NotificationRepository(session, principal.tenant_id).deliveries_page(
                request.event_id, after_id(request.page), limit)
        items, page = cut_page(rows, limit, key=lambda d: d.id)
        return pb.ListDeliveriesResponse(
            items=[pb.Delivery(id=d.id, channel=d.channel, recipient=mask_recipient(d.recipient),
                               template=d.template, status=d.status, attempts=d.attempts,
                               created_at=d.created_at.isoformat(),
                               sent_at=d.sent_at.isoformat() if d.sent_at else "",
                               event_id=d.event_id)
                   for d in items],
            page=page,
        )

    # --- campaigns ---
    def GetCampaignStats(self, request, context):  # noqa: ANN001, ANN201, N802
        """queued = recorded and not sent yet (pending, retrying included)."""
        principal = require(Permission.CAMPAIGNS_MANAGE)
        if len(request.campaign_ids) > CAMPAIGN_STATS_MAX:
            raise Invalid.field("campaign_ids", "too_many", f"At most {CAMPAIGN_STATS_MAX} at a time")
        with self.db.read() as session:
            stats = NotificationRepository(session, principal.tenant_id).campaign_stats(list(request.campaign_ids))
        return pb.GetCampaignStatsResponse(items=[
            pb.CampaignStats(campaign_id=c, queued=stats.get(c, {}).get("pending", 0),
                             sent=stats.get(c, {}).get("sent", 0), failed=stats.get(c, {}).get("failed", 0))
            for c in request.campaign_ids])
    # --- end campaigns ---


def register(server: grpc.Server, runtime: Runtime) -> list[str]:
    notification_pb2_grpc.add_NotificationServiceServicer_to_server(NotificationServicer(runtime), server)
    return [pb.DESCRIPTOR.services_by_name["NotificationService"].full_name]
