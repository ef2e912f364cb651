"""Geosearch's gRPC servicer: find companies by profile and on the map."""

from __future__ import annotations

import grpc

from clientarea.common.v1 import common_pb2
from clientarea.geosearch.v1 import geosearch_pb2 as pb
from clientarea.geosearch.v1 import geosearch_pb2_grpc
from clientarea_shared.errors import NotFound
from clientarea_shared.paging import after_id, cut_page, page_limit
from clientarea_shared.permissions import Permission, require
from clientarea_shared.runtime import Runtime
from geosearch_service.domain import bounding_box
from geosearch_service.models import Company
from geosearch_service.repository import CompanyRepository

# Staff prospect for clients; customers look up their buyers and partners. Quick access may not.


def company_message(company: Company) -> pb.Company:
    return pb.Company(
        id=company.id, name=company.name,
        tax_id=common_pb2.TaxId(type=company.tax_id_type, number=company.tax_id),
        sector=company.sector, size=company.size, revenue_band=company.revenue_band,
        rating=company.rating, latitude=company.latitude, longitude=company.longitude,
        address=common_pb2.Address(line1=company.address_line1, postal_code=company.postal_code,
                                   city=company.city, region=company.region,
                                   country=company.country),
    )


class GeosearchServicer(geosearch_pb2_grpc.GeosearchServiceServicer):
    def __init__(self, runtime: Runtime):
        self.db = runtime.db

    def SearchCompanies(
        self, request: pb.SearchCompaniesRequest, context: grpc.ServicerContext
    ) -> pb.SearchCompaniesResponse:
        require(Permission.COMPANY_SEARCH)
        limit = page_limit(request.page.limit)
        box = bounding_box(request.min_lat, request.min_lon, request.max_lat, request.max_lon)
        with self.db.read() as session:
            rows = CompanyRepository(session).search(
                q=request.q, sector=request.sector, box=box, after_id=after_id(request.page),
                limit=limit,
            )
        items, page = cut_page(rows, limit, key=lambda c: c.id)
        return pb.SearchCompaniesResponse(items=[company_message(c) for c in items], page=page)

    def GetCompany(self, request: pb.GetCompanyRequest, context: grpc.ServicerContext) -> pb.Company:
        require(Permission.COMPANY_SEARCH)
        with self.db.read() as session:
            company = CompanyRepository(session).get(request.id)
            if company is None:
                raise NotFound("Company not found")
            return company_message(company)


def register(server: grpc.Server, runtime: Runtime) -> list[str]:
    geosearch_pb2_grpc.add_GeosearchServiceServicer_to_server(GeosearchServicer(runtime), server)
    return [pb.DESCRIPTOR.services_by_name["GeosearchService"].full_name]
