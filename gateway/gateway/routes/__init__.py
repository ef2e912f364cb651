"""The REST resources; importing this package registers every operation on the blueprint."""

from gateway.routes import (  # noqa: F401
    account,
    audit,
    auth,
    backoffice,
    client_records,  # client records
    clients,
    content,  # support, requests and content (the news among them)
    dashboard,
    feedback,  # support, requests and content
    login_code,  # passwordless and passkeys
    members,  # client members
    mfa,
    notifications,
    passkeys,  # passwordless and passkeys
    profile,  # client records
    quick_access,
    staff,
    support,  # support, requests and content
    tasks,  # client records
)
