"""The customer's dashboard: who they are, plus a summary of their policies, cases and balance.

One request, four services asked in parallel (the name comes from the token, the firm from the
gateway's tenant cache). A service that fails costs its section only: the section is null and
its name is listed in `notices`, so the page still shows the rest.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from clientarea.collections.v1 import collections_pb2
from clientarea.common.v1 import common_pb2
from clientarea.crm.v1 import crm_pb2
from clientarea.payments.v1 import payments_pb2
from clientarea.policy.v1 import policy_pb2
from clientarea_shared.errors import DomainError
from clientarea_shared.permissions import Permission, require
from gateway.api import operation
from gateway.routes.account import TenantOut
from gateway.routes.clients import ClientOut, client_out
from gateway.services import gather, services

SUMMARY_ITEMS = 5


class MoneyOut(BaseModel):
    minor_units: int = Field(description="Integer minor units (cents)")
    currency: str = Field(description="ISO 4217")


class PolicySummary(BaseModel):
    id: str
    number: str
    line: str
    status: str
    premium: MoneyOut
    ends_on: str | None


class CaseSummary(BaseModel):
    id: str
    number: str
    kind: str
    phase: str
    debtor_name: str
    amount: MoneyOut
    opened_on: str


class BalanceOut(BaseModel):
    owed: list[MoneyOut]
    overdue: list[MoneyOut]


class DashboardOut(BaseModel):
    display_name: str
    tenant: TenantOut
    client: ClientOut | None
    policies: list[PolicySummary] | None
    open_cases: list[CaseSummary] | None
    balance: BalanceOut | None
    notices: list[str] = Field(default_factory=list, description="Sections that could not be loaded")


def _money(m: common_pb2.Money) -> MoneyOut:
    return MoneyOut(minor_units=m.minor_units, currency=m.currency)


def _policies(answer: policy_pb2.ListPoliciesResponse) -> list[PolicySummary]:
    return [PolicySummary(id=p.id, number=p.number, line=p.line, status=p.status,
                          premium=_money(p.premium), ends_on=p.ends_on or None) for p in answer.items]


def case_summaries(answer: collections_pb2.ListCasesResponse) -> list[CaseSummary]:
    return [CaseSummary(id=c.id, number=c.number, kind=c.kind, phase=c.phase,
                        debtor_name=c.debtor_name, amount=_money(c.amount), opened_on=c.opened_on)
            for c in answer.items]


def _balance(answer: payments_pb2.Balance) -> BalanceOut:
    return BalanceOut(owed=[_money(m) for m in answer.owed], overdue=[_money(m) for m in answer.overdue])


@operation("/dashboard", "GET", summary="The customer's dashboard: profile, policies, open cases, balance",
           tag="account", response=DashboardOut, errors=(403,))
def dashboard():  # noqa: ANN201
    principal = require(Permission.OWN_DATA_READ)
    page = common_pb2.PageRequest(limit=SUMMARY_ITEMS)
    api = services()
    tenant = api.tenant(principal.tenant_id)
    client, policies, cases, balance = gather(
        lambda: api.crm.GetClient.future(crm_pb2.GetClientRequest(id=principal.client_id)),
        lambda: api.policy.ListPolicies.future(policy_pb2.ListPoliciesRequest(page=page)),
        lambda: api.collections.ListCases.future(collections_pb2.ListCasesRequest(page=page, status="open")),
        lambda: api.payments.GetBalance.future(payments_pb2.GetBalanceRequest()),
    )
    sections = {"client": (client, client_out), "policies": (policies, _policies),
                "open_cases": (cases, case_summaries), "balance": (balance, _balance)}
    values = {name: None if isinstance(answer, DomainError) else convert(answer)
              for name, (answer, convert) in sections.items()}
    notices = [f"{name}_unavailable" for name, (answer, _) in sections.items() if isinstance(answer, DomainError)]
    return DashboardOut(display_name=principal.display_name,
                        tenant=TenantOut(id=tenant.id, slug=tenant.slug, name=tenant.name),
                        notices=notices, **values)
