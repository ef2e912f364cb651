"""search: policy read model, saved filters, indexes

Revision ID: b4c0de000003
Revises: b4c0de000002
Create Date: 2026-11-23 15:45:00

The list's sort and birthday columns (backfilled here, kept on write by models.py), b-tree
indexes for the filters and sorts, trigram indexes for free text (PostgreSQL only: pg_trgm),
crm's read model of policy lines and the staff's saved filters. Why each index: docs/crm.md,
"Search performance".
"""

import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'b4c0de000003'
down_revision: str | None = 'b4c0de000002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TRGM = (('ix_clients_search_text_trgm', 'clients'), ('ix_client_contacts_search_text_trgm', 'client_contacts'))


def _normalise(value: str) -> str:
    """clientarea_shared.text.normalise_text, frozen here as it was when this ran."""
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


def _backfill() -> None:
    bind = op.get_bind()
    clients = sa.table('clients', sa.column('id', sa.String), sa.column('display_name', sa.String),
                       sa.column('birth_date', sa.Date), sa.column('sort_name', sa.String),
                       sa.column('birthday_key', sa.Integer))
    rows = bind.execute(sa.select(clients.c.id, clients.c.display_name, clients.c.birth_date)).all()
    values = [{'row_id': r.id, 'sort_name': _normalise(r.display_name or '')[:250],
               'birthday_key': r.birth_date.month * 100 + r.birth_date.day if r.birth_date else None} for r in rows]
    if values:
        bind.execute(clients.update().where(clients.c.id == sa.bindparam('row_id'))
                     .values(sort_name=sa.bindparam('sort_name'), birthday_key=sa.bindparam('birthday_key')), values)


def upgrade() -> None:
    with op.batch_alter_table('clients', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sort_name', sa.String(length=250), server_default='', nullable=False))
        batch_op.add_column(sa.Column('birthday_key', sa.Integer(), nullable=True))
    _backfill()
    op.create_index('ix_clients_tenant_sort_name', 'clients', ['tenant_id', 'sort_name', 'id'])
    op.create_index('ix_clients_tenant_created', 'clients', ['tenant_id', 'created_at', 'id'])
    op.create_index('ix_clients_tenant_birthday', 'clients', ['tenant_id', 'birthday_key'])
    op.create_index('ix_clients_tenant_salesperson_birthday', 'clients', ['tenant_id', 'salesperson_id', 'birthday_key'])
    with_portal_user = sa.text('portal_user_id IS NOT NULL')
    op.create_index('ix_clients_tenant_portal_user', 'clients', ['tenant_id', 'portal_user_id'],
                    postgresql_where=with_portal_user, sqlite_where=with_portal_user)
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('CREATE EXTENSION IF NOT EXISTS pg_trgm')
        for name, table in _TRGM:
            op.create_index(name, table, ['search_text'], postgresql_using='gin',
                            postgresql_ops={'search_text': 'gin_trgm_ops'})
    op.create_table('client_policy_lines',
    sa.Column('policy_id', sa.String(length=36), nullable=False),
    sa.Column('tenant_id', sa.String(length=36), nullable=False),
    sa.Column('client_id', sa.String(length=36), nullable=False),
    sa.Column('line', sa.String(length=30), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('saved_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('policy_id', name=op.f('pk_client_policy_lines'))
    )
    op.create_index('ix_client_policy_lines_tenant_line_client', 'client_policy_lines', ['tenant_id', 'line', 'client_id'],
                    postgresql_include=['status', 'ends_on'])
    op.create_table('saved_filters',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('tenant_id', sa.String(length=36), nullable=False),
    sa.Column('owner_id', sa.String(length=80), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('name_key', sa.String(length=80), nullable=False),
    sa.Column('filter', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_saved_filters')),
    sa.UniqueConstraint('tenant_id', 'owner_id', 'name_key', name='uq_saved_filters_owner_name')
    )


def downgrade() -> None:
    op.drop_table('saved_filters')
    op.drop_index('ix_client_policy_lines_tenant_line_client', table_name='client_policy_lines')
    op.drop_table('client_policy_lines')
    if op.get_bind().dialect.name == 'postgresql':
        for name, table in _TRGM:
            op.drop_index(name, table_name=table)
    for name in ('ix_clients_tenant_portal_user', 'ix_clients_tenant_salesperson_birthday', 'ix_clients_tenant_birthday',
                 'ix_clients_tenant_created', 'ix_clients_tenant_sort_name'):
        op.drop_index(name, table_name='clients')
    with op.batch_alter_table('clients', schema=None) as batch_op:
        batch_op.drop_column('birthday_key')
        batch_op.drop_column('sort_name')
