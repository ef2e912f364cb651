"""passwordless e-mail codes and passkeys

Revision ID: a1c3e5f70002
Revises: a1c3e5f70001
Create Date: 2026-11-23 15:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision: str = 'a1c3e5f70002'
down_revision: str | None = 'a1c3e5f70001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
