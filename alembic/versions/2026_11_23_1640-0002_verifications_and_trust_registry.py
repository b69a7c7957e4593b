"""verifications and trust registry

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 16:40:42.306746
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('trust_entries',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('issuer_id', sa.String(length=500), nullable=True),
    sa.Column('certificate_pem', sa.Text(), nullable=True),
    sa.Column('keys', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('accreditation', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_trust_entries_created_by_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trust_entries'))
    )
    with op.batch_alter_table('trust_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_trust_entries_issuer_id'), ['issuer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_trust_entries_kind'), ['kind'], unique=False)

    op.create_table('credential_verifications',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('credential_id', sa.Uuid(), nullable=False),
    sa.Column('owner_id', sa.Uuid(), nullable=False),
    sa.Column('result', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('receipt', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['credential_id'], ['credentials.id'], name=op.f('fk_credential_verifications_credential_id_credentials'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_credential_verifications_owner_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_credential_verifications'))
    )
    with op.batch_alter_table('credential_verifications', schema=None) as batch_op:
        batch_op.create_index('ix_credential_verifications_credential_id_id', ['credential_id', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_credential_verifications_owner_id'), ['owner_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('credential_verifications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_credential_verifications_owner_id'))
        batch_op.drop_index('ix_credential_verifications_credential_id_id')

    op.drop_table('credential_verifications')
    with op.batch_alter_table('trust_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_trust_entries_kind'))
        batch_op.drop_index(batch_op.f('ix_trust_entries_issuer_id'))

    op.drop_table('trust_entries')
