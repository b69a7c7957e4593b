"""linked credentials

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 18:25:54.410634
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('credentials', schema=None) as batch_op:
        batch_op.add_column(sa.Column('parent_id', sa.Uuid(), nullable=True))
        batch_op.create_index(batch_op.f('ix_credentials_parent_id'), ['parent_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_credentials_parent_id_credentials'), 'credentials', ['parent_id'], ['id'], ondelete='CASCADE')


def downgrade() -> None:
    with op.batch_alter_table('credentials', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_credentials_parent_id_credentials'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_credentials_parent_id'))
        batch_op.drop_column('parent_id')
