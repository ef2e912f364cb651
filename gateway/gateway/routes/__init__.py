"""The REST resources; importing this package registers every operation on the blueprint."""

from gateway.routes import account, audit, auth, backoffice, clients, dashboard, mfa, staff  # noqa: F401
