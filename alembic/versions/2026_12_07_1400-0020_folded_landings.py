"""share_events.count: identical landings of one second recorded as one entry

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07 14:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0020'
down_revision: str | None = '0019'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Every entry written so far stands for one access.
    with op.batch_alter_table('share_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('count', sa.Integer(), server_default='1', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('share_events', schema=None) as batch_op:
        batch_op.drop_column('count')
