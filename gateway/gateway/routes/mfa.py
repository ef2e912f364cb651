"""Two-factor authentication of the caller (TOTP with recovery codes) and the firm's rule that
its staff must use it (admins)."""

from __future__ import annotations

from flask import make_response
from pydantic import BaseModel, ConfigDict, Field

from clientarea.identity.v1 import identity_pb2
from gateway.api import operation
from gateway.auth import request_origin
from gateway.services import call, services


class PasswordIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    current_password: str = Field(min_length=1, max_length=1024)


class CodeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str = Field(min_length=1, max_length=32)


class TotpEnrolmentOut(BaseModel):
    secret: str = Field(description="Base32, to type into the app by hand")
    otpauth_uri: str
    qr_svg: str = Field(description="The URI as an inline SVG QR code")


class RecoveryCodesOut(BaseModel):
    codes: list[str] = Field(description="Shown once: each works one time instead of the app")


class TenantSecurityBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    require_staff_mfa: bool


@operation("/me/mfa/totp", "POST", summary="Start setting up an authenticator app (password required)",
           tag="account", body=PasswordIn, response=TotpEnrolmentOut, errors=(409, 429))
def begin_totp(body: PasswordIn):  # noqa: ANN201
    answer = call(services().identity.BeginTotpEnrolment, identity_pb2.BeginTotpEnrolmentRequest(
        current_password=body.current_password, **request_origin()))
    return TotpEnrolmentOut(secret=answer.secret, otpauth_uri=answer.otpauth_uri, qr_svg=answer.qr_svg)


@operation("/me/mfa/totp/confirm", "POST", summary="Finish the set-up with a code from the app",
           tag="account", body=CodeIn, response=RecoveryCodesOut, errors=(409,))
def confirm_totp(body: CodeIn):  # noqa: ANN201
    answer = call(services().identity.ConfirmTotpEnrolment, identity_pb2.ConfirmTotpEnrolmentRequest(code=body.code))
    return RecoveryCodesOut(codes=list(answer.codes))


@operation("/me/mfa/totp/disable", "POST", summary="Turn two-factor authentication off (password required)",
           tag="account", body=PasswordIn, status=204, errors=(409, 429))
def disable_totp(body: PasswordIn):  # noqa: ANN201
    call(services().identity.DisableTotp, identity_pb2.DisableTotpRequest(
        current_password=body.current_password, **request_origin()))
    return make_response("", 204)


@operation("/tenant/security", "GET", summary="The firm's security settings (admins)", tag="admin",
           response=TenantSecurityBody)
def get_tenant_security():  # noqa: ANN201
    answer = call(services().identity.GetTenantSecurity, identity_pb2.GetTenantSecurityRequest())
    return TenantSecurityBody(require_staff_mfa=answer.require_staff_mfa)


@operation("/tenant/security", "PUT", summary="Change the firm's security settings (admins)", tag="admin",
           body=TenantSecurityBody, response=TenantSecurityBody)
def update_tenant_security(body: TenantSecurityBody):  # noqa: ANN201
    answer = call(services().identity.UpdateTenantSecurity,
                  identity_pb2.TenantSecurity(require_staff_mfa=body.require_staff_mfa))
    return TenantSecurityBody(require_staff_mfa=answer.require_staff_mfa)
