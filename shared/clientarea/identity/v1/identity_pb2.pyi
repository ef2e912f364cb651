from clientarea.common.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class LoginRequest(_message.Message):
    __slots__ = ("tenant", "username", "password", "user_agent", "source_address", "device_id")
    TENANT_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    USER_AGENT_FIELD_NUMBER: _ClassVar[int]
    SOURCE_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    DEVICE_ID_FIELD_NUMBER: _ClassVar[int]
    tenant: str
    username: str
    password: str
    user_agent: str
    source_address: str
    device_id: str
    def __init__(self, tenant: _Optional[str] = ..., username: _Optional[str] = ..., password: _Optional[str] = ..., user_agent: _Optional[str] = ..., source_address: _Optional[str] = ..., device_id: _Optional[str] = ...) -> None: ...

class RefreshRequest(_message.Message):
    __slots__ = ("refresh_token", "user_agent", "source_address")
    REFRESH_TOKEN_FIELD_NUMBER: _ClassVar[int]
    USER_AGENT_FIELD_NUMBER: _ClassVar[int]
    SOURCE_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    refresh_token: str
    user_agent: str
    source_address: str
    def __init__(self, refresh_token: _Optional[str] = ..., user_agent: _Optional[str] = ..., source_address: _Optional[str] = ...) -> None: ...

class TokenPair(_message.Message):
    __slots__ = ("access_token", "refresh_token", "token_type", "expires_in", "session_id", "mfa_ticket", "mfa_methods")
    ACCESS_TOKEN_FIELD_NUMBER: _ClassVar[int]
    REFRESH_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOKEN_TYPE_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_IN_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    MFA_TICKET_FIELD_NUMBER: _ClassVar[int]
    MFA_METHODS_FIELD_NUMBER: _ClassVar[int]
    access_token: str
    refresh_token: str
    token_type: str
    expires_in: int
    session_id: str
    mfa_ticket: str
    mfa_methods: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, access_token: _Optional[str] = ..., refresh_token: _Optional[str] = ..., token_type: _Optional[str] = ..., expires_in: _Optional[int] = ..., session_id: _Optional[str] = ..., mfa_ticket: _Optional[str] = ..., mfa_methods: _Optional[_Iterable[str]] = ...) -> None: ...

class LogoutRequest(_message.Message):
    __slots__ = ("refresh_token",)
    REFRESH_TOKEN_FIELD_NUMBER: _ClassVar[int]
    refresh_token: str
    def __init__(self, refresh_token: _Optional[str] = ...) -> None: ...

class LogoutResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetJwksRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class Jwks(_message.Message):
    __slots__ = ("json",)
    JSON_FIELD_NUMBER: _ClassVar[int]
    json: str
    def __init__(self, json: _Optional[str] = ...) -> None: ...

class GetMeRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class Tenant(_message.Message):
    __slots__ = ("id", "slug", "name", "default_locale")
    ID_FIELD_NUMBER: _ClassVar[int]
    SLUG_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_LOCALE_FIELD_NUMBER: _ClassVar[int]
    id: str
    slug: str
    name: str
    default_locale: str
    def __init__(self, id: _Optional[str] = ..., slug: _Optional[str] = ..., name: _Optional[str] = ..., default_locale: _Optional[str] = ...) -> None: ...

class GetTenantRequest(_message.Message):
    __slots__ = ("slug", "id")
    SLUG_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    slug: str
    id: str
    def __init__(self, slug: _Optional[str] = ..., id: _Optional[str] = ...) -> None: ...

class User(_message.Message):
    __slots__ = ("id", "tenant_id", "username", "email", "display_name", "roles", "client_id", "locale", "tenant", "mfa_enabled", "status", "client_role", "permissions")
    ID_FIELD_NUMBER: _ClassVar[int]
    TENANT_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    ROLES_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    TENANT_FIELD_NUMBER: _ClassVar[int]
    MFA_ENABLED_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ROLE_FIELD_NUMBER: _ClassVar[int]
    PERMISSIONS_FIELD_NUMBER: _ClassVar[int]
    id: str
    tenant_id: str
    username: str
    email: str
    display_name: str
    roles: _containers.RepeatedScalarFieldContainer[str]
    client_id: str
    locale: str
    tenant: Tenant
    mfa_enabled: bool
    status: str
    client_role: str
    permissions: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[str] = ..., tenant_id: _Optional[str] = ..., username: _Optional[str] = ..., email: _Optional[str] = ..., display_name: _Optional[str] = ..., roles: _Optional[_Iterable[str]] = ..., client_id: _Optional[str] = ..., locale: _Optional[str] = ..., tenant: _Optional[_Union[Tenant, _Mapping]] = ..., mfa_enabled: _Optional[bool] = ..., status: _Optional[str] = ..., client_role: _Optional[str] = ..., permissions: _Optional[_Iterable[str]] = ...) -> None: ...

