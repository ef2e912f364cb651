"""Quick access by process number (seed 003), collections' part.

Staff open a case for a client of their firm, or renew a case's access key; either way the client
is e-mailed the process number and a new key (`collections.case_access_key_issued`, consumed by
notification). Identity's quick-access login asks `VerifyCaseAccess` with its service token. A
quick-access token (role `quick-access`, scope `case:<id>`) reads that one case and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import grpc
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clientarea.collections.v1 import collections_pb2 as pb
from clientarea.crm.v1 import crm_pb2, crm_pb2_grpc
from clientarea.identity.v1 import identity_pb2, identity_pb2_grpc
from clientarea_shared.context import Principal, client_scope, current_principal
from clientarea_shared.db import new_id, utcnow
from clientarea_shared.errors import Conflict, FieldError, Invalid, NotFound, from_rpc_error
from clientarea_shared.events import record_event
from clientarea_shared.permissions import Permission, allows, require
from clientarea_shared.runtime import Runtime
from collections_service.access_keys import hash_key, new_access_key, normalise_number, verify_key
from collections_service.domain import NewCase, build_case, next_number
from collections_service.models import PLUMBING, Case
from collections_service.repository import CaseRepository

EVENT_TYPE = "collections.case_access_key_issued"
CALL_TIMEOUT_SECONDS = 3.0
_DUPLICATE = "A case with this process number already exists"


def case_scope(case_id: str) -> str:
    """The token scope naming the one case a quick-access token may read (identity writes it)."""
    return f"case:{case_id}"


def case_reader(case_id: str) -> Principal:
    """The caller of a read of one case: staff and the case's customer as before, and a
    quick-access visitor only for the case their token names. Any other case is answered exactly
    like a missing one."""
    principal = current_principal()
    if allows(principal, Permission.QUICK_ACCESS_CASE_READ):
        if not case_id or case_scope(case_id) not in principal.scope:
            raise NotFound("Case not found")
        return principal
    return client_scope()


@dataclass(frozen=True)
class _Recipient:
    """Who is told the key, and in what firm's name (asked of crm and identity)."""

    email: str
    display_name: str
    locale: str
    tenant_slug: str
    tenant_name: str


def mask_email(address: str) -> str:
    local, _, domain = address.partition("@")
    return f"{local[:1]}***@{domain}" if domain else ""


