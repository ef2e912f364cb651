"""Campaigns (staff with `campaigns:manage`): an e-mail, SMS or 30-second voice message to a
selection of the firm's clients. crm keeps the campaign and its recipients; notification sends it
and counts its deliveries, shown here beside crm's figures. The message rules (SMS parts, voice
seconds, placeholders) are crm's: see docs/crm.md, "Campaigns"."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from clientarea.common.v1 import common_pb2
from clientarea.crm.v1 import campaigns_pb2, campaigns_pb2_grpc
from clientarea.notification.v1 import notification_pb2
from clientarea_shared.errors import DomainError
from gateway.api import operation
from gateway.routes.client_filter import SelectionIn
from gateway.services import call, services


class CampaignIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(default="", max_length=200)
    channel: str = Field(default="", max_length=20, description="email | sms | voice")
    subject: str = Field(default="", max_length=400, description="E-mail only; may hold {nombre}")
    body: str = Field(default="", max_length=20_000,
                      description="May hold {nombre}. SMS: at most 3 parts; voice: about 30 seconds "
                                  "(75 words); e-mail: at most 10,000 characters")
    selection: SelectionIn = Field(default_factory=SelectionIn,
                                   description="The clients picked, or all that match the filter")


class ListQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    cursor: str = Field(default="", max_length=200)
    limit: int = Field(default=25, ge=1, le=100)


class StatsOut(BaseModel):
    queued: int = Field(description="Recorded by notification, not sent yet (retries included)")
    sent: int
    failed: int


class CampaignOut(BaseModel):
    id: str
    name: str
    channel: str = Field(description="email | sms | voice")
    subject: str
    body: str
    status: str = Field(description="draft | launched")
    recipient_count: int
    skipped_count: int
    created_by_id: str
    created_by_name: str
    created_at: str
    launched_at: str | None
    stats: StatsOut | None = Field(description="notification's count of deliveries; null when it did not answer")


class SkippedOut(BaseModel):
    client_id: str
    display_name: str
    reason: str = Field(description="no_email | no_mobile | no_phone | too_long")


class PreviewOut(BaseModel):
    recipient_name: str
    address: str
    subject: str
    body: str


class CampaignDetailOut(CampaignOut):
    skipped: list[SkippedOut] = Field(description="At most 200; skipped_count has them all")
    preview: PreviewOut | None = Field(description="The first recipient's message; null without recipients")


class CampaignPage(BaseModel):
    items: list[CampaignOut]
    next_cursor: str | None


def _crm() -> campaigns_pb2_grpc.CampaignServiceStub:
    return campaigns_pb2_grpc.CampaignServiceStub(services().channels.get("crm"))


def _stats(campaign_ids: list[str]) -> dict[str, StatsOut]:
    """notification's counts; none when it fails (the list still shows crm's figures)."""
    if not campaign_ids:
        return {}
    try:
        answer = call(services().notification.GetCampaignStats,
                      notification_pb2.GetCampaignStatsRequest(campaign_ids=campaign_ids))
    except DomainError:
        return {}
    return {s.campaign_id: StatsOut(queued=s.queued, sent=s.sent, failed=s.failed) for s in answer.items}


def _fields(campaign: campaigns_pb2.Campaign, stats: StatsOut | None) -> dict:
    return dict(
        id=campaign.id, name=campaign.name, channel=campaign.channel, subject=campaign.subject, body=campaign.body,
        status=campaign.status, recipient_count=campaign.recipient_count, skipped_count=campaign.skipped_count,
        created_by_id=campaign.created_by_id, created_by_name=campaign.created_by_name,
        created_at=campaign.created_at, launched_at=campaign.launched_at or None, stats=stats)


def _detail(answer: campaigns_pb2.CampaignDetail, *, with_stats: bool) -> CampaignDetailOut:
    stats = _stats([answer.campaign.id]).get(answer.campaign.id) if with_stats else None
    preview = answer.preview if answer.HasField("preview") else None
    return CampaignDetailOut(
        **_fields(answer.campaign, stats),
        skipped=[SkippedOut(client_id=s.client_id, display_name=s.display_name, reason=s.reason)
                 for s in answer.skipped],
        preview=PreviewOut(recipient_name=preview.recipient_name, address=preview.address, subject=preview.subject,
                           body=preview.body) if preview else None)


@operation("/campaigns", "POST", summary="Create a campaign draft for a selection of clients (staff)",
           tag="campaigns", body=CampaignIn, response=CampaignDetailOut, status=201, errors=(403,))
def create_campaign(body: CampaignIn):  # noqa: ANN201
    answer = call(_crm().CreateCampaign, campaigns_pb2.CreateCampaignRequest(
        name=body.name, channel=body.channel, subject=body.subject, body=body.body,
        selection=body.selection.message()))
    return _detail(answer, with_stats=False)


@operation("/campaigns/{campaign_id}/launch", "POST", summary="Launch a campaign: notification sends it (staff)",
           tag="campaigns", response=CampaignOut, errors=(403, 404, 409))
def launch_campaign(campaign_id: str):  # noqa: ANN201
    campaign = call(_crm().LaunchCampaign, campaigns_pb2.LaunchCampaignRequest(id=campaign_id))
    return CampaignOut(**_fields(campaign, StatsOut(queued=0, sent=0, failed=0)))


@operation("/campaigns", "GET", summary="The firm's campaigns, newest first, with their delivery counts (staff)",
           tag="campaigns", query=ListQuery, response=CampaignPage, errors=(403,))
def list_campaigns(query: ListQuery):  # noqa: ANN201
    answer = call(_crm().ListCampaigns, campaigns_pb2.ListCampaignsRequest(
        page=common_pb2.PageRequest(cursor=query.cursor, limit=query.limit)))
    stats = _stats([c.id for c in answer.items if c.status == "launched"])
    zero = StatsOut(queued=0, sent=0, failed=0)
    return CampaignPage(
        items=[CampaignOut(**_fields(c, stats.get(c.id) if c.status == "launched" else zero)) for c in answer.items],
        next_cursor=answer.page.next_cursor or None)


@operation("/campaigns/{campaign_id}", "GET", summary="One campaign with its counts and skipped clients (staff)",
           tag="campaigns", response=CampaignDetailOut, errors=(403, 404))
def get_campaign(campaign_id: str):  # noqa: ANN201
    return _detail(call(_crm().GetCampaign, campaigns_pb2.GetCampaignRequest(id=campaign_id)), with_stats=True)