class CreatePortalUserRequest(_message.Message):
    __slots__ = ("client_id", "username", "email", "display_name", "password", "locale")
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    client_id: str
    username: str
    email: str
    display_name: str
    password: str
    locale: str
    def __init__(self, client_id: _Optional[str] = ..., username: _Optional[str] = ..., email: _Optional[str] = ..., display_name: _Optional[str] = ..., password: _Optional[str] = ..., locale: _Optional[str] = ...) -> None: ...

class CreatePortalUserResponse(_message.Message):
    __slots__ = ("user", "set_password_token")
    USER_FIELD_NUMBER: _ClassVar[int]
    SET_PASSWORD_TOKEN_FIELD_NUMBER: _ClassVar[int]
    user: User
    set_password_token: str
    def __init__(self, user: _Optional[_Union[User, _Mapping]] = ..., set_password_token: _Optional[str] = ...) -> None: ...

class SetPasswordRequest(_message.Message):
    __slots__ = ("token", "password", "password_confirmation")
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_CONFIRMATION_FIELD_NUMBER: _ClassVar[int]
    token: str
    password: str
    password_confirmation: str
    def __init__(self, token: _Optional[str] = ..., password: _Optional[str] = ..., password_confirmation: _Optional[str] = ...) -> None: ...

class SetPasswordResponse(_message.Message):
    __slots__ = ("username",)
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    username: str
    def __init__(self, username: _Optional[str] = ...) -> None: ...

class RequestPasswordResetRequest(_message.Message):
    __slots__ = ("tenant", "login", "source_address", "user_agent")
    TENANT_FIELD_NUMBER: _ClassVar[int]
    LOGIN_FIELD_NUMBER: _ClassVar[int]
    SOURCE_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    USER_AGENT_FIELD_NUMBER: _ClassVar[int]
    tenant: str
    login: str
    source_address: str
    user_agent: str
    def __init__(self, tenant: _Optional[str] = ..., login: _Optional[str] = ..., source_address: _Optional[str] = ..., user_agent: _Optional[str] = ...) -> None: ...

class RequestPasswordResetResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ResetPasswordRequest(_message.Message):
    __slots__ = ("token", "password", "password_confirmation", "source_address", "user_agent")
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_CONFIRMATION_FIELD_NUMBER: _ClassVar[int]
    SOURCE_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    USER_AGENT_FIELD_NUMBER: _ClassVar[int]
    token: str
    password: str
    password_confirmation: str
    source_address: str
    user_agent: str
    def __init__(self, token: _Optional[str] = ..., password: _Optional[str] = ..., password_confirmation: _Optional[str] = ..., source_address: _Optional[str] = ..., user_agent: _Optional[str] = ...) -> None: ...

class ResetPasswordResponse(_message.Message):
    __slots__ = ("username",)
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    username: str
    def __init__(self, username: _Optional[str] = ...) -> None: ...

class StartRegistrationRequest(_message.Message):
    __slots__ = ("tenant", "email", "locale", "source_address", "user_agent")
    TENANT_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    USER_AGENT_FIELD_NUMBER: _ClassVar[int]
    tenant: str
    email: str
    locale: str
    source_address: str
    user_agent: str
    def __init__(self, tenant: _Optional[str] = ..., email: _Optional[str] = ..., locale: _Optional[str] = ..., source_address: _Optional[str] = ..., user_agent: _Optional[str] = ...) -> None: ...

class ResendRegistrationCodeRequest(_message.Message):
    __slots__ = ("registration_id",)
    REGISTRATION_ID_FIELD_NUMBER: _ClassVar[int]
    registration_id: str
    def __init__(self, registration_id: _Optional[str] = ...) -> None: ...

class VerifyRegistrationCodeRequest(_message.Message):
    __slots__ = ("registration_id", "code")
    REGISTRATION_ID_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    registration_id: str
    code: str
    def __init__(self, registration_id: _Optional[str] = ..., code: _Optional[str] = ...) -> None: ...

class RegistrationStatus(_message.Message):
    __slots__ = ("registration_id", "code_expires_in", "resend_after", "verified")
    REGISTRATION_ID_FIELD_NUMBER: _ClassVar[int]
    CODE_EXPIRES_IN_FIELD_NUMBER: _ClassVar[int]
    RESEND_AFTER_FIELD_NUMBER: _ClassVar[int]
    VERIFIED_FIELD_NUMBER: _ClassVar[int]
    registration_id: str
    code_expires_in: int
    resend_after: int
    verified: bool
    def __init__(self, registration_id: _Optional[str] = ..., code_expires_in: _Optional[int] = ..., resend_after: _Optional[int] = ..., verified: _Optional[bool] = ...) -> None: ...

class CompleteRegistrationRequest(_message.Message):
    __slots__ = ("registration_id", "password", "password_confirmation", "user_agent", "source_address", "device_id")
    REGISTRATION_ID_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_CONFIRMATION_FIELD_NUMBER: _ClassVar[int]
    USER_AGENT_FIELD_NUMBER: _ClassVar[int]
    SOURCE_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    DEVICE_ID_FIELD_NUMBER: _ClassVar[int]
    registration_id: str
    password: str
    password_confirmation: str
    user_agent: str
    source_address: str
    device_id: str
    def __init__(self, registration_id: _Optional[str] = ..., password: _Optional[str] = ..., password_confirmation: _Optional[str] = ..., user_agent: _Optional[str] = ..., source_address: _Optional[str] = ..., device_id: _Optional[str] = ...) -> None: ...

