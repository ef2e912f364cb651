"""The REST resources; importing this package registers every operation on the blueprint."""

from gateway.routes import (  # noqa: F401
    account,
    audit,
    auth,
    backoffice,
    campaigns,  # campaigns
    client_files,  # client files
    client_imports,  # client import and export
    client_records,  # client records
    client_search,  # client search
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
