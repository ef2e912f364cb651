"""Campaigns in crm: the message rules per channel (shared examples with the web's counter), the
recipients snapshot with who is skipped and why, the launch's batches in the outbox, and every bad
input refused field by field with nothing written; firms apart, customers out."""

from __future__ import annotations

import json
import secrets
from pathlib import Path

import grpc
import pytest
from sqlalchemy import func, select

from clientarea.crm.v1 import campaigns_pb2, campaigns_pb2_grpc, crm_pb2
from clientarea.events.v1.envelope_pb2 import EventEnvelope
from clientarea_shared.errors import Invalid
from clientarea_shared.testing import bearer, field_errors
from crm_service.domain.campaigns import (
    CampaignInput,
    pick_address,
    sample,
    sms_length,
    validate_campaign,
    voice_seconds,
)
from crm_service.models import PLUMBING, Campaign, CampaignRecipient

from .conftest import nif

EXAMPLES = Path(__file__).resolve().parents[3] / "web/src/pages/clients/campaignMeasure.examples.json"


# --- rules (no services) -----------------------------------------------------------------------
@pytest.mark.unit
@pytest.mark.parametrize("example", json.loads(EXAMPLES.read_text())["examples"], ids=lambda e: e["label"])
def test_sms_parts_and_voice_seconds_follow_the_examples_shared_with_the_web(example):
    measured = sms_length(sample(example["text"]))
    assert {"encoding": measured.encoding, "units": measured.units, "segments": measured.segments} == example["sms"]
    assert voice_seconds(sample(example["text"])) == example["voice_seconds"]


@pytest.mark.unit
@pytest.mark.parametrize(("channel", "subject", "body", "errors"), [
    ("fax", "", "Hola", {"channel": "unknown"}),
    ("email", "Asunto", "   ", {"body": "required"}),
    ("email", "", "Hola {nombre}", {"subject": "required"}),
    ("email", "Hola {apellido}", "Hola {nombre} {importe}", {"subject": "unknown_placeholder",
                                                            "body": "unknown_placeholder"}),
    ("email", "Asunto", "x" * 10_001, {"body": "too_long"}),
    ("sms", "", "a" * 460, {"body": "too_long"}),
    ("sms", "", "á" * 202, {"body": "too_long"}),
    ("voice", "", " ".join(["palabra"] * 76), {"body": "too_long"}),
])
def test_a_message_that_breaks_its_channels_rules_is_refused_field_by_field(channel, subject, body, errors):
    with pytest.raises(Invalid) as refused:
        validate_campaign(CampaignInput(name="Renovaciones", channel=channel, subject=subject, body=body))
    assert {e.field: e.code for e in refused.value.errors} == errors


@pytest.mark.unit
def test_the_longest_messages_each_channel_allows_are_accepted():
    assert validate_campaign(CampaignInput("n", "sms", "ignored", "a" * 459)).subject == ""
    assert validate_campaign(CampaignInput("n", "sms", "", "á" * 201))
    assert validate_campaign(CampaignInput("n", "voice", "", " ".join(["palabra"] * 72) + " {nombre}"))
    assert validate_campaign(CampaignInput("n", "email", "Hola {nombre}", "x" * 10_000))


@pytest.mark.unit
def test_each_channel_uses_its_own_address_of_the_client():
    phones = [("home", "+34912345678"), ("work", "+34612345678")]
    assert pick_address("email", "ana@correo.test", phones) == ("ana@correo.test", "")
    assert pick_address("email", "", phones) == ("", "no_email")
    assert pick_address("sms", "", phones) == ("+34612345678", "")  # a mobile by its number, whatever the label
    assert pick_address("sms", "", [("mobile", "+34912345678")]) == ("", "no_mobile")  # a landline called mobile
    assert pick_address("voice", "", phones) == ("+34912345678", "")
    assert pick_address("voice", "", []) == ("", "no_phone")


# --- over gRPC on PostgreSQL -------------------------------------------------------------------
pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def campaigns(platform):
    return platform.stub("crm", campaigns_pb2_grpc.CampaignServiceStub)


