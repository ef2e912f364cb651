from collections.abc import Iterable as _Iterable
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar

from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from google.protobuf.internal import containers as _containers

from clientarea.common.v1 import common_pb2 as _common_pb2

DESCRIPTOR: _descriptor.FileDescriptor

class Invoice(_message.Message):
    __slots__ = ("id", "client_id", "number", "status", "total", "amount_due", "issued_on", "due_on")
    ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_DUE_FIELD_NUMBER: _ClassVar[int]
    ISSUED_ON_FIELD_NUMBER: _ClassVar[int]
    DUE_ON_FIELD_NUMBER: _ClassVar[int]
    id: str
    client_id: str
    number: str
    status: str
    total: _common_pb2.Money
    amount_due: _common_pb2.Money
    issued_on: str
    due_on: str
    def __init__(self, id: str | None = ..., client_id: str | None = ..., number: str | None = ..., status: str | None = ..., total: _common_pb2.Money | _Mapping | None = ..., amount_due: _common_pb2.Money | _Mapping | None = ..., issued_on: str | None = ..., due_on: str | None = ...) -> None: ...

class ListInvoicesRequest(_message.Message):
    __slots__ = ("page", "client_id", "status")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    client_id: str
    status: str
    def __init__(self, page: _common_pb2.PageRequest | _Mapping | None = ..., client_id: str | None = ..., status: str | None = ...) -> None: ...

class ListInvoicesResponse(_message.Message):
    __slots__ = ("items", "page")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Invoice]
    page: _common_pb2.PageInfo
    def __init__(self, items: _Iterable[Invoice | _Mapping] | None = ..., page: _common_pb2.PageInfo | _Mapping | None = ...) -> None: ...

class GetBalanceRequest(_message.Message):
    __slots__ = ("client_id",)
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    client_id: str
    def __init__(self, client_id: str | None = ...) -> None: ...

class Balance(_message.Message):
    __slots__ = ("owed", "overdue")
    OWED_FIELD_NUMBER: _ClassVar[int]
    OVERDUE_FIELD_NUMBER: _ClassVar[int]
    owed: _containers.RepeatedCompositeFieldContainer[_common_pb2.Money]
    overdue: _containers.RepeatedCompositeFieldContainer[_common_pb2.Money]
    def __init__(self, owed: _Iterable[_common_pb2.Money | _Mapping] | None = ..., overdue: _Iterable[_common_pb2.Money | _Mapping] | None = ...) -> None: ...
