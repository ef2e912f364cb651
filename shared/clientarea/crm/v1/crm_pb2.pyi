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

class Tristate(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TRISTATE_ANY: _ClassVar[Tristate]
    TRISTATE_YES: _ClassVar[Tristate]
    TRISTATE_NO: _ClassVar[Tristate]
CLIENT_KIND_UNSPECIFIED: ClientKind
CLIENT_KIND_PERSON: ClientKind
CLIENT_KIND_COMPANY: ClientKind
CLIENT_KIND_CONSORTIUM: ClientKind
TRISTATE_ANY: Tristate
TRISTATE_YES: Tristate
TRISTATE_NO: Tristate

class Client(_message.Message):
    __slots__ = ("id", "kind", "display_name", "first_name", "last_name", "legal_name", "tax_id", "email", "phone", "birth_date", "has_portal_user", "portal_user_id", "created_at", "locale", "trade_name", "phones", "addresses", "categories", "salesperson_id", "salesperson_name", "alerts", "members", "version", "updated_at")
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
    TRADE_NAME_FIELD_NUMBER: _ClassVar[int]
    PHONES_FIELD_NUMBER: _ClassVar[int]
    ADDRESSES_FIELD_NUMBER: _ClassVar[int]
    CATEGORIES_FIELD_NUMBER: _ClassVar[int]
    SALESPERSON_ID_FIELD_NUMBER: _ClassVar[int]
    SALESPERSON_NAME_FIELD_NUMBER: _ClassVar[int]
    ALERTS_FIELD_NUMBER: _ClassVar[int]
    MEMBERS_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
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
    trade_name: str
    phones: _containers.RepeatedCompositeFieldContainer[Phone]
    addresses: _containers.RepeatedCompositeFieldContainer[ClientAddress]
    categories: _containers.RepeatedCompositeFieldContainer[Category]
    salesperson_id: str
    salesperson_name: str
    alerts: Alerts
    members: _containers.RepeatedCompositeFieldContainer[ConsortiumMember]
    version: int
    updated_at: str
    def __init__(self, id: _Optional[str] = ..., kind: _Optional[_Union[ClientKind, str]] = ..., display_name: _Optional[str] = ..., first_name: _Optional[str] = ..., last_name: _Optional[str] = ..., legal_name: _Optional[str] = ..., tax_id: _Optional[_Union[_common_pb2.TaxId, _Mapping]] = ..., email: _Optional[str] = ..., phone: _Optional[str] = ..., birth_date: _Optional[str] = ..., has_portal_user: _Optional[bool] = ..., portal_user_id: _Optional[str] = ..., created_at: _Optional[str] = ..., locale: _Optional[str] = ..., trade_name: _Optional[str] = ..., phones: _Optional[_Iterable[_Union[Phone, _Mapping]]] = ..., addresses: _Optional[_Iterable[_Union[ClientAddress, _Mapping]]] = ..., categories: _Optional[_Iterable[_Union[Category, _Mapping]]] = ..., salesperson_id: _Optional[str] = ..., salesperson_name: _Optional[str] = ..., alerts: _Optional[_Union[Alerts, _Mapping]] = ..., members: _Optional[_Iterable[_Union[ConsortiumMember, _Mapping]]] = ..., version: _Optional[int] = ..., updated_at: _Optional[str] = ...) -> None: ...

class CreateClientRequest(_message.Message):
    __slots__ = ("kind", "first_name", "last_name", "legal_name", "tax_id", "tax_id_type", "email", "phone", "birth_date", "locale", "trade_name", "phones", "addresses", "category_ids", "salesperson_id", "alerts", "members")
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
    TRADE_NAME_FIELD_NUMBER: _ClassVar[int]
    PHONES_FIELD_NUMBER: _ClassVar[int]
    ADDRESSES_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_IDS_FIELD_NUMBER: _ClassVar[int]
    SALESPERSON_ID_FIELD_NUMBER: _ClassVar[int]
    ALERTS_FIELD_NUMBER: _ClassVar[int]
    MEMBERS_FIELD_NUMBER: _ClassVar[int]
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
    trade_name: str
    phones: _containers.RepeatedCompositeFieldContainer[Phone]
    addresses: _containers.RepeatedCompositeFieldContainer[ClientAddress]
    category_ids: _containers.RepeatedScalarFieldContainer[str]
    salesperson_id: str
    alerts: Alerts
    members: _containers.RepeatedCompositeFieldContainer[ConsortiumMember]
    def __init__(self, kind: _Optional[_Union[ClientKind, str]] = ..., first_name: _Optional[str] = ..., last_name: _Optional[str] = ..., legal_name: _Optional[str] = ..., tax_id: _Optional[str] = ..., tax_id_type: _Optional[str] = ..., email: _Optional[str] = ..., phone: _Optional[str] = ..., birth_date: _Optional[str] = ..., locale: _Optional[str] = ..., trade_name: _Optional[str] = ..., phones: _Optional[_Iterable[_Union[Phone, _Mapping]]] = ..., addresses: _Optional[_Iterable[_Union[ClientAddress, _Mapping]]] = ..., category_ids: _Optional[_Iterable[str]] = ..., salesperson_id: _Optional[str] = ..., alerts: _Optional[_Union[Alerts, _Mapping]] = ..., members: _Optional[_Iterable[_Union[ConsortiumMember, _Mapping]]] = ...) -> None: ...

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
    __slots__ = ("page", "q", "filter", "sort")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    Q_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    SORT_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    q: str
    filter: ClientFilter
    sort: str
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., q: _Optional[str] = ..., filter: _Optional[_Union[ClientFilter, _Mapping]] = ..., sort: _Optional[str] = ...) -> None: ...

