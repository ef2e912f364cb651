"""Passkeys (WebAuthn level 2) through py_webauthn: who the relying party is, the options of the
registration and authentication ceremonies, their verification, the signature counter rule, and
decoy credential ids so that a username-first login does not tell which accounts exist.

Free of I/O: the journeys (`journeys/passkeys.py`) store challenges and credentials.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import secrets
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

from webauthn import (
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import base64url_to_bytes, bytes_to_base64url, parse_authentication_credential_json
from webauthn.helpers.exceptions import WebAuthnException
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    AuthenticatorTransport,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

CEREMONY_TTL = timedelta(minutes=5)  # a challenge is refused after this, used or not
CEREMONY_TIMEOUT_MS = 120_000  # what the browser is told it may take
NAME_MAX_LENGTH = 60
DEFAULT_RP_NAME = "Área Cliente"
# What decoys claim; the usual answer of a platform passkey that can also sign in from a phone.
_DECOY_TRANSPORTS = ("internal", "hybrid")
_DECOY_LENGTHS = (16, 20, 32)  # credential id lengths of common platform authenticators


class PasskeyRefused(Exception):
    """A ceremony's answer that does not verify (py_webauthn's reason, for logs and audit)."""


@dataclass(frozen=True)
class RelyingParty:
    id: str  # the host name the credentials are bound to, e.g. "portal.example.com"
    name: str
    origins: tuple[str, ...]  # where the browser may run the ceremony, e.g. "https://portal.example.com"


def relying_party(public_base_url: str, *, rp_id: str = "", origins: str = "",
                  name: str = DEFAULT_RP_NAME) -> RelyingParty:
    """The RP from the portal's public URL, unless `rp_id` and `origins` (comma-separated) say
    otherwise. Browsers refuse an IP address as RP id, and `http://localhost` is a secure context
    while `http://127.0.0.1` is not always: a loopback address becomes "localhost" (local runs)."""
    url = urlsplit(public_base_url.strip())
    host = url.hostname or "localhost"
    if _is_loopback(host):
        host = "localhost"
    port = f":{url.port}" if url.port else ""
    default_origin = f"{url.scheme or 'https'}://{host}{port}"
    listed = tuple(o.strip().rstrip("/") for o in origins.split(",") if o.strip())
    return RelyingParty(id=rp_id.strip() or host, name=name, origins=listed or (default_origin,))


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# --- challenges ------------------------------------------------------------------------------
def new_challenge() -> bytes:
    return secrets.token_bytes(32)


def challenge_hash(challenge: bytes) -> str:
    """Challenges are stored hashed: the database alone cannot answer a ceremony."""
    return hashlib.sha256(challenge).hexdigest()


def claimed_challenge(credential_json: str) -> bytes | None:
    """The challenge the browser signed, from the answer's clientDataJSON (to find the stored
    ceremony; the verification then compares it again). None when the answer is malformed."""
    try:
        answer = json.loads(credential_json)
        client_data = json.loads(base64url_to_bytes(answer["response"]["clientDataJSON"]))
        return base64url_to_bytes(client_data["challenge"])
    except (ValueError, KeyError, TypeError):
        return None


def claimed_credential_id(credential_json: str) -> str:
    """The credential id an authentication answer names ("" when malformed)."""
    try:
        return parse_authentication_credential_json(credential_json).id
    except (WebAuthnException, ValueError, TypeError):
        return ""


# --- options ---------------------------------------------------------------------------------
def registration_options(rp: RelyingParty, *, user_handle: bytes, user_name: str, display_name: str,
                         challenge: bytes, existing: list[str]) -> str:
    """navigator.credentials.create()'s options as JSON: a discoverable credential when the
    authenticator can (so the login needs no user name), user verification preferred, no
    attestation (we trust no vendor list), and the user's existing credentials excluded."""
    options = generate_registration_options(
        rp_id=rp.id, rp_name=rp.name, user_id=user_handle, user_name=user_name,
        user_display_name=display_name or user_name, challenge=challenge, timeout=CEREMONY_TIMEOUT_MS,
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.PREFERRED,
            user_verification=UserVerificationRequirement.PREFERRED),
        exclude_credentials=[PublicKeyCredentialDescriptor(id=base64url_to_bytes(c)) for c in existing],
    )
    return options_to_json(options)


