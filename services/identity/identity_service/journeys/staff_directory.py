"""The firm's staff directory: every staff member reads their colleagues' names and roles, to pick
a client's salesperson or a task's assignee (crm checks the ids it is given with it). Unlike the
admins' staff list it shows no e-mail, second factor or audit detail."""

from __future__ import annotations

from clientarea.identity.v1 import identity_pb2 as pb
from clientarea_shared.errors import Invalid
from clientarea_shared.permissions import Permission, require
from identity_service.journeys.common import Identity
from identity_service.repository import IdentityRepository

MAX_IDS = 200  # a client form names one salesperson; a task list a page of assignees


def list_directory(idn: Identity, request: pb.ListStaffDirectoryRequest) -> pb.StaffDirectory:
    principal = require(Permission.STAFF_DIRECTORY_READ)
    ids = sorted({i for i in request.ids if i})
    if len(ids) > MAX_IDS:
        raise Invalid.field("ids", "too_many", f"Ask for at most {MAX_IDS} users at once")
    with idn.db.read() as db:
        users = IdentityRepository(db).staff_directory(principal.tenant_id, ids=ids,
                                                       include_disabled=request.include_disabled)
        return pb.StaffDirectory(items=[
            pb.StaffDirectoryEntry(id=u.id, display_name=u.display_name, roles=sorted(u.roles),
                                   active=u.status == "active")
            for u in users
        ])
