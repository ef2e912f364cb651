from collections.abc import Iterable as _Iterable
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar

from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from google.protobuf.internal import containers as _containers

from clientarea.common.v1 import common_pb2 as _common_pb2

DESCRIPTOR: _descriptor.FileDescriptor

class Notification(_message.Message):
    __slots__ = ("id", "title", "body", "created_at", "read")
    ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    READ_FIELD_NUMBER: _ClassVar[int]
    id: str
    title: str
    body: str
    created_at: str
    read: bool
    def __init__(self, id: str | None = ..., title: str | None = ..., body: str | None = ..., created_at: str | None = ..., read: bool | None = ...) -> None: ...

class ListNotificationsRequest(_message.Message):
    __slots__ = ("page",)
    PAGE_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    def __init__(self, page: _common_pb2.PageRequest | _Mapping | None = ...) -> None: ...

class ListNotificationsResponse(_message.Message):
    __slots__ = ("items", "page")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Notification]
    page: _common_pb2.PageInfo
    def __init__(self, items: _Iterable[Notification | _Mapping] | None = ..., page: _common_pb2.PageInfo | _Mapping | None = ...) -> None: ...

class Delivery(_message.Message):
    __slots__ = ("id", "channel", "recipient", "template", "status", "attempts", "created_at", "sent_at", "event_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    RECIPIENT_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    SENT_AT_FIELD_NUMBER: _ClassVar[int]
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    channel: str
    recipient: str
    template: str
    status: str
    attempts: int
    created_at: str
    sent_at: str
    event_id: str
    def __init__(self, id: str | None = ..., channel: str | None = ..., recipient: str | None = ..., template: str | None = ..., status: str | None = ..., attempts: int | None = ..., created_at: str | None = ..., sent_at: str | None = ..., event_id: str | None = ...) -> None: ...

class ListDeliveriesRequest(_message.Message):
    __slots__ = ("page", "event_id")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    event_id: str
    def __init__(self, page: _common_pb2.PageRequest | _Mapping | None = ..., event_id: str | None = ...) -> None: ...

class ListDeliveriesResponse(_message.Message):
    __slots__ = ("items", "page")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Delivery]
    page: _common_pb2.PageInfo
    def __init__(self, items: _Iterable[Delivery | _Mapping] | None = ..., page: _common_pb2.PageInfo | _Mapping | None = ...) -> None: ...
