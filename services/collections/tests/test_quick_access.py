"""Quick access in collections: access keys (unit) and who may verify one or read a case by it
(gRPC on PostgreSQL)."""

from __future__ import annotations

import re

import grpc
import pytest

from clientarea.collections.v1 import collections_pb2, collections_pb2_grpc
from clientarea_shared import demo
from clientarea_shared.testing import bearer
from collections_service import access_keys
from collections_service.domain import next_number

from .test_cases import identity_service_token


# --- access keys (no I/O) --------------------------------------------------------------------
@pytest.mark.unit
def test_keys_are_grouped_from_an_alphabet_without_look_alikes_and_never_repeat():
    keys = {access_keys.new_access_key() for _ in range(200)}
    assert len(keys) == 200
    for key in keys:
        assert re.fullmatch(r"[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}", key)
        assert not set(key) & set("01OIL")


@pytest.mark.unit
def test_a_key_is_stored_hashed_salted_and_typed_loosely():
    stored = access_keys.hash_key("K7QF-3M9P-XA")
    assert "K7QF" not in stored and stored != access_keys.hash_key("K7QF-3M9P-XA")
    assert access_keys.verify_key(stored, " k7qf 3m9p xa ")
    assert not access_keys.verify_key(stored, "K7QF-3M9P-XB")
    assert not access_keys.verify_key("", "K7QF-3M9P-XA")  # no case: a dummy check, always False


@pytest.mark.unit
def test_process_numbers_compare_without_case_or_spaces_and_follow_on_per_year():
    assert access_keys.normalise_number(" exp-2026-00311 ") == "EXP-2026-00311"
    assert next_number(["EXP-2026-00311", "EXP-2025-09999", "PRO-2026-1"], 2026) == "EXP-2026-00312"
    assert next_number([], 2027) == "EXP-2027-00001"


# --- over gRPC --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def cases(platform):
    return platform.stub("collections", collections_pb2_grpc.CollectionsServiceStub)


def _verify(number: str = demo.QUICK_ACCESS_PROCESS_NUMBER, key: str = demo.QUICK_ACCESS_KEY):
    return collections_pb2.VerifyCaseAccessRequest(process_number=number, access_key=key)


@pytest.mark.integration
def test_only_another_service_verifies_a_key_and_only_in_its_firm(platform, cases, staff_token, customer_token,
                                                                 other_tenant):
    access = cases.VerifyCaseAccess(_verify(), metadata=bearer(identity_service_token(platform)))
    assert access.case_id == demo.demo_id(f"case:{demo.QUICK_ACCESS_PROCESS_NUMBER}")
    assert access.client_id == demo.CLIENT_ID
    for token in (staff_token, customer_token):
        with pytest.raises(grpc.RpcError) as refused:
            cases.VerifyCaseAccess(_verify(), metadata=bearer(token))
        assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED
    another_firm = bearer(identity_service_token(platform, other_tenant["tenant_id"]))
    for request, metadata in ((_verify(), another_firm), (_verify(key="K7QF-3M9P-XB"), bearer(
            identity_service_token(platform))), (_verify(number="EXP-1900-00001"), bearer(
            identity_service_token(platform)))):
        with pytest.raises(grpc.RpcError) as denied:
            cases.VerifyCaseAccess(request, metadata=metadata)
        assert denied.value.code() == grpc.StatusCode.NOT_FOUND
        assert "case_access_denied" in str(denied.value.trailing_metadata())


@pytest.mark.integration
def test_customers_cannot_open_cases_or_renew_keys(cases, customer_token):
    for call, request in ((cases.OpenCase, collections_pb2.OpenCaseRequest(client_id=demo.CLIENT_ID)),
                          (cases.RenewCaseAccessKey, collections_pb2.RenewCaseAccessKeyRequest(
                              case_id=demo.demo_id(f"case:{demo.QUICK_ACCESS_PROCESS_NUMBER}")))):
        with pytest.raises(grpc.RpcError) as refused:
            call(request, metadata=bearer(customer_token))
        assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED
