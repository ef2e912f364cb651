"""Quick access by process number (seed 003): the process number and the access key e-mailed
when the case was opened give a limited session that reads that one case and the firm's news.

`POST /auth/quick-access` answers like a login (the token, and for the browser the session and
CSRF cookies) but with no refresh token: the session ends with its 20-minute token. What such a
session may reach at all is decided centrally in `gateway/auth.py` (`quick_access_allowed`).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from clientarea.collections.v1 import collections_pb2
from clientarea.common.v1 import common_pb2
from clientarea.identity.v1 import identity_pb2
from clientarea_shared.context import Principal
from clientarea_shared.errors import NotFound
from clientarea_shared.permissions import Permission, require
from gateway.api import operation
from gateway.auth import request_origin
from gateway.routes.account import TenantOut
from gateway.routes.dashboard import MoneyOut
from gateway.services import call, services
from gateway.signin import start_web_session

CASE_SCOPE_PREFIX = "case:"


class QuickAccessIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    tenant: str = Field(min_length=1, max_length=63, description="The firm's slug")
    process_number: str = Field(min_length=1, max_length=40, description="As in the e-mail, e.g. EXP-2026-00311")
    access_key: str = Field(min_length=1, max_length=40, description="As in the e-mail, e.g. K7QF-3M9P-XA")


class QuickAccessTokenOut(BaseModel):
    access_token: str
    token_type: str = "Bearer"  # noqa: S105 - the OAuth token type
    expires_in: int = Field(description="Seconds; there is no refresh token: type the key again after")


class TaxIdOut(BaseModel):
    type: str
    number: str


class QuickAccessCaseOut(BaseModel):
    id: str
    number: str = Field(description="The process number")
    kind: str = Field(description="debt | process")
    status: str = Field(description="open | closed")
    phase: str
    debtor_name: str
    debtor_tax_id: TaxIdOut | None
    amount: MoneyOut
    opened_on: str
    tenant: TenantOut


def scoped_case_id(principal: Principal) -> str:
    """The case a quick-access token names (`case:<id>` in its scope)."""
    ids = [s.removeprefix(CASE_SCOPE_PREFIX) for s in principal.scope if s.startswith(CASE_SCOPE_PREFIX)]
    if len(ids) != 1 or not ids[0]:
        raise NotFound("Case not found")
    return ids[0]


@operation("/auth/quick-access", "POST", summary="Quick access: process number and access key (seed 003)",
           tag="auth", body=QuickAccessIn, response=QuickAccessTokenOut, public=True, errors=(401, 429))
def quick_access_login(body: QuickAccessIn):  # noqa: ANN201
    """The same 401 `invalid_quick_access` for an unknown firm, number or key; throttled like a login."""
    pair = call(services().identity.QuickAccessLogin, identity_pb2.QuickAccessLoginRequest(
        tenant=body.tenant, process_number=body.process_number, access_key=body.access_key, **request_origin()))
    answer = QuickAccessTokenOut(access_token=pair.access_token, expires_in=pair.expires_in)
    return start_web_session(pair, answer.model_dump())


@operation("/quick-access/case", "GET", summary="The one case of a quick-access session",
           tag="quick-access", response=QuickAccessCaseOut, errors=(404,))
def quick_access_case():  # noqa: ANN201
    principal = require(Permission.QUICK_ACCESS_CASE_READ)
    api = services()
    case = call(api.collections.GetCase, collections_pb2.GetCaseRequest(id=scoped_case_id(principal)))
    tenant = api.tenant(principal.tenant_id)
    tax = case.debtor_tax_id
    return QuickAccessCaseOut(
        id=case.id, number=case.number, kind=case.kind, status=case.status, phase=case.phase,
        debtor_name=case.debtor_name, debtor_tax_id=TaxIdOut(type=tax.type, number=tax.number) if tax.number else None,
        amount=MoneyOut(minor_units=case.amount.minor_units, currency=case.amount.currency),
        opened_on=case.opened_on, tenant=TenantOut(id=tenant.id, slug=tenant.slug, name=tenant.name),
    )


# --- staff: open a case (its client is e-mailed the number and key), renew a case's key ----------
class CaseOpenIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    client_id: str = Field(min_length=1, max_length=36)
    number: str = Field(default="", max_length=40, description="Empty: the next EXP-<year>-<n>")
    kind: str = Field(description="debt | process")
    phase: str = Field(default="", max_length=40, description="Empty: opened")
    debtor_name: str = Field(min_length=1, max_length=250)
    debtor_tax_id: str = Field(default="", max_length=32)
    amount: MoneyOut
    opened_on: str = Field(default="", max_length=10, description="YYYY-MM-DD; empty: today")


class CaseOut(BaseModel):
    id: str
    client_id: str
    number: str
    kind: str
    status: str
    phase: str
    debtor_name: str
    amount: MoneyOut
    opened_on: str


class AccessKeySentOut(BaseModel):
    case_id: str
    sent_to: str = Field(description="The client's e-mail, masked")


@operation("/cases", "POST", summary="Open a case for a client (staff); the client is e-mailed its quick access",
           tag="cases", body=CaseOpenIn, response=CaseOut, status=201, errors=(409,))
def open_case(body: CaseOpenIn):  # noqa: ANN201
    case = call(services().collections.OpenCase, collections_pb2.OpenCaseRequest(
        client_id=body.client_id, number=body.number, kind=body.kind, phase=body.phase,
        debtor_name=body.debtor_name, debtor_tax_id=common_pb2.TaxId(number=body.debtor_tax_id),
        amount=common_pb2.Money(minor_units=body.amount.minor_units, currency=body.amount.currency),
        opened_on=body.opened_on))
    return CaseOut(id=case.id, client_id=case.client_id, number=case.number, kind=case.kind, status=case.status,
                   phase=case.phase, debtor_name=case.debtor_name,
                   amount=MoneyOut(minor_units=case.amount.minor_units, currency=case.amount.currency),
                   opened_on=case.opened_on)


@operation("/cases/{case_id}/access-key", "POST", summary="Send the client a new access key (the old one stops)",
           tag="cases", response=AccessKeySentOut, status=202, errors=(404,))
def renew_access_key(case_id: str):  # noqa: ANN201
    sent = call(services().collections.RenewCaseAccessKey,
                collections_pb2.RenewCaseAccessKeyRequest(case_id=case_id))
    return AccessKeySentOut(case_id=sent.case_id, sent_to=sent.sent_to)
