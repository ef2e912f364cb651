from clientarea.common.v1 import common_pb2 as _common_pb2
from clientarea.crm.v1 import support_pb2 as _support_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class NewsItem(_message.Message):
    __slots__ = ("id", "title", "body", "language", "published_at", "published")
    ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_AT_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_FIELD_NUMBER: _ClassVar[int]
    id: str
    title: str
    body: str
    language: str
    published_at: str
    published: bool
    def __init__(self, id: _Optional[str] = ..., title: _Optional[str] = ..., body: _Optional[str] = ..., language: _Optional[str] = ..., published_at: _Optional[str] = ..., published: _Optional[bool] = ...) -> None: ...

class PublishNewsRequest(_message.Message):
    __slots__ = ("title", "body", "language", "draft")
    TITLE_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    DRAFT_FIELD_NUMBER: _ClassVar[int]
    title: str
    body: str
    language: str
    draft: bool
    def __init__(self, title: _Optional[str] = ..., body: _Optional[str] = ..., language: _Optional[str] = ..., draft: _Optional[bool] = ...) -> None: ...

class UpdateNewsRequest(_message.Message):
    __slots__ = ("id", "title", "body", "language", "published")
    ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_FIELD_NUMBER: _ClassVar[int]
    id: str
    title: str
    body: str
    language: str
    published: bool
    def __init__(self, id: _Optional[str] = ..., title: _Optional[str] = ..., body: _Optional[str] = ..., language: _Optional[str] = ..., published: _Optional[bool] = ...) -> None: ...

class ListNewsRequest(_message.Message):
    __slots__ = ("page", "language", "all")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    ALL_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    language: str
    all: bool
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., language: _Optional[str] = ..., all: _Optional[bool] = ...) -> None: ...

class ListNewsResponse(_message.Message):
    __slots__ = ("items", "page")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[NewsItem]
    page: _common_pb2.PageInfo
    def __init__(self, items: _Optional[_Iterable[_Union[NewsItem, _Mapping]]] = ..., page: _Optional[_Union[_common_pb2.PageInfo, _Mapping]] = ...) -> None: ...

class DeleteContentRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class DeleteContentResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetContentFileRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class Material(_message.Message):
    __slots__ = ("id", "title", "description", "category", "published", "file_name", "content_type", "size", "created_at", "updated_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    title: str
    description: str
    category: str
    published: bool
    file_name: str
    content_type: str
    size: int
    created_at: str
    updated_at: str
    def __init__(self, id: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., category: _Optional[str] = ..., published: _Optional[bool] = ..., file_name: _Optional[str] = ..., content_type: _Optional[str] = ..., size: _Optional[int] = ..., created_at: _Optional[str] = ..., updated_at: _Optional[str] = ...) -> None: ...

class SaveMaterialRequest(_message.Message):
    __slots__ = ("id", "title", "description", "category", "published", "file")
    ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_FIELD_NUMBER: _ClassVar[int]
    FILE_FIELD_NUMBER: _ClassVar[int]
    id: str
    title: str
    description: str
    category: str
    published: bool
    file: _support_pb2.UploadedFile
    def __init__(self, id: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., category: _Optional[str] = ..., published: _Optional[bool] = ..., file: _Optional[_Union[_support_pb2.UploadedFile, _Mapping]] = ...) -> None: ...

class ListMaterialsRequest(_message.Message):
    __slots__ = ("page", "category", "all")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    ALL_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    category: str
    all: bool
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., category: _Optional[str] = ..., all: _Optional[bool] = ...) -> None: ...

class ListMaterialsResponse(_message.Message):
    __slots__ = ("items", "page", "categories")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    CATEGORIES_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Material]
    page: _common_pb2.PageInfo
    categories: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, items: _Optional[_Iterable[_Union[Material, _Mapping]]] = ..., page: _Optional[_Union[_common_pb2.PageInfo, _Mapping]] = ..., categories: _Optional[_Iterable[str]] = ...) -> None: ...

class Advantage(_message.Message):
    __slots__ = ("id", "title", "description", "valid_from", "valid_until", "link_url", "published", "has_image", "active", "created_at", "updated_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    VALID_FROM_FIELD_NUMBER: _ClassVar[int]
    VALID_UNTIL_FIELD_NUMBER: _ClassVar[int]
    LINK_URL_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_FIELD_NUMBER: _ClassVar[int]
    HAS_IMAGE_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    title: str
    description: str
    valid_from: str
    valid_until: str
    link_url: str
    published: bool
    has_image: bool
    active: bool
    created_at: str
    updated_at: str
    def __init__(self, id: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., valid_from: _Optional[str] = ..., valid_until: _Optional[str] = ..., link_url: _Optional[str] = ..., published: _Optional[bool] = ..., has_image: _Optional[bool] = ..., active: _Optional[bool] = ..., created_at: _Optional[str] = ..., updated_at: _Optional[str] = ...) -> None: ...

class SaveAdvantageRequest(_message.Message):
    __slots__ = ("id", "title", "description", "valid_from", "valid_until", "link_url", "published", "image", "remove_image")
    ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    VALID_FROM_FIELD_NUMBER: _ClassVar[int]
    VALID_UNTIL_FIELD_NUMBER: _ClassVar[int]
    LINK_URL_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_FIELD_NUMBER: _ClassVar[int]
    IMAGE_FIELD_NUMBER: _ClassVar[int]
    REMOVE_IMAGE_FIELD_NUMBER: _ClassVar[int]
    id: str
    title: str
    description: str
    valid_from: str
    valid_until: str
    link_url: str
    published: bool
    image: _support_pb2.UploadedFile
    remove_image: bool
    def __init__(self, id: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., valid_from: _Optional[str] = ..., valid_until: _Optional[str] = ..., link_url: _Optional[str] = ..., published: _Optional[bool] = ..., image: _Optional[_Union[_support_pb2.UploadedFile, _Mapping]] = ..., remove_image: _Optional[bool] = ...) -> None: ...

class ListAdvantagesRequest(_message.Message):
    __slots__ = ("page", "all")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    ALL_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    all: bool
    def __init__(self, page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., all: _Optional[bool] = ...) -> None: ...

class ListAdvantagesResponse(_message.Message):
    __slots__ = ("items", "page")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Advantage]
    page: _common_pb2.PageInfo
    def __init__(self, items: _Optional[_Iterable[_Union[Advantage, _Mapping]]] = ..., page: _Optional[_Union[_common_pb2.PageInfo, _Mapping]] = ...) -> None: ...
