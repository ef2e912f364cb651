"""Money as integer minor units plus ISO 4217 currency, never floats."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from clientarea.common.v1 import common_pb2


def money(minor_units: int, currency: str) -> common_pb2.Money:
    return common_pb2.Money(minor_units=minor_units, currency=currency)


def totals_by_currency(amounts: Iterable[tuple[int, str]]) -> list[common_pb2.Money]:
    """Sum amounts per currency (amounts in different currencies never add up), sorted by code."""
    sums: dict[str, int] = defaultdict(int)
    for minor_units, currency in amounts:
        sums[currency] += minor_units
    return [money(sums[c], c) for c in sorted(sums)]
