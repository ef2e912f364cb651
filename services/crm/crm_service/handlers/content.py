"""The firm's content (seed 003): news ("Noticias"), support materials ("Materiales de apoyo":
downloadable files) and the advantage programme ("Programa de ventaja": the offers active for
customers). Staff (admins, agents) write, publish, unpublish and delete; readers see only what is
published (and, for offers, valid today). Quick-access visitors read the news and nothing else:
materials and offers ask for `content:read`, which their role does not have.

News are plain text (the web client shows them as text, blank lines between paragraphs); an item
may be for readers of one language or, without one, for everyone.
"""

from __future__ import annotations

from datetime import date, datetime

from clientarea.common.v1 import common_pb2
from clientarea.crm.v1 import content_pb2 as pb
from clientarea.crm.v1 import support_pb2
from clientarea_shared.db import new_id, utcnow
from clientarea_shared.errors import FieldError, Invalid, NotFound
from clientarea_shared.paging import decode_cursor, encode_cursor, page_limit
from clientarea_shared.permissions import Permission, allows, require
from clientarea_shared.runtime import Runtime
from clientarea_shared.storage import CheckedUpload, check_upload, upload_problems
from crm_service.blobs import blob_store, discard, read, stored
from crm_service.content_repository import AdvantageRepository, MaterialRepository, NewsRepository
from crm_service.domain.content import (
    ADVANTAGE_IMAGE_MAX_BYTES,
    ADVANTAGE_IMAGE_TYPES,
    LANGUAGES,
    MATERIAL_MAX_BYTES,
    MATERIAL_TYPES,
    advantage_active,
    advantage_fields,
    firm_today,
    material_fields,
    news_fields,
    raise_if,
)
from crm_service.models import Advantage, Material, NewsItem


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _cursor_key(cursor: str, size: int) -> list[str] | None:
    key = decode_cursor(cursor)
    if key is not None and len(key) != size:
        raise Invalid.field("cursor", "invalid", "The cursor is not valid")
    return key


def _editor_or_reader(all_items: bool, editor: Permission, reader: Permission) -> bool:
    """Whether the caller lists as an editor (asked for everything, and may); readers otherwise."""
    if all_items:
        require(editor)
        return True
    require(reader, editor)
    return False


def _checked_file(file: support_pb2.UploadedFile, field: str, max_bytes: int, allowed: tuple,
                  errors: list[FieldError]) -> CheckedUpload | None:
    problems = upload_problems(file.file_name, file.content, max_bytes=max_bytes, allowed=allowed, field=field)
    if problems:
        errors += problems
        return None
    return check_upload(file.file_name, file.content, max_bytes=max_bytes, allowed=allowed, field=field)


# --- news ----------------------------------------------------------------------------------------

def news_message(item: NewsItem) -> pb.NewsItem:
    return pb.NewsItem(id=item.id, title=item.title, body=item.body, language=item.language,
                       published_at=_iso(item.published_at), published=item.published)


def publish_news(runtime: Runtime, request: pb.PublishNewsRequest) -> pb.NewsItem:
    principal = require(Permission.NEWS_PUBLISH)
    fields = news_fields(request.title, request.body, request.language)
    now = utcnow()
    with runtime.db.session() as session:
        item = NewsRepository(session, principal.tenant_id).add(NewsItem(
            id=new_id(), tenant_id=principal.tenant_id, title=fields.title, body=fields.body,
            language=fields.language, published_at=now, published_by=principal.user_id[:80], created_at=now,
            published=not request.draft, updated_at=now))
        return news_message(item)


def update_news(runtime: Runtime, request: pb.UpdateNewsRequest) -> pb.NewsItem:
    principal = require(Permission.NEWS_PUBLISH)
    fields = news_fields(request.title, request.body, request.language)
    now = utcnow()
    with runtime.db.session() as session:
        item = NewsRepository(session, principal.tenant_id).get(request.id)
        if item is None:
            raise NotFound("News item not found")
        if request.published and not item.published:
            item.published_at = now  # a draft published now is news of today
        item.title, item.body, item.language = fields.title, fields.body, fields.language
        item.published, item.updated_at = request.published, now
        return news_message(item)


