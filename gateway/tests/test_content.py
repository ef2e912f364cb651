"""The firm's content end to end through the gateway on the in-process platform: the content editor
(news, support materials, advantage programme: create, change, publish, unpublish, delete) and what
each reader sees. Customers read all three; quick-access visitors only the news; another firm
nothing; bad files and bad fields are field errors with nothing written."""

from __future__ import annotations

import io
import secrets
from datetime import date, timedelta

import grpc
import pytest

from clientarea.crm.v1 import content_pb2, content_pb2_grpc
from clientarea_shared import demo
from clientarea_shared.testing import bearer

from .test_quick_access import quick_access
from .test_support import PDF, PNG, WINDOWS_EXE, files_on_disk, signed_in

pytestmark = pytest.mark.integration

TODAY = date.today()


def add_material(http, staff, *, published: bool, name: str = "guia.pdf", content: bytes = PDF, **fields):
    form = {"title": f"Guía {secrets.token_hex(3)}", "description": "Paso a paso.", "category": "Guías",
            "published": "true" if published else "false", **fields}
    return http.post("/api/v1/materials", headers=staff, content_type="multipart/form-data",
                     data={**form, "file": (io.BytesIO(content), name)})


def add_offer(http, staff, *, starts: date, ends: date | None, published: bool = True, image=None, **fields):
    form = {"title": f"Oferta {secrets.token_hex(3)}", "description": "Para clientes.",
            "valid_from": starts.isoformat(), "valid_until": ends.isoformat() if ends else "",
            "published": "true" if published else "false", **fields}
    if image:
        form["image"] = (io.BytesIO(image[1]), image[0])
    return http.post("/api/v1/advantages", headers=staff, content_type="multipart/form-data", data=form)


def ids(answer) -> set[str]:
    assert answer.status_code == 200, answer.json
    return {item["id"] for item in answer.json["items"]}


def quick_access_headers(http) -> dict:
    answer = quick_access(http, demo.QUICK_ACCESS_PROCESS_NUMBER, demo.QUICK_ACCESS_KEY)
    assert answer.status_code == 200, answer.json
    return {"Authorization": f"Bearer {answer.json['access_token']}"}


# --- news ----------------------------------------------------------------------------------------
def test_the_editor_keeps_drafts_publishes_edits_unpublishes_and_deletes_news(http, staff, customer):
    draft = http.post("/api/v1/news", headers=staff, json={"title": f"Borrador {secrets.token_hex(3)}",
                                                           "body": "Aún no.", "published": False})
    assert draft.status_code == 201 and draft.json["published"] is False
    news_id = draft.json["id"]
    assert news_id not in ids(http.get("/api/v1/news?limit=50", headers=customer))
    assert news_id in ids(http.get("/api/v1/news?all=true&limit=50", headers=staff))
    assert http.get("/api/v1/news?all=true", headers=customer).status_code == 403  # drafts are the editors'

    body = {"title": "Cambio de horario en agosto", "body": "Del 1 al 31 de agosto, de 8:00 a 15:00.",
            "language": "", "published": True}
    published = http.put(f"/api/v1/news/{news_id}", headers=staff, json=body)
    assert published.status_code == 200 and published.json["published"] is True
    assert published.json["title"] == "Cambio de horario en agosto"
    assert news_id in ids(http.get("/api/v1/news?limit=50", headers=customer))
    http.put(f"/api/v1/news/{news_id}", headers=staff, json={**body, "published": False})
    assert news_id not in ids(http.get("/api/v1/news?limit=50", headers=customer))
    assert http.delete(f"/api/v1/news/{news_id}", headers=staff).status_code == 200
    assert http.delete(f"/api/v1/news/{news_id}", headers=staff).status_code == 404
    assert http.put(f"/api/v1/news/{news_id}", headers=customer, json=body).status_code == 403


