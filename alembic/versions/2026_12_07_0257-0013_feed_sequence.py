"""feed sequence: each institution's change-feed events numbered in commit order

Existing events are numbered per institution in id order (their order so far), and `institutions.event_seq` set to
the last number; `GET /v1/institutions/events` pages by this number from now on (cursors stay event ids).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 02:57:15
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0013'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('institutions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('event_seq', sa.BigInteger(), server_default='0', nullable=False))
    with op.batch_alter_table('institution_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('seq', sa.BigInteger(), nullable=True))
    # Ids are UUIDv7: ordering by id is the order events were numbered in until now (both databases compare them
    # as the same bytes: PostgreSQL's uuid, SQLite's 32 lower-case hex digits).
    op.execute(
        "UPDATE institution_events SET seq = (SELECT COUNT(*) FROM institution_events AS earlier "
        "WHERE earlier.institution_id = institution_events.institution_id AND earlier.id <= institution_events.id)"
    )
    op.execute(
        "UPDATE institutions SET event_seq = COALESCE((SELECT MAX(seq) FROM institution_events "
        "WHERE institution_events.institution_id = institutions.id), 0)"
    )
    with op.batch_alter_table('institution_events', schema=None) as batch_op:
        batch_op.alter_column('seq', existing_type=sa.BigInteger(), nullable=False)
        batch_op.create_unique_constraint(batch_op.f('uq_institution_events_institution_id_seq'), ['institution_id', 'seq'])


def downgrade() -> None:
    with op.batch_alter_table('institutions', schema=None) as batch_op:
        batch_op.drop_column('event_seq')

    with op.batch_alter_table('institution_events', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_institution_events_institution_id_seq'), type_='unique')
        batch_op.drop_column('seq')
