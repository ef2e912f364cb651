"""Access-token verification, the same in the gateway and in every service.

Tokens are RS256 JWTs. Identity always signs some (its own logins with the built-in credential
provider, the service tokens it mints to call other services, quick access); with Keycloak as the
credential provider, the realm signs the users' tokens too (docs/keycloak.md). So a verifier trusts
a list of issuers, each with its own JWKS source and the claim that holds the user id: a token's
`iss` picks the issuer, and only that issuer's keys may verify it, so one issuer's key can never
vouch for a token naming another.

Each issuer's JWKS is kept in memory and reloaded when a token names an unknown `kid` (key
rotation), at most once per interval so a flood of forged kids cannot hammer the key source. A
verified token is remembered until it expires: a page's calls present the same token to each
service several times a second, and the RSA check and claim parsing need not run again for an
identical string.
"""

from __future__ import annotations

import base64
import binascii
import json
import threading
import time
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit

import jwt

from clientarea_shared.context import Principal
from clientarea_shared.errors import Unauthenticated

ALGORITHM = "RS256"
VERIFIED_CACHE_SIZE = 10_000
JWKS_TIMEOUT_SECONDS = 3.0
# Keycloak's token endpoint layout: where a realm (issuer `<server>/realms/<realm>`) publishes its keys.
KEYCLOAK_CERTS_PATH = "/protocol/openid-connect/certs"


@dataclass(frozen=True)
class TrustedIssuer:
    """An issuer whose access tokens are accepted."""

    issuer: str  # the tokens' `iss`, compared exactly
    load_jwks: Callable[[], str]  # its JSON Web Key Set
    subject_claim: str = "sub"  # the claim that holds identity's user id
    # When set, a token's `typ` claim must be this (Keycloak marks access tokens "Bearer", and its ID and
    # refresh tokens otherwise; identity's tokens carry no `typ`).
    token_type: str = ""


class _TokenSettings(Protocol):
    """The fields of clientarea_shared.config.Settings that say which issuers to trust."""

    oidc_issuer: str
    oidc_jwks_url: str
    oidc_subject_claim: str


