"""The in-app notices through the gateway: a security alert reaches the person's inbox as well as
their mailbox, with an unread count, and each person reads and marks only their own."""

from __future__ import annotations

import pytest

from clientarea_shared.testing import wait_until

from .conftest import login
from .test_identity_journeys import NEW_PASSWORD, PASSWORD, csrf_headers, new_portal_user

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("notification_worker")]


def change_password(http) -> None:
    changed = http.post("/api/v1/me/password", headers=csrf_headers(http), json={
        "current_password": PASSWORD, "password": NEW_PASSWORD, "password_confirmation": NEW_PASSWORD})
    assert changed.status_code == 204


def test_a_security_alert_is_an_unread_notice_the_person_marks_read(http, staff, app):
    username, _ = new_portal_user(http, staff, PASSWORD)
    assert login(http, username, PASSWORD).status_code == 200
    welcome = wait_until(lambda: http.get("/api/v1/me/notifications").json["items"], 30, "the welcome notice")
    assert [n["read"] for n in welcome] == [False]
    change_password(http)

    inbox = wait_until(lambda: len((page := http.get("/api/v1/me/notifications").json)["items"]) == 2 and page, 30,
                       "the password-change notice")
    assert inbox["unread"] == 2 and [n["read"] for n in inbox["items"]] == [False, False]
    alert = inbox["items"][0]  # newest first
    assert alert["id"] != welcome[0]["id"] and alert["title"] and alert["body"] and alert["created_at"]

    marked = http.post("/api/v1/me/notifications/read", json={"ids": [alert["id"]]}, headers=csrf_headers(http))
    assert marked.status_code == 200 and marked.json == {"unread": 1}
    assert [n["read"] for n in http.get("/api/v1/me/notifications").json["items"]] == [True, False]


def test_nobody_reads_or_marks_anothers_notices(http, staff, app):
    username, _ = new_portal_user(http, staff, PASSWORD)
    owner = app.test_client()
    assert login(owner, username, PASSWORD).status_code == 200
    notices = wait_until(lambda: owner.get("/api/v1/me/notifications").json["items"], 30, "the welcome notice")

    theirs = {n["id"] for n in notices}
    assert not theirs & {n["id"] for n in http.get("/api/v1/me/notifications?limit=100", headers=staff).json["items"]}
    # Someone else's ids are ignored, not marked: the owner's notices stay unread.
    assert http.post("/api/v1/me/notifications/read", json={"ids": sorted(theirs)}, headers=staff).status_code == 200
    assert owner.get("/api/v1/me/notifications").json["unread"] == len(theirs)
    assert owner.post("/api/v1/me/notifications/read", json={"all": True},
                      headers=csrf_headers(owner)).json == {"unread": 0}


def test_marking_needs_ids_or_all_and_a_session(http, staff, app):
    nothing = http.post("/api/v1/me/notifications/read", json={}, headers=staff)
    assert nothing.status_code == 422
    assert app.test_client().get("/api/v1/me/notifications").status_code == 401