def delete_news(runtime: Runtime, request: pb.DeleteContentRequest) -> pb.DeleteContentResponse:
    principal = require(Permission.NEWS_PUBLISH)
    with runtime.db.session() as session:
        item = NewsRepository(session, principal.tenant_id).get(request.id)
        if item is None:
            raise NotFound("News item not found")
        session.delete(item)
    return pb.DeleteContentResponse()


def list_news(runtime: Runtime, request: pb.ListNewsRequest) -> pb.ListNewsResponse:
    principal = require(Permission.NEWS_READ, Permission.NEWS_PUBLISH)
    editor = _editor_or_reader(request.all, Permission.NEWS_PUBLISH, Permission.NEWS_READ)
    limit = page_limit(request.page.limit)
    language = request.language.strip().lower()
    key = _cursor_key(request.page.cursor, 2)
    try:
        after = (datetime.fromisoformat(key[0]), key[1]) if key else None
    except ValueError as exc:
        raise Invalid.field("cursor", "invalid", "The cursor is not valid") from exc
    with runtime.db.read() as session:
        rows = NewsRepository(session, principal.tenant_id).page(
            now=None if editor else utcnow(), language="" if editor else (language if language in LANGUAGES else ""),
            after=after, limit=limit)
    items, more = rows[:limit], len(rows) > limit
    cursor = encode_cursor(items[-1].published_at.isoformat(), items[-1].id) if more else ""
    return pb.ListNewsResponse(items=[news_message(n) for n in items], page=common_pb2.PageInfo(next_cursor=cursor))


# --- support materials -------------------------------------------------------------------------

def material_message(material: Material) -> pb.Material:
    return pb.Material(
        id=material.id, title=material.title, description=material.description, category=material.category,
        published=material.published, file_name=material.file_name, content_type=material.content_type,
        size=material.size, created_at=_iso(material.created_at), updated_at=_iso(material.updated_at))


def _material_upload(request: pb.SaveMaterialRequest, required: bool) -> tuple:
    fields, errors = material_fields(request.title, request.description, request.category)
    checked = None
    if request.HasField("file") and (request.file.file_name or request.file.content):
        checked = _checked_file(request.file, "file", MATERIAL_MAX_BYTES, MATERIAL_TYPES, errors)
    elif required:
        errors.append(FieldError("file", "required", "Choose the file to publish"))
    raise_if(errors)
    uploads = [(checked, request.file.content)] if checked else []
    return fields, checked, uploads


def create_material(runtime: Runtime, request: pb.SaveMaterialRequest) -> pb.Material:
    principal = require(Permission.CONTENT_PUBLISH)
    fields, checked, uploads = _material_upload(request, required=True)
    now = utcnow()
    with stored(blob_store(runtime), principal.tenant_id, uploads) as infos, runtime.db.session() as session:
        material = Material(
            id=new_id(), tenant_id=principal.tenant_id, title=fields.title, description=fields.description,
            category=fields.category, published=request.published, blob_key=infos[0].key,
            file_name=checked.file_name, content_type=checked.content_type, size=infos[0].size,
            created_by=principal.user_id[:80], created_at=now, updated_at=now)
        session.add(material)
        return material_message(material)


def update_material(runtime: Runtime, request: pb.SaveMaterialRequest) -> pb.Material:
    principal = require(Permission.CONTENT_PUBLISH)
    fields, checked, uploads = _material_upload(request, required=False)
    blobs = blob_store(runtime)
    replaced: list[str] = []
    with stored(blobs, principal.tenant_id, uploads) as infos, runtime.db.session() as session:
        material = MaterialRepository(session, principal.tenant_id).get(request.id, published_only=False)
        if material is None:
            raise NotFound("Material not found")
        material.title, material.description, material.category = fields.title, fields.description, fields.category
        material.published, material.updated_at = request.published, utcnow()
        if checked is not None:
            replaced.append(material.blob_key)
            material.blob_key, material.size = infos[0].key, infos[0].size
            material.file_name, material.content_type = checked.file_name, checked.content_type
        answer = material_message(material)
    discard(blobs, replaced)  # the old file, once the row no longer names it
    return answer


