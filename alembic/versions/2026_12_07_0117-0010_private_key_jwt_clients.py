"""private_key_jwt clients: each client's authentication method and public keys, and used assertion ids

Existing clients keep authenticating with their secret (`auth_method` `client_secret`).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 01:17:49
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('client_assertion_uses',
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('digest', name=op.f('pk_client_assertion_uses'))
    )
    with op.batch_alter_table('client_assertion_uses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_client_assertion_uses_expires_at'), ['expires_at'], unique=False)

    with op.batch_alter_table('oauth_clients', schema=None) as batch_op:
        batch_op.add_column(sa.Column('auth_method', sa.String(length=32), nullable=False, server_default='client_secret'))
        batch_op.add_column(sa.Column('jwks', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('jwks_uri', sa.String(length=500), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('oauth_clients', schema=None) as batch_op:
        batch_op.drop_column('jwks_uri')
        batch_op.drop_column('jwks')
        batch_op.drop_column('auth_method')

    with op.batch_alter_table('client_assertion_uses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_client_assertion_uses_expires_at'))

    op.drop_table('client_assertion_uses')