class CheckPasswordRequest(_message.Message):
    __slots__ = ("password", "username", "email")
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    password: str
    username: str
    email: str
    def __init__(self, password: _Optional[str] = ..., username: _Optional[str] = ..., email: _Optional[str] = ...) -> None: ...

class PasswordVerdict(_message.Message):
    __slots__ = ("acceptable", "score", "warning", "suggestions", "problems")
    ACCEPTABLE_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    WARNING_FIELD_NUMBER: _ClassVar[int]
    SUGGESTIONS_FIELD_NUMBER: _ClassVar[int]
    PROBLEMS_FIELD_NUMBER: _ClassVar[int]
    acceptable: bool
    score: int
    warning: str
    suggestions: _containers.RepeatedScalarFieldContainer[str]
    problems: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, acceptable: _Optional[bool] = ..., score: _Optional[int] = ..., warning: _Optional[str] = ..., suggestions: _Optional[_Iterable[str]] = ..., problems: _Optional[_Iterable[str]] = ...) -> None: ...

class ChangePasswordRequest(_message.Message):
    __slots__ = ("current_password", "password", "password_confirmation", "source_address", "user_agent")
    CURRENT_PASSWORD_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_CONFIRMATION_FIELD_NUMBER: _ClassVar[int]
    SOURCE_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    USER_AGENT_FIELD_NUMBER: _ClassVar[int]
    current_password: str
    password: str
    password_confirmation: str
    source_address: str
    user_agent: str
    def __init__(self, current_password: _Optional[str] = ..., password: _Optional[str] = ..., password_confirmation: _Optional[str] = ..., source_address: _Optional[str] = ..., user_agent: _Optional[str] = ...) -> None: ...

class ChangePasswordResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class RequestEmailChangeRequest(_message.Message):
    __slots__ = ("current_password", "new_email", "source_address", "user_agent")
    CURRENT_PASSWORD_FIELD_NUMBER: _ClassVar[int]
    NEW_EMAIL_FIELD_NUMBER: _ClassVar[int]
    SOURCE_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    USER_AGENT_FIELD_NUMBER: _ClassVar[int]
    current_password: str
    new_email: str
    source_address: str
    user_agent: str
    def __init__(self, current_password: _Optional[str] = ..., new_email: _Optional[str] = ..., source_address: _Optional[str] = ..., user_agent: _Optional[str] = ...) -> None: ...

class RequestEmailChangeResponse(_message.Message):
    __slots__ = ("valid_minutes",)
    VALID_MINUTES_FIELD_NUMBER: _ClassVar[int]
    valid_minutes: int
    def __init__(self, valid_minutes: _Optional[int] = ...) -> None: ...

class ConfirmEmailChangeRequest(_message.Message):
    __slots__ = ("token", "source_address", "user_agent")
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    SOURCE_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    USER_AGENT_FIELD_NUMBER: _ClassVar[int]
    token: str
    source_address: str
    user_agent: str
    def __init__(self, token: _Optional[str] = ..., source_address: _Optional[str] = ..., user_agent: _Optional[str] = ...) -> None: ...

class ConfirmEmailChangeResponse(_message.Message):
    __slots__ = ("email",)
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    email: str
    def __init__(self, email: _Optional[str] = ...) -> None: ...

class LoginSession(_message.Message):
    __slots__ = ("id", "created_at", "last_used_at", "user_agent", "source_address", "current")
    ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    LAST_USED_AT_FIELD_NUMBER: _ClassVar[int]
    USER_AGENT_FIELD_NUMBER: _ClassVar[int]
    SOURCE_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    CURRENT_FIELD_NUMBER: _ClassVar[int]
    id: str
    created_at: str
    last_used_at: str
    user_agent: str
    source_address: str
    current: bool
    def __init__(self, id: _Optional[str] = ..., created_at: _Optional[str] = ..., last_used_at: _Optional[str] = ..., user_agent: _Optional[str] = ..., source_address: _Optional[str] = ..., current: _Optional[bool] = ...) -> None: ...

class ListSessionsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class CheckSessionRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class SessionState(_message.Message):
    __slots__ = ("active",)
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    active: bool
    def __init__(self, active: _Optional[bool] = ...) -> None: ...

