"""Tasks: internal work about a client (call back, ask for a document...), assigned to a staff
user of the firm, with a due date, a status and a thread of comments. Staff only: customers never
see tasks. "My tasks" lists the caller's own by due date, optionally only the overdue ones. Every
change (and comment) is in the client's history."""

from __future__ import annotations

import dataclasses
from datetime import date

from sqlalchemy.orm import Session

from clientarea.common.v1 import common_pb2
from clientarea.crm.v1 import crm_pb2 as pb
from clientarea_shared.context import Principal
from clientarea_shared.db import new_id, utcnow
from clientarea_shared.errors import FieldError, Invalid, NotFound
from clientarea_shared.paging import decode_cursor, encode_cursor, page_limit
from clientarea_shared.permissions import Permission, require
from clientarea_shared.runtime import Runtime
from crm_service.domain.tasks import (
    EDITABLE_FIELDS,
    STATUSES,
    TaskData,
    TaskInput,
    is_overdue,
    validate_comment,
    validate_task,
)
from crm_service.handlers.clients import edit_conflict, flush_checked
from crm_service.handlers.history import record_changes
from crm_service.handlers.staff import active_colleague
from crm_service.models import Task, TaskComment
from crm_service.repository import ClientRepository, TaskRepository


def comment_message(comment: TaskComment) -> pb.TaskComment:
    return pb.TaskComment(id=comment.id, author_id=comment.author_id, author_name=comment.author_name,
                          body=comment.body, created_at=comment.created_at.isoformat(timespec="seconds"))


def task_message(task: Task, *, with_comments: bool = False) -> pb.Task:
    message = pb.Task(
        id=task.id, client_id=task.client_id, client_name=task.client.display_name if task.client else "",
        title=task.title, description=task.description, assignee_id=task.assignee_id,
        assignee_name=task.assignee_name, due_on=task.due_on.isoformat(), status=task.status,
        overdue=is_overdue(task.due_on, task.status, date.today()), created_by_id=task.created_by_id,
        created_by_name=task.created_by_name, created_at=task.created_at.isoformat(timespec="seconds"),
        updated_at=task.updated_at.isoformat(timespec="seconds"), version=task.version,
    )
    if with_comments:
        message.comments.extend(comment_message(c) for c in task.comments)
    return message


def snapshot(task: Task) -> dict[str, str]:
    """The task as the history shows it."""
    return {"title": task.title, "description": task.description, "assignee": task.assignee_name,
            "due_on": task.due_on.isoformat(), "status": task.status}


def _task(session: Session, principal: Principal, task_id: str) -> Task:
    task = TaskRepository(session, principal.tenant_id).get(task_id) if task_id else None
    if task is None:
        raise NotFound("Task not found")
    return task


def _record(session: Session, principal: Principal, task: Task, before: dict[str, str], after: dict[str, str],
            action: str = "") -> None:
    record_changes(session, tenant_id=principal.tenant_id, client_id=task.client_id, entity="task",
                   entity_id=task.id, label=task.title, before=before, after=after, actor=principal, action=action)


def create(runtime: Runtime, request: pb.CreateTaskRequest) -> pb.Task:
    principal = require(Permission.CLIENTS_WRITE)
    data = validate_task(TaskInput(title=request.title, description=request.description,
                                   assignee_id=request.assignee_id, due_on=request.due_on))
    with runtime.db.session() as session:
        client = ClientRepository(session, principal.tenant_id).get(request.client_id) if request.client_id else None
        if client is None:
            raise NotFound("Client not found")
        assignee = active_colleague(runtime, data.assignee_id, "assignee_id")
        now = utcnow()
        task = TaskRepository(session, principal.tenant_id).add(Task(
            id=new_id(), tenant_id=principal.tenant_id, client_id=client.id, title=data.title,
            description=data.description, assignee_id=assignee.id, assignee_name=assignee.display_name,
            due_on=data.due_on, status=data.status, created_by_id=principal.user_id[:80],
            created_by_name=principal.display_name[:200], version=1, created_at=now, updated_at=now, client=client,
            comments=[]))
        _record(session, principal, task, {}, snapshot(task))
        return task_message(task)


def get(runtime: Runtime, request: pb.GetTaskRequest) -> pb.Task:
    principal = require(Permission.CLIENTS_READ)
    with runtime.db.read() as session:
        return task_message(_task(session, principal, request.id), with_comments=True)


