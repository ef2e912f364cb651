"""The firm's client categories (tags that segment its clients, seed 002's "Categorías"): staff
read them, admins and agents create, rename and delete them. A name is unique in the firm (case and
accents aside). Deleting a category takes it off its clients, and each of them records the change."""

from __future__ import annotations

from clientarea.crm.v1 import crm_pb2 as pb
from clientarea_shared.db import Database, utcnow
from clientarea_shared.errors import Conflict, FieldError, NotFound
from clientarea_shared.permissions import Permission, require
from crm_service.domain.categories import category_name
from crm_service.handlers.history import record_changes
from crm_service.models import Category
from crm_service.repository import CategoryRepository

NAME_TAKEN = "The firm already has a category with this name"


def category_message(category: Category, client_count: int = 0) -> pb.Category:
    return pb.Category(id=category.id, name=category.name, client_count=client_count)


def list_categories(db: Database, request: pb.ListCategoriesRequest) -> pb.ListCategoriesResponse:
    principal = require(Permission.CLIENTS_READ)
    with db.read() as session:
        rows = CategoryRepository(session, principal.tenant_id).with_counts()
        return pb.ListCategoriesResponse(items=[category_message(c, n) for c, n in rows])


def _name_taken() -> Conflict:
    return Conflict(NAME_TAKEN, "category_exists", [FieldError("name", "duplicate", NAME_TAKEN)])


def create(db: Database, request: pb.CreateCategoryRequest) -> pb.Category:
    principal = require(Permission.CATEGORIES_MANAGE)
    name, key = category_name(request.name)
    with db.session() as session:
        repo = CategoryRepository(session, principal.tenant_id)
        if repo.name_taken(key):
            raise _name_taken()
        return category_message(repo.add(name, key))


def rename(db: Database, request: pb.RenameCategoryRequest) -> pb.Category:
    principal = require(Permission.CATEGORIES_MANAGE)
    name, key = category_name(request.name)
    with db.session() as session:
        repo = CategoryRepository(session, principal.tenant_id)
        category = repo.get(request.id)
        if category is None:
            raise NotFound("Category not found")
        if repo.name_taken(key, except_id=category.id):
            raise _name_taken()
        category.name, category.name_key = name, key
        return category_message(category, repo.client_count(category.id))


def delete(db: Database, request: pb.DeleteCategoryRequest) -> pb.DeleteCategoryResponse:
    principal = require(Permission.CATEGORIES_MANAGE)
    with db.session() as session:
        repo = CategoryRepository(session, principal.tenant_id)
        category = repo.get(request.id)
        if category is None:
            raise NotFound("Category not found")
        clients = repo.clients_of(category.id)
        for client in clients:
            names = sorted(c.name for c in client.categories)
            kept = [n for n in names if n != category.name]
            record_changes(session, tenant_id=principal.tenant_id, client_id=client.id, entity="client",
                           entity_id=client.id, label=client.display_name, before={"categories": ", ".join(names)},
                           after={"categories": ", ".join(kept)}, actor=principal)
            client.updated_at = utcnow()  # a new version: a form opened before shows the change
        repo.delete(category)
        return pb.DeleteCategoryResponse(clients_updated=len(clients))