class ListSessionsResponse(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[LoginSession]
    def __init__(self, items: _Optional[_Iterable[_Union[LoginSession, _Mapping]]] = ...) -> None: ...

class RevokeSessionRequest(_message.Message):
    __slots__ = ("session_id",)
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    def __init__(self, session_id: _Optional[str] = ...) -> None: ...

class RevokeOtherSessionsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class RevokeSessionResponse(_message.Message):
    __slots__ = ("revoked",)
    REVOKED_FIELD_NUMBER: _ClassVar[int]
    revoked: int
    def __init__(self, revoked: _Optional[int] = ...) -> None: ...

class AuditEvent(_message.Message):
    __slots__ = ("id", "user_id", "action", "outcome", "source_address", "user_agent", "created_at", "detail")
    class DetailEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    SOURCE_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    USER_AGENT_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    id: str
    user_id: str
    action: str
    outcome: str
    source_address: str
    user_agent: str
    created_at: str
    detail: _containers.ScalarMap[str, str]
    def __init__(self, id: _Optional[str] = ..., user_id: _Optional[str] = ..., action: _Optional[str] = ..., outcome: _Optional[str] = ..., source_address: _Optional[str] = ..., user_agent: _Optional[str] = ..., created_at: _Optional[str] = ..., detail: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ListAuditEventsRequest(_message.Message):
    __slots__ = ("page", "user_id", "action", "outcome", "since", "until")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    SINCE_FIELD_NUMBER: _ClassVar[int]
    UNTIL_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    user_id: str
    action: str
    outcome: str
    since: str
    until: str
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., user_id: _Optional[str] = ..., action: _Optional[str] = ..., outcome: _Optional[str] = ..., since: _Optional[str] = ..., until: _Optional[str] = ...) -> None: ...

class ListAuditEventsResponse(_message.Message):
    __slots__ = ("items", "page")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[AuditEvent]
    page: _common_pb2.PageInfo
    def __init__(self, items: _Optional[_Iterable[_Union[AuditEvent, _Mapping]]] = ..., page: _Optional[_Union[_common_pb2.PageInfo, _Mapping]] = ...) -> None: ...

class CompleteMfaLoginRequest(_message.Message):
    __slots__ = ("mfa_ticket", "code", "user_agent", "source_address", "device_id")
    MFA_TICKET_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    USER_AGENT_FIELD_NUMBER: _ClassVar[int]
    SOURCE_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    DEVICE_ID_FIELD_NUMBER: _ClassVar[int]
    mfa_ticket: str
    code: str
    user_agent: str
    source_address: str
    device_id: str
    def __init__(self, mfa_ticket: _Optional[str] = ..., code: _Optional[str] = ..., user_agent: _Optional[str] = ..., source_address: _Optional[str] = ..., device_id: _Optional[str] = ...) -> None: ...

class BeginTotpEnrolmentRequest(_message.Message):
    __slots__ = ("current_password", "source_address", "user_agent")
    CURRENT_PASSWORD_FIELD_NUMBER: _ClassVar[int]
    SOURCE_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    USER_AGENT_FIELD_NUMBER: _ClassVar[int]
    current_password: str
    source_address: str
    user_agent: str
    def __init__(self, current_password: _Optional[str] = ..., source_address: _Optional[str] = ..., user_agent: _Optional[str] = ...) -> None: ...

class TotpEnrolment(_message.Message):
    __slots__ = ("secret", "otpauth_uri", "qr_svg")
    SECRET_FIELD_NUMBER: _ClassVar[int]
    OTPAUTH_URI_FIELD_NUMBER: _ClassVar[int]
    QR_SVG_FIELD_NUMBER: _ClassVar[int]
    secret: str
    otpauth_uri: str
    qr_svg: str
    def __init__(self, secret: _Optional[str] = ..., otpauth_uri: _Optional[str] = ..., qr_svg: _Optional[str] = ...) -> None: ...

class ConfirmTotpEnrolmentRequest(_message.Message):
    __slots__ = ("code",)
    CODE_FIELD_NUMBER: _ClassVar[int]
    code: str
    def __init__(self, code: _Optional[str] = ...) -> None: ...

class RecoveryCodes(_message.Message):
    __slots__ = ("codes",)
    CODES_FIELD_NUMBER: _ClassVar[int]
    codes: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, codes: _Optional[_Iterable[str]] = ...) -> None: ...

class DisableTotpRequest(_message.Message):
    __slots__ = ("current_password", "source_address", "user_agent")
    CURRENT_PASSWORD_FIELD_NUMBER: _ClassVar[int]
    SOURCE_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    USER_AGENT_FIELD_NUMBER: _ClassVar[int]
    current_password: str
    source_address: str
    user_agent: str
    def __init__(self, current_password: _Optional[str] = ..., source_address: _Optional[str] = ..., user_agent: _Optional[str] = ...) -> None: ...

class DisableTotpResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetTenantSecurityRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class TenantSecurity(_message.Message):
    __slots__ = ("require_staff_mfa",)
    REQUIRE_STAFF_MFA_FIELD_NUMBER: _ClassVar[int]
    require_staff_mfa: bool
    def __init__(self, require_staff_mfa: _Optional[bool] = ...) -> None: ...

class CloseAccountRequest(_message.Message):
    __slots__ = ("current_password", "source_address", "user_agent")
    CURRENT_PASSWORD_FIELD_NUMBER: _ClassVar[int]
    SOURCE_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    USER_AGENT_FIELD_NUMBER: _ClassVar[int]
    current_password: str
    source_address: str
    user_agent: str
    def __init__(self, current_password: _Optional[str] = ..., source_address: _Optional[str] = ..., user_agent: _Optional[str] = ...) -> None: ...

