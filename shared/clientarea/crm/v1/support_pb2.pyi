from clientarea.common.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class UploadedFile(_message.Message):
    __slots__ = ("file_name", "content")
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    file_name: str
    content: bytes
    def __init__(self, file_name: _Optional[str] = ..., content: _Optional[bytes] = ...) -> None: ...

class Attachment(_message.Message):
    __slots__ = ("id", "file_name", "content_type", "size")
    ID_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    id: str
    file_name: str
    content_type: str
    size: int
    def __init__(self, id: _Optional[str] = ..., file_name: _Optional[str] = ..., content_type: _Optional[str] = ..., size: _Optional[int] = ...) -> None: ...

class FileContent(_message.Message):
    __slots__ = ("file_name", "content_type", "content")
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    file_name: str
    content_type: str
    content: bytes
    def __init__(self, file_name: _Optional[str] = ..., content_type: _Optional[str] = ..., content: _Optional[bytes] = ...) -> None: ...

class Ticket(_message.Message):
    __slots__ = ("id", "number", "type", "subject", "status", "client_id", "client_name", "opened_by_name", "assignee_id", "assignee_name", "created_at", "updated_at", "last_message_at", "message_count")
    ID_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_NAME_FIELD_NUMBER: _ClassVar[int]
    OPENED_BY_NAME_FIELD_NUMBER: _ClassVar[int]
    ASSIGNEE_ID_FIELD_NUMBER: _ClassVar[int]
    ASSIGNEE_NAME_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    LAST_MESSAGE_AT_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_COUNT_FIELD_NUMBER: _ClassVar[int]
    id: str
    number: int
    type: str
    subject: str
    status: str
    client_id: str
    client_name: str
    opened_by_name: str
    assignee_id: str
    assignee_name: str
    created_at: str
    updated_at: str
    last_message_at: str
    message_count: int
    def __init__(self, id: _Optional[str] = ..., number: _Optional[int] = ..., type: _Optional[str] = ..., subject: _Optional[str] = ..., status: _Optional[str] = ..., client_id: _Optional[str] = ..., client_name: _Optional[str] = ..., opened_by_name: _Optional[str] = ..., assignee_id: _Optional[str] = ..., assignee_name: _Optional[str] = ..., created_at: _Optional[str] = ..., updated_at: _Optional[str] = ..., last_message_at: _Optional[str] = ..., message_count: _Optional[int] = ...) -> None: ...

class TicketMessage(_message.Message):
    __slots__ = ("id", "kind", "author_side", "author_name", "body", "created_at", "attachments")
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_SIDE_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_NAME_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    ATTACHMENTS_FIELD_NUMBER: _ClassVar[int]
    id: str
    kind: str
    author_side: str
    author_name: str
    body: str
    created_at: str
    attachments: _containers.RepeatedCompositeFieldContainer[Attachment]
    def __init__(self, id: _Optional[str] = ..., kind: _Optional[str] = ..., author_side: _Optional[str] = ..., author_name: _Optional[str] = ..., body: _Optional[str] = ..., created_at: _Optional[str] = ..., attachments: _Optional[_Iterable[_Union[Attachment, _Mapping]]] = ...) -> None: ...

class TicketThread(_message.Message):
    __slots__ = ("ticket", "messages")
    TICKET_FIELD_NUMBER: _ClassVar[int]
    MESSAGES_FIELD_NUMBER: _ClassVar[int]
    ticket: Ticket
    messages: _containers.RepeatedCompositeFieldContainer[TicketMessage]
    def __init__(self, ticket: _Optional[_Union[Ticket, _Mapping]] = ..., messages: _Optional[_Iterable[_Union[TicketMessage, _Mapping]]] = ...) -> None: ...

class OpenTicketRequest(_message.Message):
    __slots__ = ("type", "subject", "description", "attachments")
    TYPE_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    ATTACHMENTS_FIELD_NUMBER: _ClassVar[int]
    type: str
    subject: str
    description: str
    attachments: _containers.RepeatedCompositeFieldContainer[UploadedFile]
    def __init__(self, type: _Optional[str] = ..., subject: _Optional[str] = ..., description: _Optional[str] = ..., attachments: _Optional[_Iterable[_Union[UploadedFile, _Mapping]]] = ...) -> None: ...

class ListTicketsRequest(_message.Message):
    __slots__ = ("page", "status", "type", "assigned", "client_id")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    ASSIGNED_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    status: str
    type: str
    assigned: str
    client_id: str
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., status: _Optional[str] = ..., type: _Optional[str] = ..., assigned: _Optional[str] = ..., client_id: _Optional[str] = ...) -> None: ...

class ListTicketsResponse(_message.Message):
    __slots__ = ("items", "page")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Ticket]
    page: _common_pb2.PageInfo
    def __init__(self, items: _Optional[_Iterable[_Union[Ticket, _Mapping]]] = ..., page: _Optional[_Union[_common_pb2.PageInfo, _Mapping]] = ...) -> None: ...

class GetTicketRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class PostTicketMessageRequest(_message.Message):
    __slots__ = ("ticket_id", "body", "internal", "attachments")
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    INTERNAL_FIELD_NUMBER: _ClassVar[int]
    ATTACHMENTS_FIELD_NUMBER: _ClassVar[int]
    ticket_id: str
    body: str
    internal: bool
    attachments: _containers.RepeatedCompositeFieldContainer[UploadedFile]
    def __init__(self, ticket_id: _Optional[str] = ..., body: _Optional[str] = ..., internal: _Optional[bool] = ..., attachments: _Optional[_Iterable[_Union[UploadedFile, _Mapping]]] = ...) -> None: ...

class UpdateTicketRequest(_message.Message):
    __slots__ = ("id", "status", "change_assignee", "assignee_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CHANGE_ASSIGNEE_FIELD_NUMBER: _ClassVar[int]
    ASSIGNEE_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    status: str
    change_assignee: bool
    assignee_id: str
    def __init__(self, id: _Optional[str] = ..., status: _Optional[str] = ..., change_assignee: _Optional[bool] = ..., assignee_id: _Optional[str] = ...) -> None: ...

class GetTicketAttachmentRequest(_message.Message):
    __slots__ = ("ticket_id", "attachment_id")
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    ATTACHMENT_ID_FIELD_NUMBER: _ClassVar[int]
    ticket_id: str
    attachment_id: str
    def __init__(self, ticket_id: _Optional[str] = ..., attachment_id: _Optional[str] = ...) -> None: ...

class TicketReplyPosted(_message.Message):
    __slots__ = ("ticket_id", "number", "subject", "type", "author_side", "author_name", "recipient_user_id", "recipient_email", "recipient_name", "locale", "status")
    TICKET_ID_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_SIDE_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_NAME_FIELD_NUMBER: _ClassVar[int]
    RECIPIENT_USER_ID_FIELD_NUMBER: _ClassVar[int]
    RECIPIENT_EMAIL_FIELD_NUMBER: _ClassVar[int]
    RECIPIENT_NAME_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    ticket_id: str
    number: int
    subject: str
    type: str
    author_side: str
    author_name: str
    recipient_user_id: str
    recipient_email: str
    recipient_name: str
    locale: str
    status: str
    def __init__(self, ticket_id: _Optional[str] = ..., number: _Optional[int] = ..., subject: _Optional[str] = ..., type: _Optional[str] = ..., author_side: _Optional[str] = ..., author_name: _Optional[str] = ..., recipient_user_id: _Optional[str] = ..., recipient_email: _Optional[str] = ..., recipient_name: _Optional[str] = ..., locale: _Optional[str] = ..., status: _Optional[str] = ...) -> None: ...

class FeedbackEntry(_message.Message):
    __slots__ = ("id", "rating", "comment", "page", "author_kind", "author_name", "client_id", "client_name", "created_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    RATING_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_KIND_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_NAME_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_NAME_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    rating: int
    comment: str
    page: str
    author_kind: str
    author_name: str
    client_id: str
    client_name: str
    created_at: str
    def __init__(self, id: _Optional[str] = ..., rating: _Optional[int] = ..., comment: _Optional[str] = ..., page: _Optional[str] = ..., author_kind: _Optional[str] = ..., author_name: _Optional[str] = ..., client_id: _Optional[str] = ..., client_name: _Optional[str] = ..., created_at: _Optional[str] = ...) -> None: ...

class GiveFeedbackRequest(_message.Message):
    __slots__ = ("rating", "comment", "page")
    RATING_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    rating: int
    comment: str
    page: str
    def __init__(self, rating: _Optional[int] = ..., comment: _Optional[str] = ..., page: _Optional[str] = ...) -> None: ...

class ListFeedbackRequest(_message.Message):
    __slots__ = ("page", "rating", "since", "until")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    RATING_FIELD_NUMBER: _ClassVar[int]
    SINCE_FIELD_NUMBER: _ClassVar[int]
    UNTIL_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    rating: int
    since: str
    until: str
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., rating: _Optional[int] = ..., since: _Optional[str] = ..., until: _Optional[str] = ...) -> None: ...

class ListFeedbackResponse(_message.Message):
    __slots__ = ("items", "page", "average_rating", "total")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    AVERAGE_RATING_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[FeedbackEntry]
    page: _common_pb2.PageInfo
    average_rating: float
    total: int
    def __init__(self, items: _Optional[_Iterable[_Union[FeedbackEntry, _Mapping]]] = ..., page: _Optional[_Union[_common_pb2.PageInfo, _Mapping]] = ..., average_rating: _Optional[float] = ..., total: _Optional[int] = ...) -> None: ...