def delete_material(runtime: Runtime, request: pb.DeleteContentRequest) -> pb.DeleteContentResponse:
    principal = require(Permission.CONTENT_PUBLISH)
    with runtime.db.session() as session:
        material = MaterialRepository(session, principal.tenant_id).get(request.id, published_only=False)
        if material is None:
            raise NotFound("Material not found")
        key = material.blob_key
        session.delete(material)
    discard(blob_store(runtime), [key])
    return pb.DeleteContentResponse()


def list_materials(runtime: Runtime, request: pb.ListMaterialsRequest) -> pb.ListMaterialsResponse:
    principal = require(Permission.CONTENT_READ, Permission.CONTENT_PUBLISH)
    editor = _editor_or_reader(request.all, Permission.CONTENT_PUBLISH, Permission.CONTENT_READ)
    limit = page_limit(request.page.limit)
    key = _cursor_key(request.page.cursor, 3)
    with runtime.db.read() as session:
        repo = MaterialRepository(session, principal.tenant_id)
        rows = repo.page(category=request.category.strip(), published_only=not editor,
                         after=(key[0], key[1], key[2]) if key else None, limit=limit)
        categories = repo.categories(published_only=not editor)
    items, more = rows[:limit], len(rows) > limit
    cursor = encode_cursor(items[-1].category, items[-1].title, items[-1].id) if more else ""
    return pb.ListMaterialsResponse(items=[material_message(m) for m in items],
                                    page=common_pb2.PageInfo(next_cursor=cursor), categories=categories)


def get_material_file(runtime: Runtime, request: pb.GetContentFileRequest) -> support_pb2.FileContent:
    principal = require(Permission.CONTENT_READ, Permission.CONTENT_PUBLISH)
    editor = allows(principal, Permission.CONTENT_PUBLISH)
    with runtime.db.read() as session:
        material = MaterialRepository(session, principal.tenant_id).get(request.id, published_only=not editor)
        if material is None:
            raise NotFound("Material not found")
    return support_pb2.FileContent(file_name=material.file_name, content_type=material.content_type,
                                   content=read(blob_store(runtime), material.blob_key))


# --- advantage programme -----------------------------------------------------------------------

def advantage_message(advantage: Advantage, today: date) -> pb.Advantage:
    return pb.Advantage(
        id=advantage.id, title=advantage.title, description=advantage.description,
        valid_from=advantage.valid_from.isoformat(),
        valid_until=advantage.valid_until.isoformat() if advantage.valid_until else "",
        link_url=advantage.link_url, published=advantage.published, has_image=advantage.image_key is not None,
        active=advantage_active(advantage.published, advantage.valid_from, advantage.valid_until, today),
        created_at=_iso(advantage.created_at), updated_at=_iso(advantage.updated_at))


def _advantage_upload(request: pb.SaveAdvantageRequest) -> tuple:
    fields, errors = advantage_fields(request.title, request.description, request.valid_from,
                                      request.valid_until, request.link_url)
    checked = None
    if request.HasField("image") and (request.image.file_name or request.image.content):
        checked = _checked_file(request.image, "image", ADVANTAGE_IMAGE_MAX_BYTES, ADVANTAGE_IMAGE_TYPES, errors)
    raise_if(errors)
    return fields, checked, [(checked, request.image.content)] if checked else []


def _apply(advantage: Advantage, fields, published: bool) -> None:  # noqa: ANN001
    advantage.title, advantage.description, advantage.link_url = fields.title, fields.description, fields.link_url
    advantage.valid_from, advantage.valid_until, advantage.published = fields.valid_from, fields.valid_until, published


