"""A company customer's people (issue 3, journey 9): the client's admins list, invite, re-role and
remove colleagues; the firm's staff may list a client's people (read only)."""

from __future__ import annotations

from typing import Literal, get_args

from flask import make_response
from pydantic import BaseModel, ConfigDict, Field

from clientarea.crm.v1 import crm_pb2
from clientarea.identity.v1 import identity_pb2
from clientarea_shared.permissions import CLIENT_ROLES
from gateway.api import operation
from gateway.auth import request_origin
from gateway.services import call, services

ClientRole = Literal["viewer", "cases", "payer", "admin"]
assert set(get_args(ClientRole)) == set(CLIENT_ROLES)  # noqa: S101 - the API follows the permission map

_ROLES_HELP = ("viewer: sees the client's data; cases: also opens cases; payer: also pays invoices; "
               "admin: everything, and manages the people")


class MemberOut(BaseModel):
    id: str
    display_name: str
    email: str
    client_role: str = Field(description=_ROLES_HELP)
    status: str = Field(description="active | invited (has not chosen a password yet)")
    last_login_at: str | None
    added_at: str
    invited_by: str | None = Field(description="The inviting colleague's user id")
    invited_by_name: str | None


class MemberList(BaseModel):
    items: list[MemberOut]


class MemberInviteIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    email: str = Field(min_length=3, max_length=254, description="Also their user name")
    display_name: str = Field(min_length=1, max_length=200)
    client_role: ClientRole = Field(description=_ROLES_HELP)
    locale: str = Field(default="", max_length=10, description="Of the invitation e-mail; empty: the inviter's")


class MemberUpdateIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    client_role: ClientRole = Field(description=_ROLES_HELP)


def member_out(member: identity_pb2.ClientMember) -> MemberOut:
    return MemberOut(
        id=member.id, display_name=member.display_name, email=member.email, client_role=member.client_role,
        status=member.status, last_login_at=member.last_login_at or None, added_at=member.added_at,
        invited_by=member.invited_by or None, invited_by_name=member.invited_by_name or None)


@operation("/me/client/members", "GET", summary="The people of my company (its admins)", tag="members",
           response=MemberList)
def list_my_client_members():  # noqa: ANN201
    answer = call(services().identity.ListClientMembers, identity_pb2.ListClientMembersRequest())
    return MemberList(items=[member_out(m) for m in answer.items])


@operation("/me/client/members", "POST",
           summary="Invite a colleague to my company's access (admins); they choose their password by e-mail",
           tag="members", body=MemberInviteIn, response=MemberOut, status=201, errors=(409,))
def invite_client_member(body: MemberInviteIn):  # noqa: ANN201
    return member_out(call(services().identity.InviteClientMember, identity_pb2.InviteClientMemberRequest(
        email=body.email, display_name=body.display_name, client_role=body.client_role, locale=body.locale)))


@operation("/me/client/members/{user_id}", "PATCH", summary="Change a colleague's role (admins)",
           tag="members", body=MemberUpdateIn, response=MemberOut, errors=(404, 409))
def update_client_member(user_id: str, body: MemberUpdateIn):  # noqa: ANN201
    """409 `last_client_admin` when it would leave the company without an admin."""
    return member_out(call(services().identity.UpdateClientMember, identity_pb2.UpdateClientMemberRequest(
        user_id=user_id, client_role=body.client_role)))


@operation("/me/client/members/{user_id}", "DELETE",
           summary="Remove a colleague: their login closes (admins)", tag="members", status=204,
           errors=(404, 409))
def remove_client_member(user_id: str):  # noqa: ANN201
    """409 `last_client_admin` when it would leave the company without an admin."""
    call(services().identity.RemoveClientMember, identity_pb2.RemoveClientMemberRequest(
        user_id=user_id, **request_origin()))
    return make_response("", 204)


@operation("/clients/{client_id}/members", "GET", summary="A client's people (staff, read only)",
           tag="clients", response=MemberList, errors=(404,))
def list_client_members(client_id: str):  # noqa: ANN201
    """An unknown client, or another firm's, is 404 (asked of crm first, which scopes by firm)."""
    call(services().crm.GetClient, crm_pb2.GetClientRequest(id=client_id))
    answer = call(services().identity.ListClientMembers, identity_pb2.ListClientMembersRequest(client_id=client_id))
    return MemberList(items=[member_out(m) for m in answer.items])
