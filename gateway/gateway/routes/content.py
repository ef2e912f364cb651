"""The firm's content (seed 003): news ("Noticias"), support materials ("Materiales de apoyo") and
the advantage programme ("Programa de ventaja"). Customers and staff read them; quick-access
visitors only the news (gateway/auth.py lets a quick-access session reach GET /news and nothing of
the rest, and crm asks for `content:read`, which their role lacks). Admins and agents edit: create,
change, publish or unpublish (`published`), delete. crm's ContentService keeps them.

Materials and offers with an image take multipart/form-data (the fields and `file` or `image`)."""

from __future__ import annotations

from flask import g
from pydantic import BaseModel, ConfigDict, Field

from clientarea.common.v1 import common_pb2
from clientarea.crm.v1 import content_pb2
from gateway.api import operation
from gateway.services import call, services
from gateway.uploads import MiB, file_response, one_file, parse_form

MATERIAL_REQUEST_MAX = 11 * MiB  # a 10 MB file and the form
ADVANTAGE_REQUEST_MAX = 3 * MiB  # a 2 MB image and the form


class ListQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    all: bool = Field(default=False, description="editors: drafts, unpublished and expired items too")
    cursor: str = Field(default="", max_length=500)
    limit: int = Field(default=10, ge=1, le=100)


class Deleted(BaseModel):
    deleted: bool = True


# --- news ----------------------------------------------------------------------------------------

class NewsItemOut(BaseModel):
    id: str
    title: str
    body: str = Field(description="Plain text; blank lines separate paragraphs")
    language: str | None = Field(description="es | ca | en | pt, or null: for every reader")
    published_at: str
    published: bool


class NewsPage(BaseModel):
    items: list[NewsItemOut]
    next_cursor: str | None


class NewsQuery(ListQuery):
    pass


class NewsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str = Field(min_length=1, max_length=200)
    body: str = Field(min_length=1, max_length=10_000)
    language: str = Field(default="", max_length=10, description="es | ca | en | pt, or empty: every reader")
    published: bool = Field(default=True, description="false: a draft only editors see")


def news_out(item: content_pb2.NewsItem) -> NewsItemOut:
    return NewsItemOut(id=item.id, title=item.title, body=item.body, language=item.language or None,
                       published_at=item.published_at, published=item.published)


@operation("/news", "GET", summary="The firm's news, newest first (in the reader's language and for everyone)",
           tag="content", query=NewsQuery, response=NewsPage)
def list_news(query: NewsQuery):  # noqa: ANN201
    answer = call(services().content.ListNews, content_pb2.ListNewsRequest(
        page=common_pb2.PageRequest(cursor=query.cursor, limit=query.limit), language=g.get("locale", ""),
        all=query.all))
    return NewsPage(items=[news_out(n) for n in answer.items], next_cursor=answer.page.next_cursor or None)


@operation("/news", "POST", summary="Publish a news item, or keep it as a draft (admins, agents)",
           tag="content", body=NewsIn, response=NewsItemOut, status=201)
def publish_news(body: NewsIn):  # noqa: ANN201
    return news_out(call(services().content.PublishNews, content_pb2.PublishNewsRequest(
        title=body.title, body=body.body, language=body.language, draft=not body.published)))


@operation("/news/{news_id}", "PUT", summary="Change, publish or unpublish a news item (admins, agents)",
           tag="content", body=NewsIn, response=NewsItemOut, errors=(404,))
def update_news(news_id: str, body: NewsIn):  # noqa: ANN201
    return news_out(call(services().content.UpdateNews, content_pb2.UpdateNewsRequest(
        id=news_id, title=body.title, body=body.body, language=body.language, published=body.published)))


@operation("/news/{news_id}", "DELETE", summary="Delete a news item (admins, agents)", tag="content",
           response=Deleted, errors=(404,))
def delete_news(news_id: str):  # noqa: ANN201
    call(services().content.DeleteNews, content_pb2.DeleteContentRequest(id=news_id))
    return Deleted()


# --- support materials -------------------------------------------------------------------------

class MaterialOut(BaseModel):
    id: str
    title: str
    description: str
    category: str
    published: bool
    file_name: str
    content_type: str
    size: int
    created_at: str
    updated_at: str


class MaterialPage(BaseModel):
    items: list[MaterialOut]
    next_cursor: str | None
    categories: list[str]


class MaterialQuery(ListQuery):
    category: str = Field(default="", max_length=60)


class MaterialIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str = Field(default="", max_length=400)
    description: str = Field(default="", max_length=10_000)
    category: str = Field(default="", max_length=120)
    published: bool = False


def material_out(material: content_pb2.Material) -> MaterialOut:
    return MaterialOut(id=material.id, title=material.title, description=material.description,
                       category=material.category, published=material.published, file_name=material.file_name,
                       content_type=material.content_type, size=material.size, created_at=material.created_at,
                       updated_at=material.updated_at)


def _material_request(material_id: str = "") -> content_pb2.SaveMaterialRequest:
    form = parse_form(MaterialIn, MATERIAL_REQUEST_MAX)
    return content_pb2.SaveMaterialRequest(id=material_id, title=form.title, description=form.description,
                                           category=form.category, published=form.published, file=one_file("file"))


@operation("/materials", "GET", summary="Support materials by category (customers, staff)", tag="content",
           query=MaterialQuery, response=MaterialPage)