def new_client(crm, staff, first_name: str, *, email: str = "", phones: tuple[tuple[str, str], ...] = (),
               locale: str = "es") -> crm_pb2.Client:
    return crm.CreateClient(crm_pb2.CreateClientRequest(
        kind=crm_pb2.CLIENT_KIND_PERSON, first_name=first_name, last_name="Campaña Prueba", tax_id=nif(),
        email=email, phones=[crm_pb2.Phone(label=label, number=number) for label, number in phones],
        locale=locale), metadata=staff)


@pytest.fixture(scope="module")
def audience(crm, staff) -> dict[str, crm_pb2.Client]:
    """Four clients: every address; a landline only; no phone; a mobile labelled work."""
    tag = secrets.token_hex(3)
    return {
        "lucia": new_client(crm, staff, "Lucia", email=f"lucia.{tag}@correo.test", phones=(("mobile", "612345678"),)),
        "jordi": new_client(crm, staff, "Jordi", email=f"jordi.{tag}@correo.test", phones=(("home", "932123456"),),
                            locale="ca"),
        "marta": new_client(crm, staff, "Marta"),
        "pau": new_client(crm, staff, "Pau", phones=(("work", "+34699111222"),)),
    }


def picked(*clients: crm_pb2.Client) -> crm_pb2.ClientSelection:
    return crm_pb2.ClientSelection(client_ids=[c.id for c in clients])


def create(campaigns, staff, selection: crm_pb2.ClientSelection, *, channel: str = "email",
           subject: str = "Novedades para {nombre}", body: str = "Hola {nombre}, le escribimos de la correduría.",
           name: str = "Renovaciones de otoño") -> campaigns_pb2.CampaignDetail:
    return campaigns.CreateCampaign(campaigns_pb2.CreateCampaignRequest(
        name=name, channel=channel, subject=subject, body=body, selection=selection), metadata=staff)


def campaign_count(platform) -> int:
    with platform.services["crm"].runtime.db.read() as session:
        return session.scalar(select(func.count()).select_from(Campaign))


def launched_batches(platform, campaign_id: str) -> list[campaigns_pb2.CampaignBatch]:
    outbox = PLUMBING.outbox
    with platform.services["crm"].runtime.db.read() as session:
        bodies = session.scalars(select(outbox.c.body).where(outbox.c.routing_key == "crm.campaign_launched")
                                 .order_by(outbox.c.id)).all()
    batches = []
    for body in bodies:
        batch = campaigns_pb2.CampaignBatch()
        EventEnvelope.FromString(body).payload.Unpack(batch)
        if batch.campaign_id == campaign_id:
            batches.append(batch)
    return batches


def test_an_email_campaign_snapshots_its_recipients_and_lists_who_has_no_address(campaigns, staff, audience):
    detail = create(campaigns, staff, picked(*audience.values()))
    campaign = detail.campaign
    assert (campaign.status, campaign.channel, campaign.recipient_count, campaign.skipped_count) == ("draft", "email",
                                                                                                       2, 2)
    assert campaign.created_by_name == "Marta Agente" and not campaign.launched_at
    assert sorted((s.display_name, s.reason) for s in detail.skipped) == [
        ("Marta Campaña Prueba", "no_email"), ("Pau Campaña Prueba", "no_email")]
    assert detail.preview.recipient_name == "Jordi Campaña Prueba"  # the first by name
    assert detail.preview.subject == "Novedades para Jordi Campaña Prueba"
    assert detail.preview.body == "Hola Jordi Campaña Prueba, le escribimos de la correduría."
    assert campaigns.GetCampaign(campaigns_pb2.GetCampaignRequest(id=campaign.id), metadata=staff) == detail


def test_an_sms_goes_to_mobile_numbers_and_a_voice_call_to_any_phone(campaigns, staff, audience):
    sms = create(campaigns, staff, picked(*audience.values()), channel="sms", subject="",
                 body="Hola {nombre}: su recibo ya se puede pagar.")
    assert (sms.campaign.recipient_count, sms.campaign.subject) == (2, "")  # Lucía's and Pau's mobiles
    assert sorted((s.display_name, s.reason) for s in sms.skipped) == [
        ("Jordi Campaña Prueba", "no_mobile"), ("Marta Campaña Prueba", "no_mobile")]
    voice = create(campaigns, staff, picked(*audience.values()), channel="voice", subject="",
                   body="Hola {nombre}, le llamamos de la correduría.")
    assert voice.campaign.recipient_count == 3
    assert [(s.display_name, s.reason) for s in voice.skipped] == [("Marta Campaña Prueba", "no_phone")]
    assert voice.preview.address == "+34932123456"  # Jordi's landline takes a call