class ListClientsResponse(_message.Message):
    __slots__ = ("items", "page", "total")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Client]
    page: _common_pb2.PageInfo
    total: int
    def __init__(self, items: _Optional[_Iterable[_Union[Client, _Mapping]]] = ..., page: _Optional[_Union[_common_pb2.PageInfo, _Mapping]] = ..., total: _Optional[int] = ...) -> None: ...

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

class ClientFilter(_message.Message):
    __slots__ = ("q", "salesperson_id", "birthday_from", "birthday_to", "category_ids", "has_policy_line", "lacks_policy_line", "portal_user", "alerts", "kind")
    Q_FIELD_NUMBER: _ClassVar[int]
    SALESPERSON_ID_FIELD_NUMBER: _ClassVar[int]
    BIRTHDAY_FROM_FIELD_NUMBER: _ClassVar[int]
    BIRTHDAY_TO_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_IDS_FIELD_NUMBER: _ClassVar[int]
    HAS_POLICY_LINE_FIELD_NUMBER: _ClassVar[int]
    LACKS_POLICY_LINE_FIELD_NUMBER: _ClassVar[int]
    PORTAL_USER_FIELD_NUMBER: _ClassVar[int]
    ALERTS_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    q: str
    salesperson_id: str
    birthday_from: str
    birthday_to: str
    category_ids: _containers.RepeatedScalarFieldContainer[str]
    has_policy_line: str
    lacks_policy_line: str
    portal_user: Tristate
    alerts: Tristate
    kind: ClientKind
    def __init__(self, q: _Optional[str] = ..., salesperson_id: _Optional[str] = ..., birthday_from: _Optional[str] = ..., birthday_to: _Optional[str] = ..., category_ids: _Optional[_Iterable[str]] = ..., has_policy_line: _Optional[str] = ..., lacks_policy_line: _Optional[str] = ..., portal_user: _Optional[_Union[Tristate, str]] = ..., alerts: _Optional[_Union[Tristate, str]] = ..., kind: _Optional[_Union[ClientKind, str]] = ...) -> None: ...

class ClientSelection(_message.Message):
    __slots__ = ("client_ids", "filter")
    CLIENT_IDS_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    client_ids: _containers.RepeatedScalarFieldContainer[str]
    filter: ClientFilter
    def __init__(self, client_ids: _Optional[_Iterable[str]] = ..., filter: _Optional[_Union[ClientFilter, _Mapping]] = ...) -> None: ...

