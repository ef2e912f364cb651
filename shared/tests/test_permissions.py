"""The permission map: each role's rights, a company's people, and the check every service uses."""

from __future__ import annotations

import pytest

from clientarea_shared.context import (
    ADMIN,
    AGENT,
    CLIENT,
    QUICK_ACCESS,
    SALESPERSON,
    SERVICE,
    Principal,
    request_context,
)
from clientarea_shared.errors import Forbidden
from clientarea_shared.permissions import (
    CLIENT_ADMIN,
    CLIENT_CASE_CREATOR,
    CLIENT_PAYER,
    CLIENT_ROLES,
    CLIENT_VIEWER,
    Permission,
    allows,
    permissions_of,
    require,
)

P = Permission


def caller(*roles: str, client_role: str = "") -> Principal:
    return Principal(user_id="u1", tenant_id="t1", roles=frozenset(roles), client_id="c1" if CLIENT in roles else "",
                     client_role=client_role)


def test_staff_admin_may_everything_staff_may_and_nothing_a_customer_does_for_themself():
    granted = permissions_of(caller(ADMIN))
    assert {P.STAFF_USERS_MANAGE, P.FIRM_SECURITY_MANAGE, P.AUDIT_READ, P.CUSTOMER_ACCOUNTS_CLOSE,
            P.NEWS_PUBLISH, P.CLIENTS_WRITE} <= granted
    assert not granted & {P.OWN_DATA_READ, P.CASES_CREATE, P.INVOICES_PAY, P.CLIENT_MEMBERS_MANAGE,
                          P.QUICK_ACCESS_CASE_READ, P.SERVICE_LOOKUPS}


def test_agent_and_salesperson_lack_the_admin_rights():
    for role in (AGENT, SALESPERSON):
        granted = permissions_of(caller(role))
        assert P.CLIENTS_READ in granted
        assert not granted & {P.STAFF_USERS_MANAGE, P.FIRM_SECURITY_MANAGE, P.AUDIT_READ}
    assert allows(caller(AGENT), P.CUSTOMER_ACCOUNTS_CLOSE)
    assert not allows(caller(SALESPERSON), P.CUSTOMER_ACCOUNTS_CLOSE)
    # campaigns: admins, agents and salespeople may send the firm's campaigns; customers never
    assert allows(caller(SALESPERSON), P.CAMPAIGNS_MANAGE)
    assert allows(caller(AGENT), P.CAMPAIGNS_MANAGE)
    assert allows(caller(ADMIN), P.CAMPAIGNS_MANAGE)
    assert not allows(caller(CLIENT), P.CAMPAIGNS_MANAGE)
    assert not allows(caller(QUICK_ACCESS), P.CAMPAIGNS_MANAGE)


def test_several_roles_grant_the_union():
    both = permissions_of(caller(AGENT, SALESPERSON))
    assert both == permissions_of(caller(AGENT)) | permissions_of(caller(SALESPERSON))


@pytest.mark.parametrize(("client_role", "may_create", "may_pay", "may_manage_people"), [
    (CLIENT_VIEWER, False, False, False),
    (CLIENT_CASE_CREATOR, True, False, False),
    (CLIENT_PAYER, False, True, False),
    (CLIENT_ADMIN, True, True, True),
])
def test_a_company_customers_people_differ_by_their_role_in_the_client(client_role, may_create, may_pay,
                                                                       may_manage_people):
    person = caller(CLIENT, client_role=client_role)
    assert allows(person, P.OWN_DATA_READ)
    assert allows(person, P.CASES_CREATE) is may_create
    assert allows(person, P.INVOICES_PAY) is may_pay
    assert allows(person, P.CLIENT_MEMBERS_MANAGE) is may_manage_people
    assert not allows(person, P.CLIENTS_READ)


def test_a_customer_token_without_a_client_role_is_the_clients_own_login():
    assert permissions_of(caller(CLIENT)) == permissions_of(caller(CLIENT, client_role=CLIENT_ADMIN))


def test_an_unknown_client_role_grants_nothing():
    assert permissions_of(caller(CLIENT, client_role="owner")) == frozenset()
    assert "owner" not in CLIENT_ROLES


