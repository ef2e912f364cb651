"""Queries of the firm's content (news, support materials, advantages), always scoped to one tenant.
Lists are keyset pages: one row more than asked tells whether another page follows."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import and_, distinct, or_, select
from sqlalchemy.orm import Session

from crm_service.models import Advantage, Material, NewsItem


class NewsRepository:
    def __init__(self, session: Session, tenant_id: str):
        self.session = session
        self.tenant_id = tenant_id

    def add(self, item: NewsItem) -> NewsItem:
        self.session.add(item)
        self.session.flush()
        return item

    def get(self, item_id: str) -> NewsItem | None:
        return self.session.scalars(
            select(NewsItem).where(NewsItem.tenant_id == self.tenant_id, NewsItem.id == item_id)).first()

    def page(self, *, now: datetime | None, language: str, after: tuple[datetime, str] | None,
             limit: int) -> list[NewsItem]:
        """Newest first, resuming after the (published_at, id) of the cursor. With `now`, what
        readers see: published items dated up to now, in `language` and for everyone; without,
        every item (the editor's list)."""
        query = select(NewsItem).where(NewsItem.tenant_id == self.tenant_id)
        if now is not None:
            query = query.where(NewsItem.published.is_(True), NewsItem.published_at <= now)
        if language:
            query = query.where(NewsItem.language.in_(["", language]))
        if after is not None:
            query = query.where(or_(NewsItem.published_at < after[0],
                                    and_(NewsItem.published_at == after[0], NewsItem.id < after[1])))
        order = (NewsItem.published_at.desc(), NewsItem.id.desc())
        return list(self.session.scalars(query.order_by(*order).limit(limit + 1)))


class MaterialRepository:
    def __init__(self, session: Session, tenant_id: str):
        self.session = session
        self.tenant_id = tenant_id

    def get(self, material_id: str, *, published_only: bool) -> Material | None:
        query = select(Material).where(Material.tenant_id == self.tenant_id, Material.id == material_id)
        if published_only:
            query = query.where(Material.published.is_(True))
        return self.session.scalars(query).first()

    def page(self, *, category: str, published_only: bool, after: tuple[str, str, str] | None,
             limit: int) -> list[Material]:
        """By category, then title, resuming after the (category, title, id) of the cursor."""
        query = select(Material).where(Material.tenant_id == self.tenant_id)
        if published_only:
            query = query.where(Material.published.is_(True))
        if category:
            query = query.where(Material.category == category)
        if after is not None:
            cat, title, last_id = after
            query = query.where(or_(
                Material.category > cat,
                and_(Material.category == cat, Material.title > title),
                and_(Material.category == cat, Material.title == title, Material.id > last_id)))
        order = (Material.category, Material.title, Material.id)
        return list(self.session.scalars(query.order_by(*order).limit(limit + 1)))

    def categories(self, *, published_only: bool) -> list[str]:
        query = select(distinct(Material.category)).where(Material.tenant_id == self.tenant_id,
                                                          Material.category != "")
        if published_only:
            query = query.where(Material.published.is_(True))
        return sorted(self.session.scalars(query))


class AdvantageRepository:
    def __init__(self, session: Session, tenant_id: str):
        self.session = session
        self.tenant_id = tenant_id

    def get(self, advantage_id: str, *, active_on: date | None) -> Advantage | None:
        query = self._visible(select(Advantage).where(Advantage.id == advantage_id), active_on)
        return self.session.scalars(query).first()

    def _visible(self, query, active_on: date | None):  # noqa: ANN001, ANN202
        query = query.where(Advantage.tenant_id == self.tenant_id)
        if active_on is None:
            return query
        return query.where(Advantage.published.is_(True), Advantage.valid_from <= active_on,
                           or_(Advantage.valid_until.is_(None), Advantage.valid_until >= active_on))

    def page(self, *, active_on: date | None, after: tuple[date, str] | None, limit: int) -> list[Advantage]:
        """The latest to start first, resuming after the (valid_from, id) of the cursor; with
        `active_on`, only the offers customers see that day."""
        query = self._visible(select(Advantage), active_on)
        if after is not None:
            query = query.where(or_(Advantage.valid_from < after[0],
                                    and_(Advantage.valid_from == after[0], Advantage.id < after[1])))
        order = (Advantage.valid_from.desc(), Advantage.id.desc())
        return list(self.session.scalars(query.order_by(*order).limit(limit + 1)))
