"""The rules of a company customer's people (issue 3, journey 9), without the database: the roles a
person may have within their client, and that a client with people always keeps an active admin
(otherwise nobody could manage the others without the firm's staff)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from clientarea_shared.errors import FailedPrecondition, Invalid
from clientarea_shared.permissions import CLIENT_ADMIN, CLIENT_ROLES


class Person(Protocol):
    id: str
    client_role: str


def checked_role(role: str) -> str:
    """One of CLIENT_ROLES, or a field error on `client_role`."""
    role = role.strip().lower()
    if role not in CLIENT_ROLES:
        raise Invalid.field("client_role", "invalid" if role else "required",
                            f"Choose one of: {', '.join(CLIENT_ROLES)}")
    return role


def leaves_no_admin(people: Sequence[Person], person: Person) -> bool:
    """Whether the client would have no active admin once `person` (one of `people`, the client's
    active people) stops being one: they are an admin and nobody else is."""
    return person.client_role == CLIENT_ADMIN and not any(
        other.client_role == CLIENT_ADMIN for other in people if other.id != person.id)


def last_admin() -> FailedPrecondition:
    return FailedPrecondition("The client must keep at least one active admin: make someone else admin first",
                              "last_client_admin")


def successor(others: Sequence[Person]) -> str:
    """Who stands for the client once a person has gone (crm's portal user): an admin if any, else
    the oldest; empty when nobody is left."""
    if not others:
        return ""
    admins = [other for other in others if other.client_role == CLIENT_ADMIN]
    return (admins or list(others))[0].id
