"""Small pieces of the common library: cursors, error mapping, PII masking, settings."""

from __future__ import annotations

import grpc
import pytest

from clientarea_shared.config import Settings
from clientarea_shared.errors import Conflict, FieldError, Invalid, NotFound
from clientarea_shared.logs import mask_pii
from clientarea_shared.paging import decode_cursor, encode_cursor, page_limit

pytestmark = pytest.mark.unit


def test_cursors_round_trip_and_garbage_is_a_field_error():
    assert decode_cursor(encode_cursor("0193-abc")) == ["0193-abc"]
    assert decode_cursor("") is None
    with pytest.raises(Invalid) as error:
        decode_cursor("%%not-base64%%")
    assert error.value.errors == [FieldError("cursor", "invalid", "The cursor is not valid")]


def test_page_limit_defaults_caps_and_refuses_negative():
    assert page_limit(0) == 25 and page_limit(10_000) == 200
    with pytest.raises(Invalid):
        page_limit(-1)


def test_domain_errors_map_to_grpc_codes():
    assert NotFound("x").grpc_code == grpc.StatusCode.NOT_FOUND
    assert Conflict("x").grpc_code == grpc.StatusCode.ALREADY_EXISTS
    assert Invalid.field("a", "b", "c").grpc_code == grpc.StatusCode.INVALID_ARGUMENT


@pytest.mark.parametrize(("raw", "hidden", "kept"), [
    ("login for lucia.fernandez@correo.test", "lucia.fernandez", "l***@correo.test"),
    ("Authorization: Bearer eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl", "eyJhbGciOi", "[token]"),
    ('{"password": "Hunter2-very-secret"}', "Hunter2", "[redacted]"),
    ("client 12345678Z created", "12345678Z", "***78Z"),
    ("card 4111111111111111", "4111111111111111", "***111"),
])
def test_logs_mask_personal_data_and_secrets(raw, hidden, kept):
    masked = mask_pii(raw)
    assert hidden not in masked and kept in masked


def test_embedded_defaults_and_overrides(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    settings = Settings.for_service("payments", var_dir=tmp_path)
    assert settings.database_url == f"sqlite:///{tmp_path.resolve()}/payments.sqlite"
    assert settings.grpc_port == 50055 and settings.metrics_port == 9105
    assert settings.address_of("crm") == "127.0.0.1:50052"
    assert settings.celery_broker.startswith("sqla+sqlite:///")


@pytest.mark.integration
def test_a_connection_that_died_while_idle_in_the_pool_is_replaced(monkeypatch):
    """Pooled connections are pinged only after sitting idle; a dead one never reaches a query."""
    import sqlalchemy as sa

    from clientarea_shared import db as db_module
    from clientarea_shared.testing import postgres_database

    with postgres_database("pool") as url:
        database = db_module.Database(url)
        with database.read() as session:
            first_pid = session.scalar(sa.text("SELECT pg_backend_pid()"))
        kill = sa.create_engine(url, isolation_level="AUTOCOMMIT")
        with kill.connect() as conn:
            conn.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": first_pid})
        kill.dispose()
        monkeypatch.setattr(db_module, "IDLE_BEFORE_PING_SECONDS", 0.0)
        with database.read() as session:
            assert session.scalar(sa.text("SELECT pg_backend_pid()")) != first_pid
        with database.session() as session:
            assert session.scalar(sa.text("SELECT 1")) == 1
        database.dispose()


def test_json_logs_carry_service_trace_and_request_ids_and_mask_personal_data(capsys):
    import json
    import logging

    from opentelemetry.sdk.trace import TracerProvider

    from clientarea_shared.context import request_context
    from clientarea_shared.logs import setup_logging

    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    try:
        setup_logging("crm")
        tracer = TracerProvider().get_tracer("test")
        with tracer.start_as_current_span("op") as span, request_context(None, "req-42"):
            logging.getLogger("crm_service").warning("created client for %s", "lucia@correo.test")
        line = json.loads(capsys.readouterr().err.strip().splitlines()[-1])
    finally:
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)
    assert line["service"] == "crm" and line["request_id"] == "req-42" and line["level"] == "WARNING"
    assert line["trace_id"] == format(span.get_span_context().trace_id, "032x")
    assert "lucia@correo.test" not in line["message"] and "l***@correo.test" in line["message"]


def test_a_verified_token_is_remembered_until_it_expires(monkeypatch):
    import json
    import time

    import jwt
    from cryptography.hazmat.primitives.asymmetric import rsa

    from clientarea_shared.auth import TokenVerifier
    from clientarea_shared.errors import Unauthenticated

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    loads = []

    def load_jwks() -> str:
        loads.append(1)
        return json.dumps({"keys": [{**public, "kid": "k1", "alg": "RS256"}]})

    verifier = TokenVerifier(load_jwks, "iss", "aud")
    now = int(time.time())
    token = jwt.encode({"iss": "iss", "aud": "aud", "sub": "u", "tid": "t", "iat": now, "exp": now + 2},
                       key, algorithm="RS256", headers={"kid": "k1"})
    decodes = []
    real_decode = jwt.decode
    monkeypatch.setattr(jwt, "decode", lambda *a, **k: decodes.append(1) or real_decode(*a, **k))
    assert verifier.verify(token).user_id == "u"
    assert verifier.verify(token).user_id == "u"
    assert len(decodes) == 1  # the second time came from memory
    monkeypatch.setattr(time, "time", lambda: now + 10)  # past `exp`: not served from memory
    verifier.verify(token)  # (PyJWT's own clock still says valid; expiry itself is tested in identity)
    assert len(decodes) == 2
    with pytest.raises(Unauthenticated):
        verifier.verify(token[:-4] + "AAAA")  # a tampered copy is never taken for the remembered one


@pytest.mark.parametrize("newest_first", [False, True])
def test_keyset_pages_walk_every_row_once_in_order(tmp_path, newest_first):
    import sqlalchemy as sa
    from sqlalchemy.orm import Session

    from clientarea.common.v1 import common_pb2
    from clientarea_shared.paging import after_id, cut_page, keyset_page

    engine = sa.create_engine(f"sqlite:///{tmp_path / 'k.sqlite'}")
    rows = sa.Table("rows", sa.MetaData(), sa.Column("id", sa.String, primary_key=True))
    rows.metadata.create_all(engine)
    ids = [f"{i:03d}" for i in range(7)]
    with engine.begin() as conn:
        conn.execute(rows.insert(), [{"id": i} for i in ids])
    seen, cursor = [], ""
    with Session(engine) as session:
        while True:
            page_rows = keyset_page(session, sa.select(rows.c.id), rows.c.id,
                                    after_id(common_pb2.PageRequest(cursor=cursor)), 3,
                                    newest_first=newest_first)
            items, info = cut_page(page_rows, 3, key=lambda r: r)
            seen += items
            cursor = info.next_cursor
            if not cursor:
                break
    assert seen == (ids[::-1] if newest_first else ids)