class CloseCustomerAccountRequest(_message.Message):
    __slots__ = ("user_id",)
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    def __init__(self, user_id: _Optional[str] = ...) -> None: ...

class AccountClosure(_message.Message):
    __slots__ = ("closed", "active_products")
    CLOSED_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_PRODUCTS_FIELD_NUMBER: _ClassVar[int]
    closed: bool
    active_products: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, closed: _Optional[bool] = ..., active_products: _Optional[_Iterable[str]] = ...) -> None: ...

class ListStaffUsersRequest(_message.Message):
    __slots__ = ("page",)
    PAGE_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListStaffUsersResponse(_message.Message):
    __slots__ = ("items", "page")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[User]
    page: _common_pb2.PageInfo
    def __init__(self, items: _Optional[_Iterable[_Union[User, _Mapping]]] = ..., page: _Optional[_Union[_common_pb2.PageInfo, _Mapping]] = ...) -> None: ...

class InviteStaffUserRequest(_message.Message):
    __slots__ = ("email", "display_name", "roles", "locale")
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    ROLES_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    email: str
    display_name: str
    roles: _containers.RepeatedScalarFieldContainer[str]
    locale: str
    def __init__(self, email: _Optional[str] = ..., display_name: _Optional[str] = ..., roles: _Optional[_Iterable[str]] = ..., locale: _Optional[str] = ...) -> None: ...

class ResetStaffSecondFactorsRequest(_message.Message):
    __slots__ = ("user_id", "source_address", "user_agent")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    SOURCE_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    USER_AGENT_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    source_address: str
    user_agent: str
    def __init__(self, user_id: _Optional[str] = ..., source_address: _Optional[str] = ..., user_agent: _Optional[str] = ...) -> None: ...

class UpdateStaffUserRequest(_message.Message):
    __slots__ = ("user_id", "roles", "status", "display_name")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    ROLES_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    roles: _containers.RepeatedScalarFieldContainer[str]
    status: str
    display_name: str
    def __init__(self, user_id: _Optional[str] = ..., roles: _Optional[_Iterable[str]] = ..., status: _Optional[str] = ..., display_name: _Optional[str] = ...) -> None: ...

class UserCreated(_message.Message):
    __slots__ = ("user_id", "client_id", "username", "origin")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    ORIGIN_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    client_id: str
    username: str
    origin: str
    def __init__(self, user_id: _Optional[str] = ..., client_id: _Optional[str] = ..., username: _Optional[str] = ..., origin: _Optional[str] = ...) -> None: ...

class RegistrationCodeIssued(_message.Message):
    __slots__ = ("email", "display_name", "locale", "code", "valid_minutes")
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    VALID_MINUTES_FIELD_NUMBER: _ClassVar[int]
    email: str
    display_name: str
    locale: str
    code: str
    valid_minutes: int
    def __init__(self, email: _Optional[str] = ..., display_name: _Optional[str] = ..., locale: _Optional[str] = ..., code: _Optional[str] = ..., valid_minutes: _Optional[int] = ...) -> None: ...

class PasswordResetRequested(_message.Message):
    __slots__ = ("user_id", "email", "display_name", "locale", "token", "valid_minutes")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    VALID_MINUTES_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    email: str
    display_name: str
    locale: str
    token: str
    valid_minutes: int
    def __init__(self, user_id: _Optional[str] = ..., email: _Optional[str] = ..., display_name: _Optional[str] = ..., locale: _Optional[str] = ..., token: _Optional[str] = ..., valid_minutes: _Optional[int] = ...) -> None: ...

class EmailChangeRequested(_message.Message):
    __slots__ = ("user_id", "new_email", "display_name", "locale", "token", "valid_minutes")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    NEW_EMAIL_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    VALID_MINUTES_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    new_email: str
    display_name: str
    locale: str
    token: str
    valid_minutes: int
    def __init__(self, user_id: _Optional[str] = ..., new_email: _Optional[str] = ..., display_name: _Optional[str] = ..., locale: _Optional[str] = ..., token: _Optional[str] = ..., valid_minutes: _Optional[int] = ...) -> None: ...

class StaffUserInvited(_message.Message):
    __slots__ = ("user_id", "email", "display_name", "locale", "set_password_token", "tenant_name", "invited_by", "roles", "valid_hours")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    SET_PASSWORD_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TENANT_NAME_FIELD_NUMBER: _ClassVar[int]
    INVITED_BY_FIELD_NUMBER: _ClassVar[int]
    ROLES_FIELD_NUMBER: _ClassVar[int]
    VALID_HOURS_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    email: str
    display_name: str
    locale: str
    set_password_token: str
    tenant_name: str
    invited_by: str
    roles: _containers.RepeatedScalarFieldContainer[str]
    valid_hours: int
    def __init__(self, user_id: _Optional[str] = ..., email: _Optional[str] = ..., display_name: _Optional[str] = ..., locale: _Optional[str] = ..., set_password_token: _Optional[str] = ..., tenant_name: _Optional[str] = ..., invited_by: _Optional[str] = ..., roles: _Optional[_Iterable[str]] = ..., valid_hours: _Optional[int] = ...) -> None: ...

