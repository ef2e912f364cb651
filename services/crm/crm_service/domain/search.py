"""The client search's rules, free of I/O: reading a ClientFilter into criteria (or field errors),
the free-text terms, recurring birthdays by (month, day) and the list's sort orders.

A birthday range recurs every year: 28 December to 3 January is the turn of any year; a range
of a year or more covers every birthday. Someone born on 29 February celebrates on the 28th in a
year without one. Company founding dates are birthdays too (the same column).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from clientarea.crm.v1 import crm_pb2 as pb
from clientarea_shared.errors import FieldError, Invalid
from clientarea_shared.text import normalise_text

KINDS = {pb.CLIENT_KIND_PERSON: "person", pb.CLIENT_KIND_COMPANY: "company", pb.CLIENT_KIND_CONSORTIUM: "consortium"}
TRISTATES = {pb.TRISTATE_ANY: None, pb.TRISTATE_YES: True, pb.TRISTATE_NO: False}
SORTS = ("name", "-name", "created_at", "-created_at", "birthday")
# No sort asked: by id (creation order of UUIDv7 ids) with the plain id cursor of before, for
# callers that page the whole list (the back office's overview, exports of the first version).
ID_ORDER = ""
# The policy's own rule (policy_service/domain.py `is_in_force`): these states bind while the term runs.
IN_FORCE_STATUSES = ("active", "suspended")
MAX_Q = 200
# Terms this short match the start of a word only (an initial, a name's first letters): anywhere
# in the text they match most clients, and trigram indexes cannot serve them.
SHORT_TERM = 2
_LINE = re.compile(r"^[a-z0-9_-]{1,30}$")
_PHONE_TOKEN = re.compile(r"^[+(]?[0-9][0-9().-]*$")
YEAR_KEYS = 1300  # more than any month * 100 + day: the wrap-around of "days until the birthday"


def birthday_key(day: date | None) -> int | None:
    """The (month, day) of a date as one sortable number: 14 March → 314."""
    return day.month * 100 + day.day if day else None


@dataclass(frozen=True)
class BirthdayRange:
    """Birthdays between two keys (month * 100 + day), wrapping round the new year when
    `first` > `last`; `every` for a range of a year or more."""

    first: int
    last: int
    every: bool = False

    @property
    def wraps(self) -> bool:
        return self.first > self.last


@dataclass(frozen=True)
class Criteria:
    terms: tuple[str, ...] = ()
    salesperson_id: str = ""
    birthdays: BirthdayRange | None = None
    category_ids: tuple[str, ...] = ()
    has_line: str = ""
    lacks_line: str = ""
    portal_user: bool | None = None
    alerts: bool | None = None
    kind: str = ""


def search_terms(q: str) -> tuple[str, ...]:
    """The words each searched text must contain. A phone typed in groups ("612 34 56 78",
    "+34 612-345-678") becomes one run of digits, as phones are kept (E.164 digits, no "+")."""
    terms: list[str] = []
    digits = ""
    for word in normalise_text(q).split():
        if _PHONE_TOKEN.match(word):
            digits += re.sub(r"\D", "", word)
            continue
        if digits:
            terms.append(digits)
            digits = ""
        terms.append(word)
    if digits:
        terms.append(digits)
    return tuple(dict.fromkeys(terms))


def _parse_day(raw: str, name: str, errors: list[FieldError]) -> date | None:
    try:
        return date.fromisoformat(raw)
    except ValueError:
        errors.append(FieldError(f"filter.{name}", "invalid", "Write the date as YYYY-MM-DD"))
        return None


def birthday_range(raw_from: str, raw_to: str, errors: list[FieldError]) -> BirthdayRange | None:
    """Two dates → the recurring range of their days and months (None when neither is given)."""
    raw_from, raw_to = raw_from.strip(), raw_to.strip()
    if not raw_from and not raw_to:
        return None
    if not raw_from or not raw_to:
        missing = "birthday_to" if raw_from else "birthday_from"
        errors.append(FieldError(f"filter.{missing}", "required", "Give both ends of the birthday range"))
        return None
    first, last = _parse_day(raw_from, "birthday_from", errors), _parse_day(raw_to, "birthday_to", errors)
    if first is None or last is None:
        return None
    if last < first:
        errors.append(FieldError("filter.birthday_to", "before_from", "The range ends before it starts"))
        return None
    if (last - first).days >= 365:
        return BirthdayRange(101, 1231, every=True)
    last_key = birthday_key(last) or 0
    if (last.month, last.day) == (2, 28) and not calendar.isleap(last.year):
        last_key = 229  # born on 29 February: celebrated on the 28th in this year
    return BirthdayRange(birthday_key(first) or 0, last_key)


def _line(raw: str, name: str, errors: list[FieldError]) -> str:
    line = raw.strip().lower()
    if line and not _LINE.match(line):
        errors.append(FieldError(f"filter.{name}", "invalid", "Choose a policy line"))
    return line


def criteria(message: pb.ClientFilter) -> Criteria:
    """The filter as criteria, or Invalid with every bad field (`filter.<field>`) at once. Whether
    the categories are the firm's is checked by the repository (it needs the database)."""
    errors: list[FieldError] = []
    if len(message.q) > MAX_Q:
        errors.append(FieldError("filter.q", "too_long", f"At most {MAX_Q} characters"))
    salesperson_id = message.salesperson_id.strip()
    if len(salesperson_id) > 36:
        errors.append(FieldError("filter.salesperson_id", "unknown", "Choose a colleague of the firm"))
    birthdays = birthday_range(message.birthday_from, message.birthday_to, errors)
    category_ids = tuple(dict.fromkeys(c.strip() for c in message.category_ids if c.strip()))
    if any(len(c) > 36 for c in category_ids):
        errors.append(FieldError("filter.category_ids", "unknown", "Choose categories of the firm"))
    has_line = _line(message.has_policy_line, "has_policy_line", errors)
    lacks_line = _line(message.lacks_policy_line, "lacks_policy_line", errors)
    if has_line and has_line == lacks_line:
        errors.append(FieldError("filter.lacks_policy_line", "same_as_has",
                                 "A client cannot both have and lack the same line"))
    if message.portal_user not in TRISTATES:
        errors.append(FieldError("filter.portal_user", "invalid", "Choose yes, no or either"))
    if message.alerts not in TRISTATES:
        errors.append(FieldError("filter.alerts", "invalid", "Choose on, off or either"))
    if message.kind and message.kind not in KINDS:
        errors.append(FieldError("filter.kind", "invalid", "Choose person, company or consortium"))
    if errors:
        raise Invalid(errors=errors)
    return Criteria(terms=search_terms(message.q), salesperson_id=salesperson_id, birthdays=birthdays,
                    category_ids=category_ids, has_line=has_line, lacks_line=lacks_line,
                    portal_user=TRISTATES[message.portal_user], alerts=TRISTATES[message.alerts],
                    kind=KINDS.get(message.kind, ""))


def check_sort(sort: str) -> str:
    sort = sort.strip()
    if sort != ID_ORDER and sort not in SORTS:
        raise Invalid.field("sort", "invalid", f"Sort by one of: {', '.join(SORTS)}")
    return sort


def days_until_key(key: int | None, today_key: int) -> int:
    """How far (in month-day keys, not days) the next birthday is: the `birthday` sort's order.
    Clients without a birthday come last."""
    if key is None:
        return 9999
    return key - today_key if key >= today_key else key - today_key + YEAR_KEYS
