"""self-recorded learning: entries, evidence files, endorsement requests and endorsements, case attachments

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 04:15:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0015'
down_revision: str | None = '0014'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('learning_entries',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('owner_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('organisation', sa.String(length=300), nullable=True),
    sa.Column('place', sa.String(length=300), nullable=True),
    sa.Column('hours', sa.Float(), nullable=True),
    sa.Column('learning_outcomes', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_learning_entries_owner_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_learning_entries'))
    )
    with op.batch_alter_table('learning_entries', schema=None) as batch_op:
        batch_op.create_index('ix_learning_entries_owner_id_id', ['owner_id', 'id'], unique=False)

    op.create_table('case_learning_entries',
    sa.Column('case_id', sa.Uuid(), nullable=False),
    sa.Column('entry_id', sa.Uuid(), nullable=False),
    sa.Column('added_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['recognition_cases.id'], name=op.f('fk_case_learning_entries_case_id_recognition_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['entry_id'], ['learning_entries.id'], name=op.f('fk_case_learning_entries_entry_id_learning_entries'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('case_id', 'entry_id', name=op.f('pk_case_learning_entries'))
    )
    with op.batch_alter_table('case_learning_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_learning_entries_entry_id'), ['entry_id'], unique=False)

    op.create_table('learning_endorsement_requests',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('entry_id', sa.Uuid(), nullable=False),
    sa.Column('owner_id', sa.Uuid(), nullable=False),
    sa.Column('token_digest', sa.String(length=64), nullable=False),
    sa.Column('endorser_name', sa.String(length=200), nullable=False),
    sa.Column('endorser_email', sa.String(length=320), nullable=True),
    sa.Column('endorser_organisation', sa.String(length=300), nullable=True),
    sa.Column('message', sa.Text(), nullable=True),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('withdrawn_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['entry_id'], ['learning_entries.id'], name=op.f('fk_learning_endorsement_requests_entry_id_learning_entries'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_learning_endorsement_requests_owner_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_learning_endorsement_requests')),
    sa.UniqueConstraint('token_digest', name=op.f('uq_learning_endorsement_requests_token_digest'))
    )
    with op.batch_alter_table('learning_endorsement_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_learning_endorsement_requests_entry_id'), ['entry_id'], unique=False)

    op.create_table('learning_evidence',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('entry_id', sa.Uuid(), nullable=False),
    sa.Column('owner_id', sa.Uuid(), nullable=False),
    sa.Column('filename', sa.String(length=200), nullable=False),
    sa.Column('media_type', sa.String(length=32), nullable=False),
    sa.Column('size_bytes', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['entry_id'], ['learning_entries.id'], name=op.f('fk_learning_evidence_entry_id_learning_entries'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_learning_evidence_owner_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_learning_evidence'))
    )
    with op.batch_alter_table('learning_evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_learning_evidence_entry_id'), ['entry_id'], unique=False)

    op.create_table('learning_endorsements',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('entry_id', sa.Uuid(), nullable=False),
    sa.Column('request_id', sa.Uuid(), nullable=False),
    sa.Column('endorser_name', sa.String(length=200), nullable=False),
    sa.Column('endorser_role', sa.String(length=200), nullable=False),
    sa.Column('endorser_organisation', sa.String(length=300), nullable=True),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('entry_version', sa.Integer(), nullable=False),
    sa.Column('jws', sa.Text(), nullable=False),
    sa.Column('endorsed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['entry_id'], ['learning_entries.id'], name=op.f('fk_learning_endorsements_entry_id_learning_entries'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['request_id'], ['learning_endorsement_requests.id'], name=op.f('fk_learning_endorsements_request_id_learning_endorsement_requests'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_learning_endorsements')),
    sa.UniqueConstraint('request_id', name=op.f('uq_learning_endorsements_request_id'))
    )
    with op.batch_alter_table('learning_endorsements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_learning_endorsements_entry_id'), ['entry_id'], unique=False)

    op.create_table('learning_evidence_content',
    sa.Column('evidence_id', sa.Uuid(), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['evidence_id'], ['learning_evidence.id'], name=op.f('fk_learning_evidence_content_evidence_id_learning_evidence'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('evidence_id', name=op.f('pk_learning_evidence_content'))
    )


def downgrade() -> None:
    op.drop_table('learning_evidence_content')
    with op.batch_alter_table('learning_endorsements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_learning_endorsements_entry_id'))

    op.drop_table('learning_endorsements')
    with op.batch_alter_table('learning_evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_learning_evidence_entry_id'))

    op.drop_table('learning_evidence')
    with op.batch_alter_table('learning_endorsement_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_learning_endorsement_requests_entry_id'))

    op.drop_table('learning_endorsement_requests')
    with op.batch_alter_table('case_learning_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_learning_entries_entry_id'))

    op.drop_table('case_learning_entries')
    with op.batch_alter_table('learning_entries', schema=None) as batch_op:
        batch_op.drop_index('ix_learning_entries_owner_id_id')

    op.drop_table('learning_entries')
