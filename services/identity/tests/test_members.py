"""The rules of a company customer's people (domain/client_members.py), without the database; the
journeys themselves are tested end to end through the gateway (gateway/tests/test_client_members.py)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from clientarea_shared.errors import Invalid
from identity_service.domain.client_members import checked_role, leaves_no_admin, successor

pytestmark = pytest.mark.unit


@dataclass
class Person:
    id: str
    client_role: str


def test_a_role_is_one_of_the_clients_roles_whatever_its_case():
    assert [checked_role(r) for r in ("viewer", " Cases ", "PAYER", "admin")] == ["viewer", "cases", "payer", "admin"]
    for wrong, code in (("owner", "invalid"), ("client", "invalid"), ("", "required")):
        with pytest.raises(Invalid) as refused:
            checked_role(wrong)
        assert [(e.field, e.code) for e in refused.value.errors] == [("client_role", code)]


def test_only_the_last_admin_leaving_leaves_the_client_without_one():
    ana, bea, cai = Person("a", "admin"), Person("b", "admin"), Person("c", "viewer")
    assert leaves_no_admin([ana, cai], ana)
    assert not leaves_no_admin([ana, bea, cai], ana)
    assert not leaves_no_admin([ana, cai], cai)  # a viewer leaving changes nothing
    assert leaves_no_admin([ana], ana)  # alone: removing oneself is refused too (closing the account is not)


def test_the_client_is_handed_to_an_admin_who_stays_else_to_the_oldest_person():
    assert successor([Person("c", "viewer"), Person("b", "admin")]) == "b"
    assert successor([Person("c", "viewer"), Person("d", "payer")]) == "c"
    assert successor([]) == ""
