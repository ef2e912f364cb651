"""Geosearch over gRPC on PostgreSQL: the company directory by name, sector and map area."""

from __future__ import annotations

import grpc
import pytest

from clientarea.geosearch.v1 import geosearch_pb2, geosearch_pb2_grpc
from clientarea_shared.testing import bearer, field_errors

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def directory(platform):
    return platform.stub("geosearch", geosearch_pb2_grpc.GeosearchServiceStub)


def names(answer) -> set[str]:
    return {c.name for c in answer.items}


def test_search_by_name_ignores_accents_and_case(directory, customer_token):
    answer = directory.SearchCompanies(geosearch_pb2.SearchCompaniesRequest(q="QUIMICA mediterrania"),
                                       metadata=bearer(customer_token))
    assert names(answer) == {"Química Mediterrània S.L."}


def test_search_inside_a_map_area_and_sector(directory, staff_token):
    valencia = dict(min_lat=39.3, min_lon=-0.6, max_lat=39.6, max_lon=-0.2)
    in_area = directory.SearchCompanies(geosearch_pb2.SearchCompaniesRequest(**valencia),
                                        metadata=bearer(staff_token))
    builders = directory.SearchCompanies(
        geosearch_pb2.SearchCompaniesRequest(sector="construction", **valencia),
        metadata=bearer(staff_token))
    assert names(in_area) == {"Reformas Costa Azul S.L.", "Muebles Levante S.L."}
    assert names(builders) == {"Reformas Costa Azul S.L."}


def test_an_inverted_map_area_is_refused_with_field_errors(directory, staff_token):
    with pytest.raises(grpc.RpcError) as error:
        directory.SearchCompanies(
            geosearch_pb2.SearchCompaniesRequest(min_lat=41, max_lat=40, min_lon=-1, max_lon=1),
            metadata=bearer(staff_token))
    assert error.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field_errors(error.value) == {"min_lat": "out_of_range"}


def test_directory_requires_a_login(directory):
    with pytest.raises(grpc.RpcError) as error:
        directory.SearchCompanies(geosearch_pb2.SearchCompaniesRequest(q="a"))
    assert error.value.code() == grpc.StatusCode.UNAUTHENTICATED
