"""The firm's staff users, for its admins: list, invite, change roles, disable and enable."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from clientarea.common.v1 import common_pb2
from clientarea.identity.v1 import identity_pb2
from gateway.api import operation
from gateway.auth import request_origin
from gateway.services import call, services


class StaffUserOut(BaseModel):
    id: str
    username: str
    email: str
    display_name: str
    roles: list[str]
    status: str = Field(description="active | disabled")
    mfa_enabled: bool


class StaffPage(BaseModel):
    items: list[StaffUserOut]
    next_cursor: str | None


class StaffQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    cursor: str = Field(default="", max_length=500)
    limit: int = Field(default=50, ge=1, le=200)


class StaffInviteIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    email: str = Field(min_length=3, max_length=254)
    display_name: str = Field(min_length=1, max_length=200)
    roles: list[str] = Field(min_length=1, max_length=3, description="admin, agent, salesperson")
    locale: str = Field(default="es", max_length=10)


class StaffUpdateIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    roles: list[str] | None = Field(default=None, max_length=3)
    status: str | None = Field(default=None, description="active | disabled")
    display_name: str | None = Field(default=None, max_length=200)


def staff_out(user: identity_pb2.User) -> StaffUserOut:
    return StaffUserOut(id=user.id, username=user.username, email=user.email, display_name=user.display_name,
                        roles=list(user.roles), status=user.status, mfa_enabled=user.mfa_enabled)


@operation("/staff-users", "GET", summary="The firm's staff users (admins)", tag="admin", query=StaffQuery,
           response=StaffPage)
def list_staff_users(query: StaffQuery):  # noqa: ANN201
    answer = call(services().identity.ListStaffUsers, identity_pb2.ListStaffUsersRequest(
        page=common_pb2.PageRequest(cursor=query.cursor, limit=query.limit)))
    return StaffPage(items=[staff_out(u) for u in answer.items], next_cursor=answer.page.next_cursor or None)


@operation("/staff-users", "POST", summary="Invite a colleague (admins); they choose their password by e-mail",
           tag="admin", body=StaffInviteIn, response=StaffUserOut, status=201, errors=(409,))
def invite_staff_user(body: StaffInviteIn):  # noqa: ANN201
    return staff_out(call(services().identity.InviteStaffUser, identity_pb2.InviteStaffUserRequest(
        email=body.email, display_name=body.display_name, roles=body.roles, locale=body.locale)))


@operation("/staff-users/{user_id}", "PATCH", summary="Change a colleague's roles, name or status (admins)",
           tag="admin", body=StaffUpdateIn, response=StaffUserOut, errors=(404, 409))
def update_staff_user(user_id: str, body: StaffUpdateIn):  # noqa: ANN201
    return staff_out(call(services().identity.UpdateStaffUser, identity_pb2.UpdateStaffUserRequest(
        user_id=user_id, roles=body.roles or [], status=body.status or "", display_name=body.display_name or "")))


@operation("/staff-users/{user_id}/second-factors/reset", "POST",
           summary="Clear a colleague's authenticator app, recovery codes and passkeys (admins): they lost their "
                   "device; every session of theirs ends and they set them up again at their next login",
           tag="admin", response=StaffUserOut, errors=(404, 409))
def reset_staff_second_factors(user_id: str):  # noqa: ANN201
    return staff_out(call(services().identity.ResetStaffSecondFactors, identity_pb2.ResetStaffSecondFactorsRequest(
        user_id=user_id, **request_origin())))