class SearchContactsRequest(_message.Message):
    __slots__ = ("filter", "page")
    FILTER_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    filter: ClientFilter
    page: _common_pb2.PageRequest
    def __init__(self, filter: _Optional[_Union[ClientFilter, _Mapping]] = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ContactHit(_message.Message):
    __slots__ = ("contact", "client_display_name")
    CONTACT_FIELD_NUMBER: _ClassVar[int]
    CLIENT_DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    contact: Contact
    client_display_name: str
    def __init__(self, contact: _Optional[_Union[Contact, _Mapping]] = ..., client_display_name: _Optional[str] = ...) -> None: ...

class SearchContactsResponse(_message.Message):
    __slots__ = ("items", "page", "total")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[ContactHit]
    page: _common_pb2.PageInfo
    total: int
    def __init__(self, items: _Optional[_Iterable[_Union[ContactHit, _Mapping]]] = ..., page: _Optional[_Union[_common_pb2.PageInfo, _Mapping]] = ..., total: _Optional[int] = ...) -> None: ...

class SavedFilter(_message.Message):
    __slots__ = ("id", "name", "filter", "created_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    filter: ClientFilter
    created_at: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., filter: _Optional[_Union[ClientFilter, _Mapping]] = ..., created_at: _Optional[str] = ...) -> None: ...

class ListSavedFiltersRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListSavedFiltersResponse(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[SavedFilter]
    def __init__(self, items: _Optional[_Iterable[_Union[SavedFilter, _Mapping]]] = ...) -> None: ...

class CreateSavedFilterRequest(_message.Message):
    __slots__ = ("name", "filter")
    NAME_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    name: str
    filter: ClientFilter
    def __init__(self, name: _Optional[str] = ..., filter: _Optional[_Union[ClientFilter, _Mapping]] = ...) -> None: ...

class DeleteSavedFilterRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class DeleteSavedFilterResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class AlertChanges(_message.Message):
    __slots__ = ("email_collections", "email_renewals", "sms_collections", "sms_renewals")
    EMAIL_COLLECTIONS_FIELD_NUMBER: _ClassVar[int]
    EMAIL_RENEWALS_FIELD_NUMBER: _ClassVar[int]
    SMS_COLLECTIONS_FIELD_NUMBER: _ClassVar[int]
    SMS_RENEWALS_FIELD_NUMBER: _ClassVar[int]
    email_collections: Tristate
    email_renewals: Tristate
    sms_collections: Tristate
    sms_renewals: Tristate
    def __init__(self, email_collections: _Optional[_Union[Tristate, str]] = ..., email_renewals: _Optional[_Union[Tristate, str]] = ..., sms_collections: _Optional[_Union[Tristate, str]] = ..., sms_renewals: _Optional[_Union[Tristate, str]] = ...) -> None: ...

class SetAlertsRequest(_message.Message):
    __slots__ = ("selection", "changes")
    SELECTION_FIELD_NUMBER: _ClassVar[int]
    CHANGES_FIELD_NUMBER: _ClassVar[int]
    selection: ClientSelection
    changes: AlertChanges
    def __init__(self, selection: _Optional[_Union[ClientSelection, _Mapping]] = ..., changes: _Optional[_Union[AlertChanges, _Mapping]] = ...) -> None: ...

class SetAlertsResponse(_message.Message):
    __slots__ = ("matched", "changed")
    MATCHED_FIELD_NUMBER: _ClassVar[int]
    CHANGED_FIELD_NUMBER: _ClassVar[int]
    matched: int
    changed: int
    def __init__(self, matched: _Optional[int] = ..., changed: _Optional[int] = ...) -> None: ...

class ListPolicyLinesRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListPolicyLinesResponse(_message.Message):
    __slots__ = ("lines",)
    LINES_FIELD_NUMBER: _ClassVar[int]
    lines: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, lines: _Optional[_Iterable[str]] = ...) -> None: ...

class Phone(_message.Message):
    __slots__ = ("label", "number", "formatted")
    LABEL_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    FORMATTED_FIELD_NUMBER: _ClassVar[int]
    label: str
    number: str
    formatted: str
    def __init__(self, label: _Optional[str] = ..., number: _Optional[str] = ..., formatted: _Optional[str] = ...) -> None: ...

class ClientAddress(_message.Message):
    __slots__ = ("street", "number", "floor_door", "postal_code", "city", "province", "country", "is_main")
    STREET_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    FLOOR_DOOR_FIELD_NUMBER: _ClassVar[int]
    POSTAL_CODE_FIELD_NUMBER: _ClassVar[int]
    CITY_FIELD_NUMBER: _ClassVar[int]
    PROVINCE_FIELD_NUMBER: _ClassVar[int]
    COUNTRY_FIELD_NUMBER: _ClassVar[int]
    IS_MAIN_FIELD_NUMBER: _ClassVar[int]
    street: str
    number: str
    floor_door: str
    postal_code: str
    city: str
    province: str
    country: str
    is_main: bool
    def __init__(self, street: _Optional[str] = ..., number: _Optional[str] = ..., floor_door: _Optional[str] = ..., postal_code: _Optional[str] = ..., city: _Optional[str] = ..., province: _Optional[str] = ..., country: _Optional[str] = ..., is_main: _Optional[bool] = ...) -> None: ...

class Alerts(_message.Message):
    __slots__ = ("email_collections", "email_renewals", "sms_collections", "sms_renewals")
    EMAIL_COLLECTIONS_FIELD_NUMBER: _ClassVar[int]
    EMAIL_RENEWALS_FIELD_NUMBER: _ClassVar[int]
    SMS_COLLECTIONS_FIELD_NUMBER: _ClassVar[int]
    SMS_RENEWALS_FIELD_NUMBER: _ClassVar[int]
    email_collections: bool
    email_renewals: bool
    sms_collections: bool
    sms_renewals: bool
    def __init__(self, email_collections: _Optional[bool] = ..., email_renewals: _Optional[bool] = ..., sms_collections: _Optional[bool] = ..., sms_renewals: _Optional[bool] = ...) -> None: ...

class ConsortiumMember(_message.Message):
    __slots__ = ("client_id", "share", "display_name")
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    SHARE_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    client_id: str
    share: str
    display_name: str
    def __init__(self, client_id: _Optional[str] = ..., share: _Optional[str] = ..., display_name: _Optional[str] = ...) -> None: ...

class Category(_message.Message):
    __slots__ = ("id", "name", "client_count")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    CLIENT_COUNT_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    client_count: int
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., client_count: _Optional[int] = ...) -> None: ...

