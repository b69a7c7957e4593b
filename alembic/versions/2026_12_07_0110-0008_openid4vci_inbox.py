"""openid4vci inbox: credentials the learner collected from a credential issuer wait in the inbox too

`inbox_items` gets `source` (`push` for every existing row: an institution pushed it; `openid4vci` for a credential
collected with an OpenID4VCI offer), `issuer` and `issuer_name` (the Credential Issuer Identifier and its display
name, for collected items), and `institution_id` becomes nullable: a collected item has no institution. A check
constraint keeps every item naming where it came from. Downgrading deletes the collected items (an older schema
cannot hold an item without an institution); their wallet credentials, once accepted, stay.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 01:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SOURCE_NAMED = "(source = 'push' AND institution_id IS NOT NULL) OR (source = 'openid4vci' AND issuer IS NOT NULL)"


def upgrade() -> None:
    with op.batch_alter_table('inbox_items', schema=None) as batch_op:
        # Every existing row was pushed by an institution; the default fills them in, then goes (the model has none).
        batch_op.add_column(sa.Column('source', sa.String(length=16), nullable=False, server_default='push'))
        batch_op.add_column(sa.Column('issuer', sa.String(length=2048), nullable=True))
        batch_op.add_column(sa.Column('issuer_name', sa.String(length=200), nullable=True))
        batch_op.alter_column('institution_id', existing_type=sa.Uuid(), nullable=True)

    with op.batch_alter_table('inbox_items', schema=None) as batch_op:
        batch_op.alter_column('source', existing_type=sa.String(length=16), server_default=None)
        batch_op.create_check_constraint(op.f('ck_inbox_items_source_named'), SOURCE_NAMED)


def downgrade() -> None:
    op.execute("DELETE FROM inbox_items WHERE institution_id IS NULL")
    with op.batch_alter_table('inbox_items', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_inbox_items_source_named'), type_='check')
        batch_op.alter_column('institution_id', existing_type=sa.Uuid(), nullable=False)
        batch_op.drop_column('issuer_name')
        batch_op.drop_column('issuer')
        batch_op.drop_column('source')