def test_a_recipient_whose_name_makes_the_sms_too_long_is_skipped(crm, campaigns, staff):
    # 440 GSM-7 characters leave room for a sample name; this name's accents turn it into UCS-2.
    long_named = new_client(crm, staff, "Ángela", phones=(("mobile", "611222333"),))
    plain = new_client(crm, staff, "Ana", phones=(("mobile", "611222334"),))
    detail = create(campaigns, staff, picked(long_named, plain), channel="sms", subject="",
                    body="{nombre} " + "a" * 420)
    assert detail.campaign.recipient_count == 1
    assert [(s.display_name, s.reason) for s in detail.skipped] == [("Ángela Campaña Prueba", "too_long")]


def test_launching_puts_the_recipients_in_the_outbox_once(platform, campaigns, staff, audience):
    detail = create(campaigns, staff, picked(*audience.values()), channel="voice", subject="",
                    body="Hola {nombre}, le llamamos de la correduría.")
    launched = campaigns.LaunchCampaign(campaigns_pb2.LaunchCampaignRequest(id=detail.campaign.id), metadata=staff)
    assert launched.status == "launched" and launched.launched_at

    [batch] = launched_batches(platform, detail.campaign.id)
    assert (batch.channel, batch.body, batch.batch, batch.batches) == (
        "voice", "Hola {nombre}, le llamamos de la correduría.", 1, 1)
    assert sorted((r.name, r.locale, r.address) for r in batch.recipients) == [
        ("Jordi Campaña Prueba", "ca", "+34932123456"), ("Lucia Campaña Prueba", "es", "+34612345678"),
        ("Pau Campaña Prueba", "es", "+34699111222")]

    with pytest.raises(grpc.RpcError) as again:
        campaigns.LaunchCampaign(campaigns_pb2.LaunchCampaignRequest(id=detail.campaign.id), metadata=staff)
    assert again.value.code() == grpc.StatusCode.ALREADY_EXISTS
    assert len(launched_batches(platform, detail.campaign.id)) == 1


def test_a_large_campaign_is_launched_in_batches_of_at_most_five_hundred(platform, campaigns, staff, audience):
    detail = create(campaigns, staff, picked(audience["lucia"]))
    # 1,200 more recipients written straight into the snapshot: creating that many clients over
    # gRPC would only make the test slow.
    with platform.services["crm"].runtime.db.session() as session:
        session.add_all(CampaignRecipient(campaign_id=detail.campaign.id, client_id=f"bulk-{n:04d}",
                                          tenant_id=session.get(Campaign, detail.campaign.id).tenant_id,
                                          name=f"Cliente {n}", locale="es", address=f"c{n}@correo.test", skipped="")
                        for n in range(1200))
        session.get(Campaign, detail.campaign.id).recipient_count = 1201

    campaigns.LaunchCampaign(campaigns_pb2.LaunchCampaignRequest(id=detail.campaign.id), metadata=staff)

    batches = launched_batches(platform, detail.campaign.id)
    assert [(b.batch, b.batches, len(b.recipients)) for b in batches] == [(1, 3, 500), (2, 3, 500), (3, 3, 201)]
    assert len({r.client_id for b in batches for r in b.recipients}) == 1201


@pytest.mark.parametrize(("fields", "errors"), [
    ({"channel": "fax"}, {"channel": "unknown"}),
    ({"body": ""}, {"body": "required"}),
    ({"channel": "sms", "subject": "", "body": "a" * 460}, {"body": "too_long"}),
    ({"channel": "voice", "subject": "", "body": " ".join(["palabra"] * 80)}, {"body": "too_long"}),
    ({"subject": ""}, {"subject": "required"}),
    ({"body": "Hola {nombre}, su {poliza}"}, {"body": "unknown_placeholder"}),
    ({"name": ""}, {"name": "required"}),
])
def test_bad_campaigns_are_field_errors_and_nothing_is_written(platform, campaigns, staff, audience, fields, errors):
    before = campaign_count(platform)
    with pytest.raises(grpc.RpcError) as refused:
        create(campaigns, staff, picked(audience["lucia"]), **fields)
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field_errors(refused.value) == errors
    assert campaign_count(platform) == before


