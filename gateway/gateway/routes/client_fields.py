"""The parts of a client record as the API shows and takes them (phones, addresses, alerts, a
consortium's members, categories), and their conversion to and from crm's messages. Shared by the
client routes (clients.py), the customer's profile (profile.py) and contacts (client_records.py).

The API checks only the shape here; crm validates the values and answers field errors named by
position (`phones.1.number`, `addresses.0.postal_code`), which the gateway passes on as they are.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from clientarea.crm.v1 import crm_pb2


class PhoneIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    label: str = Field(default="mobile", max_length=20, description="mobile | home | work | other")
    number: str = Field(max_length=32, description="As typed; without a prefix it is read as Spanish")


class PhoneOut(BaseModel):
    label: str
    number: str = Field(description="E.164")
    formatted: str = Field(description="For reading: national format for Spanish numbers, else international")


class AddressIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    street: str = Field(default="", max_length=200)
    number: str = Field(default="", max_length=20)
    floor_door: str = Field(default="", max_length=40, description="e.g. 3º B")
    postal_code: str = Field(default="", max_length=12, description="Five digits in Spain")
    city: str = Field(default="", max_length=120)
    province: str = Field(default="", max_length=120)
    country: str = Field(default="ES", max_length=2, description="ISO 3166-1 alpha-2")
    is_main: bool = Field(default=False, description="One address is the main one (the first when none is marked)")


class AddressOut(BaseModel):
    street: str
    number: str
    floor_door: str
    postal_code: str
    city: str
    province: str
    country: str
    is_main: bool


class Alerts(BaseModel):
    """The virtual assistant's alerts the client receives, per channel and topic."""

    model_config = ConfigDict(extra="forbid")
    email_collections: bool = False
    email_renewals: bool = False
    sms_collections: bool = False
    sms_renewals: bool = False


class MemberIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    client_id: str = Field(max_length=36, description="A company client of the firm")
    share: str = Field(max_length=10, description="Percent, at most two decimals; all members sum 100")

    @field_validator("share", mode="before")
    @classmethod
    def _number_as_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int | float) and not isinstance(value, bool) else value


class MemberOut(BaseModel):
    client_id: str
    display_name: str
    share: str


class CategoryRef(BaseModel):
    id: str
    name: str


def phones_pb(phones: list[PhoneIn]) -> list[crm_pb2.Phone]:
    return [crm_pb2.Phone(label=p.label, number=p.number) for p in phones]


def addresses_pb(addresses: list[AddressIn]) -> list[crm_pb2.ClientAddress]:
    return [crm_pb2.ClientAddress(**a.model_dump()) for a in addresses]


def alerts_pb(alerts: Alerts) -> crm_pb2.Alerts:
    return crm_pb2.Alerts(**alerts.model_dump())


def members_pb(members: list[MemberIn]) -> list[crm_pb2.ConsortiumMember]:
    return [crm_pb2.ConsortiumMember(client_id=m.client_id, share=m.share) for m in members]


def phones_out(phones: list[crm_pb2.Phone]) -> list[PhoneOut]:
    return [PhoneOut(label=p.label, number=p.number, formatted=p.formatted) for p in phones]


def addresses_out(addresses: list[crm_pb2.ClientAddress]) -> list[AddressOut]:
    return [AddressOut(street=a.street, number=a.number, floor_door=a.floor_door, postal_code=a.postal_code,
                       city=a.city, province=a.province, country=a.country, is_main=a.is_main) for a in addresses]


def alerts_out(alerts: crm_pb2.Alerts) -> Alerts:
    return Alerts(email_collections=alerts.email_collections, email_renewals=alerts.email_renewals,
                  sms_collections=alerts.sms_collections, sms_renewals=alerts.sms_renewals)