class UpdateClientRequest(_message.Message):
    __slots__ = ("id", "expected_version", "fields", "values")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    VALUES_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    fields: _containers.RepeatedScalarFieldContainer[str]
    values: CreateClientRequest
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., fields: _Optional[_Iterable[str]] = ..., values: _Optional[_Union[CreateClientRequest, _Mapping]] = ...) -> None: ...

class FieldChange(_message.Message):
    __slots__ = ("field", "old_value", "new_value")
    FIELD_FIELD_NUMBER: _ClassVar[int]
    OLD_VALUE_FIELD_NUMBER: _ClassVar[int]
    NEW_VALUE_FIELD_NUMBER: _ClassVar[int]
    field: str
    old_value: str
    new_value: str
    def __init__(self, field: _Optional[str] = ..., old_value: _Optional[str] = ..., new_value: _Optional[str] = ...) -> None: ...

class ChangeRecord(_message.Message):
    __slots__ = ("id", "entity", "entity_id", "entity_label", "action", "changes", "actor_id", "actor_name", "actor_kind", "occurred_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    ENTITY_FIELD_NUMBER: _ClassVar[int]
    ENTITY_ID_FIELD_NUMBER: _ClassVar[int]
    ENTITY_LABEL_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    CHANGES_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_NAME_FIELD_NUMBER: _ClassVar[int]
    ACTOR_KIND_FIELD_NUMBER: _ClassVar[int]
    OCCURRED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    entity: str
    entity_id: str
    entity_label: str
    action: str
    changes: _containers.RepeatedCompositeFieldContainer[FieldChange]
    actor_id: str
    actor_name: str
    actor_kind: str
    occurred_at: str
    def __init__(self, id: _Optional[str] = ..., entity: _Optional[str] = ..., entity_id: _Optional[str] = ..., entity_label: _Optional[str] = ..., action: _Optional[str] = ..., changes: _Optional[_Iterable[_Union[FieldChange, _Mapping]]] = ..., actor_id: _Optional[str] = ..., actor_name: _Optional[str] = ..., actor_kind: _Optional[str] = ..., occurred_at: _Optional[str] = ...) -> None: ...

class ListClientHistoryRequest(_message.Message):
    __slots__ = ("client_id", "page")
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    client_id: str
    page: _common_pb2.PageRequest
    def __init__(self, client_id: _Optional[str] = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListClientHistoryResponse(_message.Message):
    __slots__ = ("items", "page")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[ChangeRecord]
    page: _common_pb2.PageInfo
    def __init__(self, items: _Optional[_Iterable[_Union[ChangeRecord, _Mapping]]] = ..., page: _Optional[_Union[_common_pb2.PageInfo, _Mapping]] = ...) -> None: ...

class ListCategoriesRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListCategoriesResponse(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Category]
    def __init__(self, items: _Optional[_Iterable[_Union[Category, _Mapping]]] = ...) -> None: ...

class CreateCategoryRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class RenameCategoryRequest(_message.Message):
    __slots__ = ("id", "name")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class DeleteCategoryRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class DeleteCategoryResponse(_message.Message):
    __slots__ = ("clients_updated",)
    CLIENTS_UPDATED_FIELD_NUMBER: _ClassVar[int]
    clients_updated: int
    def __init__(self, clients_updated: _Optional[int] = ...) -> None: ...

class Contact(_message.Message):
    __slots__ = ("id", "client_id", "role", "first_name", "last_name", "phones", "emails", "notes", "version", "created_at", "updated_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    LAST_NAME_FIELD_NUMBER: _ClassVar[int]
    PHONES_FIELD_NUMBER: _ClassVar[int]
    EMAILS_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    client_id: str
    role: str
    first_name: str
    last_name: str
    phones: _containers.RepeatedCompositeFieldContainer[Phone]
    emails: _containers.RepeatedScalarFieldContainer[str]
    notes: str
    version: int
    created_at: str
    updated_at: str
    def __init__(self, id: _Optional[str] = ..., client_id: _Optional[str] = ..., role: _Optional[str] = ..., first_name: _Optional[str] = ..., last_name: _Optional[str] = ..., phones: _Optional[_Iterable[_Union[Phone, _Mapping]]] = ..., emails: _Optional[_Iterable[str]] = ..., notes: _Optional[str] = ..., version: _Optional[int] = ..., created_at: _Optional[str] = ..., updated_at: _Optional[str] = ...) -> None: ...

class ContactValues(_message.Message):
    __slots__ = ("role", "first_name", "last_name", "phones", "emails", "notes")
    ROLE_FIELD_NUMBER: _ClassVar[int]
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    LAST_NAME_FIELD_NUMBER: _ClassVar[int]
    PHONES_FIELD_NUMBER: _ClassVar[int]
    EMAILS_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    role: str
    first_name: str
    last_name: str
    phones: _containers.RepeatedCompositeFieldContainer[Phone]
    emails: _containers.RepeatedScalarFieldContainer[str]
    notes: str
    def __init__(self, role: _Optional[str] = ..., first_name: _Optional[str] = ..., last_name: _Optional[str] = ..., phones: _Optional[_Iterable[_Union[Phone, _Mapping]]] = ..., emails: _Optional[_Iterable[str]] = ..., notes: _Optional[str] = ...) -> None: ...

class ListContactsRequest(_message.Message):
    __slots__ = ("client_id",)
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    client_id: str
    def __init__(self, client_id: _Optional[str] = ...) -> None: ...

class ListContactsResponse(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Contact]
    def __init__(self, items: _Optional[_Iterable[_Union[Contact, _Mapping]]] = ...) -> None: ...

class CreateContactRequest(_message.Message):
    __slots__ = ("client_id", "values")
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    VALUES_FIELD_NUMBER: _ClassVar[int]
    client_id: str
    values: ContactValues
    def __init__(self, client_id: _Optional[str] = ..., values: _Optional[_Union[ContactValues, _Mapping]] = ...) -> None: ...

class UpdateContactRequest(_message.Message):
    __slots__ = ("id", "expected_version", "values")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    VALUES_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    values: ContactValues
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., values: _Optional[_Union[ContactValues, _Mapping]] = ...) -> None: ...

class DeleteContactRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class DeleteContactResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class TaskComment(_message.Message):
    __slots__ = ("id", "author_id", "author_name", "body", "created_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_ID_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_NAME_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    author_id: str
    author_name: str
    body: str
    created_at: str
    def __init__(self, id: _Optional[str] = ..., author_id: _Optional[str] = ..., author_name: _Optional[str] = ..., body: _Optional[str] = ..., created_at: _Optional[str] = ...) -> None: ...

class Task(_message.Message):
    __slots__ = ("id", "client_id", "client_name", "title", "description", "assignee_id", "assignee_name", "due_on", "status", "overdue", "created_by_id", "created_by_name", "created_at", "updated_at", "version", "comments")
    ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_NAME_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    ASSIGNEE_ID_FIELD_NUMBER: _ClassVar[int]
    ASSIGNEE_NAME_FIELD_NUMBER: _ClassVar[int]
    DUE_ON_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    OVERDUE_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_NAME_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    COMMENTS_FIELD_NUMBER: _ClassVar[int]
    id: str
    client_id: str
    client_name: str
    title: str
    description: str
    assignee_id: str
    assignee_name: str
    due_on: str
    status: str
    overdue: bool
    created_by_id: str
    created_by_name: str
    created_at: str
    updated_at: str
    version: int
    comments: _containers.RepeatedCompositeFieldContainer[TaskComment]
    def __init__(self, id: _Optional[str] = ..., client_id: _Optional[str] = ..., client_name: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., assignee_id: _Optional[str] = ..., assignee_name: _Optional[str] = ..., due_on: _Optional[str] = ..., status: _Optional[str] = ..., overdue: _Optional[bool] = ..., created_by_id: _Optional[str] = ..., created_by_name: _Optional[str] = ..., created_at: _Optional[str] = ..., updated_at: _Optional[str] = ..., version: _Optional[int] = ..., comments: _Optional[_Iterable[_Union[TaskComment, _Mapping]]] = ...) -> None: ...

class CreateTaskRequest(_message.Message):
    __slots__ = ("client_id", "title", "description", "assignee_id", "due_on")
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    ASSIGNEE_ID_FIELD_NUMBER: _ClassVar[int]
    DUE_ON_FIELD_NUMBER: _ClassVar[int]
    client_id: str
    title: str
    description: str
    assignee_id: str
    due_on: str
    def __init__(self, client_id: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., assignee_id: _Optional[str] = ..., due_on: _Optional[str] = ...) -> None: ...

class GetTaskRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class UpdateTaskRequest(_message.Message):
    __slots__ = ("id", "expected_version", "fields", "title", "description", "assignee_id", "due_on", "status")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    ASSIGNEE_ID_FIELD_NUMBER: _ClassVar[int]
    DUE_ON_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    fields: _containers.RepeatedScalarFieldContainer[str]
    title: str
    description: str
    assignee_id: str
    due_on: str
    status: str
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., fields: _Optional[_Iterable[str]] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., assignee_id: _Optional[str] = ..., due_on: _Optional[str] = ..., status: _Optional[str] = ...) -> None: ...

class AddTaskCommentRequest(_message.Message):
    __slots__ = ("task_id", "body")
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    task_id: str
    body: str
    def __init__(self, task_id: _Optional[str] = ..., body: _Optional[str] = ...) -> None: ...

class ListClientTasksRequest(_message.Message):
    __slots__ = ("client_id", "page", "status")
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    client_id: str
    page: _common_pb2.PageRequest
    status: str
    def __init__(self, client_id: _Optional[str] = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., status: _Optional[str] = ...) -> None: ...

class ListMyTasksRequest(_message.Message):
    __slots__ = ("page", "status", "overdue")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    OVERDUE_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    status: str
    overdue: bool
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., status: _Optional[str] = ..., overdue: _Optional[bool] = ...) -> None: ...

class ListTasksResponse(_message.Message):
    __slots__ = ("items", "page")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Task]
    page: _common_pb2.PageInfo
    def __init__(self, items: _Optional[_Iterable[_Union[Task, _Mapping]]] = ..., page: _Optional[_Union[_common_pb2.PageInfo, _Mapping]] = ...) -> None: ...

class GetMyProfileRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class UpdateMyProfileRequest(_message.Message):
    __slots__ = ("expected_version", "fields", "phones", "addresses", "alerts")
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    PHONES_FIELD_NUMBER: _ClassVar[int]
    ADDRESSES_FIELD_NUMBER: _ClassVar[int]
    ALERTS_FIELD_NUMBER: _ClassVar[int]
    expected_version: int
    fields: _containers.RepeatedScalarFieldContainer[str]
    phones: _containers.RepeatedCompositeFieldContainer[Phone]
    addresses: _containers.RepeatedCompositeFieldContainer[ClientAddress]
    alerts: Alerts
    def __init__(self, expected_version: _Optional[int] = ..., fields: _Optional[_Iterable[str]] = ..., phones: _Optional[_Iterable[_Union[Phone, _Mapping]]] = ..., addresses: _Optional[_Iterable[_Union[ClientAddress, _Mapping]]] = ..., alerts: _Optional[_Union[Alerts, _Mapping]] = ...) -> None: ...

class PreviewClientImportRequest(_message.Message):
    __slots__ = ("file_name", "content", "preview_rows")
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    PREVIEW_ROWS_FIELD_NUMBER: _ClassVar[int]
    file_name: str
    content: bytes
    preview_rows: int
    def __init__(self, file_name: _Optional[str] = ..., content: _Optional[bytes] = ..., preview_rows: _Optional[int] = ...) -> None: ...

