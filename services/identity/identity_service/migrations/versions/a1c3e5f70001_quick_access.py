"""quick access by process number

Empty on purpose: quick access turned out to need no identity table (collections keeps the
access keys). The revision stays because databases created before may already record it.

Revision ID: a1c3e5f70001
Revises: 6f754aa2b51b
Create Date: 2026-11-23 15:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision: str = 'a1c3e5f70001'
down_revision: str | None = '6f754aa2b51b'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
