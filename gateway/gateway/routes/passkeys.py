"""Passkeys (WebAuthn; identity's `journeys/passkeys.py`): the caller's own (add after a fresh
login or with the current password, list, rename, remove), and logging in with one, as the first
factor (`/auth/passkey`) or as the second step of a login (`/auth/login/mfa/passkey`).

Options go to the browser and credentials come back as WebAuthn's JSON (binary fields in
base64url): `navigator.credentials.create()`/`.get()` input and `PublicKeyCredential.toJSON()`
output. The caller's routes live under `/me/mfa/` because a passkey is also a second factor: a
staff member whose firm requires one may set it up before anything else.
"""

from __future__ import annotations

import json
from typing import Any

from flask import make_response
from pydantic import BaseModel, ConfigDict, Field

from clientarea.identity.v1 import identity_pb2
from clientarea_shared.errors import Invalid
from gateway.api import operation
from gateway.auth import request_origin
from gateway.services import call, services
from gateway.signin import TokensOut, device_id, remember_device, start_web_session, tokens_out

_CREDENTIAL_MAX_CHARS = 16 * 1024  # an attestation "none" answer is well under 2 KiB


class ReauthIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    current_password: str = Field(default="", max_length=1024,
                                  description="Needed unless the session started within the last 5 minutes")


class OptionsOut(BaseModel):
    options: dict[str, Any] = Field(description="For navigator.credentials.create() or .get() (base64url fields)")


class NewPasskeyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=100, description="The user's name for it, e.g. the device")
    credential: dict[str, Any] = Field(description="The PublicKeyCredential of navigator.credentials.create()")


class RenameIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=100)


class PasskeyOut(BaseModel):
    id: str
    name: str
    created_at: str
    last_used_at: str | None = Field(description="The last login with it; null when never used")
    backed_up: bool = Field(description="Synced by a passkey provider, usable on the user's other devices")
    transports: list[str]


class PasskeyList(BaseModel):
    items: list[PasskeyOut]


class PasskeyLoginOptionsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    tenant: str = Field(min_length=1, max_length=63, description="The firm's slug")
    login: str = Field(default="", max_length=254,
                       description="Optional user name or e-mail; without it the browser offers its passkeys")


class PasskeyLoginIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    credential: dict[str, Any] = Field(description="The PublicKeyCredential of navigator.credentials.get()")


class SecondStepOptionsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    mfa_ticket: str = Field(min_length=1, max_length=256)


class SecondStepIn(PasskeyLoginIn):
    mfa_ticket: str = Field(min_length=1, max_length=256)


def _options(answer: identity_pb2.PasskeyOptions) -> OptionsOut:
    return OptionsOut(options=json.loads(answer.options_json))


def _credential_json(credential: dict[str, Any]) -> str:
    raw = json.dumps(credential, separators=(",", ":"))
    if len(raw) > _CREDENTIAL_MAX_CHARS:
        raise Invalid.field("credential", "too_long", "The passkey's answer is too large")
    return raw


def _passkey(item: identity_pb2.Passkey) -> PasskeyOut:
    return PasskeyOut(id=item.id, name=item.name, created_at=item.created_at, last_used_at=item.last_used_at or None,
                      backed_up=item.backed_up, transports=list(item.transports))


# --- the caller's passkeys -------------------------------------------------------------------
@operation("/me/mfa/passkeys/options", "POST", summary="Start adding a passkey (a fresh login or the password)",
           tag="account", body=ReauthIn, response=OptionsOut, errors=(429,))
def passkey_creation_options(body: ReauthIn):  # noqa: ANN201
    return _options(call(services().identity.BeginPasskeyRegistration, identity_pb2.BeginPasskeyRegistrationRequest(
        current_password=body.current_password, **request_origin())))


@operation("/me/mfa/passkeys", "POST", summary="Add the passkey the browser created", tag="account",
           body=NewPasskeyIn, response=PasskeyOut, status=201, errors=(409,))
