"""Secrets identity reads back (TOTP seeds, signing keys) are sealed at rest: a copy of the
database alone mints neither tokens nor second-factor codes."""

from __future__ import annotations

import os
import secrets
import stat
import time

import pyotp
import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select, text

from clientarea.identity.v1 import identity_pb2, identity_pb2_grpc
from clientarea_shared.config import Settings
from clientarea_shared.db import new_id
from clientarea_shared.testing import bearer
from identity_service.models import SigningKey, User
from identity_service.sealing import KEY_FILE_NAME, PREFIX, Sealer, load_keys, reseal

PASSWORD = "Tortuga-Salmón-Lienzo-42"


@pytest.fixture(scope="module")
def identity(platform):
    return platform.stub("identity", identity_pb2_grpc.IdentityServiceStub)


@pytest.fixture
def db(platform):
    return platform.services["identity"].runtime.db


def stored(db, sql: str, **params) -> str:
    """What is really in the column, bypassing the sealed type."""
    with db.read() as session:
        return session.execute(text(sql), params).scalar_one()


def customer_with_totp(identity, staff_token: str) -> tuple[identity_pb2.User, str]:
    name = f"s{secrets.token_hex(4)}"
    user = identity.CreatePortalUser(identity_pb2.CreatePortalUserRequest(
        client_id=new_id(), username=name, email=f"{name}@example.test", display_name="Núria Vidal",
        password=PASSWORD), metadata=bearer(staff_token)).user
    me = bearer(identity.Login(identity_pb2.LoginRequest(tenant="demo", username=name, password=PASSWORD))
                .access_token)
    enrolment = identity.BeginTotpEnrolment(identity_pb2.BeginTotpEnrolmentRequest(current_password=PASSWORD),
                                            metadata=me)
    identity.ConfirmTotpEnrolment(identity_pb2.ConfirmTotpEnrolmentRequest(code=pyotp.TOTP(enrolment.secret).now()),
                                  metadata=me)
    return user, enrolment.secret


def test_a_totp_seed_is_stored_sealed_and_still_checks_codes(identity, staff_token, db):
    user, secret = customer_with_totp(identity, staff_token)
    raw = stored(db, "SELECT totp_secret FROM users WHERE id = :id", id=user.id)
    assert raw.startswith(PREFIX) and secret not in raw
    with db.read() as session:
        assert session.scalar(select(User.totp_secret).where(User.id == user.id)) == secret
    challenge = identity.Login(identity_pb2.LoginRequest(tenant="demo", username=user.username, password=PASSWORD))
    assert challenge.mfa_ticket and not challenge.access_token  # the sealed seed is what the second step checks against
    next_code = pyotp.TOTP(secret).at(time.time() + 30)  # enrolment used the current step's code
    pair = identity.CompleteMfaLogin(identity_pb2.CompleteMfaLoginRequest(mfa_ticket=challenge.mfa_ticket,
                                                                          code=next_code))
    assert pair.access_token


def test_signing_keys_are_stored_sealed(db):
    for raw in (row[0] for row in _all(db, "SELECT private_pem FROM signing_keys")):
        assert raw.startswith(PREFIX) and "PRIVATE KEY" not in raw


def test_secrets_written_before_sealing_existed_are_sealed_at_the_next_start(identity, staff_token, db):
    user, secret = customer_with_totp(identity, staff_token)
    with db.session() as session:  # as an older release left it: the seed in clear
        session.execute(text("UPDATE users SET totp_secret = :plain WHERE id = :id"), {"plain": secret, "id": user.id})
    with db.read() as session:
        assert session.scalar(select(User.totp_secret).where(User.id == user.id)) == secret  # still readable

    assert reseal(db) >= 1
    assert stored(db, "SELECT totp_secret FROM users WHERE id = :id", id=user.id).startswith(PREFIX)
    assert reseal(db) == 0  # nothing left in clear
    with db.read() as session:
        assert session.scalar(select(User.totp_secret).where(User.id == user.id)) == secret


