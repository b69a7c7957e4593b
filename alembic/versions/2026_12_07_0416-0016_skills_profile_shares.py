"""skills profile shares: a share can include a skills profile built from what it releases

`shares.include_skills_profile` (false for every existing share): when true, the viewer also sees a skills profile
computed from the learning outcomes the share releases, and from nothing else in the learner's wallet.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07 04:16:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0016'
down_revision: str | None = '0015'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('shares', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('include_skills_profile', sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table('shares', schema=None) as batch_op:
        batch_op.drop_column('include_skills_profile')
