"""Quick access by process number (seed 003): the process number and the access key e-mailed when
the case was opened give a limited, short-lived access token.

Collections keeps the keys (hashed) and answers `VerifyCaseAccess` to identity's service token
only. The token has the role `quick-access`, the case's client and the scope `case:<id>`; the
gateway lets it reach only that case, the firm's news and logout, and collections checks the
scope again. There is no refresh token and no session row: when the token expires (20 minutes)
the visitor types the key again.

Wrong keys are throttled exactly like passwords (`domain/throttling.py`): one counter per process
number as typed (so unknown numbers lock like real ones) and one per source address. An unknown
firm, an unknown number and a wrong key get the same answer, and each costs the same key check in
collections.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

import grpc

from clientarea.collections.v1 import collections_pb2, collections_pb2_grpc
from clientarea.identity.v1 import identity_pb2 as pb
from clientarea_shared.context import QUICK_ACCESS
from clientarea_shared.db import new_id, utcnow
from clientarea_shared.errors import DomainError, FieldError, Invalid, NotFound, Unauthenticated, from_rpc_error
from identity_service.journeys.attempts import clear_failures, record_failure, required_wait, too_many_attempts
from identity_service.journeys.common import Identity, address_key
from identity_service.repository import IdentityRepository

QUICK_ACCESS_TOKEN_TTL = timedelta(minutes=20)
VERIFY_TIMEOUT_SECONDS = 3.0
BAD_ACCESS = "The process number or the access key is not correct"
# The firm a service token names when the typed one does not exist: collections finds no case in
# it (and still checks the key against a dummy hash, so the answer takes as long).
_NO_FIRM = "unknown-firm"


def process_key(tenant_id: str, process_number: str) -> str:
    """The throttle key of a process number as typed (spaces and case ignored)."""
    typed = "".join(process_number.split()).upper()
    digest = hashlib.sha256(f"{tenant_id}\x00{typed}".encode()).hexdigest()[:40]
    return f"process:{digest}"


def _required(request: pb.QuickAccessLoginRequest) -> None:
    missing = [FieldError(name, "required", message) for name, value, message in (
        ("process_number", request.process_number, "Enter the process number"),
        ("access_key", request.access_key, "Enter the access key"),
    ) if not value.strip()]
    if missing:
        raise Invalid(errors=missing)


def quick_access_login(idn: Identity, request: pb.QuickAccessLoginRequest) -> pb.TokenPair:
    _required(request)
    with idn.db.read() as db:
        tenant = IdentityRepository(db).tenant_by_slug(request.tenant)
        tenant_id = tenant.id if tenant else ""
        throttle_tenant = tenant_id or f"unknown:{request.tenant.strip().lower()[:60]}"
        keys = (process_key(throttle_tenant, request.process_number), address_key(request.source_address))
        wait = required_wait(IdentityRepository(db), keys)
    audit = {"source_address": request.source_address, "user_agent": request.user_agent,
             "process_number": request.process_number.strip()[:40]}
    failure: DomainError
    if wait > timedelta(0):
        # Refused before the key is checked: a locked process number cannot be guessed at.
        with idn.db.session() as db:
            repo = IdentityRepository(db)
            if tenant_id:
                repo.audit(tenant_id=tenant_id, user_id=None, action="quick_access_login", outcome="throttled",
                           **audit)
            record_failure(repo, keys, while_waiting=True)
        raise too_many_attempts(wait)
    access = _verify(idn, tenant_id or _NO_FIRM, request)  # outside any transaction: a network call
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        if access is not None and tenant_id:
            clear_failures(repo, keys[0])
            repo.audit(tenant_id=tenant_id, user_id=None, action="quick_access_login", outcome="success",
                       case_id=access.case_id, client_id=access.client_id, **audit)
            return _token(idn, tenant_id, access)
        locked = record_failure(repo, keys)
        if tenant_id:
            repo.audit(tenant_id=tenant_id, user_id=None, action="quick_access_login", outcome="failure", **audit)
            for kind in locked:
                repo.audit(tenant_id=tenant_id, user_id=None, action="lockout",
                           outcome="process" if kind == "account" else kind, **audit)
        failure = Unauthenticated(BAD_ACCESS, "invalid_quick_access")
    raise failure  # after the commit, so the attempt stays counted and audited


def _verify(idn: Identity, tenant_id: str, request: pb.QuickAccessLoginRequest) -> collections_pb2.CaseAccess | None:
    """Collections' answer for the firm's process number and key; None when they open nothing."""
    stub = collections_pb2_grpc.CollectionsServiceStub(idn.runtime.channels.get("collections"))
    try:
        return stub.VerifyCaseAccess(
            collections_pb2.VerifyCaseAccessRequest(process_number=request.process_number,
                                                    access_key=request.access_key),
            timeout=VERIFY_TIMEOUT_SECONDS,
            metadata=[("authorization", f"Bearer {idn.service_token(tenant_id)}")])
    except grpc.RpcError as exc:
        error = from_rpc_error(exc)
        if isinstance(error, NotFound):
            return None
        raise error from exc


def _token(idn: Identity, tenant_id: str, access: collections_pb2.CaseAccess) -> pb.TokenPair:
    """An access token for the one case: no refresh token, no session to extend."""
    now = utcnow()
    claims = {
        "iss": idn.settings.token_issuer, "aud": idn.settings.token_audience,
        "sub": f"quick-access:{access.case_id}", "tid": tenant_id, "roles": [QUICK_ACCESS],
        "cid": access.client_id, "scope": f"case:{access.case_id}", "iat": int(now.timestamp()),
        "exp": int((now + QUICK_ACCESS_TOKEN_TTL).timestamp()), "jti": new_id(),
    }
    return pb.TokenPair(
        access_token=idn.keys.sign(claims), token_type="Bearer",  # noqa: S106 - the OAuth token type
        expires_in=int(QUICK_ACCESS_TOKEN_TTL.total_seconds()),
    )
