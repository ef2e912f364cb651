"""The permission map: what each role may do, checked the same way in every service and the gateway.

Code asks for a *permission* ("may this caller publish news?"), never for a list of roles, so
who may do what is decided here once and reads as a table. Roles come from the access token
(`roles`); a customer also has a role within their client (`crole`), because a company
customer's people differ: one may only look, another may open cases or pay, its admin manages
the others (issue 3, journey 9).
"""

from __future__ import annotations

from enum import StrEnum

from clientarea_shared.context import (
    ADMIN,
    AGENT,
    CLIENT,
    QUICK_ACCESS,
    SALESPERSON,
    SERVICE,
    Principal,
    current_principal,
)
from clientarea_shared.errors import Forbidden


class Permission(StrEnum):
    # A customer's own affairs.
    OWN_ACCOUNT = "own-account"  # their login: profile, password, sessions, second factors
    OWN_DATA_READ = "own-data:read"  # their client's policies, cases, invoices, documents
    CASES_CREATE = "cases:create"
    INVOICES_PAY = "invoices:pay"
    CLIENT_MEMBERS_MANAGE = "client-members:manage"  # invite, re-role and remove colleagues
    # A visitor who came in by process number and access key.
    QUICK_ACCESS_CASE_READ = "quick-access:case-read"
    NEWS_READ = "news:read"
    COMPANY_SEARCH = "companies:search"  # the register of companies (buyers, debtors)
    # The firm's staff.
    CLIENTS_READ = "clients:read"
    CLIENTS_WRITE = "clients:write"
    PORTAL_USERS_MANAGE = "portal-users:manage"
    CUSTOMER_ACCOUNTS_CLOSE = "customer-accounts:close"
    CASES_MANAGE = "cases:manage"
    NEWS_PUBLISH = "news:publish"
    CAMPAIGNS_MANAGE = "campaigns:manage"
    STAFF_USERS_MANAGE = "staff-users:manage"
    FIRM_SECURITY_MANAGE = "firm-security:manage"
    AUDIT_READ = "audit:read"
    # --- client records ---
    STAFF_DIRECTORY_READ = "staff-directory:read"  # colleagues' names, to pick a salesperson or assignee
    CATEGORIES_MANAGE = "categories:manage"  # the firm's client categories (tags)
    OWN_PROFILE_WRITE = "own-profile:write"  # a customer's addresses, phones, communication preferences
    # --- end client records ---
    # Another service of the platform calling on its own behalf.
    SERVICE_LOOKUPS = "service:lookups"
    # --- support, requests and content ---
    SUPPORT_USE = "support:use"  # a customer: open tickets (and review requests), reply, read their client's
    FEEDBACK_GIVE = "feedback:give"  # the feedback box: customers and quick-access visitors
    CONTENT_READ = "content:read"  # support materials and the advantage programme (not for quick access)
    SUPPORT_MANAGE = "support:manage"  # staff: the tickets inbox, replies, internal notes, assignment, status
    FEEDBACK_READ = "feedback:read"
    CONTENT_PUBLISH = "content:publish"  # materials and advantages (news keep NEWS_PUBLISH)
    # (assigning a ticket reads colleagues with STAFF_DIRECTORY_READ, of the client records block)
    # --- end support, requests and content ---


# A customer's role within their client.
CLIENT_ADMIN = "admin"
CLIENT_VIEWER = "viewer"
CLIENT_CASE_CREATOR = "cases"
CLIENT_PAYER = "payer"
CLIENT_ROLES = (CLIENT_VIEWER, CLIENT_CASE_CREATOR, CLIENT_PAYER, CLIENT_ADMIN)
# Before a client had several people, its one login was the client's own: tokens without
# `crole` (issued before it existed, or by an identity provider not mapping it) keep that.
DEFAULT_CLIENT_ROLE = CLIENT_ADMIN

P = Permission
_CUSTOMER_BASE = frozenset({P.OWN_ACCOUNT, P.OWN_DATA_READ, P.NEWS_READ, P.COMPANY_SEARCH,
                            # Support and content: asking for help is open to every person of a client,
                            # whatever else their role lets them change.
                            P.SUPPORT_USE, P.FEEDBACK_GIVE, P.CONTENT_READ})
_CLIENT_ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    CLIENT_VIEWER: _CUSTOMER_BASE,
    CLIENT_CASE_CREATOR: _CUSTOMER_BASE | {P.CASES_CREATE},
    CLIENT_PAYER: _CUSTOMER_BASE | {P.INVOICES_PAY},
    CLIENT_ADMIN: _CUSTOMER_BASE | {P.CASES_CREATE, P.INVOICES_PAY, P.CLIENT_MEMBERS_MANAGE,
                                    P.OWN_PROFILE_WRITE},  # client records: only its admin edits the client's data
}

_STAFF_BASE = frozenset({
    P.OWN_ACCOUNT, P.CLIENTS_READ, P.CLIENTS_WRITE, P.PORTAL_USERS_MANAGE, P.NEWS_READ, P.COMPANY_SEARCH,
    P.STAFF_DIRECTORY_READ,  # client records
    P.SUPPORT_MANAGE, P.CONTENT_READ,  # support, requests and content: every staff member works the inbox
})
_CONTENT_EDITORS = frozenset({P.FEEDBACK_READ, P.CONTENT_PUBLISH})  # support, requests and content
_ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    SALESPERSON: _STAFF_BASE | {P.CAMPAIGNS_MANAGE},
    AGENT: _STAFF_BASE | _CONTENT_EDITORS | {P.CUSTOMER_ACCOUNTS_CLOSE, P.CASES_MANAGE, P.NEWS_PUBLISH,
                                             P.CATEGORIES_MANAGE,
                                             P.CAMPAIGNS_MANAGE},  # campaigns: agents run the firm's mailings
    ADMIN: _STAFF_BASE | _CONTENT_EDITORS | {
        P.CUSTOMER_ACCOUNTS_CLOSE, P.CASES_MANAGE, P.NEWS_PUBLISH, P.CAMPAIGNS_MANAGE,
        P.STAFF_USERS_MANAGE, P.FIRM_SECURITY_MANAGE, P.AUDIT_READ, P.CATEGORIES_MANAGE,
    },
    QUICK_ACCESS: frozenset({P.QUICK_ACCESS_CASE_READ, P.NEWS_READ,
                             P.FEEDBACK_GIVE}),  # seed 003: the feedback box after either login
    SERVICE: frozenset({P.SERVICE_LOOKUPS}),
}


def permissions_of(principal: Principal) -> frozenset[Permission]:
    """Everything the caller's roles allow (the union over their roles)."""
    granted: set[Permission] = set()
    for role in principal.roles:
        granted |= _ROLE_PERMISSIONS.get(role, frozenset())
    if CLIENT in principal.roles:
        granted |= _CLIENT_ROLE_PERMISSIONS.get(principal.client_role or DEFAULT_CLIENT_ROLE, frozenset())
    return frozenset(granted)


def allows(principal: Principal, permission: Permission) -> bool:
    return permission in permissions_of(principal)


def require(*permissions: Permission) -> Principal:
    """The caller, if they hold at least one of `permissions`; Forbidden otherwise."""
    principal = current_principal()
    granted = permissions_of(principal)
    if not any(permission in granted for permission in permissions):
        raise Forbidden("Your role does not allow this action", "role_forbidden")
    return principal
