"""issuer key URLs: the trust registry names where an issuer that signs itself publishes its keys

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 02:09:50
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('trust_entries', schema=None) as batch_op:
        batch_op.add_column(sa.Column('jwks_uri', sa.String(length=500), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('trust_entries', schema=None) as batch_op:
        batch_op.drop_column('jwks_uri')
