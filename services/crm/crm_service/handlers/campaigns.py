"""Campaigns: an e-mail, SMS or 30-second voice message to a selection of the firm's clients.

Creating one validates the message (domain/campaigns.py) and resolves the selection at once into a
snapshot of recipients (`campaign_recipients`): later edits of the clients do not change who a
draft reaches. Clients without an address for the channel are kept as skipped, with the reason.
Launching publishes the recipients to notification as `crm.campaign_launched` events of at most
BATCH_SIZE each, in the launch's transaction (outbox); notification sends and counts them.
Staff with `campaigns:manage` only; another firm's campaign is NOT_FOUND.

The virtual assistant's alert switches do not gate campaigns: they are about the assistant's
collection and renewal reminders (and are off until someone turns them on), not consent to the
firm's messages. Staff who want only clients with alerts on say so in the selection's filter.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import islice

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, selectinload

from clientarea.crm.v1 import campaigns_pb2 as pb
from clientarea.crm.v1 import crm_pb2
from clientarea_shared.db import new_id, utcnow
from clientarea_shared.errors import Conflict, Invalid, NotFound
from clientarea_shared.events import record_event
from clientarea_shared.paging import after_id, cut_page, keyset_page, page_limit
from clientarea_shared.permissions import Permission, require
from clientarea_shared.runtime import Runtime
from crm_service.domain.campaigns import CampaignInput, fill, pick_address, rendered_too_long, validate_campaign
from crm_service.models import PLUMBING, Campaign, CampaignRecipient, Client
from crm_service.search_repository import selected_clients

EVENT_TYPE = "crm.campaign_launched"
BATCH_SIZE = 500
SKIPPED_SHOWN = 200
_INSERT_CHUNK = 1000


def campaign_message(campaign: Campaign) -> pb.Campaign:
    return pb.Campaign(
        id=campaign.id, name=campaign.name, channel=campaign.channel, subject=campaign.subject, body=campaign.body,
        status=campaign.status, recipient_count=campaign.recipient_count, skipped_count=campaign.skipped_count,
        created_by_id=campaign.created_by_id, created_by_name=campaign.created_by_name,
        created_at=campaign.created_at.isoformat(timespec="seconds"),
        launched_at=campaign.launched_at.isoformat(timespec="seconds") if campaign.launched_at else "")


def _get(session: Session, tenant_id: str, campaign_id: str, *, for_update: bool = False) -> Campaign:
    query = select(Campaign).where(Campaign.tenant_id == tenant_id, Campaign.id == campaign_id)
    campaign = session.scalars(query.with_for_update() if for_update else query).first()
    if campaign is None:
        raise NotFound("Campaign not found")
    return campaign


def _detail(session: Session, campaign: Campaign) -> pb.CampaignDetail:
    skipped = session.scalars(
        select(CampaignRecipient).where(CampaignRecipient.campaign_id == campaign.id, CampaignRecipient.skipped != "")
        .order_by(CampaignRecipient.name, CampaignRecipient.client_id).limit(SKIPPED_SHOWN))
    first = session.scalars(
        select(CampaignRecipient).where(CampaignRecipient.campaign_id == campaign.id, CampaignRecipient.skipped == "")
        .order_by(CampaignRecipient.name, CampaignRecipient.client_id).limit(1)).first()
    detail = pb.CampaignDetail(
        campaign=campaign_message(campaign),
        skipped=[pb.SkippedRecipient(client_id=r.client_id, display_name=r.name, reason=r.skipped) for r in skipped])
    if first is not None:
        detail.preview.CopyFrom(pb.CampaignPreview(
            recipient_name=first.name, address=first.address, subject=fill(campaign.subject, name=first.name),
            body=fill(campaign.body, name=first.name)))
    return detail


def _recipient_rows(session: Session, tenant_id: str, campaign: Campaign,
                    selection: crm_pb2.ClientSelection) -> Iterator[dict[str, str]]:
    """One row per selected client: its address for the channel, or why it is skipped."""
    query = selected_clients(session, tenant_id, selection, today=date.today())
    clients = session.scalars(query.options(selectinload(Client.phones)).execution_options(yield_per=_INSERT_CHUNK))
    for client in clients:
        address, skipped = pick_address(campaign.channel, client.email, [(p.label, p.number) for p in client.phones])
        if not skipped and rendered_too_long(campaign.channel, campaign.body, client.display_name):
            address, skipped = "", "too_long"
        yield {"campaign_id": campaign.id, "client_id": client.id, "tenant_id": tenant_id,
               "name": client.display_name[:250], "locale": client.locale or "es", "address": address,
               "skipped": skipped}


def _snapshot(session: Session, tenant_id: str, campaign: Campaign, selection: crm_pb2.ClientSelection) -> None:
    # Read in full before the inserts, so the selection's cursor is closed when they run.
    rows = list(_recipient_rows(session, tenant_id, campaign, selection))
    if not rows:
        raise Invalid.field("selection", "empty", "No client matches the selection")
    for start in range(0, len(rows), _INSERT_CHUNK):
        session.execute(insert(CampaignRecipient), rows[start:start + _INSERT_CHUNK])
    campaign.recipient_count = sum(1 for r in rows if not r["skipped"])
    campaign.skipped_count = len(rows) - campaign.recipient_count


def create(runtime: Runtime, request: pb.CreateCampaignRequest) -> pb.CampaignDetail:
    principal = require(Permission.CAMPAIGNS_MANAGE)
    data = validate_campaign(CampaignInput(name=request.name, channel=request.channel, subject=request.subject,
                                           body=request.body))
    with runtime.db.session() as session:
        campaign = Campaign(
            id=new_id(), tenant_id=principal.tenant_id, name=data.name, channel=data.channel, subject=data.subject,
            body=data.body, status="draft", recipient_count=0, skipped_count=0,
            created_by_id=principal.user_id[:80], created_by_name=principal.display_name[:200], created_at=utcnow())
        session.add(campaign)
        session.flush()
        _snapshot(session, principal.tenant_id, campaign, request.selection)
        return _detail(session, campaign)


def _batches(session: Session, campaign: Campaign) -> Iterator[list[CampaignRecipient]]:
    recipients = iter(session.scalars(
        select(CampaignRecipient).where(CampaignRecipient.campaign_id == campaign.id, CampaignRecipient.skipped == "")
        .order_by(CampaignRecipient.client_id)))
    while batch := list(islice(recipients, BATCH_SIZE)):
        yield batch


def launch(runtime: Runtime, request: pb.LaunchCampaignRequest) -> pb.Campaign:
    principal = require(Permission.CAMPAIGNS_MANAGE)
    with runtime.db.session() as session:
        # Locked: two launches at once would otherwise both see a draft and send twice.
        campaign = _get(session, principal.tenant_id, request.id, for_update=runtime.db.is_postgres)
        if campaign.status != "draft":
            raise Conflict("This campaign has already been launched", "already_launched")
        if not campaign.recipient_count:
            raise Conflict("This campaign reaches nobody", "no_recipients")
        count = -(-campaign.recipient_count // BATCH_SIZE)
        for number, batch in enumerate(_batches(session, campaign), start=1):
            record_event(session, PLUMBING, source="crm", tenant_id=principal.tenant_id, event_type=EVENT_TYPE,
                         payload=pb.CampaignBatch(
                             campaign_id=campaign.id, channel=campaign.channel, subject=campaign.subject,
                             body=campaign.body, batch=number, batches=count,
                             recipients=[pb.CampaignRecipient(client_id=r.client_id, name=r.name, locale=r.locale,
                                                              address=r.address) for r in batch]))
        campaign.status, campaign.launched_at = "launched", utcnow()
        return campaign_message(campaign)


def get(runtime: Runtime, request: pb.GetCampaignRequest) -> pb.CampaignDetail:
    principal = require(Permission.CAMPAIGNS_MANAGE)
    with runtime.db.read() as session:
        return _detail(session, _get(session, principal.tenant_id, request.id))


def list_campaigns(runtime: Runtime, request: pb.ListCampaignsRequest) -> pb.ListCampaignsResponse:
    principal = require(Permission.CAMPAIGNS_MANAGE)
    limit = page_limit(request.page.limit)
    with runtime.db.read() as session:
        rows = keyset_page(session, select(Campaign).where(Campaign.tenant_id == principal.tenant_id), Campaign.id,
                           after_id(request.page), limit, newest_first=True)
        items, page = cut_page(rows, limit, key=lambda c: c.id)
        return pb.ListCampaignsResponse(items=[campaign_message(c) for c in items], page=page)
