from clientarea.common.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Case(_message.Message):
    __slots__ = ("id", "client_id", "number", "kind", "status", "phase", "debtor_name", "debtor_tax_id", "amount", "opened_on")
    ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PHASE_FIELD_NUMBER: _ClassVar[int]
    DEBTOR_NAME_FIELD_NUMBER: _ClassVar[int]
    DEBTOR_TAX_ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    OPENED_ON_FIELD_NUMBER: _ClassVar[int]
    id: str
    client_id: str
    number: str
    kind: str
    status: str
    phase: str
    debtor_name: str
    debtor_tax_id: _common_pb2.TaxId
    amount: _common_pb2.Money
    opened_on: str
    def __init__(self, id: _Optional[str] = ..., client_id: _Optional[str] = ..., number: _Optional[str] = ..., kind: _Optional[str] = ..., status: _Optional[str] = ..., phase: _Optional[str] = ..., debtor_name: _Optional[str] = ..., debtor_tax_id: _Optional[_Union[_common_pb2.TaxId, _Mapping]] = ..., amount: _Optional[_Union[_common_pb2.Money, _Mapping]] = ..., opened_on: _Optional[str] = ...) -> None: ...

class ListCasesRequest(_message.Message):
    __slots__ = ("page", "client_id", "status")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    client_id: str
    status: str
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., client_id: _Optional[str] = ..., status: _Optional[str] = ...) -> None: ...

class ListCasesResponse(_message.Message):
    __slots__ = ("items", "page")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Case]
    page: _common_pb2.PageInfo
    def __init__(self, items: _Optional[_Iterable[_Union[Case, _Mapping]]] = ..., page: _Optional[_Union[_common_pb2.PageInfo, _Mapping]] = ...) -> None: ...

class GetCaseRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class OpenCaseRequest(_message.Message):
    __slots__ = ("client_id", "number", "kind", "phase", "debtor_name", "debtor_tax_id", "amount", "opened_on")
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    PHASE_FIELD_NUMBER: _ClassVar[int]
    DEBTOR_NAME_FIELD_NUMBER: _ClassVar[int]
    DEBTOR_TAX_ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    OPENED_ON_FIELD_NUMBER: _ClassVar[int]
    client_id: str
    number: str
    kind: str
    phase: str
    debtor_name: str
    debtor_tax_id: _common_pb2.TaxId
    amount: _common_pb2.Money
    opened_on: str
    def __init__(self, client_id: _Optional[str] = ..., number: _Optional[str] = ..., kind: _Optional[str] = ..., phase: _Optional[str] = ..., debtor_name: _Optional[str] = ..., debtor_tax_id: _Optional[_Union[_common_pb2.TaxId, _Mapping]] = ..., amount: _Optional[_Union[_common_pb2.Money, _Mapping]] = ..., opened_on: _Optional[str] = ...) -> None: ...

class RenewCaseAccessKeyRequest(_message.Message):
    __slots__ = ("case_id",)
    CASE_ID_FIELD_NUMBER: _ClassVar[int]
    case_id: str
    def __init__(self, case_id: _Optional[str] = ...) -> None: ...

class RenewCaseAccessKeyResponse(_message.Message):
    __slots__ = ("case_id", "sent_to")
    CASE_ID_FIELD_NUMBER: _ClassVar[int]
    SENT_TO_FIELD_NUMBER: _ClassVar[int]
    case_id: str
    sent_to: str
    def __init__(self, case_id: _Optional[str] = ..., sent_to: _Optional[str] = ...) -> None: ...

class VerifyCaseAccessRequest(_message.Message):
    __slots__ = ("process_number", "access_key")
    PROCESS_NUMBER_FIELD_NUMBER: _ClassVar[int]
    ACCESS_KEY_FIELD_NUMBER: _ClassVar[int]
    process_number: str
    access_key: str
    def __init__(self, process_number: _Optional[str] = ..., access_key: _Optional[str] = ...) -> None: ...

class CaseAccess(_message.Message):
    __slots__ = ("case_id", "client_id", "number")
    CASE_ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    case_id: str
    client_id: str
    number: str
    def __init__(self, case_id: _Optional[str] = ..., client_id: _Optional[str] = ..., number: _Optional[str] = ...) -> None: ...

class CaseAccessKeyIssued(_message.Message):
    __slots__ = ("case_id", "client_id", "number", "access_key", "reason", "email", "display_name", "locale", "tenant_slug", "tenant_name")
    CASE_ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    ACCESS_KEY_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    TENANT_SLUG_FIELD_NUMBER: _ClassVar[int]
    TENANT_NAME_FIELD_NUMBER: _ClassVar[int]
    case_id: str
    client_id: str
    number: str
    access_key: str
    reason: str
    email: str
    display_name: str
    locale: str
    tenant_slug: str
    tenant_name: str
    def __init__(self, case_id: _Optional[str] = ..., client_id: _Optional[str] = ..., number: _Optional[str] = ..., access_key: _Optional[str] = ..., reason: _Optional[str] = ..., email: _Optional[str] = ..., display_name: _Optional[str] = ..., locale: _Optional[str] = ..., tenant_slug: _Optional[str] = ..., tenant_name: _Optional[str] = ...) -> None: ...