def test_a_client_role_means_nothing_without_the_client_role():
    assert permissions_of(caller(AGENT, client_role=CLIENT_ADMIN)) == permissions_of(caller(AGENT))


def test_quick_access_reads_one_case_and_the_news_only():
    # (and may leave feedback: seed 003 shows the feedback box after a quick access too)
    assert permissions_of(caller(QUICK_ACCESS)) == {P.QUICK_ACCESS_CASE_READ, P.NEWS_READ, P.FEEDBACK_GIVE}


def test_another_service_may_only_look_up():
    assert permissions_of(caller(SERVICE)) == {P.SERVICE_LOOKUPS}


def test_unknown_roles_grant_nothing():
    assert permissions_of(caller("superuser")) == frozenset()


def test_require_returns_the_caller_holding_any_of_the_permissions():
    admin = caller(ADMIN)
    with request_context(admin):
        assert require(P.OWN_DATA_READ, P.CLIENTS_READ) is admin


def test_require_refuses_a_caller_holding_none():
    with request_context(caller(CLIENT, client_role=CLIENT_VIEWER)), pytest.raises(Forbidden) as refused:
        require(P.INVOICES_PAY)
    assert refused.value.code == "role_forbidden"


# --- support, requests and content ---
@pytest.mark.parametrize("client_role", CLIENT_ROLES)
def test_every_person_of_a_client_may_ask_for_support_give_feedback_and_read_content(client_role):
    person = permissions_of(caller(CLIENT, client_role=client_role))
    assert {P.SUPPORT_USE, P.FEEDBACK_GIVE, P.CONTENT_READ} <= person
    assert not person & {P.SUPPORT_MANAGE, P.FEEDBACK_READ, P.CONTENT_PUBLISH}


def test_every_staff_member_works_the_support_inbox_and_admins_and_agents_edit_content():
    for role in (ADMIN, AGENT, SALESPERSON):
        assert {P.SUPPORT_MANAGE, P.CONTENT_READ, P.STAFF_DIRECTORY_READ} <= permissions_of(caller(role))
        assert P.SUPPORT_USE not in permissions_of(caller(role))  # tickets are opened by customers
    for role in (ADMIN, AGENT):
        assert {P.CONTENT_PUBLISH, P.FEEDBACK_READ} <= permissions_of(caller(role))
    assert not permissions_of(caller(SALESPERSON)) & {P.CONTENT_PUBLISH, P.FEEDBACK_READ}


def test_quick_access_reads_no_materials_nor_offers_and_opens_no_tickets():
    assert not permissions_of(caller(QUICK_ACCESS)) & {P.CONTENT_READ, P.SUPPORT_USE, P.FEEDBACK_READ}
# --- end support, requests and content ---


# --- client records ---
def test_all_staff_read_the_staff_directory_and_admins_and_agents_manage_categories():
    for role in (ADMIN, AGENT, SALESPERSON):
        assert allows(caller(role), P.STAFF_DIRECTORY_READ)
    assert allows(caller(ADMIN), P.CATEGORIES_MANAGE) and allows(caller(AGENT), P.CATEGORIES_MANAGE)
    assert not allows(caller(SALESPERSON), P.CATEGORIES_MANAGE)
    for client_role in CLIENT_ROLES:
        assert not allows(caller(CLIENT, client_role=client_role), P.STAFF_DIRECTORY_READ)


def test_only_a_clients_admin_edits_the_clients_profile():
    assert allows(caller(CLIENT, client_role=CLIENT_ADMIN), P.OWN_PROFILE_WRITE)
    assert allows(caller(CLIENT), P.OWN_PROFILE_WRITE)  # a person's one login (no client role) is its admin
    for client_role in (CLIENT_VIEWER, CLIENT_CASE_CREATOR, CLIENT_PAYER):
        assert not allows(caller(CLIENT, client_role=client_role), P.OWN_PROFILE_WRITE)
    assert not allows(caller(AGENT), P.OWN_PROFILE_WRITE)
# --- end client records ---
