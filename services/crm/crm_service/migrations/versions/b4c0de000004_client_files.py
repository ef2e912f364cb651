"""client files

Revision ID: b4c0de000004
Revises: b4c0de000003
Create Date: 2026-11-23 15:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'b4c0de000004'
down_revision: str | None = 'b4c0de000003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'client_files',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('tenant_id', sa.String(length=36), nullable=False),
        sa.Column('client_id', sa.String(length=36), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('kind', sa.String(length=30), nullable=False),
        sa.Column('original_file_name', sa.String(length=200), nullable=False),
        sa.Column('content_type', sa.String(length=120), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('blob_key', sa.String(length=120), nullable=False),
        sa.Column('uploaded_by_id', sa.String(length=80), nullable=False),
        sa.Column('uploaded_by_name', sa.String(length=200), nullable=False),
        sa.Column('uploaded_by_kind', sa.String(length=20), nullable=False),
        sa.Column('visible_to_client', sa.Boolean(), nullable=False),
        sa.Column('uploaded_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_client_files_client_id_clients'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_client_files')),
    )
    with op.batch_alter_table('client_files', schema=None) as batch_op:
        batch_op.create_index('ix_client_files_tenant_client_uploaded', ['tenant_id', 'client_id', 'uploaded_at'])


def downgrade() -> None:
    with op.batch_alter_table('client_files', schema=None) as batch_op:
        batch_op.drop_index('ix_client_files_tenant_client_uploaded')
    op.drop_table('client_files')
