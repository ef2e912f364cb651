"""Signing keys: RS256 key pairs with a `kid`, rotated by age; the JWKS keeps retired keys
until every token they signed has expired."""

from __future__ import annotations

import json
import threading
import time

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy import select

from clientarea_shared.db import Database, new_id, utcnow
from clientarea_shared.runtime import Runtime
from identity_service.domain.tokens import ACCESS_TOKEN_TTL, KEY_ROTATION_AGE
from identity_service.models import SigningKey


def _generate() -> SigningKey:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    kid = new_id()
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(private.public_key()))
    jwk.update({"kid": kid, "alg": "RS256", "use": "sig"})
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    return SigningKey(kid=kid, private_pem=pem, public_jwk=jwk, created_at=utcnow())


class KeyRing:
    """The active signing key and the published JWKS, cached and refreshed every minute."""

    def __init__(self, db: Database, refresh_seconds: float = 60.0):
        self._db = db
        self._refresh = refresh_seconds
        self._lock = threading.Lock()
        self._loaded_at = float("-inf")
        self._active: tuple[str, rsa.RSAPrivateKey] | None = None  # parsed once: PEM parsing was a third of a login
        self._jwks = ""

    def ensure_current_key(self) -> None:
        """Create the first key, or rotate when the active one is older than the rotation age."""
        with self._db.session() as session:
            active = session.scalars(
                select(SigningKey).where(SigningKey.retired_at.is_(None))
                .order_by(SigningKey.created_at.desc())
            ).first()
            now = utcnow()
            if active is not None and active.created_at > now - KEY_ROTATION_AGE:
                return
            if active is not None:
                active.retired_at = now
            session.add(_generate())
        self._loaded_at = float("-inf")

    def _load(self) -> None:
        with self._lock:
            if time.monotonic() - self._loaded_at < self._refresh and self._active:
                return
            cutoff = utcnow() - ACCESS_TOKEN_TTL * 2
            with self._db.session() as session:
                keys = session.scalars(select(SigningKey).order_by(SigningKey.created_at.desc())).all()
            if not keys:
                raise RuntimeError("no signing key: run ensure_current_key() first")
            active = next(k for k in keys if k.retired_at is None)
            published = [k.public_jwk for k in keys
                         if k.retired_at is None or k.retired_at > cutoff]
            private = serialization.load_pem_private_key(active.private_pem.encode(), password=None)
            assert isinstance(private, rsa.RSAPrivateKey)
            self._active = (active.kid, private)
            self._jwks = json.dumps({"keys": published})
            self._loaded_at = time.monotonic()

    def sign(self, claims: dict) -> str:
        self._load()
        assert self._active is not None
        kid, private = self._active
        return jwt.encode(claims, private, algorithm="RS256", headers={"kid": kid})

    def jwks(self) -> str:
        self._load()
        return self._jwks


def key_ring(runtime: Runtime) -> KeyRing:
    """The process's key ring (identity signs with it and verifies its own tokens from it)."""
    return runtime.component("key_ring", lambda rt: KeyRing(rt.db))
