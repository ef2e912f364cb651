"""Tasks about a client (staff only; customers never see them): create from the client page,
move them on (status, assignee, due date), comment, and "my tasks" for the logged-in staff user."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from clientarea.common.v1 import common_pb2
from clientarea.crm.v1 import crm_pb2
from gateway.api import operation
from gateway.services import call, services

Status = Literal["open", "in_progress", "done", "cancelled"]


class TaskIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    title: str = Field(default="", max_length=200)
    description: str = Field(default="", max_length=5000)
    assignee_id: str = Field(default="", max_length=36, description="An active staff user of the firm")
    due_on: str = Field(default="", max_length=10, description="YYYY-MM-DD")


class TaskPatch(BaseModel):
    """The fields sent change; `version` is the one read (409 edit_conflict when someone saved first)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    version: int = Field(ge=1)
    title: str | None = Field(default=None, max_length=200)
    description: str | None = Field(default=None, max_length=5000)
    assignee_id: str | None = Field(default=None, max_length=36)
    due_on: str | None = Field(default=None, max_length=10)
    status: Status | None = None


class CommentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    body: str = Field(max_length=5000)


class CommentOut(BaseModel):
    id: str
    author_id: str
    author_name: str
    body: str
    created_at: str


class TaskOut(BaseModel):
    id: str
    client_id: str
    client_name: str
    title: str
    description: str
    assignee_id: str
    assignee_name: str
    due_on: str
    status: str = Field(description="open | in_progress | done | cancelled")
    overdue: bool = Field(description="Due before today and not done or cancelled")
    created_by_id: str
    created_by_name: str
    created_at: str
    updated_at: str
    version: int
    comments: list[CommentOut] = Field(description="Oldest first; only when reading one task")


class TaskPage(BaseModel):
    items: list[TaskOut]
    next_cursor: str | None


class ClientTasksQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    status: Status | Literal[""] = ""
    cursor: str = Field(default="", max_length=500)
    limit: int = Field(default=25, ge=1, le=100)


class MyTasksQuery(ClientTasksQuery):
    overdue: bool = Field(default=False, description="Only those past their due date and still open")


def comment_out(comment: crm_pb2.TaskComment) -> CommentOut:
    return CommentOut(id=comment.id, author_id=comment.author_id, author_name=comment.author_name, body=comment.body,
                      created_at=comment.created_at)


def task_out(task: crm_pb2.Task) -> TaskOut:
    return TaskOut(
        id=task.id, client_id=task.client_id, client_name=task.client_name, title=task.title,
        description=task.description, assignee_id=task.assignee_id, assignee_name=task.assignee_name,
        due_on=task.due_on, status=task.status, overdue=task.overdue, created_by_id=task.created_by_id,
        created_by_name=task.created_by_name, created_at=task.created_at, updated_at=task.updated_at,
        version=task.version, comments=[comment_out(c) for c in task.comments])


def task_page(answer: crm_pb2.ListTasksResponse) -> TaskPage:
    return TaskPage(items=[task_out(t) for t in answer.items], next_cursor=answer.page.next_cursor or None)


@operation("/clients/{client_id}/tasks", "GET", summary="A client's tasks by due date (staff)", tag="tasks",
           query=ClientTasksQuery, response=TaskPage, errors=(404,))
def client_tasks(client_id: str, query: ClientTasksQuery):  # noqa: ANN201
    return task_page(call(services().crm.ListClientTasks, crm_pb2.ListClientTasksRequest(
        client_id=client_id, status=query.status,
        page=common_pb2.PageRequest(cursor=query.cursor, limit=query.limit))))


@operation("/clients/{client_id}/tasks", "POST", summary="Create a task about a client (staff)", tag="tasks",
           body=TaskIn, response=TaskOut, status=201, errors=(404,))
def create_task(client_id: str, body: TaskIn):  # noqa: ANN201
    return task_out(call(services().crm.CreateTask, crm_pb2.CreateTaskRequest(
        client_id=client_id, title=body.title, description=body.description, assignee_id=body.assignee_id,
        due_on=body.due_on)))


@operation("/me/tasks", "GET", summary="The caller's tasks by due date (staff)", tag="tasks", query=MyTasksQuery,
           response=TaskPage)
def my_tasks(query: MyTasksQuery):  # noqa: ANN201
    return task_page(call(services().crm.ListMyTasks, crm_pb2.ListMyTasksRequest(
        status=query.status, overdue=query.overdue,
        page=common_pb2.PageRequest(cursor=query.cursor, limit=query.limit))))


@operation("/tasks/{task_id}", "GET", summary="One task with its comments (staff)", tag="tasks",
           response=TaskOut, errors=(404,))
def get_task(task_id: str):  # noqa: ANN201
    return task_out(call(services().crm.GetTask, crm_pb2.GetTaskRequest(id=task_id)))


@operation("/tasks/{task_id}", "PATCH", summary="Change a task: status, assignee, due date... (staff)", tag="tasks",
           body=TaskPatch, response=TaskOut, errors=(404, 409))
def update_task(task_id: str, body: TaskPatch):  # noqa: ANN201
    fields = sorted(body.model_fields_set - {"version"})
    return task_out(call(services().crm.UpdateTask, crm_pb2.UpdateTaskRequest(
        id=task_id, expected_version=body.version, fields=fields, title=body.title or "",
        description=body.description or "", assignee_id=body.assignee_id or "", due_on=body.due_on or "",
        status=body.status or "")))


@operation("/tasks/{task_id}/comments", "POST", summary="Comment on a task (staff)", tag="tasks", body=CommentIn,
           response=CommentOut, status=201, errors=(404,))
def comment_task(task_id: str, body: CommentIn):  # noqa: ANN201
    return comment_out(call(services().crm.AddTaskComment, crm_pb2.AddTaskCommentRequest(
        task_id=task_id, body=body.body)))
