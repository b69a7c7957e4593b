"""erasure tombstones: keyed hashes of erased learners' ids and e-mail addresses

`erasure_tombstones` holds HMAC-SHA256 digests only (`core.accounts.tombstones`); an institution's push to an
erased learner is answered `learner_erased` and creates nothing.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07 04:17:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0017'
down_revision: str | None = '0016'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'erasure_tombstones',
        sa.Column('digest', sa.String(length=64), nullable=False),
        sa.Column('kind', sa.String(length=8), nullable=False),
        sa.Column('erased_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('digest', name=op.f('pk_erasure_tombstones')),
    )


def downgrade() -> None:
    op.drop_table('erasure_tombstones')
