"""The feedback box (seed 003, "Danos tu opinión"): a rating and a comment from any page of the
portal, by customers and quick-access visitors; the firm's staff list them with the average."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from clientarea.common.v1 import common_pb2
from clientarea.crm.v1 import support_pb2
from gateway.api import operation
from gateway.services import call, services


class FeedbackIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rating: int = Field(ge=1, le=5, description="1 to 5 stars")
    comment: str = Field(default="", max_length=4_000)
    page: str = Field(default="", max_length=500, description="the path of the page (its query is dropped)")


class FeedbackOut(BaseModel):
    id: str
    rating: int
    comment: str
    page: str
    author_kind: str = Field(description="customer | quick_access")
    author_name: str
    client_id: str | None
    client_name: str | None
    created_at: str


class FeedbackQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rating: int = Field(default=0, ge=0, le=5, description="0: any")
    since: str = Field(default="", max_length=10, description="YYYY-MM-DD, inclusive")
    until: str = Field(default="", max_length=10, description="YYYY-MM-DD, inclusive")
    cursor: str = Field(default="", max_length=500)
    limit: int = Field(default=20, ge=1, le=100)


class FeedbackPage(BaseModel):
    items: list[FeedbackOut]
    next_cursor: str | None
    average_rating: float = Field(description="over every entry the filters match (0 when none)")
    total: int


def feedback_out(entry: support_pb2.FeedbackEntry) -> FeedbackOut:
    return FeedbackOut(id=entry.id, rating=entry.rating, comment=entry.comment, page=entry.page,
                       author_kind=entry.author_kind, author_name=entry.author_name,
                       client_id=entry.client_id or None, client_name=entry.client_name or None,
                       created_at=entry.created_at)


@operation("/feedback", "POST", summary="Give feedback on the portal (customers, quick-access visitors)",
           tag="feedback", body=FeedbackIn, response=FeedbackOut, status=201, errors=(429,))
def give_feedback(body: FeedbackIn):  # noqa: ANN201
    return feedback_out(call(services().feedback.GiveFeedback, support_pb2.GiveFeedbackRequest(
        rating=body.rating, comment=body.comment, page=body.page)))


@operation("/feedback", "GET", summary="Staff: the feedback received, newest first, with the average rating",
           tag="feedback", query=FeedbackQuery, response=FeedbackPage)
def list_feedback(query: FeedbackQuery):  # noqa: ANN201
    answer = call(services().feedback.ListFeedback, support_pb2.ListFeedbackRequest(
        page=common_pb2.PageRequest(cursor=query.cursor, limit=query.limit), rating=query.rating,
        since=query.since, until=query.until))
    return FeedbackPage(items=[feedback_out(e) for e in answer.items], next_cursor=answer.page.next_cursor or None,
                        average_rating=answer.average_rating, total=answer.total)