class ImportRowError(_message.Message):
    __slots__ = ("row", "field", "code", "message")
    ROW_FIELD_NUMBER: _ClassVar[int]
    FIELD_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    row: int
    field: str
    code: str
    message: str
    def __init__(self, row: _Optional[int] = ..., field: _Optional[str] = ..., code: _Optional[str] = ..., message: _Optional[str] = ...) -> None: ...

class ImportRow(_message.Message):
    __slots__ = ("row", "values", "valid")
    class ValuesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ROW_FIELD_NUMBER: _ClassVar[int]
    VALUES_FIELD_NUMBER: _ClassVar[int]
    VALID_FIELD_NUMBER: _ClassVar[int]
    row: int
    values: _containers.ScalarMap[str, str]
    valid: bool
    def __init__(self, row: _Optional[int] = ..., values: _Optional[_Mapping[str, str]] = ..., valid: _Optional[bool] = ...) -> None: ...

class ClientImport(_message.Message):
    __slots__ = ("id", "file_name", "status", "row_count", "valid_count", "columns", "rows", "errors", "created_at", "expires_at", "uploaded_by")
    ID_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    ROW_COUNT_FIELD_NUMBER: _ClassVar[int]
    VALID_COUNT_FIELD_NUMBER: _ClassVar[int]
    COLUMNS_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    ERRORS_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    UPLOADED_BY_FIELD_NUMBER: _ClassVar[int]
    id: str
    file_name: str
    status: str
    row_count: int
    valid_count: int
    columns: _containers.RepeatedScalarFieldContainer[str]
    rows: _containers.RepeatedCompositeFieldContainer[ImportRow]
    errors: _containers.RepeatedCompositeFieldContainer[ImportRowError]
    created_at: str
    expires_at: str
    uploaded_by: str
    def __init__(self, id: _Optional[str] = ..., file_name: _Optional[str] = ..., status: _Optional[str] = ..., row_count: _Optional[int] = ..., valid_count: _Optional[int] = ..., columns: _Optional[_Iterable[str]] = ..., rows: _Optional[_Iterable[_Union[ImportRow, _Mapping]]] = ..., errors: _Optional[_Iterable[_Union[ImportRowError, _Mapping]]] = ..., created_at: _Optional[str] = ..., expires_at: _Optional[str] = ..., uploaded_by: _Optional[str] = ...) -> None: ...

