"""The gateway in this process (Flask test client) in front of the in-process platform, with
sessions in the machine's Redis."""

from __future__ import annotations

import secrets

import pytest
from flask.testing import FlaskClient

from clientarea_shared import demo
from gateway.app import create_app
from gateway.config import GatewaySettings


class OwnAddressClient(FlaskClient):
    """A test client coming from an address of its own, as separate people do. The gateway throttles
    failed sign-ins per source address too, so with one shared address an earlier test's deliberate
    failures would slow down a later test's logins. A request's own `environ_base` still wins."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        octets = (secrets.randbelow(256), secrets.randbelow(256), secrets.randbelow(254) + 1)
        self.environ_base["REMOTE_ADDR"] = "10.{}.{}.{}".format(*octets)


@pytest.fixture(scope="session")
def app(platform, tmp_path_factory):
    addresses = {f"{name}_addr": f"127.0.0.1:{port}" for name, port in platform.ports.items()}
    settings = GatewaySettings(var_dir=tmp_path_factory.mktemp("gateway"),
                               redis_url="redis://127.0.0.1:6379/0", max_body_bytes=64 * 1024,
                               **addresses)
    gateway = create_app(settings)
    gateway.test_client_class = OwnAddressClient
    return gateway


@pytest.fixture()
def http(app):
    return app.test_client()


def login(http, username=demo.AGENT_USERNAME, password=demo.AGENT_PASSWORD, tenant="demo"):
    return http.post("/api/v1/auth/login", json={"tenant": tenant, "username": username,
                                                  "password": password})


@pytest.fixture()
def staff(http):
    """Bearer headers of the demo firm's agent (the mobile app's way)."""
    return {"Authorization": f"Bearer {login(http).json['access_token']}"}


@pytest.fixture()
def customer(http):
    answer = login(http, demo.CLIENT_USERNAME, demo.CLIENT_PASSWORD)
    return {"Authorization": f"Bearer {answer.json['access_token']}"}


@pytest.fixture()
def admin(http):
    """Bearer headers of the demo firm's admin."""
    return headers_of(http, demo.ADMIN_USERNAME, demo.ADMIN_PASSWORD)


@pytest.fixture()
def other_firm(app, other_tenant):
    """Bearer headers of another firm's agent."""
    return headers_of(app.test_client(), other_tenant["agent"], other_tenant["password"], other_tenant["slug"])


def headers_of(http, username: str, password: str, tenant: str = "demo") -> dict:
    answer = login(http, username, password, tenant)
    assert answer.status_code == 200, answer.json
    return {"Authorization": f"Bearer {answer.json['access_token']}"}


NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
AGENT_ID = demo.demo_id(f"user:{demo.AGENT_USERNAME}")
ADMIN_ID = demo.demo_id(f"user:{demo.ADMIN_USERNAME}")


def nif() -> str:
    """A valid NIF nobody else has (in practice): 8 digits and their check letter."""
    number = secrets.randbelow(89_999_999) + 10_000_000
    return f"{number}{NIF_LETTERS[number % 23]}"


def cif(first: str = "B") -> str:
    """A valid CIF (`first`: the kind of company, B a limited company)."""
    from stdnum.es import cif as es_cif

    base = f"{first}{secrets.randbelow(9_000_000) + 1_000_000}"
    return base + es_cif.calc_check_digits(base)[0]