# --- support materials ---------------------------------------------------------------------------
def test_staff_publish_a_material_and_customers_download_it_once_published(http, staff, customer):
    created = add_material(http, staff, published=False, name="Guía de pagos.pdf")
    assert created.status_code == 201, created.json
    material = created.json
    assert material["file_name"] == "Guía de pagos.pdf" and material["content_type"] == "application/pdf"
    assert material["id"] not in ids(http.get("/api/v1/materials?limit=100", headers=customer))
    assert http.get(f"/api/v1/materials/{material['id']}/content", headers=customer).status_code == 404

    update = {"title": material["title"], "description": "Cómo pagar.", "category": "Pagos", "published": "true"}
    changed = http.put(f"/api/v1/materials/{material['id']}", headers=staff, content_type="multipart/form-data",
                       data=update)
    assert changed.status_code == 200 and changed.json["published"] and changed.json["category"] == "Pagos"
    listed = http.get("/api/v1/materials?limit=100", headers=customer)
    assert material["id"] in ids(listed) and "Pagos" in listed.json["categories"]
    assert material["id"] in ids(http.get("/api/v1/materials", headers=customer, query_string={"category": "Pagos"}))
    download = http.get(f"/api/v1/materials/{material['id']}/content", headers=customer)
    assert download.status_code == 200 and download.data == PDF
    assert "filename*=UTF-8''Gu%C3%ADa%20de%20pagos.pdf" in download.headers["Content-Disposition"]

    # A new file replaces the old one.
    replaced = http.put(f"/api/v1/materials/{material['id']}", headers=staff, content_type="multipart/form-data",
                        data={**update, "file": (io.BytesIO(b"nombre;importe\nAna;10\n"), "tabla.csv")})
    assert replaced.status_code == 200 and replaced.json["file_name"] == "tabla.csv"
    assert http.get(f"/api/v1/materials/{material['id']}/content", headers=customer).data.startswith(b"nombre;")
    assert http.delete(f"/api/v1/materials/{material['id']}", headers=staff).status_code == 200
    assert http.get(f"/api/v1/materials/{material['id']}/content", headers=customer).status_code == 404


def test_only_editors_change_materials_and_bad_files_write_nothing(http, staff, customer, platform):
    assert add_material(http, customer, published=True).status_code == 403
    before = files_on_disk(platform)
    for name, content, code in (("manual.pdf", WINDOWS_EXE, "forbidden_type"),
                                ("../manual.pdf", PDF, "invalid_name"),
                                ("grande.pdf", PDF + b"0" * (10 * 1024 * 1024), "too_large")):
        refused = add_material(http, staff, published=True, name=name, content=content)
        assert refused.status_code == 422, refused.json
        assert [(e["field"], e["code"]) for e in refused.json["errors"]] == [("file", code)]
    missing = http.post("/api/v1/materials", headers=staff, content_type="multipart/form-data",
                        data={"title": "", "category": "x" * 61})
    assert {e["field"] for e in missing.json["errors"]} == {"title", "category", "file"}
    assert files_on_disk(platform) == before


# --- advantage programme -------------------------------------------------------------------------
def test_customers_see_only_the_offers_published_and_valid_today(http, staff, customer):
    active = add_offer(http, staff, starts=TODAY - timedelta(days=1), ends=TODAY, image=("oferta.png", PNG),
                       link_url="https://demo.test/oferta").json
    ended = add_offer(http, staff, starts=TODAY - timedelta(days=30), ends=TODAY - timedelta(days=1)).json
    future = add_offer(http, staff, starts=TODAY + timedelta(days=2), ends=None).json
    hidden = add_offer(http, staff, starts=TODAY, ends=None, published=False).json
    seen = ids(http.get("/api/v1/advantages?limit=100", headers=customer))
    assert active["id"] in seen and not {ended["id"], future["id"], hidden["id"]} & seen
    assert active["active"] and not ended["active"] and not future["active"] and not hidden["active"]
    everything = ids(http.get("/api/v1/advantages?all=true&limit=100", headers=staff))
    assert {active["id"], ended["id"], future["id"], hidden["id"]} <= everything
    image = http.get(f"/api/v1/advantages/{active['id']}/image", headers=customer)
    assert image.status_code == 200 and image.data == PNG and image.headers["Content-Type"] == "image/png"
    assert http.get(f"/api/v1/advantages/{ended['id']}/image", headers=customer).status_code == 404

    republished = http.put(f"/api/v1/advantages/{hidden['id']}", headers=staff, content_type="multipart/form-data",
                           data={"title": hidden["title"], "valid_from": TODAY.isoformat(), "published": "true"})
    assert republished.status_code == 200 and republished.json["active"]
    assert hidden["id"] in ids(http.get("/api/v1/advantages?limit=100", headers=customer))
    assert http.delete(f"/api/v1/advantages/{hidden['id']}", headers=staff).status_code == 200


