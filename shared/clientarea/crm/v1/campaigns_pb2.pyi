from clientarea.common.v1 import common_pb2 as _common_pb2
from clientarea.crm.v1 import crm_pb2 as _crm_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Campaign(_message.Message):
    __slots__ = ("id", "name", "channel", "subject", "body", "status", "recipient_count", "skipped_count", "created_by_id", "created_by_name", "created_at", "launched_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    RECIPIENT_COUNT_FIELD_NUMBER: _ClassVar[int]
    SKIPPED_COUNT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_NAME_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    LAUNCHED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    channel: str
    subject: str
    body: str
    status: str
    recipient_count: int
    skipped_count: int
    created_by_id: str
    created_by_name: str
    created_at: str
    launched_at: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., channel: _Optional[str] = ..., subject: _Optional[str] = ..., body: _Optional[str] = ..., status: _Optional[str] = ..., recipient_count: _Optional[int] = ..., skipped_count: _Optional[int] = ..., created_by_id: _Optional[str] = ..., created_by_name: _Optional[str] = ..., created_at: _Optional[str] = ..., launched_at: _Optional[str] = ...) -> None: ...

class SkippedRecipient(_message.Message):
    __slots__ = ("client_id", "display_name", "reason")
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    client_id: str
    display_name: str
    reason: str
    def __init__(self, client_id: _Optional[str] = ..., display_name: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class CampaignPreview(_message.Message):
    __slots__ = ("recipient_name", "address", "subject", "body")
    RECIPIENT_NAME_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    recipient_name: str
    address: str
    subject: str
    body: str
    def __init__(self, recipient_name: _Optional[str] = ..., address: _Optional[str] = ..., subject: _Optional[str] = ..., body: _Optional[str] = ...) -> None: ...

class CampaignDetail(_message.Message):
    __slots__ = ("campaign", "skipped", "preview")
    CAMPAIGN_FIELD_NUMBER: _ClassVar[int]
    SKIPPED_FIELD_NUMBER: _ClassVar[int]
    PREVIEW_FIELD_NUMBER: _ClassVar[int]
    campaign: Campaign
    skipped: _containers.RepeatedCompositeFieldContainer[SkippedRecipient]
    preview: CampaignPreview
    def __init__(self, campaign: _Optional[_Union[Campaign, _Mapping]] = ..., skipped: _Optional[_Iterable[_Union[SkippedRecipient, _Mapping]]] = ..., preview: _Optional[_Union[CampaignPreview, _Mapping]] = ...) -> None: ...

class CreateCampaignRequest(_message.Message):
    __slots__ = ("name", "channel", "subject", "body", "selection")
    NAME_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    SELECTION_FIELD_NUMBER: _ClassVar[int]
    name: str
    channel: str
    subject: str
    body: str
    selection: _crm_pb2.ClientSelection
    def __init__(self, name: _Optional[str] = ..., channel: _Optional[str] = ..., subject: _Optional[str] = ..., body: _Optional[str] = ..., selection: _Optional[_Union[_crm_pb2.ClientSelection, _Mapping]] = ...) -> None: ...

class LaunchCampaignRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class GetCampaignRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListCampaignsRequest(_message.Message):
    __slots__ = ("page",)
    PAGE_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListCampaignsResponse(_message.Message):
    __slots__ = ("items", "page")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Campaign]
    page: _common_pb2.PageInfo
    def __init__(self, items: _Optional[_Iterable[_Union[Campaign, _Mapping]]] = ..., page: _Optional[_Union[_common_pb2.PageInfo, _Mapping]] = ...) -> None: ...

class CampaignRecipient(_message.Message):
    __slots__ = ("client_id", "name", "locale", "address")
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    client_id: str
    name: str
    locale: str
    address: str
    def __init__(self, client_id: _Optional[str] = ..., name: _Optional[str] = ..., locale: _Optional[str] = ..., address: _Optional[str] = ...) -> None: ...

class CampaignBatch(_message.Message):
    __slots__ = ("campaign_id", "channel", "subject", "body", "batch", "batches", "recipients")
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    BATCH_FIELD_NUMBER: _ClassVar[int]
    BATCHES_FIELD_NUMBER: _ClassVar[int]
    RECIPIENTS_FIELD_NUMBER: _ClassVar[int]
    campaign_id: str
    channel: str
    subject: str
    body: str
    batch: int
    batches: int
    recipients: _containers.RepeatedCompositeFieldContainer[CampaignRecipient]
    def __init__(self, campaign_id: _Optional[str] = ..., channel: _Optional[str] = ..., subject: _Optional[str] = ..., body: _Optional[str] = ..., batch: _Optional[int] = ..., batches: _Optional[int] = ..., recipients: _Optional[_Iterable[_Union[CampaignRecipient, _Mapping]]] = ...) -> None: ...
