"""Geosearch's queries over the company directory."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from clientarea_shared.paging import keyset_page
from clientarea_shared.text import search_words
from geosearch_service.domain import BoundingBox
from geosearch_service.models import Company


class CompanyRepository:
    def __init__(self, session: Session):
        self.session = session

    def get(self, company_id: str) -> Company | None:
        return self.session.get(Company, company_id)

    def search(self, *, q: str, sector: str, box: BoundingBox | None, after_id: str | None,
               limit: int) -> list[Company]:
        query = select(Company)
        for word in search_words(q):
            query = query.where(Company.search_text.contains(word, autoescape=True))
        if sector:
            query = query.where(Company.sector == sector)
        if box is not None:
            query = query.where(Company.latitude.between(box.min_lat, box.max_lat),
                                Company.longitude.between(box.min_lon, box.max_lon))
        return keyset_page(self.session, query, Company.id, after_id, limit)
