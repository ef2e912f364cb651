"""The customer's profile (seed 004): their client's data to read, and what they may change
themselves: addresses, phones and communication preferences (the virtual assistant's alerts). Not
their name or document (staff change those). The change is in the client's history under their
name."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from clientarea.crm.v1 import crm_pb2
from gateway.api import operation
from gateway.routes.client_fields import AddressIn, Alerts, PhoneIn, addresses_pb, alerts_pb, phones_pb
from gateway.routes.clients import ClientOut, client_out
from gateway.services import call, services


class ProfilePatch(BaseModel):
    """The parts sent change; `version` is the one read (409 edit_conflict when it changed since)."""

    model_config = ConfigDict(extra="forbid")
    version: int = Field(ge=1)
    phones: list[PhoneIn] | None = Field(default=None, max_length=10)
    addresses: list[AddressIn] | None = Field(default=None, max_length=10)
    alerts: Alerts | None = None


@operation("/me/profile", "GET", summary="The customer's own client data (customers)", tag="account",
           response=ClientOut, errors=(404,))
def get_profile():  # noqa: ANN201
    return client_out(call(services().crm.GetMyProfile, crm_pb2.GetMyProfileRequest()))


@operation("/me/profile", "PATCH",
           summary="Change the customer's addresses, phones or communication preferences (the client's admins)",
           tag="account", body=ProfilePatch, response=ClientOut, errors=(404, 409))
def update_profile(body: ProfilePatch):  # noqa: ANN201
    return client_out(call(services().crm.UpdateMyProfile, crm_pb2.UpdateMyProfileRequest(
        expected_version=body.version, fields=sorted(body.model_fields_set - {"version"}),
        phones=phones_pb(body.phones or []), addresses=addresses_pb(body.addresses or []),
        alerts=alerts_pb(body.alerts or Alerts()))))