class AccountClosed(_message.Message):
    __slots__ = ("user_id", "client_id", "closed_by", "remaining_user_id")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    CLOSED_BY_FIELD_NUMBER: _ClassVar[int]
    REMAINING_USER_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    client_id: str
    closed_by: str
    remaining_user_id: str
    def __init__(self, user_id: _Optional[str] = ..., client_id: _Optional[str] = ..., closed_by: _Optional[str] = ..., remaining_user_id: _Optional[str] = ...) -> None: ...

class CredentialsChanged(_message.Message):
    __slots__ = ("user_id", "email", "display_name", "locale", "change", "source_address", "user_agent", "occurred_at")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    CHANGE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    USER_AGENT_FIELD_NUMBER: _ClassVar[int]
    OCCURRED_AT_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    email: str
    display_name: str
    locale: str
    change: str
    source_address: str
    user_agent: str
    occurred_at: str
    def __init__(self, user_id: _Optional[str] = ..., email: _Optional[str] = ..., display_name: _Optional[str] = ..., locale: _Optional[str] = ..., change: _Optional[str] = ..., source_address: _Optional[str] = ..., user_agent: _Optional[str] = ..., occurred_at: _Optional[str] = ...) -> None: ...

class QuickAccessLoginRequest(_message.Message):
    __slots__ = ("tenant", "process_number", "access_key", "user_agent", "source_address")
    TENANT_FIELD_NUMBER: _ClassVar[int]
    PROCESS_NUMBER_FIELD_NUMBER: _ClassVar[int]
    ACCESS_KEY_FIELD_NUMBER: _ClassVar[int]
    USER_AGENT_FIELD_NUMBER: _ClassVar[int]
    SOURCE_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    tenant: str
    process_number: str
    access_key: str
    user_agent: str
    source_address: str
    def __init__(self, tenant: _Optional[str] = ..., process_number: _Optional[str] = ..., access_key: _Optional[str] = ..., user_agent: _Optional[str] = ..., source_address: _Optional[str] = ...) -> None: ...

class StartCodeLoginRequest(_message.Message):
    __slots__ = ("tenant", "login", "source_address", "user_agent")
    TENANT_FIELD_NUMBER: _ClassVar[int]
    LOGIN_FIELD_NUMBER: _ClassVar[int]
    SOURCE_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    USER_AGENT_FIELD_NUMBER: _ClassVar[int]
    tenant: str
    login: str
    source_address: str
    user_agent: str
    def __init__(self, tenant: _Optional[str] = ..., login: _Optional[str] = ..., source_address: _Optional[str] = ..., user_agent: _Optional[str] = ...) -> None: ...

class CodeLoginStatus(_message.Message):
    __slots__ = ("login_ticket", "code_expires_in", "resend_after")
    LOGIN_TICKET_FIELD_NUMBER: _ClassVar[int]
    CODE_EXPIRES_IN_FIELD_NUMBER: _ClassVar[int]
    RESEND_AFTER_FIELD_NUMBER: _ClassVar[int]
    login_ticket: str
    code_expires_in: int
    resend_after: int
    def __init__(self, login_ticket: _Optional[str] = ..., code_expires_in: _Optional[int] = ..., resend_after: _Optional[int] = ...) -> None: ...

class ResendLoginCodeRequest(_message.Message):
    __slots__ = ("login_ticket",)
    LOGIN_TICKET_FIELD_NUMBER: _ClassVar[int]
    login_ticket: str
    def __init__(self, login_ticket: _Optional[str] = ...) -> None: ...

class CompleteCodeLoginRequest(_message.Message):
    __slots__ = ("login_ticket", "code", "user_agent", "source_address", "device_id")
    LOGIN_TICKET_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    USER_AGENT_FIELD_NUMBER: _ClassVar[int]
    SOURCE_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    DEVICE_ID_FIELD_NUMBER: _ClassVar[int]
    login_ticket: str
    code: str
    user_agent: str
    source_address: str
    device_id: str
    def __init__(self, login_ticket: _Optional[str] = ..., code: _Optional[str] = ..., user_agent: _Optional[str] = ..., source_address: _Optional[str] = ..., device_id: _Optional[str] = ...) -> None: ...

class BeginPasskeyRegistrationRequest(_message.Message):
    __slots__ = ("current_password", "source_address", "user_agent")
    CURRENT_PASSWORD_FIELD_NUMBER: _ClassVar[int]
    SOURCE_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    USER_AGENT_FIELD_NUMBER: _ClassVar[int]
    current_password: str
    source_address: str
    user_agent: str
    def __init__(self, current_password: _Optional[str] = ..., source_address: _Optional[str] = ..., user_agent: _Optional[str] = ...) -> None: ...

class PasskeyOptions(_message.Message):
    __slots__ = ("options_json",)
    OPTIONS_JSON_FIELD_NUMBER: _ClassVar[int]
    options_json: str
    def __init__(self, options_json: _Optional[str] = ...) -> None: ...