def jwks_over_http(url: str, timeout_seconds: float = JWKS_TIMEOUT_SECONDS) -> Callable[[], str]:
    """A JWKS loader that GETs `url` (an OpenID provider's `jwks_uri`)."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise ValueError(f"a JWKS URL must be http(s): {url!r}")

    def load() -> str:
        request = urllib.request.Request(url, headers={"Accept": "application/json"})  # noqa: S310 - scheme checked
        with urllib.request.urlopen(request, timeout=timeout_seconds) as answer:  # noqa: S310
            return answer.read().decode()

    return load


def external_issuers(settings: _TokenSettings) -> list[TrustedIssuer]:
    """The OpenID provider the settings trust besides identity (Keycloak's realm: OIDC_ISSUER, its keys at
    OIDC_JWKS_URL, by default Keycloak's `<issuer>/protocol/openid-connect/certs`), or none."""
    if not settings.oidc_issuer:
        return []
    url = settings.oidc_jwks_url or settings.oidc_issuer.rstrip("/") + KEYCLOAK_CERTS_PATH
    return [TrustedIssuer(settings.oidc_issuer, jwks_over_http(url), subject_claim=settings.oidc_subject_claim or "sub",
                          token_type="Bearer")]  # noqa: S106 - the OAuth token type, not a secret


class _IssuerKeys:
    """The signing keys of one trusted issuer, reloaded on an unknown kid at most once per interval."""

    def __init__(self, trusted: TrustedIssuer, reload_interval_seconds: float):
        self.trusted = trusted
        self._reload_interval = reload_interval_seconds
        self._keys: dict[str, jwt.PyJWK] = {}
        self._loaded_at = float("-inf")
        self._lock = threading.Lock()

    def _reload(self) -> None:
        with self._lock:
            if time.monotonic() - self._loaded_at < self._reload_interval and self._keys:
                return
            jwks = json.loads(self.trusted.load_jwks())
            self._keys = {k["kid"]: jwt.PyJWK(k, algorithm=ALGORITHM) for k in jwks["keys"] if _signs_rs256(k)}
            self._loaded_at = time.monotonic()

    def key_for(self, kid: str) -> jwt.PyJWK:
        if kid not in self._keys:
            try:
                self._reload()
            except Exception as exc:  # the key source is unreachable: fail closed
                raise Unauthenticated("Token keys are unavailable", "jwks_unavailable") from exc
        key = self._keys.get(kid)
        if key is None:
            raise Unauthenticated("The token is not valid", "invalid_token")
        return key


def _signs_rs256(jwk: dict[str, Any]) -> bool:
    """Only RSA signing keys: an OpenID provider also publishes encryption keys (Keycloak: `use: enc`,
    RSA-OAEP), which must never verify a token."""
    return (bool(jwk.get("kid")) and jwk.get("kty") == "RSA" and jwk.get("use", "sig") == "sig"
            and jwk.get("alg", ALGORITHM) == ALGORITHM)


class TokenVerifier:
    """Verifies tokens of `issuer` (keys from `load_jwks`, user id in `subject_claim`) and of every issuer in
    `also_trusted`, all for `audience`."""

    def __init__(
        self,
        load_jwks: Callable[[], str],
        issuer: str,
        audience: str,
        reload_interval_seconds: float = 30.0,
        leeway_seconds: int = 5,
        *,
        subject_claim: str = "sub",
        also_trusted: Sequence[TrustedIssuer] = (),
    ):
        trusted = [TrustedIssuer(issuer, load_jwks, subject_claim), *also_trusted]
        self._issuers = {t.issuer: _IssuerKeys(t, reload_interval_seconds) for t in trusted}
        if len(self._issuers) != len(trusted):
            raise ValueError("each trusted issuer must be named once")
        self._only = self._issuers[issuer] if len(self._issuers) == 1 else None
        self._audience = audience
        self._leeway = leeway_seconds
        self._verified: dict[str, tuple[float, Principal]] = {}  # token -> (expires at, principal)

    @property
    def issuers(self) -> list[str]:
        return list(self._issuers)

    def verify(self, token: str) -> Principal:
        remembered = self._verified.get(token)
        if remembered is not None and remembered[0] > time.time():
            return remembered[1]
        principal, expires_at = self._verify_signed(token)
        if len(self._verified) >= VERIFIED_CACHE_SIZE:
            self._verified.clear()  # simple bound; a miss only costs one verification
        self._verified[token] = (expires_at, principal)
        return principal

    def _issuer_keys(self, token: str) -> _IssuerKeys:
        """The keys of the issuer the token names (unverified: the signature check with exactly these keys,
        and the `iss` check against exactly this issuer, follow)."""
        if self._only is not None:
            return self._only
        keys = self._issuers.get(_unverified_issuer(token))
        if keys is None:
            raise Unauthenticated("The token is not valid", "invalid_token")
        return keys

    def _verify_signed(self, token: str) -> tuple[Principal, float]:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise Unauthenticated("The token is not valid", "invalid_token") from exc
        if header.get("alg") != ALGORITHM or not header.get("kid"):
            raise Unauthenticated("The token is not valid", "invalid_token")
        issuer = self._issuer_keys(token)
        trusted = issuer.trusted
        key = issuer.key_for(str(header["kid"]))
        try:
            claims = jwt.decode(
                token,
                key.key,
                algorithms=[ALGORITHM],
                audience=self._audience,
                issuer=trusted.issuer,
                leeway=self._leeway,
                options={"require": ["exp", "iat", "tid", trusted.subject_claim]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise Unauthenticated("The session has expired", "token_expired") from exc
        except jwt.PyJWTError as exc:
            raise Unauthenticated("The token is not valid", "invalid_token") from exc
        if trusted.token_type and claims.get("typ") != trusted.token_type:
            raise Unauthenticated("The token is not valid", "invalid_token")
        return principal_from_claims(claims, token, trusted.subject_claim), float(claims["exp"])


def _unverified_issuer(token: str) -> str:
    """The `iss` of a compact JWS, read without checking anything ("" when unreadable)."""
    parts = token.split(".")
    if len(parts) != 3:
        return ""
    try:
        claims = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
    except (binascii.Error, ValueError):
        return ""
    issuer = claims.get("iss") if isinstance(claims, dict) else None
    return issuer if isinstance(issuer, str) else ""


def principal_from_claims(claims: dict, token: str = "", subject_claim: str = "sub") -> Principal:
    """The caller a verified token names; `subject_claim` holds identity's user id (`sub` in identity's own
    tokens, `preferred_username` in Keycloak's, whose `sub` is Keycloak's internal id)."""
    return Principal(
        user_id=str(claims[subject_claim]),
        tenant_id=str(claims["tid"]),
        roles=frozenset(claims.get("roles", [])),
        client_id=str(claims.get("cid") or ""),
        client_role=str(claims.get("crole") or ""),  # a customer's role within their client (permissions.py)
        session_id=str(claims.get("sid") or ""),
        scope=frozenset(str(claims.get("scope") or "").split()),
        display_name=str(claims.get("name") or ""),
        token=token,
    )