def add_passkey(body: NewPasskeyIn):  # noqa: ANN201
    return _passkey(call(services().identity.FinishPasskeyRegistration, identity_pb2.FinishPasskeyRegistrationRequest(
        credential_json=_credential_json(body.credential), name=body.name, **request_origin())))


@operation("/me/mfa/passkeys", "GET", summary="My passkeys", tag="account", response=PasskeyList)
def list_passkeys():  # noqa: ANN201
    answer = call(services().identity.ListPasskeys, identity_pb2.ListPasskeysRequest())
    return PasskeyList(items=[_passkey(item) for item in answer.items])


@operation("/me/mfa/passkeys/{passkey_id}", "PATCH", summary="Rename one of my passkeys", tag="account",
           body=RenameIn, response=PasskeyOut, errors=(404,))
def rename_passkey(passkey_id: str, body: RenameIn):  # noqa: ANN201
    return _passkey(call(services().identity.RenamePasskey,
                         identity_pb2.RenamePasskeyRequest(passkey_id=passkey_id, name=body.name)))


@operation("/me/mfa/passkeys/{passkey_id}/remove", "POST",
           summary="Remove one of my passkeys (a fresh login or the password)", tag="account", body=ReauthIn,
           status=204, errors=(404, 409, 429))
def remove_passkey(passkey_id: str, body: ReauthIn):  # noqa: ANN201
    call(services().identity.RemovePasskey, identity_pb2.RemovePasskeyRequest(
        passkey_id=passkey_id, current_password=body.current_password, **request_origin()))
    return make_response("", 204)


# --- logging in with a passkey ---------------------------------------------------------------
@operation("/auth/passkey/options", "POST", summary="Start a login with a passkey", tag="auth",
           body=PasskeyLoginOptionsIn, response=OptionsOut, public=True)
def passkey_login_options(body: PasskeyLoginOptionsIn):  # noqa: ANN201
    """The same kind of answer for any user name: an account without passkeys gets decoys."""
    return _options(call(services().identity.BeginPasskeyLogin, identity_pb2.BeginPasskeyLoginRequest(
        tenant=body.tenant, login=body.login, **request_origin())))


@operation("/auth/passkey", "POST", summary="Log in with a passkey (complete by itself: no second step)",
           tag="auth", body=PasskeyLoginIn, response=TokensOut, public=True, errors=(401, 429))
def passkey_login(body: PasskeyLoginIn):  # noqa: ANN201
    pair = call(services().identity.FinishPasskeyLogin, identity_pb2.FinishPasskeyLoginRequest(
        credential_json=_credential_json(body.credential), device_id=device_id(), **request_origin()))
    return remember_device(start_web_session(pair, tokens_out(pair).model_dump()))


@operation("/auth/login/mfa/passkey/options", "POST", summary="Second step of a login with a passkey: options",
           tag="auth", body=SecondStepOptionsIn, response=OptionsOut, public=True, errors=(401, 409))
def second_step_passkey_options(body: SecondStepOptionsIn):  # noqa: ANN201
    return _options(call(services().identity.BeginPasskeyLogin, identity_pb2.BeginPasskeyLoginRequest(
        mfa_ticket=body.mfa_ticket, **request_origin())))


@operation("/auth/login/mfa/passkey", "POST", summary="Second step of a login: the passkey's answer",
           tag="auth", body=SecondStepIn, response=TokensOut, public=True, errors=(401, 429))
def second_step_passkey(body: SecondStepIn):  # noqa: ANN201
    pair = call(services().identity.FinishPasskeyLogin, identity_pb2.FinishPasskeyLoginRequest(
        credential_json=_credential_json(body.credential), mfa_ticket=body.mfa_ticket, device_id=device_id(),
        **request_origin()))
    return remember_device(start_web_session(pair, tokens_out(pair).model_dump()))