class FinishPasskeyRegistrationRequest(_message.Message):
    __slots__ = ("credential_json", "name", "source_address", "user_agent")
    CREDENTIAL_JSON_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SOURCE_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    USER_AGENT_FIELD_NUMBER: _ClassVar[int]
    credential_json: str
    name: str
    source_address: str
    user_agent: str
    def __init__(self, credential_json: _Optional[str] = ..., name: _Optional[str] = ..., source_address: _Optional[str] = ..., user_agent: _Optional[str] = ...) -> None: ...

class Passkey(_message.Message):
    __slots__ = ("id", "name", "created_at", "last_used_at", "backed_up", "transports")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    LAST_USED_AT_FIELD_NUMBER: _ClassVar[int]
    BACKED_UP_FIELD_NUMBER: _ClassVar[int]
    TRANSPORTS_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    created_at: str
    last_used_at: str
    backed_up: bool
    transports: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., created_at: _Optional[str] = ..., last_used_at: _Optional[str] = ..., backed_up: _Optional[bool] = ..., transports: _Optional[_Iterable[str]] = ...) -> None: ...

class ListPasskeysRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListPasskeysResponse(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Passkey]
    def __init__(self, items: _Optional[_Iterable[_Union[Passkey, _Mapping]]] = ...) -> None: ...