def _edited(task: Task, request: pb.UpdateTaskRequest) -> TaskData:
    fields = set(request.fields)
    if not fields:
        raise Invalid.field("fields", "required", "Say which fields change")
    unknown = sorted(fields - EDITABLE_FIELDS)
    if unknown:
        raise Invalid(errors=[FieldError(f, "not_editable", "This field cannot be changed") for f in unknown])
    current = TaskInput(title=task.title, description=task.description, assignee_id=task.assignee_id,
                        due_on=task.due_on.isoformat(), status=task.status)
    return validate_task(dataclasses.replace(current, **{f: getattr(request, f) for f in fields}))


def update(runtime: Runtime, request: pb.UpdateTaskRequest) -> pb.Task:
    principal = require(Permission.CLIENTS_WRITE)
    if request.expected_version <= 0:
        raise Invalid.field("expected_version", "required", "Send the version you read")
    with runtime.db.session() as session:
        task = _task(session, principal, request.id)
        if task.version != request.expected_version:
            raise edit_conflict()
        data = _edited(task, request)
        before = snapshot(task)
        if data.assignee_id != task.assignee_id:
            assignee = active_colleague(runtime, data.assignee_id, "assignee_id")
            task.assignee_id, task.assignee_name = assignee.id, assignee.display_name
        task.title, task.description, task.due_on, task.status = data.title, data.description, data.due_on, data.status
        if snapshot(task) == before:
            return task_message(task, with_comments=True)
        task.updated_at = utcnow()
        flush_checked(session)
        _record(session, principal, task, before, snapshot(task))
        return task_message(task, with_comments=True)


def add_comment(runtime: Runtime, request: pb.AddTaskCommentRequest) -> pb.TaskComment:
    principal = require(Permission.CLIENTS_WRITE)
    body = validate_comment(request.body)
    with runtime.db.session() as session:
        task = _task(session, principal, request.task_id)
        comment = TaskComment(id=new_id(), tenant_id=principal.tenant_id, task_id=task.id,
                              author_id=principal.user_id[:80], author_name=principal.display_name[:200], body=body,
                              created_at=utcnow())
        session.add(comment)
        _record(session, principal, task, {}, {"comment": body}, action="commented")
        return comment_message(comment)


def _after(cursor: str) -> tuple[date, str] | None:
    key = decode_cursor(cursor)
    if key is None:
        return None
    try:
        due_on, task_id = key
        return date.fromisoformat(due_on), task_id
    except ValueError as exc:
        raise Invalid.field("cursor", "invalid", "The cursor is not valid") from exc


def _status(status: str) -> str:
    if status and status not in STATUSES:
        raise Invalid.field("status", "invalid", "Choose open, in_progress, done or cancelled")
    return status


def _page(rows: list[Task], limit: int) -> pb.ListTasksResponse:
    items = rows[:limit]
    cursor = encode_cursor(items[-1].due_on.isoformat(), items[-1].id) if len(rows) > limit else ""
    return pb.ListTasksResponse(items=[task_message(t) for t in items], page=common_pb2.PageInfo(next_cursor=cursor))


def list_client_tasks(runtime: Runtime, request: pb.ListClientTasksRequest) -> pb.ListTasksResponse:
    principal = require(Permission.CLIENTS_READ)
    limit, status, after = page_limit(request.page.limit), _status(request.status), _after(request.page.cursor)
    with runtime.db.read() as session:
        if not request.client_id or ClientRepository(session, principal.tenant_id).get(request.client_id) is None:
            raise NotFound("Client not found")
        rows = TaskRepository(session, principal.tenant_id).page(client_id=request.client_id, status=status,
                                                                 after=after, limit=limit)
        return _page(rows, limit)


def list_my_tasks(runtime: Runtime, request: pb.ListMyTasksRequest) -> pb.ListTasksResponse:
    principal = require(Permission.CLIENTS_READ)
    limit, status, after = page_limit(request.page.limit), _status(request.status), _after(request.page.cursor)
    with runtime.db.read() as session:
        rows = TaskRepository(session, principal.tenant_id).page(
            assignee_id=principal.user_id, status=status, overdue_on=date.today() if request.overdue else None,
            after=after, limit=limit)
        return _page(rows, limit)