def authentication_options(rp: RelyingParty, *, challenge: bytes, allowed: list[tuple[str, list[str]]],
                           user_verification: bool) -> str:
    """navigator.credentials.get()'s options as JSON. `allowed` (credential id, transports) is
    empty for a discoverable login: the authenticator offers the accounts it holds."""
    descriptors = [PublicKeyCredentialDescriptor(id=base64url_to_bytes(c), transports=_transports(t))
                   for c, t in allowed]
    options = generate_authentication_options(
        rp_id=rp.id, challenge=challenge, timeout=CEREMONY_TIMEOUT_MS, allow_credentials=descriptors,
        user_verification=(UserVerificationRequirement.REQUIRED if user_verification
                           else UserVerificationRequirement.PREFERRED))
    return options_to_json(options)


def _transports(names: list[str]) -> list[AuthenticatorTransport] | None:
    known = [AuthenticatorTransport(n) for n in names if n in {t.value for t in AuthenticatorTransport}]
    return known or None


# --- verification ----------------------------------------------------------------------------
@dataclass(frozen=True)
class NewPasskey:
    credential_id: str  # base64url
    public_key: str  # base64url of the COSE key
    sign_count: int
    aaguid: str
    backed_up: bool
    transports: list[str]


@dataclass(frozen=True)
class Assertion:
    credential_id: str
    sign_count: int
    user_verified: bool
    backed_up: bool
    user_handle: bytes | None


def verify_new_passkey(rp: RelyingParty, credential_json: str, challenge: bytes) -> NewPasskey:
    try:
        verified = verify_registration_response(
            credential=credential_json, expected_challenge=challenge, expected_rp_id=rp.id,
            expected_origin=list(rp.origins))
        transports = json.loads(credential_json).get("response", {}).get("transports") or []
    except (WebAuthnException, ValueError, TypeError, AttributeError) as exc:
        raise PasskeyRefused(str(exc)) from exc
    return NewPasskey(
        credential_id=bytes_to_base64url(verified.credential_id),
        public_key=bytes_to_base64url(verified.credential_public_key), sign_count=verified.sign_count,
        aaguid=str(verified.aaguid), backed_up=verified.credential_backed_up,
        transports=[t for t in transports if isinstance(t, str)][:8],
    )


def verify_assertion(rp: RelyingParty, credential_json: str, challenge: bytes, *, public_key: str,
                     require_user_verification: bool) -> Assertion:
    """Signature, challenge, origin, RP id, presence (and verification when required). The
    counter is left to `counter_regressed`, after the signature is known to be good: a regression
    then means a cloned authenticator, not a forged answer."""
    try:
        credential = parse_authentication_credential_json(credential_json)
        verified = verify_authentication_response(
            credential=credential, expected_challenge=challenge, expected_rp_id=rp.id,
            expected_origin=list(rp.origins), credential_public_key=base64url_to_bytes(public_key),
            credential_current_sign_count=0, require_user_verification=require_user_verification)
    except (WebAuthnException, ValueError, TypeError) as exc:
        raise PasskeyRefused(str(exc)) from exc
    return Assertion(credential_id=credential.id, sign_count=verified.new_sign_count,
                     user_verified=verified.user_verified, backed_up=verified.credential_backed_up,
                     user_handle=credential.response.user_handle)


def counter_regressed(stored: int, received: int) -> bool:
    """WebAuthn §6.1.1: an authenticator that keeps a counter must show a higher one every time;
    zero on both sides means it keeps none (synced passkeys)."""
    return (stored > 0 or received > 0) and received <= stored


def user_handle(user_id: str) -> bytes:
    """The WebAuthn user handle: the user's random id (no personal data, as the spec asks)."""
    return user_id.encode()


# --- decoys ----------------------------------------------------------------------------------
def decoy_credentials(secret: bytes, tenant_id: str, login: str) -> list[tuple[str, list[str]]]:
    """One or two credential ids that look real and are always the same for the same login
    (derived with a server secret), for logins that have no passkey: a username-first login then
    answers alike for every account, existing or not."""
    def derived(label: str) -> bytes:
        message = f"{tenant_id}\x00{login.strip().lower()}\x00{label}".encode()
        return hmac.new(secret, message, hashlib.sha256).digest()

    shape = derived("shape")
    decoys = []
    for index in range(1 + shape[0] % 2):
        length = _DECOY_LENGTHS[shape[1 + index] % len(_DECOY_LENGTHS)]
        decoys.append((bytes_to_base64url(derived(f"id{index}")[:length]), list(_DECOY_TRANSPORTS)))
    return decoys


def passkey_name(name: str) -> str:
    """The user's name for a passkey, trimmed; raises ValueError when empty or too long."""
    cleaned = " ".join(name.split())
    if not cleaned or len(cleaned) > NAME_MAX_LENGTH:
        raise ValueError(name)
    return cleaned