def list_materials(query: MaterialQuery):  # noqa: ANN201
    answer = call(services().content.ListMaterials, content_pb2.ListMaterialsRequest(
        page=common_pb2.PageRequest(cursor=query.cursor, limit=query.limit), category=query.category, all=query.all))
    return MaterialPage(items=[material_out(m) for m in answer.items], next_cursor=answer.page.next_cursor or None,
                        categories=list(answer.categories))


@operation("/materials", "POST", summary="Add a support material (admins, agents): multipart/form-data with "
           "`title`, `description`, `category`, `published` and the `file` (10 MB)", tag="content",
           response=MaterialOut, status=201, errors=(413,))
def create_material():  # noqa: ANN201
    return material_out(call(services().content.CreateMaterial, _material_request()))


@operation("/materials/{material_id}", "PUT", summary="Change a support material (admins, agents); a `file` "
           "replaces the current one", tag="content", response=MaterialOut, errors=(404, 413))
def update_material(material_id: str):  # noqa: ANN201
    return material_out(call(services().content.UpdateMaterial, _material_request(material_id)))


@operation("/materials/{material_id}", "DELETE", summary="Delete a support material and its file (admins, agents)",
           tag="content", response=Deleted, errors=(404,))
def delete_material(material_id: str):  # noqa: ANN201
    call(services().content.DeleteMaterial, content_pb2.DeleteContentRequest(id=material_id))
    return Deleted()


@operation("/materials/{material_id}/content", "GET", summary="Download a support material's file", tag="content",
           errors=(404,))
def download_material(material_id: str):  # noqa: ANN201
    return file_response(call(services().content.GetMaterialFile, content_pb2.GetContentFileRequest(id=material_id)))


# --- advantage programme -----------------------------------------------------------------------

class AdvantageOut(BaseModel):
    id: str
    title: str
    description: str
    valid_from: str
    valid_until: str | None
    link_url: str | None
    published: bool
    has_image: bool
    active: bool = Field(description="published and valid today: what customers see")
    created_at: str
    updated_at: str


class AdvantagePage(BaseModel):
    items: list[AdvantageOut]
    next_cursor: str | None


class AdvantageIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str = Field(default="", max_length=400)
    description: str = Field(default="", max_length=10_000)
    valid_from: str = Field(default="", max_length=10, description="YYYY-MM-DD")
    valid_until: str = Field(default="", max_length=10, description="YYYY-MM-DD, or empty: open-ended")
    link_url: str = Field(default="", max_length=1_000, description="https only")
    published: bool = False
    remove_image: bool = False


def advantage_out(advantage: content_pb2.Advantage) -> AdvantageOut:
    return AdvantageOut(
        id=advantage.id, title=advantage.title, description=advantage.description, valid_from=advantage.valid_from,
        valid_until=advantage.valid_until or None, link_url=advantage.link_url or None,
        published=advantage.published, has_image=advantage.has_image, active=advantage.active,
        created_at=advantage.created_at, updated_at=advantage.updated_at)


def _advantage_request(advantage_id: str = "") -> content_pb2.SaveAdvantageRequest:
    form = parse_form(AdvantageIn, ADVANTAGE_REQUEST_MAX)
    return content_pb2.SaveAdvantageRequest(
        id=advantage_id, title=form.title, description=form.description, valid_from=form.valid_from,
        valid_until=form.valid_until, link_url=form.link_url, published=form.published, image=one_file("image"),
        remove_image=form.remove_image)


@operation("/advantages", "GET", summary="The advantage programme: the offers active today (customers, staff)",
           tag="content", query=ListQuery, response=AdvantagePage)
def list_advantages(query: ListQuery):  # noqa: ANN201
    answer = call(services().content.ListAdvantages, content_pb2.ListAdvantagesRequest(
        page=common_pb2.PageRequest(cursor=query.cursor, limit=query.limit), all=query.all))
    return AdvantagePage(items=[advantage_out(a) for a in answer.items], next_cursor=answer.page.next_cursor or None)


@operation("/advantages", "POST", summary="Add an offer (admins, agents): multipart/form-data with the fields and "
           "an optional `image` (PNG, JPEG or WebP, 2 MB)", tag="content", response=AdvantageOut, status=201,
           errors=(413,))
def create_advantage():  # noqa: ANN201
    return advantage_out(call(services().content.CreateAdvantage, _advantage_request()))


@operation("/advantages/{advantage_id}", "PUT", summary="Change an offer (admins, agents)", tag="content",
           response=AdvantageOut, errors=(404, 413))
def update_advantage(advantage_id: str):  # noqa: ANN201
    return advantage_out(call(services().content.UpdateAdvantage, _advantage_request(advantage_id)))


@operation("/advantages/{advantage_id}", "DELETE", summary="Delete an offer (admins, agents)", tag="content",
           response=Deleted, errors=(404,))
def delete_advantage(advantage_id: str):  # noqa: ANN201
    call(services().content.DeleteAdvantage, content_pb2.DeleteContentRequest(id=advantage_id))
    return Deleted()


@operation("/advantages/{advantage_id}/image", "GET", summary="An offer's image", tag="content", errors=(404,))
def advantage_image(advantage_id: str):  # noqa: ANN201
    return file_response(call(services().content.GetAdvantageImage, content_pb2.GetContentFileRequest(
        id=advantage_id)), inline=True)
