from collections.abc import Iterable as _Iterable
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar

from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from google.protobuf.internal import containers as _containers

from clientarea.common.v1 import common_pb2 as _common_pb2

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
    def __init__(self, id: str | None = ..., client_id: str | None = ..., number: str | None = ..., kind: str | None = ..., status: str | None = ..., phase: str | None = ..., debtor_name: str | None = ..., debtor_tax_id: _common_pb2.TaxId | _Mapping | None = ..., amount: _common_pb2.Money | _Mapping | None = ..., opened_on: str | None = ...) -> None: ...

class ListCasesRequest(_message.Message):
    __slots__ = ("page", "client_id", "status")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    client_id: str
    status: str
    def __init__(self, page: _common_pb2.PageRequest | _Mapping | None = ..., client_id: str | None = ..., status: str | None = ...) -> None: ...

class ListCasesResponse(_message.Message):
    __slots__ = ("items", "page")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Case]
    page: _common_pb2.PageInfo
    def __init__(self, items: _Iterable[Case | _Mapping] | None = ..., page: _common_pb2.PageInfo | _Mapping | None = ...) -> None: ...

class GetCaseRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: str | None = ...) -> None: ...
