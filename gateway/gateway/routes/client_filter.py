"""The client list's filters and a selection of clients, as the API takes them.

One model for every place that names "which clients": the list's query string (`GET /clients`,
`GET /clients/contacts`), saved filters, exports, bulk actions and campaigns (as JSON). crm
validates the values (dates, ids) and answers field errors named after these fields.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from clientarea.crm.v1 import crm_pb2

Kind = Literal["", "person", "company", "consortium"]
_KINDS = {"": crm_pb2.CLIENT_KIND_UNSPECIFIED, "person": crm_pb2.CLIENT_KIND_PERSON,
          "company": crm_pb2.CLIENT_KIND_COMPANY, "consortium": crm_pb2.CLIENT_KIND_CONSORTIUM}
_PORTAL_USER = {"": crm_pb2.TRISTATE_ANY, "yes": crm_pb2.TRISTATE_YES, "no": crm_pb2.TRISTATE_NO}
_ALERTS = {"": crm_pb2.TRISTATE_ANY, "on": crm_pb2.TRISTATE_YES, "off": crm_pb2.TRISTATE_NO}
MAX_SELECTED = 1000


class ClientFilterIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    q: str = Field(default="", max_length=200, description="Name, document number, e-mail or phone; "
                                                           "accents and case aside")
    salesperson_id: str = Field(default="", max_length=64)
    birthday_from: str = Field(default="", max_length=10,
                               description="YYYY-MM-DD: birthdays (founding dates) from this day and month")
    birthday_to: str = Field(default="", max_length=10,
                             description="YYYY-MM-DD, not before birthday_from; recurs every year")
    category_ids: list[str] = Field(default_factory=list, max_length=50,
                                    description="Any of these categories (repeat the parameter)")
    has_policy_line: str = Field(default="", max_length=40, description="Has a policy in force of this line")
    lacks_policy_line: str = Field(default="", max_length=40, description="Has no policy in force of this line")
    portal_user: Literal["", "yes", "no"] = ""
    alerts: Literal["", "on", "off"] = Field(default="", description="on: at least one alert on; off: all off")
    kind: Kind = ""

    def message(self) -> crm_pb2.ClientFilter:
        return crm_pb2.ClientFilter(
            q=self.q, salesperson_id=self.salesperson_id, birthday_from=self.birthday_from,
            birthday_to=self.birthday_to, category_ids=self.category_ids, has_policy_line=self.has_policy_line,
            lacks_policy_line=self.lacks_policy_line, portal_user=_PORTAL_USER[self.portal_user],
            alerts=_ALERTS[self.alerts], kind=_KINDS[self.kind])


class SelectionIn(BaseModel):
    """The clients picked (`client_ids`), or, with none picked, all that match `filter`."""
    model_config = ConfigDict(extra="forbid")
    client_ids: list[str] = Field(default_factory=list, max_length=MAX_SELECTED)
    filter: ClientFilterIn = Field(default_factory=ClientFilterIn)

    def message(self) -> crm_pb2.ClientSelection:
        return crm_pb2.ClientSelection(client_ids=self.client_ids, filter=self.filter.message())