def test_a_selection_matching_nobody_is_refused_and_nothing_is_written(platform, campaigns, staff):
    before = campaign_count(platform)
    for selection in (crm_pb2.ClientSelection(client_ids=["no-such-client"]),
                      crm_pb2.ClientSelection(filter=crm_pb2.ClientFilter(q=f"nadie-{secrets.token_hex(6)}"))):
        with pytest.raises(grpc.RpcError) as refused:
            create(campaigns, staff, selection)
        assert field_errors(refused.value) == {"selection": "empty"}
    with pytest.raises(grpc.RpcError) as bad_filter:
        create(campaigns, staff, crm_pb2.ClientSelection(filter=crm_pb2.ClientFilter(
            birthday_from="2026-13-45", birthday_to="2026-12-31")))
    assert "filter.birthday_from" in field_errors(bad_filter.value)  # the search's own errors
    assert campaign_count(platform) == before


def test_a_campaign_nobody_can_receive_is_kept_as_a_draft_and_cannot_be_launched(campaigns, staff, audience):
    detail = create(campaigns, staff, picked(audience["marta"]))
    assert (detail.campaign.recipient_count, detail.campaign.skipped_count) == (0, 1)
    assert not detail.HasField("preview")
    with pytest.raises(grpc.RpcError) as refused:
        campaigns.LaunchCampaign(campaigns_pb2.LaunchCampaignRequest(id=detail.campaign.id), metadata=staff)
    assert refused.value.code() == grpc.StatusCode.ALREADY_EXISTS and "reaches nobody" in refused.value.details()


def test_another_firms_staff_neither_see_nor_launch_this_firms_campaigns(platform, campaigns, staff, audience,
                                                                         other_tenant):
    detail = create(campaigns, staff, picked(audience["lucia"]))
    other = bearer(platform.login(other_tenant["agent"], other_tenant["password"], other_tenant["slug"]))
    for call, request in ((campaigns.GetCampaign, campaigns_pb2.GetCampaignRequest(id=detail.campaign.id)),
                          (campaigns.LaunchCampaign, campaigns_pb2.LaunchCampaignRequest(id=detail.campaign.id))):
        with pytest.raises(grpc.RpcError) as hidden:
            call(request, metadata=other)
        assert hidden.value.code() == grpc.StatusCode.NOT_FOUND
    assert detail.campaign.id not in {c.id for c in campaigns.ListCampaigns(
        campaigns_pb2.ListCampaignsRequest(), metadata=other).items}
    # Another firm's clients picked by id simply are not there.
    with pytest.raises(grpc.RpcError) as refused:
        create(campaigns, other, picked(audience["lucia"]))
    assert field_errors(refused.value) == {"selection": "empty"}


def test_the_list_is_newest_first_in_cursor_pages(campaigns, staff, audience):
    made = [create(campaigns, staff, picked(audience["lucia"]), name=f"Lista {n}").campaign.id for n in range(3)]
    first = campaigns.ListCampaigns(campaigns_pb2.ListCampaignsRequest(page={"limit": 2}), metadata=staff)
    assert [c.id for c in first.items] == made[::-1][:2] and first.page.next_cursor
    rest = campaigns.ListCampaigns(campaigns_pb2.ListCampaignsRequest(page={"limit": 2,
                                                                            "cursor": first.page.next_cursor}),
                                   metadata=staff)
    assert rest.items[0].id == made[0]


def test_customers_have_no_campaigns(campaigns, customer_token, audience):
    with pytest.raises(grpc.RpcError) as refused:
        campaigns.ListCampaigns(campaigns_pb2.ListCampaignsRequest(), metadata=bearer(customer_token))
    assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED
    with pytest.raises(grpc.RpcError):
        create(campaigns, bearer(customer_token), picked(audience["lucia"]))
