"""company customers with several people

Revision ID: a1c3e5f70003
Revises: a1c3e5f70002
Create Date: 2026-11-23 15:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'a1c3e5f70003'
down_revision: str | None = 'a1c3e5f70002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Every existing customer login is its client's only person so far: it stays the client's admin.
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('client_role', sa.String(length=20), nullable=False, server_default='admin'))
        batch_op.add_column(sa.Column('invited_by', sa.String(length=36), nullable=True))
        batch_op.create_index('ix_users_tenant_client', ['tenant_id', 'client_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_index('ix_users_tenant_client')
        batch_op.drop_column('invited_by')
        batch_op.drop_column('client_role')
