"""Access-token verification, the same in the gateway and in every service.

Tokens are RS256 JWTs signed by identity; the verifier keeps identity's JWKS in memory and
reloads it when a token names an unknown `kid` (key rotation), at most once per interval so a
flood of forged kids cannot hammer identity. A verified token is remembered until it expires:
a page's calls present the same token to each service several times a second, and the RSA check
and claim parsing need not run again for an identical string.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable

import jwt

from clientarea_shared.context import Principal
from clientarea_shared.errors import Unauthenticated

ALGORITHM = "RS256"
VERIFIED_CACHE_SIZE = 10_000


class TokenVerifier:
    def __init__(
        self,
        load_jwks: Callable[[], str],
        issuer: str,
        audience: str,
        reload_interval_seconds: float = 30.0,
        leeway_seconds: int = 5,
    ):
        self._load_jwks = load_jwks
        self._issuer = issuer
        self._audience = audience
        self._reload_interval = reload_interval_seconds
        self._leeway = leeway_seconds
        self._keys: dict[str, jwt.PyJWK] = {}
        self._verified: dict[str, tuple[float, Principal]] = {}  # token -> (expires at, principal)
        self._loaded_at = float("-inf")
        self._lock = threading.Lock()

    def _reload(self) -> None:
        with self._lock:
            if time.monotonic() - self._loaded_at < self._reload_interval and self._keys:
                return
            jwks = json.loads(self._load_jwks())
            self._keys = {k["kid"]: jwt.PyJWK(k, algorithm=ALGORITHM) for k in jwks["keys"]}
            self._loaded_at = time.monotonic()

    def _key_for(self, kid: str) -> jwt.PyJWK:
        if kid not in self._keys:
            try:
                self._reload()
            except Exception as exc:  # identity unreachable: fail closed
                raise Unauthenticated("Token keys are unavailable", "jwks_unavailable") from exc
        key = self._keys.get(kid)
        if key is None:
            raise Unauthenticated("The token is not valid", "invalid_token")
        return key

    def verify(self, token: str) -> Principal:
        remembered = self._verified.get(token)
        if remembered is not None and remembered[0] > time.time():
            return remembered[1]
        principal, expires_at = self._verify_signed(token)
        if len(self._verified) >= VERIFIED_CACHE_SIZE:
            self._verified.clear()  # simple bound; a miss only costs one verification
        self._verified[token] = (expires_at, principal)
        return principal

    def _verify_signed(self, token: str) -> tuple[Principal, float]:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise Unauthenticated("The token is not valid", "invalid_token") from exc
        if header.get("alg") != ALGORITHM or not header.get("kid"):
            raise Unauthenticated("The token is not valid", "invalid_token")
        key = self._key_for(str(header["kid"]))
        try:
            claims = jwt.decode(
                token,
                key.key,
                algorithms=[ALGORITHM],
                audience=self._audience,
                issuer=self._issuer,
                leeway=self._leeway,
                options={"require": ["exp", "iat", "sub", "tid"]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise Unauthenticated("The session has expired", "token_expired") from exc
        except jwt.PyJWTError as exc:
            raise Unauthenticated("The token is not valid", "invalid_token") from exc
        return principal_from_claims(claims, token), float(claims["exp"])


def principal_from_claims(claims: dict, token: str = "") -> Principal:
    return Principal(
        user_id=str(claims["sub"]),
        tenant_id=str(claims["tid"]),
        roles=frozenset(claims.get("roles", [])),
        client_id=str(claims.get("cid") or ""),
        client_role=str(claims.get("crole") or ""),
        session_id=str(claims.get("sid") or ""),
        scope=frozenset(str(claims.get("scope") or "").split()),
        display_name=str(claims.get("name") or ""),
        token=token,
    )