class RenamePasskeyRequest(_message.Message):
    __slots__ = ("passkey_id", "name")
    PASSKEY_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    passkey_id: str
    name: str
    def __init__(self, passkey_id: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class RemovePasskeyRequest(_message.Message):
    __slots__ = ("passkey_id", "current_password", "source_address", "user_agent")
    PASSKEY_ID_FIELD_NUMBER: _ClassVar[int]
    CURRENT_PASSWORD_FIELD_NUMBER: _ClassVar[int]
    SOURCE_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    USER_AGENT_FIELD_NUMBER: _ClassVar[int]
    passkey_id: str
    current_password: str
    source_address: str
    user_agent: str
    def __init__(self, passkey_id: _Optional[str] = ..., current_password: _Optional[str] = ..., source_address: _Optional[str] = ..., user_agent: _Optional[str] = ...) -> None: ...

class RemovePasskeyResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class BeginPasskeyLoginRequest(_message.Message):
    __slots__ = ("tenant", "login", "mfa_ticket", "source_address", "user_agent")
    TENANT_FIELD_NUMBER: _ClassVar[int]
    LOGIN_FIELD_NUMBER: _ClassVar[int]
    MFA_TICKET_FIELD_NUMBER: _ClassVar[int]
    SOURCE_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    USER_AGENT_FIELD_NUMBER: _ClassVar[int]
    tenant: str
    login: str
    mfa_ticket: str
    source_address: str
    user_agent: str
    def __init__(self, tenant: _Optional[str] = ..., login: _Optional[str] = ..., mfa_ticket: _Optional[str] = ..., source_address: _Optional[str] = ..., user_agent: _Optional[str] = ...) -> None: ...

class FinishPasskeyLoginRequest(_message.Message):
    __slots__ = ("credential_json", "mfa_ticket", "user_agent", "source_address", "device_id")
    CREDENTIAL_JSON_FIELD_NUMBER: _ClassVar[int]
    MFA_TICKET_FIELD_NUMBER: _ClassVar[int]
    USER_AGENT_FIELD_NUMBER: _ClassVar[int]
    SOURCE_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    DEVICE_ID_FIELD_NUMBER: _ClassVar[int]
    credential_json: str
    mfa_ticket: str
    user_agent: str
    source_address: str
    device_id: str
    def __init__(self, credential_json: _Optional[str] = ..., mfa_ticket: _Optional[str] = ..., user_agent: _Optional[str] = ..., source_address: _Optional[str] = ..., device_id: _Optional[str] = ...) -> None: ...

class LoginCodeIssued(_message.Message):
    __slots__ = ("user_id", "email", "display_name", "locale", "code", "valid_minutes")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    VALID_MINUTES_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    email: str
    display_name: str
    locale: str
    code: str
    valid_minutes: int
    def __init__(self, user_id: _Optional[str] = ..., email: _Optional[str] = ..., display_name: _Optional[str] = ..., locale: _Optional[str] = ..., code: _Optional[str] = ..., valid_minutes: _Optional[int] = ...) -> None: ...

class ClientMember(_message.Message):
    __slots__ = ("id", "display_name", "email", "client_role", "status", "last_login_at", "added_at", "invited_by", "invited_by_name")
    ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ROLE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    LAST_LOGIN_AT_FIELD_NUMBER: _ClassVar[int]
    ADDED_AT_FIELD_NUMBER: _ClassVar[int]
    INVITED_BY_FIELD_NUMBER: _ClassVar[int]
    INVITED_BY_NAME_FIELD_NUMBER: _ClassVar[int]
    id: str
    display_name: str
    email: str
    client_role: str
    status: str
    last_login_at: str
    added_at: str
    invited_by: str
    invited_by_name: str
    def __init__(self, id: _Optional[str] = ..., display_name: _Optional[str] = ..., email: _Optional[str] = ..., client_role: _Optional[str] = ..., status: _Optional[str] = ..., last_login_at: _Optional[str] = ..., added_at: _Optional[str] = ..., invited_by: _Optional[str] = ..., invited_by_name: _Optional[str] = ...) -> None: ...

class ListClientMembersRequest(_message.Message):
    __slots__ = ("client_id",)
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    client_id: str
    def __init__(self, client_id: _Optional[str] = ...) -> None: ...

class ListClientMembersResponse(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[ClientMember]
    def __init__(self, items: _Optional[_Iterable[_Union[ClientMember, _Mapping]]] = ...) -> None: ...

class InviteClientMemberRequest(_message.Message):
    __slots__ = ("email", "display_name", "client_role", "locale")
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ROLE_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    email: str
    display_name: str
    client_role: str
    locale: str
    def __init__(self, email: _Optional[str] = ..., display_name: _Optional[str] = ..., client_role: _Optional[str] = ..., locale: _Optional[str] = ...) -> None: ...

class UpdateClientMemberRequest(_message.Message):
    __slots__ = ("user_id", "client_role")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ROLE_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    client_role: str
    def __init__(self, user_id: _Optional[str] = ..., client_role: _Optional[str] = ...) -> None: ...

class RemoveClientMemberRequest(_message.Message):
    __slots__ = ("user_id", "source_address", "user_agent")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    SOURCE_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    USER_AGENT_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    source_address: str
    user_agent: str
    def __init__(self, user_id: _Optional[str] = ..., source_address: _Optional[str] = ..., user_agent: _Optional[str] = ...) -> None: ...

class RemoveClientMemberResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ClientMemberInvited(_message.Message):
    __slots__ = ("user_id", "email", "display_name", "locale", "set_password_token", "tenant_name", "client_name", "invited_by", "client_role", "valid_hours")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    SET_PASSWORD_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TENANT_NAME_FIELD_NUMBER: _ClassVar[int]
    CLIENT_NAME_FIELD_NUMBER: _ClassVar[int]
    INVITED_BY_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ROLE_FIELD_NUMBER: _ClassVar[int]
    VALID_HOURS_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    email: str
    display_name: str
    locale: str
    set_password_token: str
    tenant_name: str
    client_name: str
    invited_by: str
    client_role: str
    valid_hours: int
    def __init__(self, user_id: _Optional[str] = ..., email: _Optional[str] = ..., display_name: _Optional[str] = ..., locale: _Optional[str] = ..., set_password_token: _Optional[str] = ..., tenant_name: _Optional[str] = ..., client_name: _Optional[str] = ..., invited_by: _Optional[str] = ..., client_role: _Optional[str] = ..., valid_hours: _Optional[int] = ...) -> None: ...

class ClientMemberChanged(_message.Message):
    __slots__ = ("user_id", "email", "display_name", "locale", "change", "client_role", "client_name", "changed_by", "tenant_name", "occurred_at")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    CHANGE_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ROLE_FIELD_NUMBER: _ClassVar[int]
    CLIENT_NAME_FIELD_NUMBER: _ClassVar[int]
    CHANGED_BY_FIELD_NUMBER: _ClassVar[int]
    TENANT_NAME_FIELD_NUMBER: _ClassVar[int]
    OCCURRED_AT_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    email: str
    display_name: str
    locale: str
    change: str
    client_role: str
    client_name: str
    changed_by: str
    tenant_name: str
    occurred_at: str
    def __init__(self, user_id: _Optional[str] = ..., email: _Optional[str] = ..., display_name: _Optional[str] = ..., locale: _Optional[str] = ..., change: _Optional[str] = ..., client_role: _Optional[str] = ..., client_name: _Optional[str] = ..., changed_by: _Optional[str] = ..., tenant_name: _Optional[str] = ..., occurred_at: _Optional[str] = ...) -> None: ...

class ListStaffDirectoryRequest(_message.Message):
    __slots__ = ("ids", "include_disabled")
    IDS_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_DISABLED_FIELD_NUMBER: _ClassVar[int]
    ids: _containers.RepeatedScalarFieldContainer[str]
    include_disabled: bool
    def __init__(self, ids: _Optional[_Iterable[str]] = ..., include_disabled: _Optional[bool] = ...) -> None: ...

class StaffDirectoryEntry(_message.Message):
    __slots__ = ("id", "display_name", "roles", "active")
    ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    ROLES_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    id: str
    display_name: str
    roles: _containers.RepeatedScalarFieldContainer[str]
    active: bool
    def __init__(self, id: _Optional[str] = ..., display_name: _Optional[str] = ..., roles: _Optional[_Iterable[str]] = ..., active: _Optional[bool] = ...) -> None: ...

class StaffDirectory(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[StaffDirectoryEntry]
    def __init__(self, items: _Optional[_Iterable[_Union[StaffDirectoryEntry, _Mapping]]] = ...) -> None: ...
