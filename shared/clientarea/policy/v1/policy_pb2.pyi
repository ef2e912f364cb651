from clientarea.common.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Policy(_message.Message):
    __slots__ = ("id", "client_id", "number", "line", "status", "premium", "insured_limit", "starts_on", "ends_on")
    ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    LINE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PREMIUM_FIELD_NUMBER: _ClassVar[int]
    INSURED_LIMIT_FIELD_NUMBER: _ClassVar[int]
    STARTS_ON_FIELD_NUMBER: _ClassVar[int]
    ENDS_ON_FIELD_NUMBER: _ClassVar[int]
    id: str
    client_id: str
    number: str
    line: str
    status: str
    premium: _common_pb2.Money
    insured_limit: _common_pb2.Money
    starts_on: str
    ends_on: str
    def __init__(self, id: _Optional[str] = ..., client_id: _Optional[str] = ..., number: _Optional[str] = ..., line: _Optional[str] = ..., status: _Optional[str] = ..., premium: _Optional[_Union[_common_pb2.Money, _Mapping]] = ..., insured_limit: _Optional[_Union[_common_pb2.Money, _Mapping]] = ..., starts_on: _Optional[str] = ..., ends_on: _Optional[str] = ...) -> None: ...

class ListPoliciesRequest(_message.Message):
    __slots__ = ("page", "client_id")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    client_id: str
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., client_id: _Optional[str] = ...) -> None: ...

class ListPoliciesResponse(_message.Message):
    __slots__ = ("items", "page")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Policy]
    page: _common_pb2.PageInfo
    def __init__(self, items: _Optional[_Iterable[_Union[Policy, _Mapping]]] = ..., page: _Optional[_Union[_common_pb2.PageInfo, _Mapping]] = ...) -> None: ...

class GetPolicyRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class Claim(_message.Message):
    __slots__ = ("id", "client_id", "policy_id", "number", "status", "occurred_on", "description", "claimed")
    ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    POLICY_ID_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    OCCURRED_ON_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CLAIMED_FIELD_NUMBER: _ClassVar[int]
    id: str
    client_id: str
    policy_id: str
    number: str
    status: str
    occurred_on: str
    description: str
    claimed: _common_pb2.Money
    def __init__(self, id: _Optional[str] = ..., client_id: _Optional[str] = ..., policy_id: _Optional[str] = ..., number: _Optional[str] = ..., status: _Optional[str] = ..., occurred_on: _Optional[str] = ..., description: _Optional[str] = ..., claimed: _Optional[_Union[_common_pb2.Money, _Mapping]] = ...) -> None: ...

class ListClaimsRequest(_message.Message):
    __slots__ = ("page", "client_id")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    client_id: str
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., client_id: _Optional[str] = ...) -> None: ...

class ListClaimsResponse(_message.Message):
    __slots__ = ("items", "page")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Claim]
    page: _common_pb2.PageInfo
    def __init__(self, items: _Optional[_Iterable[_Union[Claim, _Mapping]]] = ..., page: _Optional[_Union[_common_pb2.PageInfo, _Mapping]] = ...) -> None: ...

class PolicySaved(_message.Message):
    __slots__ = ("policy_id", "client_id", "number", "line", "status", "starts_on", "ends_on")
    POLICY_ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    LINE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    STARTS_ON_FIELD_NUMBER: _ClassVar[int]
    ENDS_ON_FIELD_NUMBER: _ClassVar[int]
    policy_id: str
    client_id: str
    number: str
    line: str
    status: str
    starts_on: str
    ends_on: str
    def __init__(self, policy_id: _Optional[str] = ..., client_id: _Optional[str] = ..., number: _Optional[str] = ..., line: _Optional[str] = ..., status: _Optional[str] = ..., starts_on: _Optional[str] = ..., ends_on: _Optional[str] = ...) -> None: ...
