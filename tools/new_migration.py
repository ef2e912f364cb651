"""Autogenerate an Alembic migration for one service from its models.

    python tools/new_migration.py crm "add tasks"

It migrates a scratch SQLite database to head, compares it with the service's models and
writes the difference as a new revision in services/<svc>/<svc>_service/migrations/versions/.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from alembic import command

from clientarea_shared.migrate import alembic_config

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "shared" / "clientarea_shared" / "templates" / "script.py.mako"


def main(service: str, message: str) -> None:
    package = f"{service}_service"
    migrations = ROOT / "services" / service / package / "migrations"
    (migrations / "versions").mkdir(parents=True, exist_ok=True)
    template = migrations / "script.py.mako"
    shutil.copy(TEMPLATE, template)
    try:
        with tempfile.TemporaryDirectory() as scratch:
            config = alembic_config(package, f"sqlite:///{scratch}/scratch.sqlite")
            command.upgrade(config, "head")
            command.revision(config, message=message, autogenerate=True)
    finally:
        template.unlink()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