class GetClientImportRequest(_message.Message):
    __slots__ = ("id", "preview_rows")
    ID_FIELD_NUMBER: _ClassVar[int]
    PREVIEW_ROWS_FIELD_NUMBER: _ClassVar[int]
    id: str
    preview_rows: int
    def __init__(self, id: _Optional[str] = ..., preview_rows: _Optional[int] = ...) -> None: ...

class ConfirmClientImportRequest(_message.Message):
    __slots__ = ("id", "mode")
    ID_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    id: str
    mode: str
    def __init__(self, id: _Optional[str] = ..., mode: _Optional[str] = ...) -> None: ...

class ClientImportReport(_message.Message):
    __slots__ = ("id", "created", "skipped", "client_ids")
    ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    SKIPPED_FIELD_NUMBER: _ClassVar[int]
    CLIENT_IDS_FIELD_NUMBER: _ClassVar[int]
    id: str
    created: int
    skipped: _containers.RepeatedCompositeFieldContainer[ImportRowError]
    client_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[str] = ..., created: _Optional[int] = ..., skipped: _Optional[_Iterable[_Union[ImportRowError, _Mapping]]] = ..., client_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class GetClientImportTemplateRequest(_message.Message):
    __slots__ = ("locale",)
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    locale: str
    def __init__(self, locale: _Optional[str] = ...) -> None: ...

class FileChunk(_message.Message):
    __slots__ = ("content", "file_name", "content_type", "total_size", "next_offset")
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_SIZE_FIELD_NUMBER: _ClassVar[int]
    NEXT_OFFSET_FIELD_NUMBER: _ClassVar[int]
    content: bytes
    file_name: str
    content_type: str
    total_size: int
    next_offset: int
    def __init__(self, content: _Optional[bytes] = ..., file_name: _Optional[str] = ..., content_type: _Optional[str] = ..., total_size: _Optional[int] = ..., next_offset: _Optional[int] = ...) -> None: ...

class ExportClientsRequest(_message.Message):
    __slots__ = ("selection", "locale")
    SELECTION_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    selection: ClientSelection
    locale: str
    def __init__(self, selection: _Optional[_Union[ClientSelection, _Mapping]] = ..., locale: _Optional[str] = ...) -> None: ...

class CountClientSelectionRequest(_message.Message):
    __slots__ = ("selection",)
    SELECTION_FIELD_NUMBER: _ClassVar[int]
    selection: ClientSelection
    def __init__(self, selection: _Optional[_Union[ClientSelection, _Mapping]] = ...) -> None: ...

class CountClientSelectionResponse(_message.Message):
    __slots__ = ("count", "direct_limit")
    COUNT_FIELD_NUMBER: _ClassVar[int]
    DIRECT_LIMIT_FIELD_NUMBER: _ClassVar[int]
    count: int
    direct_limit: int
    def __init__(self, count: _Optional[int] = ..., direct_limit: _Optional[int] = ...) -> None: ...

class ClientExport(_message.Message):
    __slots__ = ("id", "status", "rows", "error", "created_at", "finished_at", "expires_at", "file_name")
    ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    id: str
    status: str
    rows: int
    error: str
    created_at: str
    finished_at: str
    expires_at: str
    file_name: str
    def __init__(self, id: _Optional[str] = ..., status: _Optional[str] = ..., rows: _Optional[int] = ..., error: _Optional[str] = ..., created_at: _Optional[str] = ..., finished_at: _Optional[str] = ..., expires_at: _Optional[str] = ..., file_name: _Optional[str] = ...) -> None: ...

class GetClientExportRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class DownloadClientExportRequest(_message.Message):
    __slots__ = ("id", "offset")
    ID_FIELD_NUMBER: _ClassVar[int]
    OFFSET_FIELD_NUMBER: _ClassVar[int]
    id: str
    offset: int
    def __init__(self, id: _Optional[str] = ..., offset: _Optional[int] = ...) -> None: ...

class ListClientExportsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListClientExportsResponse(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[ClientExport]
    def __init__(self, items: _Optional[_Iterable[_Union[ClientExport, _Mapping]]] = ...) -> None: ...

class ClientExportReady(_message.Message):
    __slots__ = ("export_id", "user_id", "locale", "rows", "file_name", "expires_at")
    EXPORT_ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    export_id: str
    user_id: str
    locale: str
    rows: int
    file_name: str
    expires_at: str
    def __init__(self, export_id: _Optional[str] = ..., user_id: _Optional[str] = ..., locale: _Optional[str] = ..., rows: _Optional[int] = ..., file_name: _Optional[str] = ..., expires_at: _Optional[str] = ...) -> None: ...

class ClientFile(_message.Message):
    __slots__ = ("id", "client_id", "name", "kind", "file_name", "original_file_name", "content_type", "size", "uploaded_by_id", "uploaded_by_name", "uploaded_by_kind", "uploaded_at", "visible_to_client", "updated_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    ORIGINAL_FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    UPLOADED_BY_ID_FIELD_NUMBER: _ClassVar[int]
    UPLOADED_BY_NAME_FIELD_NUMBER: _ClassVar[int]
    UPLOADED_BY_KIND_FIELD_NUMBER: _ClassVar[int]
    UPLOADED_AT_FIELD_NUMBER: _ClassVar[int]
    VISIBLE_TO_CLIENT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    client_id: str
    name: str
    kind: str
    file_name: str
    original_file_name: str
    content_type: str
    size: int
    uploaded_by_id: str
    uploaded_by_name: str
    uploaded_by_kind: str
    uploaded_at: str
    visible_to_client: bool
    updated_at: str
    def __init__(self, id: _Optional[str] = ..., client_id: _Optional[str] = ..., name: _Optional[str] = ..., kind: _Optional[str] = ..., file_name: _Optional[str] = ..., original_file_name: _Optional[str] = ..., content_type: _Optional[str] = ..., size: _Optional[int] = ..., uploaded_by_id: _Optional[str] = ..., uploaded_by_name: _Optional[str] = ..., uploaded_by_kind: _Optional[str] = ..., uploaded_at: _Optional[str] = ..., visible_to_client: _Optional[bool] = ..., updated_at: _Optional[str] = ...) -> None: ...

class UploadClientFileRequest(_message.Message):
    __slots__ = ("client_id", "name", "kind", "file_name", "content", "internal")
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    INTERNAL_FIELD_NUMBER: _ClassVar[int]
    client_id: str
    name: str
    kind: str
    file_name: str
    content: bytes
    internal: bool
    def __init__(self, client_id: _Optional[str] = ..., name: _Optional[str] = ..., kind: _Optional[str] = ..., file_name: _Optional[str] = ..., content: _Optional[bytes] = ..., internal: _Optional[bool] = ...) -> None: ...

class ListClientFilesRequest(_message.Message):
    __slots__ = ("client_id",)
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    client_id: str
    def __init__(self, client_id: _Optional[str] = ...) -> None: ...

class ListClientFilesResponse(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[ClientFile]
    def __init__(self, items: _Optional[_Iterable[_Union[ClientFile, _Mapping]]] = ...) -> None: ...

class GetClientFileRequest(_message.Message):
    __slots__ = ("client_id", "id")
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    client_id: str
    id: str
    def __init__(self, client_id: _Optional[str] = ..., id: _Optional[str] = ...) -> None: ...

class ClientFileContent(_message.Message):
    __slots__ = ("file_name", "content_type", "content")
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    file_name: str
    content_type: str
    content: bytes
    def __init__(self, file_name: _Optional[str] = ..., content_type: _Optional[str] = ..., content: _Optional[bytes] = ...) -> None: ...

class UpdateClientFileRequest(_message.Message):
    __slots__ = ("client_id", "id", "fields", "name", "kind", "visible_to_client")
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    VISIBLE_TO_CLIENT_FIELD_NUMBER: _ClassVar[int]
    client_id: str
    id: str
    fields: _containers.RepeatedScalarFieldContainer[str]
    name: str
    kind: str
    visible_to_client: bool
    def __init__(self, client_id: _Optional[str] = ..., id: _Optional[str] = ..., fields: _Optional[_Iterable[str]] = ..., name: _Optional[str] = ..., kind: _Optional[str] = ..., visible_to_client: _Optional[bool] = ...) -> None: ...

class DeleteClientFileRequest(_message.Message):
    __slots__ = ("client_id", "id")
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    client_id: str
    id: str
    def __init__(self, client_id: _Optional[str] = ..., id: _Optional[str] = ...) -> None: ...

class DeleteClientFileResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
