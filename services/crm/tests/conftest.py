"""crm's test fixtures and data factories: the crm stub, callers of each kind, valid Spanish
document numbers. Test modules import the factories (`from .conftest import nif`)."""

from __future__ import annotations

import secrets

import pytest
from stdnum.es import cif as es_cif

from clientarea.crm.v1 import crm_pb2_grpc
from clientarea_shared import demo
from clientarea_shared.testing import bearer

NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
AGENT_ID = demo.demo_id(f"user:{demo.AGENT_USERNAME}")
ADMIN_ID = demo.demo_id(f"user:{demo.ADMIN_USERNAME}")
CUSTOMER_USER_ID = demo.demo_id(f"user:{demo.CLIENT_USERNAME}")


def nif() -> str:
    """A valid NIF nobody else has (in practice): 8 digits and their check letter."""
    number = secrets.randbelow(89_999_999) + 10_000_000
    return f"{number}{NIF_LETTERS[number % 23]}"


def cif() -> str:
    """A valid CIF of a limited company (B + 7 digits + check digit)."""
    base = f"B{secrets.randbelow(9_000_000) + 1_000_000}"
    return base + es_cif.calc_check_digits(base)[0]


@pytest.fixture(scope="module")
def crm(platform):
    return platform.stub("crm", crm_pb2_grpc.CrmServiceStub)


@pytest.fixture(scope="module")
def crm_runtime(platform):
    return platform.services["crm"].runtime


@pytest.fixture(scope="module")
def staff(staff_token):
    """The demo firm's agent."""
    return bearer(staff_token)


@pytest.fixture(scope="module")
def admin(platform):
    """The demo firm's admin."""
    return bearer(platform.login(demo.ADMIN_USERNAME, demo.ADMIN_PASSWORD))


@pytest.fixture(scope="module")
def customer(customer_token):
    """The demo client's portal user."""
    return bearer(customer_token)


@pytest.fixture(scope="module")
def other_firm(platform, other_tenant):
    """Another firm's agent."""
    return bearer(platform.login(other_tenant["agent"], other_tenant["password"], other_tenant["slug"]))