class QuickAccess:
    def __init__(self, runtime: Runtime):
        self.runtime = runtime
        self.db = runtime.db

    # --- staff -----------------------------------------------------------------------------
    def open_case(self, request: pb.OpenCaseRequest) -> Case:
        principal = require(Permission.CASES_MANAGE)
        new = build_case(
            client_id=request.client_id, number=request.number, kind=request.kind, phase=request.phase,
            debtor_name=request.debtor_name, debtor_tax_id=request.debtor_tax_id.number,
            debtor_tax_id_type=request.debtor_tax_id.type, amount_minor=request.amount.minor_units,
            currency=request.amount.currency, opened_on=request.opened_on, today=date.today(),
        )
        recipient = self._recipient(principal, new.client_id)
        key = new_access_key()
        key_hash = hash_key(key)  # ~50 ms: before the transaction, which stays short
        with self.db.session() as session:
            case = self._insert(CaseRepository(session, principal.tenant_id), new, key_hash)
            self._announce(session, case, key, "opened", recipient)
            return case

    def renew_key(self, request: pb.RenewCaseAccessKeyRequest) -> pb.RenewCaseAccessKeyResponse:
        """A new key replaces the old one at once (lost e-mail, or a key shared too widely)."""
        principal = require(Permission.CASES_MANAGE)
        with self.db.read() as session:
            case = CaseRepository(session, principal.tenant_id).get(request.case_id) if request.case_id else None
            if case is None:
                raise NotFound("Case not found")
            client_id = case.client_id
        recipient = self._recipient(principal, client_id)
        if not recipient.email:
            raise Invalid.field("email", "required", "The client has no e-mail address to send the key to")
        key = new_access_key()
        key_hash = hash_key(key)
        with self.db.session() as session:
            case = CaseRepository(session, principal.tenant_id).get_for_update(request.case_id)
            if case is None:
                raise NotFound("Case not found")
            case.access_key_hash, case.access_key_issued_at = key_hash, utcnow()
            self._announce(session, case, key, "renewed", recipient)
        return pb.RenewCaseAccessKeyResponse(case_id=request.case_id, sent_to=mask_email(recipient.email))

    # --- another service: identity's quick-access login ------------------------------------
    def verify(self, request: pb.VerifyCaseAccessRequest) -> pb.CaseAccess:
        principal = require(Permission.SERVICE_LOOKUPS)
        number = normalise_number(request.process_number)
        with self.db.read() as session:
            case = CaseRepository(session, principal.tenant_id).by_number(number) if number else None
            stored = case.access_key_hash if case is not None else ""
            answer = pb.CaseAccess(case_id=case.id, client_id=case.client_id, number=case.number) if case else None
        # Outside the transaction; a missing case costs the same scrypt work as a wrong key.
        if not verify_key(stored, request.access_key) or answer is None:
            raise NotFound("No case with this process number and access key", "case_access_denied")
        return answer

    # --- helpers ---------------------------------------------------------------------------
    def _insert(self, repo: CaseRepository, new: NewCase, key_hash: str) -> Case:
        year = new.opened_on.year
        number = new.number or next_number(repo.numbers_starting(f"EXP-{year}-"), year)
        if repo.by_number(number) is not None:
            raise Conflict(_DUPLICATE, "duplicate_number", [FieldError("number", "duplicate", _DUPLICATE)])
        now = utcnow()
        case = Case(
            id=new_id(), tenant_id=repo.tenant_id, client_id=new.client_id, number=number, kind=new.kind,
            status="open", phase=new.phase, debtor_name=new.debtor_name,
            debtor_tax_id_type=new.debtor_tax_id_type, debtor_tax_id=new.debtor_tax_id, currency=new.currency,
            amount_minor=new.amount_minor, opened_on=new.opened_on, created_at=now,
            access_key_hash=key_hash, access_key_issued_at=now,
        )
        try:
            with repo.session.begin_nested():
                return repo.add(case)
        except IntegrityError as exc:  # the same number given at the same moment by a colleague
            raise Conflict(_DUPLICATE, "duplicate_number",
                           [FieldError("number", "duplicate", _DUPLICATE)]) from exc

    def _recipient(self, principal: Principal, client_id: str) -> _Recipient:
        """The client (from crm, which answers only within the caller's firm, so another firm's
        client is unknown here) and the firm's name and slug (from identity)."""
        crm = crm_pb2_grpc.CrmServiceStub(self.runtime.channels.get("crm"))
        identity = identity_pb2_grpc.IdentityServiceStub(self.runtime.channels.get("identity"))
        try:
            client = crm.GetClient(crm_pb2.GetClientRequest(id=client_id), timeout=CALL_TIMEOUT_SECONDS)
            tenant = identity.GetTenant(identity_pb2.GetTenantRequest(id=principal.tenant_id),
                                        timeout=CALL_TIMEOUT_SECONDS)
        except grpc.RpcError as exc:
            error = from_rpc_error(exc)
            if isinstance(error, NotFound):
                raise Invalid.field("client_id", "unknown", "There is no such client in your firm") from exc
            raise error from exc
        return _Recipient(email=client.email, display_name=client.display_name, locale=client.locale or "es",
                          tenant_slug=tenant.slug, tenant_name=tenant.name)

    @staticmethod
    def _announce(session: Session, case: Case, key: str, reason: str, recipient: _Recipient) -> None:
        record_event(session, PLUMBING, source="collections", tenant_id=case.tenant_id, event_type=EVENT_TYPE,
                     payload=pb.CaseAccessKeyIssued(
                         case_id=case.id, client_id=case.client_id, number=case.number, access_key=key,
                         reason=reason, email=recipient.email, display_name=recipient.display_name,
                         locale=recipient.locale, tenant_slug=recipient.tenant_slug,
                         tenant_name=recipient.tenant_name))
