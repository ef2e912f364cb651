"""support tickets, review requests, feedback, content

Revision ID: b4c0de000002
Revises: b4c0de000001
Create Date: 2026-11-23 15:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'b4c0de000002'
down_revision: str | None = 'b4c0de000001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _id() -> sa.Column:
    return sa.Column('id', sa.String(length=36), nullable=False)


def _tenant() -> sa.Column:
    return sa.Column('tenant_id', sa.String(length=36), nullable=False)


def _at(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        'support_tickets', _id(), _tenant(),
        sa.Column('number', sa.Integer(), nullable=False),
        sa.Column('client_id', sa.String(length=36), nullable=False),
        sa.Column('type', sa.String(length=20), nullable=False),
        sa.Column('subject', sa.String(length=200), nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('requester_id', sa.String(length=80), nullable=False),
        sa.Column('requester_name', sa.String(length=200), nullable=False),
        sa.Column('requester_email', sa.String(length=254), nullable=False),
        sa.Column('requester_locale', sa.String(length=10), nullable=False),
        sa.Column('assignee_id', sa.String(length=80), nullable=True),
        sa.Column('assignee_name', sa.String(length=200), nullable=False),
        _at('created_at'), _at('updated_at'), _at('last_message_at'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_support_tickets')),
        sa.UniqueConstraint('tenant_id', 'number', name='uq_support_tickets_tenant_number'),
    )
    with op.batch_alter_table('support_tickets', schema=None) as batch_op:
        batch_op.create_index('ix_support_tickets_tenant_activity', ['tenant_id', 'last_message_at', 'id'])
        batch_op.create_index('ix_support_tickets_tenant_client', ['tenant_id', 'client_id'])

    op.create_table(
        'support_messages', _id(), _tenant(),
        sa.Column('ticket_id', sa.String(length=36), nullable=False),
        sa.Column('kind', sa.String(length=10), nullable=False),
        sa.Column('author_side', sa.String(length=10), nullable=False),
        sa.Column('author_id', sa.String(length=80), nullable=False),
        sa.Column('author_name', sa.String(length=200), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        _at('created_at'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_support_messages')),
    )
    with op.batch_alter_table('support_messages', schema=None) as batch_op:
        batch_op.create_index('ix_support_messages_tenant_ticket', ['tenant_id', 'ticket_id', 'id'])

    op.create_table(
        'support_attachments', _id(), _tenant(),
        sa.Column('ticket_id', sa.String(length=36), nullable=False),
        sa.Column('message_id', sa.String(length=36), nullable=False),
        sa.Column('blob_key', sa.String(length=120), nullable=False),
        sa.Column('file_name', sa.String(length=200), nullable=False),
        sa.Column('content_type', sa.String(length=120), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        _at('created_at'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_support_attachments')),
    )
    with op.batch_alter_table('support_attachments', schema=None) as batch_op:
        batch_op.create_index('ix_support_attachments_tenant_ticket', ['tenant_id', 'ticket_id'])

    op.create_table(
        'support_staff_contacts', _tenant(),
        sa.Column('user_id', sa.String(length=80), nullable=False),
        sa.Column('display_name', sa.String(length=200), nullable=False),
        sa.Column('email', sa.String(length=254), nullable=False),
        sa.Column('locale', sa.String(length=10), nullable=False),
        _at('updated_at'),
        sa.PrimaryKeyConstraint('tenant_id', 'user_id', name=op.f('pk_support_staff_contacts')),
    )

    op.create_table(
        'feedback_entries', _id(), _tenant(),
        sa.Column('rating', sa.Integer(), nullable=False),
        sa.Column('comment', sa.Text(), nullable=False),
        sa.Column('page', sa.String(length=200), nullable=False),
        sa.Column('author_kind', sa.String(length=20), nullable=False),
        sa.Column('author_id', sa.String(length=80), nullable=False),
        sa.Column('author_name', sa.String(length=200), nullable=False),
        sa.Column('client_id', sa.String(length=36), nullable=True),
        _at('created_at'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_feedback_entries')),
    )
    with op.batch_alter_table('feedback_entries', schema=None) as batch_op:
        batch_op.create_index('ix_feedback_entries_tenant_id', ['tenant_id', 'id'])

    op.create_table(
        'content_materials', _id(), _tenant(),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('description', sa.Text(), nullable=False),
        sa.Column('category', sa.String(length=60), nullable=False),
        sa.Column('published', sa.Boolean(), nullable=False),
        sa.Column('blob_key', sa.String(length=120), nullable=False),
        sa.Column('file_name', sa.String(length=200), nullable=False),
        sa.Column('content_type', sa.String(length=120), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('created_by', sa.String(length=80), nullable=False),
        _at('created_at'), _at('updated_at'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_content_materials')),
    )
    with op.batch_alter_table('content_materials', schema=None) as batch_op:
        batch_op.create_index('ix_content_materials_tenant_category', ['tenant_id', 'category', 'title'])

    op.create_table(
        'content_advantages', _id(), _tenant(),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('description', sa.Text(), nullable=False),
        sa.Column('valid_from', sa.Date(), nullable=False),
        sa.Column('valid_until', sa.Date(), nullable=True),
        sa.Column('link_url', sa.String(length=500), nullable=False),
        sa.Column('published', sa.Boolean(), nullable=False),
        sa.Column('image_key', sa.String(length=120), nullable=True),
        sa.Column('image_type', sa.String(length=120), nullable=False),
        sa.Column('created_by', sa.String(length=80), nullable=False),
        _at('created_at'), _at('updated_at'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_content_advantages')),
    )
    with op.batch_alter_table('content_advantages', schema=None) as batch_op:
        batch_op.create_index('ix_content_advantages_tenant_valid', ['tenant_id', 'valid_from'])

    # News became editable: drafts and unpublished items (every existing item stays published).
    with op.batch_alter_table('news_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('published', sa.Boolean(), server_default=sa.true(), nullable=False))
        batch_op.add_column(_at('updated_at', nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('news_items', schema=None) as batch_op:
        batch_op.drop_column('updated_at')
        batch_op.drop_column('published')
    for table, indexes in (
        ('content_advantages', ['ix_content_advantages_tenant_valid']),
        ('content_materials', ['ix_content_materials_tenant_category']),
        ('feedback_entries', ['ix_feedback_entries_tenant_id']),
        ('support_staff_contacts', []),
        ('support_attachments', ['ix_support_attachments_tenant_ticket']),
        ('support_messages', ['ix_support_messages_tenant_ticket']),
        ('support_tickets', ['ix_support_tickets_tenant_client', 'ix_support_tickets_tenant_activity']),
    ):
        if indexes:
            with op.batch_alter_table(table, schema=None) as batch_op:
                for index in indexes:
                    batch_op.drop_index(index)
        op.drop_table(table)
