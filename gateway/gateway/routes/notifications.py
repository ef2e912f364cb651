"""The caller's in-app notices (security alerts, replies to their tickets, role changes...): the
same messages notification e-mails, kept in the app so they can be read where the work is done."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from clientarea.common.v1 import common_pb2
from clientarea.notification.v1 import notification_pb2
from gateway.api import operation
from gateway.services import call, services


class NoticesQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    cursor: str = Field(default="", max_length=200)
    limit: int = Field(default=20, ge=1, le=100)


class NoticeOut(BaseModel):
    id: str
    title: str
    body: str
    created_at: str
    read: bool


class NoticesPage(BaseModel):
    items: list[NoticeOut]
    next_cursor: str | None
    unread: int = Field(description="How many of all the caller's notices are unread")


class MarkReadIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ids: list[str] = Field(default_factory=list, max_length=200)
    all: bool = False

    @model_validator(mode="after")
    def something_to_mark(self) -> MarkReadIn:
        if not self.ids and not self.all:
            raise ValueError("say which notices (ids) or all")
        return self


class UnreadOut(BaseModel):
    unread: int


@operation("/me/notifications", "GET", summary="The caller's in-app notices, newest first, with the unread count",
           tag="account", query=NoticesQuery, response=NoticesPage)
def list_notices(query: NoticesQuery):  # noqa: ANN201
    answer = call(services().notification.ListNotifications, notification_pb2.ListNotificationsRequest(
        page=common_pb2.PageRequest(cursor=query.cursor, limit=query.limit)))
    return NoticesPage(items=[NoticeOut(id=n.id, title=n.title, body=n.body, created_at=n.created_at, read=n.read)
                              for n in answer.items],
                       next_cursor=answer.page.next_cursor or None, unread=answer.unread)


@operation("/me/notifications/read", "POST", summary="Mark some of the caller's notices, or all, as read",
           tag="account", body=MarkReadIn, response=UnreadOut)
def mark_notices_read(body: MarkReadIn):  # noqa: ANN201
    answer = call(services().notification.MarkNotificationsRead,
                  notification_pb2.MarkNotificationsReadRequest(ids=body.ids, all=body.all))
    return UnreadOut(unread=answer.unread)