def test_resealing_everything_rewrites_every_secret_and_keeps_it_readable(identity, staff_token, db):
    user, secret = customer_with_totp(identity, staff_token)
    before = stored(db, "SELECT totp_secret FROM users WHERE id = :id", id=user.id)
    keys_before = {kid: pem for kid, pem in _all(db, "SELECT kid, private_pem FROM signing_keys")}

    assert reseal(db, everything=True) >= 1 + len(keys_before)
    assert stored(db, "SELECT totp_secret FROM users WHERE id = :id", id=user.id) != before
    with db.read() as session:
        assert session.scalar(select(User.totp_secret).where(User.id == user.id)) == secret
        assert session.scalars(select(SigningKey.private_pem)).first().startswith("-----BEGIN PRIVATE KEY")


def test_a_rotated_key_opens_old_values_and_seals_with_the_new_one():
    old, new = Fernet.generate_key(), Fernet.generate_key()
    sealed_by_old = Sealer([old]).seal("JBSWY3DPEHPK3PXP")
    rotated = Sealer([new, old])
    assert rotated.open(sealed_by_old) == "JBSWY3DPEHPK3PXP"
    assert Sealer([new]).open(rotated.seal("JBSWY3DPEHPK3PXP")) == "JBSWY3DPEHPK3PXP"


def test_a_value_whose_key_was_removed_fails_loudly_not_as_a_wrong_code():
    sealed = Sealer([Fernet.generate_key()]).seal("JBSWY3DPEHPK3PXP")
    with pytest.raises(RuntimeError, match="IDENTITY_DATA_KEYS"):
        Sealer([Fernet.generate_key()]).open(sealed)


def test_keys_come_from_the_variable_newest_first():
    first, second = Fernet.generate_key(), Fernet.generate_key()
    settings = Settings(database_url="postgresql+psycopg://db/identity")
    keys = load_keys(settings, {"IDENTITY_DATA_KEYS": f" {first.decode()} ,{second.decode()}"})
    assert keys == [first, second]


def test_embedded_mode_creates_a_private_key_file_once(tmp_path):
    settings = Settings(database_url=f"sqlite:///{tmp_path}/identity.sqlite", var_dir=tmp_path / "var")
    [created] = load_keys(settings, {})
    path = tmp_path / "var" / KEY_FILE_NAME
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert load_keys(settings, {}) == [created]
    Fernet(created)  # a valid key


def _all(db, sql: str) -> list[tuple]:
    with db.read() as session:
        return [tuple(row) for row in session.execute(text(sql))]


def test_the_reseal_command_seals_a_database_with_the_newest_key(tmp_path):
    """`python -m identity_service reseal`, the operator's step after rotating the data key."""
    import sqlite3
    import subprocess
    import sys

    key = Fernet.generate_key()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/identity.sqlite", "VAR_DIR": str(tmp_path),
           "IDENTITY_DATA_KEYS": key.decode()}
    subprocess.run([sys.executable, "-m", "identity_service", "migrate"], env=env, check=True, timeout=120)
    with sqlite3.connect(tmp_path / "identity.sqlite") as conn:  # a key an older release wrote in clear
        conn.execute("INSERT INTO signing_keys (kid, private_pem, public_jwk, created_at) VALUES "
                     "('k1', '-----BEGIN PRIVATE KEY-----', '{}', '2026-01-01 00:00:00.000000')")
    done = subprocess.run([sys.executable, "-m", "identity_service", "reseal"], env=env, check=True, timeout=120,
                          capture_output=True, text=True)
    assert "re-sealed 1 identity secrets" in done.stdout
    with sqlite3.connect(tmp_path / "identity.sqlite") as conn:
        [(raw,)] = conn.execute("SELECT private_pem FROM signing_keys").fetchall()
    assert Sealer([key]).open(raw) == "-----BEGIN PRIVATE KEY-----" and raw.startswith(PREFIX)
