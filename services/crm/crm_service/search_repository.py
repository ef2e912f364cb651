"""Which clients: the one query behind the client list, its contacts tab, saved filters, exports,
bulk actions and campaigns.

`matching_clients` turns a `ClientFilter` into an unordered `select(Client)` of one firm;
`selected_clients` does the same for a `ClientSelection` (the ids picked, or the filter's
matches when none is). Callers add their own order, paging or counting; the list's page and
total come from `client_page`, which picks the faster of two plans. Everything is a local query:
policy lines come from crm's read model of policy (`client_policy_lines`).

Fast on PostgreSQL through the columns kept on write (`search_text`, `sort_name`,
`birthday_key`), a trigram index for free text and b-tree indexes for the rest (migration
b4c0de000003; why each: docs/crm.md, "Search performance"); the same SQL runs on SQLite, only
slower.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, Select, case, exists, func, literal, or_, select, tuple_
from sqlalchemy.orm import Session
from sqlalchemy.sql.base import ExecutableOption

from clientarea.crm.v1 import crm_pb2
from clientarea_shared.errors import Invalid
from clientarea_shared.paging import decode_cursor, encode_cursor
from crm_service.domain.search import (
    ID_ORDER,
    IN_FORCE_STATUSES,
    SHORT_TERM,
    YEAR_KEYS,
    BirthdayRange,
    Criteria,
    birthday_key,
    criteria,
    days_until_key,
)
from crm_service.models import Category, Client, ClientPolicyLine, Contact, client_category_links


def matching_clients(session: Session, tenant_id: str, client_filter: crm_pb2.ClientFilter, *,
                     today: date) -> Select[tuple[Client]]:
    """The firm's clients matching every criterion of the filter, unordered; Invalid with
    `filter.<field>` errors for a bad filter."""
    found = criteria(client_filter)
    _check_categories(session, tenant_id, found.category_ids)
    return select(Client).where(Client.tenant_id == tenant_id, *client_conditions(found, tenant_id, today))


def selected_clients(session: Session, tenant_id: str, selection: crm_pb2.ClientSelection, *,
                     today: date) -> Select[tuple[Client]]:
    """The ids picked (another firm's ids simply do not match), or, with none picked, every
    client matching the selection's filter."""
    ids = [i for i in dict.fromkeys(selection.client_ids) if i]
    if ids:
        return select(Client).where(Client.tenant_id == tenant_id, Client.id.in_(ids))
    return matching_clients(session, tenant_id, selection.filter, today=today)


def _check_categories(session: Session, tenant_id: str, category_ids: Sequence[str]) -> None:
    if not category_ids:
        return
    known = session.scalar(select(func.count()).select_from(Category).where(
        Category.tenant_id == tenant_id, Category.id.in_(list(category_ids))))
    if known != len(category_ids):
        raise Invalid.field("filter.category_ids", "unknown", "Choose categories of the firm")


# --- conditions -----------------------------------------------------------------------------------

def text_condition(column: ColumnElement[str], term: str) -> ColumnElement[bool]:
    """The term anywhere in the text; a term of one or two characters only at the start of a word
    (an initial, the first letters of a name). Trigrams need three characters: `%ga%` has none
    and would read every row, while a word's start (`ga%`, `% ga%`) has the padded trigrams
    "  g" and " ga" the index keeps."""
    if len(term) > SHORT_TERM:
        return column.contains(term, autoescape=True)
    return or_(column.startswith(term, autoescape=True), column.contains(f" {term}", autoescape=True))


def client_conditions(found: Criteria, tenant_id: str, today: date, *, with_text: bool = True
                      ) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if with_text:
        conditions.extend(text_condition(Client.search_text, term) for term in found.terms)
    if found.salesperson_id:
        conditions.append(Client.salesperson_id == found.salesperson_id)
    if found.birthdays is not None:
        conditions.append(birthday_condition(found.birthdays))
    if found.category_ids:
        conditions.append(exists().where(client_category_links.c.client_id == Client.id,
                                         client_category_links.c.category_id.in_(list(found.category_ids))))
    if found.has_line:
        conditions.append(line_in_force(tenant_id, found.has_line, today))
    if found.lacks_line:
        conditions.append(~line_in_force(tenant_id, found.lacks_line, today))
    if found.portal_user is not None:
        conditions.append(Client.portal_user_id.is_not(None) if found.portal_user else Client.portal_user_id.is_(None))
    if found.alerts is not None:
        conditions.append(any_alert_on() if found.alerts else ~any_alert_on())
    if found.kind:
        conditions.append(Client.kind == found.kind)
    return conditions


def birthday_condition(birthdays: BirthdayRange) -> ColumnElement[bool]:
    key = Client.birthday_key
    if birthdays.every:
        return key.is_not(None)
    if birthdays.wraps:
        return or_(key >= birthdays.first, key <= birthdays.last)
    return key.between(birthdays.first, birthdays.last)


def line_in_force(tenant_id: str, line: str, today: date) -> ColumnElement[bool]:
    """The client has a policy of `line` in force today (policy's `is_in_force`)."""
    lines = ClientPolicyLine
    return exists().where(lines.client_id == Client.id, lines.tenant_id == tenant_id, lines.line == line,
                          lines.status.in_(IN_FORCE_STATUSES), or_(lines.ends_on.is_(None), lines.ends_on >= today))


def any_alert_on() -> ColumnElement[bool]:
    return or_(Client.alert_email_collections, Client.alert_email_renewals, Client.alert_sms_collections,
               Client.alert_sms_renewals)


# --- the list's order and cursor pages ------------------------------------------------------------

def _birthday_order(today_key: int) -> ColumnElement[int]:
    """Days (as month-day keys) until the next birthday from `today_key`; none last."""
    key = Client.birthday_key
    return case((key.is_(None), literal(9999)), (key >= today_key, key - today_key),
                else_=key - today_key + YEAR_KEYS)


class ListOrder:
    """One of the list's sorts as (sort key, id) with its cursor: ["<sort>", key, id(, day)]."""

    def __init__(self, sort: str, today: date, cursor: str):
        self.sort = sort
        key = decode_cursor(cursor)
        if sort == ID_ORDER:
            if key is not None and len(key) != 1:
                raise Invalid.field("cursor", "invalid", "The cursor is not valid for this sort")
            self.today_key, self.after = 101, (key[0], key[0]) if key else None
            return
        if key is not None and (len(key) not in (3, 4) or key[0] != sort):
            raise Invalid.field("cursor", "invalid", "The cursor is not valid for this sort")
        # The birthday sort counts from the day of its first page, so its pages stay consistent.
        self.today_key = int(key[3]) if key is not None and sort == "birthday" and len(key) == 4 \
            else birthday_key(today) or 101
        self.after = self._parse(key) if key is not None else None

    def _parse(self, key: list[str]) -> tuple[object, str]:
        try:
            if self.sort.lstrip("-") == "created_at":
                return datetime.fromisoformat(key[1]), key[2]
            if self.sort == "birthday":
                return int(key[1]), key[2]
            return key[1], key[2]
        except ValueError as exc:
            raise Invalid.field("cursor", "invalid", "The cursor is not valid for this sort") from exc

    @property
    def descending(self) -> bool:
        return self.sort.startswith("-")

    def column(self) -> ColumnElement:
        name = self.sort.lstrip("-")
        if name == ID_ORDER:
            return Client.id
        if name == "created_at":
            return Client.created_at
        if name == "birthday":
            return _birthday_order(self.today_key)
        return Client.sort_name

    def apply(self, query: Select, limit: int) -> Select:
        """Order `query` of clients, resume after the cursor's row, and fetch one extra row
        (another page?)."""
        return self.page_of(query, self.column(), Client.id, limit)

    def page_of(self, query: Select, column: ColumnElement, id_column: ColumnElement[str], limit: int) -> Select:
        """`apply` for any query whose rows carry this order's key in `column` and the client's id."""
        if self.after is not None and self.sort == ID_ORDER:
            query = query.where(id_column > self.after[1])
        elif self.after is not None:
            position = tuple_(column, id_column)
            after = tuple_(literal(self.after[0]), literal(self.after[1]))
            query = query.where(position < after if self.descending else position > after)
        if self.sort == ID_ORDER:
            return query.order_by(id_column).limit(limit + 1)
        order = (column.desc(), id_column.desc()) if self.descending else (column.asc(), id_column.asc())
        return query.order_by(*order).limit(limit + 1)

    def cursor_of(self, client: Client) -> str:
        name = self.sort.lstrip("-")
        if name == ID_ORDER:
            return encode_cursor(client.id)
        if name == "created_at":
            value = client.created_at.isoformat()
        elif name == "birthday":
            return encode_cursor(self.sort, str(days_until_key(client.birthday_key, self.today_key)), client.id,
                                 str(self.today_key))
        else:
            value = client.sort_name
        return encode_cursor(self.sort, value, client.id)


def count_of(session: Session, query: Select) -> int:
    return int(session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0)


# --- the list's answer: one page and the total ----------------------------------------------------

@dataclass(frozen=True)
class ClientPage:
    rows: list[Client]  # at most limit + 1, in the list's order (the extra one: another page follows)
    total: int  # every match, exactly


def client_page(session: Session, tenant_id: str, client_filter: crm_pb2.ClientFilter, order: ListOrder,
                limit: int, *, today: date, options: Sequence[ExecutableOption] = ()) -> ClientPage:
    """The list's answer to a filter: the page after the order's cursor and the total.

    Two plans, chosen by the filter (docs/crm.md, "Search performance"):
    - with free text, matches cluster in name order (a first name, "iria", sorts together), so
      walking the name index until a page is full could read most of the firm. The matches' ids
      and sort keys are computed once through the trigram index (a materialised CTE on
      PostgreSQL), then counted and sorted: one scan, bounded by the matches.
    - without (everyone, a salesperson, birthdays, categories, policy lines...) the other
      criteria are spread over the alphabet, so the planner walks an index in the list's order
      until the page is full, or sorts a small set, and the total is counted apart.
    """
    found = criteria(client_filter)
    _check_categories(session, tenant_id, found.category_ids)
    conditions = [Client.tenant_id == tenant_id, *client_conditions(found, tenant_id, today)]
    if found.terms:
        return _page_of_matches(session, tenant_id, conditions, order, limit, options)
    query = select(Client).where(*conditions)
    rows = list(session.scalars(order.apply(query.options(*options), limit)))
    return ClientPage(rows, count_of(session, query))


def _page_of_matches(session: Session, tenant_id: str, conditions: list[ColumnElement[bool]], order: ListOrder,
                     limit: int, options: Sequence[ExecutableOption]) -> ClientPage:
    # MATERIALIZED keeps PostgreSQL from inlining the CTE back into one name-ordered walk.
    matches = (select(Client.id.label("id"), order.column().label("sort_key")).where(*conditions)
               .cte("matches").prefix_with("MATERIALIZED", dialect="postgresql"))
    total = select(func.count()).select_from(matches).scalar_subquery().label("total")
    found = session.execute(order.page_of(select(matches.c.id, total), matches.c.sort_key, matches.c.id,
                                          limit)).all()
    if not found:  # none match, or past the last page, where the total still counts every match
        total_after = session.scalar(select(func.count()).select_from(matches)) if order.after is not None else 0
        return ClientPage([], int(total_after or 0))
    ids = [row.id for row in found]
    clients = {c.id: c for c in session.scalars(
        select(Client).where(Client.tenant_id == tenant_id, Client.id.in_(ids)).options(*options))}
    # A client deleted between the two reads is simply not on the page.
    return ClientPage([clients[i] for i in ids if i in clients], int(found[0].total))


# --- the contacts tab -----------------------------------------------------------------------------

def matching_contacts(session: Session, tenant_id: str, client_filter: crm_pb2.ClientFilter, *,
                      today: date) -> Select[tuple[Contact, Client]]:
    """Contacts of the clients matching the filter's other criteria, whose every word of `q` is in
    the contact (names, e-mail, phone) or in its client."""
    found = criteria(client_filter)
    _check_categories(session, tenant_id, found.category_ids)
    conditions = [or_(text_condition(Contact.search_text, term), text_condition(Client.search_text, term))
                  for term in found.terms]
    return (select(Contact, Client).join(Client, Client.id == Contact.client_id)
            .where(Contact.tenant_id == tenant_id, Client.tenant_id == tenant_id, *conditions,
                   *client_conditions(found, tenant_id, today, with_text=False)))


def contacts_page(session: Session, query: Select, cursor: str, limit: int) -> list:
    """By client name, then contact: cursor ["contacts", client sort name, contact id]."""
    key = decode_cursor(cursor)
    if key is not None:
        if len(key) != 3 or key[0] != "contacts":
            raise Invalid.field("cursor", "invalid", "The cursor is not valid")
        query = query.where(tuple_(Client.sort_name, Contact.id) > tuple_(literal(key[1]), literal(key[2])))
    return list(session.execute(query.order_by(Client.sort_name, Contact.id).limit(limit + 1)))


def contact_cursor(contact: Contact, client: Client) -> str:
    return encode_cursor("contacts", client.sort_name, contact.id)


# --- the read model of policy ---------------------------------------------------------------------

def policy_lines(session: Session, tenant_id: str) -> list[str]:
    """The policy lines the firm's read model knows (any status): the filter's choices."""
    return list(session.scalars(select(ClientPolicyLine.line).where(ClientPolicyLine.tenant_id == tenant_id)
                                .distinct().order_by(ClientPolicyLine.line)))

