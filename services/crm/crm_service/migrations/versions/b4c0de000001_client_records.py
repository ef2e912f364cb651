"""client records: kinds, contacts, tasks, change history

Revision ID: b4c0de000001
Revises: d55e2597fd09
Create Date: 2026-11-23 15:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import uuid6
from alembic import op

revision: str = 'b4c0de000001'
down_revision: str | None = 'd55e2597fd09'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ALERTS = ('alert_email_collections', 'alert_email_renewals', 'alert_sms_collections', 'alert_sms_renewals')


def _client_columns() -> None:
    with op.batch_alter_table('clients', schema=None) as batch_op:
        batch_op.add_column(sa.Column('trade_name', sa.String(length=250), server_default='', nullable=False))
        batch_op.add_column(sa.Column('salesperson_id', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('salesperson_name', sa.String(length=200), server_default='', nullable=False))
        for name in _ALERTS:
            batch_op.add_column(sa.Column(name, sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))


def _client_parts() -> None:
    op.create_table('client_phones',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('tenant_id', sa.String(length=36), nullable=False),
    sa.Column('client_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=20), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_client_phones_client_id_clients'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_client_phones'))
    )
    op.create_index('ix_client_phones_client_id', 'client_phones', ['client_id'], unique=False)
    op.create_table('client_addresses',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('tenant_id', sa.String(length=36), nullable=False),
    sa.Column('client_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('street', sa.String(length=200), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('floor_door', sa.String(length=40), nullable=False),
    sa.Column('postal_code', sa.String(length=12), nullable=False),
    sa.Column('city', sa.String(length=120), nullable=False),
    sa.Column('province', sa.String(length=120), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('is_main', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_client_addresses_client_id_clients'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_client_addresses'))
    )
    op.create_index('ix_client_addresses_client_id', 'client_addresses', ['client_id'], unique=False)
    op.create_table('client_categories',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('tenant_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('name_key', sa.String(length=60), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_client_categories')),
    sa.UniqueConstraint('tenant_id', 'name_key', name='uq_client_categories_tenant_name')
    )
    op.create_table('client_category_links',
    sa.Column('client_id', sa.String(length=36), nullable=False),
    sa.Column('category_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['client_categories.id'],
                            name=op.f('fk_client_category_links_category_id_client_categories'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_client_category_links_client_id_clients'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('client_id', 'category_id', name=op.f('pk_client_category_links'))
    )
    op.create_index('ix_client_category_links_category_id', 'client_category_links', ['category_id'], unique=False)
    op.create_table('consortium_members',
    sa.Column('consortium_id', sa.String(length=36), nullable=False),
    sa.Column('member_id', sa.String(length=36), nullable=False),
    sa.Column('tenant_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('share_hundredths', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['consortium_id'], ['clients.id'],
                            name=op.f('fk_consortium_members_consortium_id_clients'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['clients.id'], name=op.f('fk_consortium_members_member_id_clients')),
    sa.PrimaryKeyConstraint('consortium_id', 'member_id', name=op.f('pk_consortium_members'))
    )
    op.create_index('ix_consortium_members_member_id', 'consortium_members', ['member_id'], unique=False)


def _contacts_tasks_history() -> None:
    op.create_table('client_contacts',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('tenant_id', sa.String(length=36), nullable=False),
    sa.Column('client_id', sa.String(length=36), nullable=False),
    sa.Column('role', sa.String(length=30), nullable=False),
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('last_name', sa.String(length=150), nullable=False),
    sa.Column('phones', sa.JSON(), nullable=False),
    sa.Column('emails', sa.JSON(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('search_text', sa.String(length=1000), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_client_contacts_client_id_clients'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_client_contacts'))
    )
    op.create_index('ix_client_contacts_tenant_client', 'client_contacts', ['tenant_id', 'client_id', 'id'],
                    unique=False)
    op.create_table('client_tasks',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('tenant_id', sa.String(length=36), nullable=False),
    sa.Column('client_id', sa.String(length=36), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('assignee_id', sa.String(length=36), nullable=False),
    sa.Column('assignee_name', sa.String(length=200), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created_by_id', sa.String(length=80), nullable=False),
    sa.Column('created_by_name', sa.String(length=200), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_client_tasks_client_id_clients'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_client_tasks'))
    )
    op.create_index('ix_client_tasks_tenant_assignee_due', 'client_tasks', ['tenant_id', 'assignee_id', 'due_on', 'id'],
                    unique=False)
    op.create_index('ix_client_tasks_tenant_client_due', 'client_tasks', ['tenant_id', 'client_id', 'due_on', 'id'],
                    unique=False)
    op.create_table('task_comments',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('tenant_id', sa.String(length=36), nullable=False),
    sa.Column('task_id', sa.String(length=36), nullable=False),
    sa.Column('author_id', sa.String(length=80), nullable=False),
    sa.Column('author_name', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['task_id'], ['client_tasks.id'], name=op.f('fk_task_comments_task_id_client_tasks'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_task_comments'))
    )
    op.create_index('ix_task_comments_task_id', 'task_comments', ['task_id', 'id'], unique=False)
    op.create_table('change_records',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('tenant_id', sa.String(length=36), nullable=False),
    sa.Column('client_id', sa.String(length=36), nullable=False),
    sa.Column('entity', sa.String(length=30), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('entity_label', sa.String(length=250), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.Column('actor_id', sa.String(length=80), nullable=False),
    sa.Column('actor_name', sa.String(length=200), nullable=False),
    sa.Column('actor_kind', sa.String(length=20), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_change_records'))
    )
    op.create_index('ix_change_records_tenant_client_id', 'change_records', ['tenant_id', 'client_id', 'id'],
                    unique=False)


def _copy_phones() -> None:
    """A client's one phone of before becomes the first of its phones (a mobile)."""
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, tenant_id, phone FROM clients WHERE phone <> ''")).all()
    phones = sa.table('client_phones', sa.column('id'), sa.column('tenant_id'), sa.column('client_id'),
                      sa.column('position'), sa.column('label'), sa.column('number'))
    if rows:
        op.bulk_insert(phones, [{'id': str(uuid6.uuid7()), 'tenant_id': tenant_id, 'client_id': client_id,
                                 'position': 0, 'label': 'mobile', 'number': phone}
                                for client_id, tenant_id, phone in rows])


def upgrade() -> None:
    _client_columns()
    _client_parts()
    _contacts_tasks_history()
    _copy_phones()


def downgrade() -> None:
    for index, table in (('ix_change_records_tenant_client_id', 'change_records'),
                         ('ix_task_comments_task_id', 'task_comments'),
                         ('ix_client_tasks_tenant_client_due', 'client_tasks'),
                         ('ix_client_tasks_tenant_assignee_due', 'client_tasks'),
                         ('ix_client_contacts_tenant_client', 'client_contacts'),
                         ('ix_consortium_members_member_id', 'consortium_members'),
                         ('ix_client_category_links_category_id', 'client_category_links'),
                         ('ix_client_addresses_client_id', 'client_addresses'),
                         ('ix_client_phones_client_id', 'client_phones')):
        op.drop_index(index, table_name=table)
    for table in ('change_records', 'task_comments', 'client_tasks', 'client_contacts', 'consortium_members',
                  'client_category_links', 'client_categories', 'client_addresses', 'client_phones'):
        op.drop_table(table)
    with op.batch_alter_table('clients', schema=None) as batch_op:
        for name in ('version', *reversed(_ALERTS), 'salesperson_name', 'salesperson_id', 'trade_name'):
            batch_op.drop_column(name)
