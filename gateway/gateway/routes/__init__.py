"""The REST resources; importing this package registers every operation on the blueprint."""

from gateway.routes import account, clients  # noqa: F401
