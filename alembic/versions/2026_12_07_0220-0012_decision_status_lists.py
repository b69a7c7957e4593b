"""decision status lists: a status list belongs to an institution or to a recognition body; decisions get an index

`status_list_entries` records every index in use, whoever took it (filled from `issued_credentials`); a decision
replaced on appeal is revoked at its index. Downgrading drops the bodies' lists.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 02:20:38
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('status_list_entries',
    sa.Column('status_list_id', sa.Uuid(), nullable=False),
    sa.Column('status_index', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['status_list_id'], ['issuer_status_lists.id'], name=op.f('fk_status_list_entries_status_list_id_issuer_status_lists'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('status_list_id', 'status_index', name=op.f('pk_status_list_entries'))
    )
    op.execute(
        "INSERT INTO status_list_entries (status_list_id, status_index) "
        "SELECT status_list_id, status_index FROM issued_credentials"
    )
    with op.batch_alter_table('case_decisions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status_list_id', sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column('status_index', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_case_decisions_status_list_id_issuer_status_lists'), 'issuer_status_lists', ['status_list_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('issuer_status_lists', schema=None) as batch_op:
        batch_op.add_column(sa.Column('body_id', sa.Uuid(), nullable=True))
        batch_op.alter_column('institution_id',
               existing_type=sa.Uuid(),
               nullable=True)
        batch_op.create_index('ix_issuer_status_lists_body_id', ['body_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_issuer_status_lists_body_id_recognition_bodies'), 'recognition_bodies', ['body_id'], ['id'], ondelete='CASCADE')
        batch_op.create_check_constraint('one_owner', '(institution_id IS NULL) <> (body_id IS NULL)')



def downgrade() -> None:
    with op.batch_alter_table('case_decisions', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_case_decisions_status_list_id_issuer_status_lists'), type_='foreignkey')
        batch_op.drop_column('status_index')
        batch_op.drop_column('status_list_id')

    op.execute("DELETE FROM issuer_status_lists WHERE body_id IS NOT NULL")
    with op.batch_alter_table('issuer_status_lists', schema=None) as batch_op:
        batch_op.drop_constraint('one_owner', type_='check')
        batch_op.drop_constraint(batch_op.f('fk_issuer_status_lists_body_id_recognition_bodies'), type_='foreignkey')
        batch_op.drop_index('ix_issuer_status_lists_body_id')
        batch_op.alter_column('institution_id',
               existing_type=sa.Uuid(),
               nullable=False)
        batch_op.drop_column('body_id')

    op.drop_table('status_list_entries')