def create_advantage(runtime: Runtime, request: pb.SaveAdvantageRequest) -> pb.Advantage:
    principal = require(Permission.CONTENT_PUBLISH)
    fields, checked, uploads = _advantage_upload(request)
    now = utcnow()
    with stored(blob_store(runtime), principal.tenant_id, uploads) as infos, runtime.db.session() as session:
        advantage = Advantage(id=new_id(), tenant_id=principal.tenant_id, created_by=principal.user_id[:80],
                              created_at=now, updated_at=now, image_key=infos[0].key if infos else None,
                              image_type=checked.content_type if checked else "")
        _apply(advantage, fields, request.published)
        session.add(advantage)
        return advantage_message(advantage, firm_today(now))


def update_advantage(runtime: Runtime, request: pb.SaveAdvantageRequest) -> pb.Advantage:
    principal = require(Permission.CONTENT_PUBLISH)
    fields, checked, uploads = _advantage_upload(request)
    blobs, replaced, now = blob_store(runtime), [], utcnow()
    with stored(blobs, principal.tenant_id, uploads) as infos, runtime.db.session() as session:
        advantage = AdvantageRepository(session, principal.tenant_id).get(request.id, active_on=None)
        if advantage is None:
            raise NotFound("Offer not found")
        _apply(advantage, fields, request.published)
        if (checked is not None or request.remove_image) and advantage.image_key:
            replaced.append(advantage.image_key)
            advantage.image_key, advantage.image_type = None, ""
        if checked is not None:
            advantage.image_key, advantage.image_type = infos[0].key, checked.content_type
        advantage.updated_at = now
        answer = advantage_message(advantage, firm_today(now))
    discard(blobs, replaced)
    return answer


def delete_advantage(runtime: Runtime, request: pb.DeleteContentRequest) -> pb.DeleteContentResponse:
    principal = require(Permission.CONTENT_PUBLISH)
    with runtime.db.session() as session:
        advantage = AdvantageRepository(session, principal.tenant_id).get(request.id, active_on=None)
        if advantage is None:
            raise NotFound("Offer not found")
        key = advantage.image_key
        session.delete(advantage)
    discard(blob_store(runtime), [key] if key else [])
    return pb.DeleteContentResponse()


def list_advantages(runtime: Runtime, request: pb.ListAdvantagesRequest) -> pb.ListAdvantagesResponse:
    principal = require(Permission.CONTENT_READ, Permission.CONTENT_PUBLISH)
    editor = _editor_or_reader(request.all, Permission.CONTENT_PUBLISH, Permission.CONTENT_READ)
    today, limit = firm_today(utcnow()), page_limit(request.page.limit)
    key = _cursor_key(request.page.cursor, 2)
    try:
        after = (date.fromisoformat(key[0]), key[1]) if key else None
    except ValueError as exc:
        raise Invalid.field("cursor", "invalid", "The cursor is not valid") from exc
    with runtime.db.read() as session:
        rows = AdvantageRepository(session, principal.tenant_id).page(
            active_on=None if editor else today, after=after, limit=limit)
    items, more = rows[:limit], len(rows) > limit
    cursor = encode_cursor(items[-1].valid_from.isoformat(), items[-1].id) if more else ""
    return pb.ListAdvantagesResponse(items=[advantage_message(a, today) for a in items],
                                     page=common_pb2.PageInfo(next_cursor=cursor))


def get_advantage_image(runtime: Runtime, request: pb.GetContentFileRequest) -> support_pb2.FileContent:
    principal = require(Permission.CONTENT_READ, Permission.CONTENT_PUBLISH)
    editor = allows(principal, Permission.CONTENT_PUBLISH)
    with runtime.db.read() as session:
        advantage = AdvantageRepository(session, principal.tenant_id).get(
            request.id, active_on=None if editor else firm_today(utcnow()))
        if advantage is None or not advantage.image_key:
            raise NotFound("Image not found")
    extension = next((t.extensions[0] for t in ADVANTAGE_IMAGE_TYPES if t.mime == advantage.image_type), "")
    return support_pb2.FileContent(file_name=f"offer{extension}", content_type=advantage.image_type,
                                   content=read(blob_store(runtime), advantage.image_key))
