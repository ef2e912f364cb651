from clientarea.common.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ClientKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CLIENT_KIND_UNSPECIFIED: _ClassVar[ClientKind]
    CLIENT_KIND_PERSON: _ClassVar[ClientKind]
    CLIENT_KIND_COMPANY: _ClassVar[ClientKind]
    CLIENT_KIND_CONSORTIUM: _ClassVar[ClientKind]
CLIENT_KIND_UNSPECIFIED: ClientKind
CLIENT_KIND_PERSON: ClientKind
CLIENT_KIND_COMPANY: ClientKind
CLIENT_KIND_CONSORTIUM: ClientKind

class Client(_message.Message):
    __slots__ = ("id", "kind", "display_name", "first_name", "last_name", "legal_name", "tax_id", "email", "phone", "birth_date", "has_portal_user", "portal_user_id", "created_at", "locale")
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    LAST_NAME_FIELD_NUMBER: _ClassVar[int]
    LEGAL_NAME_FIELD_NUMBER: _ClassVar[int]
    TAX_ID_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    BIRTH_DATE_FIELD_NUMBER: _ClassVar[int]
    HAS_PORTAL_USER_FIELD_NUMBER: _ClassVar[int]
    PORTAL_USER_ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    id: str
    kind: ClientKind
    display_name: str
    first_name: str
    last_name: str
    legal_name: str
    tax_id: _common_pb2.TaxId
    email: str
    phone: str
    birth_date: str
    has_portal_user: bool
    portal_user_id: str
    created_at: str
    locale: str
    def __init__(self, id: _Optional[str] = ..., kind: _Optional[_Union[ClientKind, str]] = ..., display_name: _Optional[str] = ..., first_name: _Optional[str] = ..., last_name: _Optional[str] = ..., legal_name: _Optional[str] = ..., tax_id: _Optional[_Union[_common_pb2.TaxId, _Mapping]] = ..., email: _Optional[str] = ..., phone: _Optional[str] = ..., birth_date: _Optional[str] = ..., has_portal_user: _Optional[bool] = ..., portal_user_id: _Optional[str] = ..., created_at: _Optional[str] = ..., locale: _Optional[str] = ...) -> None: ...

class CreateClientRequest(_message.Message):
    __slots__ = ("kind", "first_name", "last_name", "legal_name", "tax_id", "tax_id_type", "email", "phone", "birth_date", "locale")
    KIND_FIELD_NUMBER: _ClassVar[int]
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    LAST_NAME_FIELD_NUMBER: _ClassVar[int]
    LEGAL_NAME_FIELD_NUMBER: _ClassVar[int]
    TAX_ID_FIELD_NUMBER: _ClassVar[int]
    TAX_ID_TYPE_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    BIRTH_DATE_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    kind: ClientKind
    first_name: str
    last_name: str
    legal_name: str
    tax_id: str
    tax_id_type: str
    email: str
    phone: str
    birth_date: str
    locale: str
    def __init__(self, kind: _Optional[_Union[ClientKind, str]] = ..., first_name: _Optional[str] = ..., last_name: _Optional[str] = ..., legal_name: _Optional[str] = ..., tax_id: _Optional[str] = ..., tax_id_type: _Optional[str] = ..., email: _Optional[str] = ..., phone: _Optional[str] = ..., birth_date: _Optional[str] = ..., locale: _Optional[str] = ...) -> None: ...

class FindClientByEmailRequest(_message.Message):
    __slots__ = ("email",)
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    email: str
    def __init__(self, email: _Optional[str] = ...) -> None: ...

class GetClientRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListClientsRequest(_message.Message):
    __slots__ = ("page", "q")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    Q_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    q: str
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., q: _Optional[str] = ...) -> None: ...

class ListClientsResponse(_message.Message):
    __slots__ = ("items", "page")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Client]
    page: _common_pb2.PageInfo
    def __init__(self, items: _Optional[_Iterable[_Union[Client, _Mapping]]] = ..., page: _Optional[_Union[_common_pb2.PageInfo, _Mapping]] = ...) -> None: ...

class CreatePortalUserRequest(_message.Message):
    __slots__ = ("client_id", "username", "password")
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    client_id: str
    username: str
    password: str
    def __init__(self, client_id: _Optional[str] = ..., username: _Optional[str] = ..., password: _Optional[str] = ...) -> None: ...

class CreatePortalUserResponse(_message.Message):
    __slots__ = ("user_id", "username")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    username: str
    def __init__(self, user_id: _Optional[str] = ..., username: _Optional[str] = ...) -> None: ...

class PortalUserCreated(_message.Message):
    __slots__ = ("client_id", "user_id", "username", "email", "display_name", "locale", "set_password_token")
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    SET_PASSWORD_TOKEN_FIELD_NUMBER: _ClassVar[int]
    client_id: str
    user_id: str
    username: str
    email: str
    display_name: str
    locale: str
    set_password_token: str
    def __init__(self, client_id: _Optional[str] = ..., user_id: _Optional[str] = ..., username: _Optional[str] = ..., email: _Optional[str] = ..., display_name: _Optional[str] = ..., locale: _Optional[str] = ..., set_password_token: _Optional[str] = ...) -> None: ...