def test_bad_offers_are_field_errors(http, staff):
    bad = add_offer(http, staff, starts=TODAY, ends=TODAY - timedelta(days=1), link_url="javascript:alert(1)",
                    image=("foto.png", PDF))
    assert bad.status_code == 422
    assert {(e["field"], e["code"]) for e in bad.json["errors"]} == {
        ("valid_until", "before_start"), ("link_url", "invalid"), ("image", "forbidden_type")}
    no_date = http.post("/api/v1/advantages", headers=staff, content_type="multipart/form-data",
                        data={"title": "x", "valid_from": "mañana"})
    assert [(e["field"], e["code"]) for e in no_date.json["errors"]] == [("valid_from", "invalid")]


# --- who reads what ------------------------------------------------------------------------------
def test_quick_access_reads_the_news_and_nothing_else_of_the_content(http, staff, platform):
    material = add_material(http, staff, published=True).json
    offer = add_offer(http, staff, starts=TODAY, ends=None).json
    visitor = quick_access_headers(http)
    assert http.get("/api/v1/news", headers=visitor).status_code == 200
    for path in ("/api/v1/materials", f"/api/v1/materials/{material['id']}/content", "/api/v1/advantages",
                 f"/api/v1/advantages/{offer['id']}/image", "/api/v1/tickets", "/api/v1/feedback"):
        answer = http.get(path, headers=visitor)
        assert answer.status_code == 403 and answer.json["code"] == "quick_access_forbidden", path
    # The feedback box is open to them (seed 003).
    given = http.post("/api/v1/feedback", headers=visitor, json={"rating": 5, "page": "/quick-access/case"})
    assert given.status_code == 201 and given.json["author_kind"] == "quick_access"
    # Behind the gateway, crm refuses the same token too.
    content = platform.stub("crm", content_pb2_grpc.ContentServiceStub)
    token = visitor["Authorization"].removeprefix("Bearer ")
    for call, request in ((content.ListMaterials, content_pb2.ListMaterialsRequest()),
                          (content.ListAdvantages, content_pb2.ListAdvantagesRequest()),
                          (content.GetMaterialFile, content_pb2.GetContentFileRequest(id=material["id"]))):
        with pytest.raises(grpc.RpcError) as refused:
            call(request, metadata=bearer(token))
        assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED
    assert content.ListNews(content_pb2.ListNewsRequest(), metadata=bearer(token)).items


def test_another_firm_sees_none_of_this_firms_content(http, staff, other_tenant):
    material = add_material(http, staff, published=True).json
    offer = add_offer(http, staff, starts=TODAY, ends=None).json
    theirs = signed_in(http, other_tenant["agent"], other_tenant["password"], other_tenant["slug"])
    assert material["id"] not in ids(http.get("/api/v1/materials?all=true&limit=100", headers=theirs))
    assert offer["id"] not in ids(http.get("/api/v1/advantages?all=true&limit=100", headers=theirs))
    assert http.get(f"/api/v1/materials/{material['id']}/content", headers=theirs).status_code == 404
    assert http.delete(f"/api/v1/advantages/{offer['id']}", headers=theirs).status_code == 404


def test_the_demo_firm_has_materials_and_an_active_offer(http, customer):
    materials = http.get("/api/v1/materials?limit=100", headers=customer).json
    guide = next(m for m in materials["items"] if m["title"] == "Guía rápida del Área Cliente")
    file = http.get(f"/api/v1/materials/{guide['id']}/content", headers=customer)
    assert file.status_code == 200 and file.data.startswith(b"%PDF-") and file.data.rstrip().endswith(b"%%EOF")
    titles = {a["title"] for a in http.get("/api/v1/advantages?limit=100", headers=customer).json["items"]}
    assert "10 % de descuento en la renovación" not in titles  # ended in 2025
