"""sealed secrets: TOTP seeds widen to hold Fernet tokens

Revision ID: a1c3e5f70004
Revises: a1c3e5f70003
Create Date: 2026-11-23 15:50:00

The values themselves are sealed by identity at its next start (`sealing.reseal`): a migration
does not hold the data keys.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'a1c3e5f70004'
down_revision: str | None = 'a1c3e5f70003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.alter_column('totp_secret', type_=sa.Text(), existing_type=sa.String(length=64),
                              existing_nullable=True)
        batch_op.alter_column('totp_pending_secret', type_=sa.Text(), existing_type=sa.String(length=64),
                              existing_nullable=True)


def downgrade() -> None:
    # Sealed values no longer fit 64 characters: run `reseal` backwards by hand before this.
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.alter_column('totp_pending_secret', type_=sa.String(length=64), existing_type=sa.Text(),
                              existing_nullable=True)
        batch_op.alter_column('totp_secret', type_=sa.String(length=64), existing_type=sa.Text(),
                              existing_nullable=True)
