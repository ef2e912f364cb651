from collections.abc import Iterable as _Iterable
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar

from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from google.protobuf.internal import containers as _containers

from clientarea.common.v1 import common_pb2 as _common_pb2

DESCRIPTOR: _descriptor.FileDescriptor

class Company(_message.Message):
    __slots__ = ("id", "name", "tax_id", "sector", "size", "revenue_band", "rating", "latitude", "longitude", "address")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TAX_ID_FIELD_NUMBER: _ClassVar[int]
    SECTOR_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    REVENUE_BAND_FIELD_NUMBER: _ClassVar[int]
    RATING_FIELD_NUMBER: _ClassVar[int]
    LATITUDE_FIELD_NUMBER: _ClassVar[int]
    LONGITUDE_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    tax_id: _common_pb2.TaxId
    sector: str
    size: str
    revenue_band: str
    rating: str
    latitude: float
    longitude: float
    address: _common_pb2.Address
    def __init__(self, id: str | None = ..., name: str | None = ..., tax_id: _common_pb2.TaxId | _Mapping | None = ..., sector: str | None = ..., size: str | None = ..., revenue_band: str | None = ..., rating: str | None = ..., latitude: float | None = ..., longitude: float | None = ..., address: _common_pb2.Address | _Mapping | None = ...) -> None: ...

class SearchCompaniesRequest(_message.Message):
    __slots__ = ("page", "q", "sector", "min_lat", "min_lon", "max_lat", "max_lon")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    Q_FIELD_NUMBER: _ClassVar[int]
    SECTOR_FIELD_NUMBER: _ClassVar[int]
    MIN_LAT_FIELD_NUMBER: _ClassVar[int]
    MIN_LON_FIELD_NUMBER: _ClassVar[int]
    MAX_LAT_FIELD_NUMBER: _ClassVar[int]
    MAX_LON_FIELD_NUMBER: _ClassVar[int]
    page: _common_pb2.PageRequest
    q: str
    sector: str
    min_lat: float
    min_lon: float
    max_lat: float
    max_lon: float
    def __init__(self, page: _common_pb2.PageRequest | _Mapping | None = ..., q: str | None = ..., sector: str | None = ..., min_lat: float | None = ..., min_lon: float | None = ..., max_lat: float | None = ..., max_lon: float | None = ...) -> None: ...

class SearchCompaniesResponse(_message.Message):
    __slots__ = ("items", "page")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Company]
    page: _common_pb2.PageInfo
    def __init__(self, items: _Iterable[Company | _Mapping] | None = ..., page: _common_pb2.PageInfo | _Mapping | None = ...) -> None: ...

class GetCompanyRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: str | None = ...) -> None: ...
