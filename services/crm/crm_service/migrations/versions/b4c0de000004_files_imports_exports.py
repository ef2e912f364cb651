"""client files, imports, exports, bulk actions, campaigns

Revision ID: b4c0de000004
Revises: b4c0de000003
Create Date: 2026-11-23 15:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision: str = 'b4c0de000004'
down_revision: str | None = 'b4c0de000003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
