"""recognition cases: target qualifications, requests, decisions, audit trail; body settings

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 21:31:05.465672
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('target_qualifications',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('body_id', sa.Uuid(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('framework', sa.String(length=40), nullable=True),
    sa.Column('level', sa.String(length=20), nullable=True),
    sa.Column('eqf_level', sa.Integer(), nullable=True),
    sa.Column('ects', sa.Float(), nullable=True),
    sa.Column('field_of_study', sa.String(length=4), nullable=True),
    sa.Column('learning_outcomes', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['body_id'], ['recognition_bodies.id'], name=op.f('fk_target_qualifications_body_id_recognition_bodies'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_target_qualifications'))
    )
    with op.batch_alter_table('target_qualifications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_target_qualifications_body_id'), ['body_id'], unique=False)

    op.create_table('recognition_cases',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('owner_id', sa.Uuid(), nullable=False),
    sa.Column('body_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('purpose', sa.String(length=32), nullable=False),
    sa.Column('target_id', sa.Uuid(), nullable=True),
    sa.Column('statement', sa.Text(), nullable=False),
    sa.Column('declared', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('assigned_officer_id', sa.Uuid(), nullable=True),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('interview_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('appeal_deadline', sa.Date(), nullable=True),
    sa.Column('appealed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('withdrawn_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['assigned_officer_id'], ['users.id'], name=op.f('fk_recognition_cases_assigned_officer_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['body_id'], ['recognition_bodies.id'], name=op.f('fk_recognition_cases_body_id_recognition_bodies'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_recognition_cases_owner_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['target_id'], ['target_qualifications.id'], name=op.f('fk_recognition_cases_target_id_target_qualifications'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recognition_cases'))
    )
    with op.batch_alter_table('recognition_cases', schema=None) as batch_op:
        batch_op.create_index('ix_recognition_cases_body_due', ['body_id', 'due_at', 'id'], unique=False)
        batch_op.create_index('ix_recognition_cases_owner_id_id', ['owner_id', 'id'], unique=False)
        batch_op.create_index('ix_recognition_cases_queue', ['body_id', 'status', 'due_at', 'id'], unique=False)

    op.create_table('case_decisions',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('case_id', sa.Uuid(), nullable=False),
    sa.Column('body_id', sa.Uuid(), nullable=False),
    sa.Column('officer_id', sa.Uuid(), nullable=True),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('on_appeal', sa.Boolean(), nullable=False),
    sa.Column('recognised_as', sa.String(length=300), nullable=True),
    sa.Column('recognised_part', sa.Text(), nullable=True),
    sa.Column('ects_recognised', sa.Float(), nullable=True),
    sa.Column('conditions', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('substantial_differences', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('reasons', sa.Text(), nullable=False),
    sa.Column('appeal_route', sa.Text(), nullable=False),
    sa.Column('appeal_deadline', sa.Date(), nullable=False),
    sa.Column('late', sa.Boolean(), nullable=False),
    sa.Column('based_on_incomplete_evidence', sa.Boolean(), nullable=False),
    sa.Column('valid_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('advice', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('issuer_key', sa.String(length=500), nullable=True),
    sa.Column('qualification_key', sa.String(length=300), nullable=True),
    sa.Column('eqf_level', sa.Integer(), nullable=True),
    sa.Column('field_of_study', sa.String(length=4), nullable=True),
    sa.Column('credential_ids', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('superseded_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['body_id'], ['recognition_bodies.id'], name=op.f('fk_case_decisions_body_id_recognition_bodies'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['case_id'], ['recognition_cases.id'], name=op.f('fk_case_decisions_case_id_recognition_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['officer_id'], ['users.id'], name=op.f('fk_case_decisions_officer_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_decisions'))
    )
    with op.batch_alter_table('case_decisions', schema=None) as batch_op:
        batch_op.create_index('ix_case_decisions_case_id', ['case_id'], unique=False)
        batch_op.create_index('ix_case_decisions_precedent_issuer', ['body_id', 'issuer_key', 'qualification_key'], unique=False)
        batch_op.create_index('ix_case_decisions_precedent_level', ['body_id', 'eqf_level', 'field_of_study'], unique=False)

    op.create_table('case_events',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('case_id', sa.Uuid(), nullable=False),
    sa.Column('actor_id', sa.Uuid(), nullable=True),
    sa.Column('actor_role', sa.String(length=16), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('detail', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('internal', sa.Boolean(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['recognition_cases.id'], name=op.f('fk_case_events_case_id_recognition_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_events'))
    )
    with op.batch_alter_table('case_events', schema=None) as batch_op:
        batch_op.create_index('ix_case_events_case_id_id', ['case_id', 'id'], unique=False)

    op.create_table('case_shares',
    sa.Column('case_id', sa.Uuid(), nullable=False),
    sa.Column('share_id', sa.Uuid(), nullable=False),
    sa.Column('added_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['recognition_cases.id'], name=op.f('fk_case_shares_case_id_recognition_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['share_id'], ['shares.id'], name=op.f('fk_case_shares_share_id_shares'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('case_id', 'share_id', name=op.f('pk_case_shares'))
    )
    with op.batch_alter_table('recognition_bodies', schema=None) as batch_op:
        # Bodies registered before this revision get the defaults a new body gets.
        batch_op.add_column(sa.Column('kind', sa.String(length=32), nullable=False, server_default='enic_naric'))
        batch_op.add_column(sa.Column('decision_days', sa.Integer(), nullable=False, server_default='120'))
        batch_op.add_column(sa.Column('appeal_days', sa.Integer(), nullable=False, server_default='30'))
        batch_op.add_column(sa.Column('appeal_route', sa.Text(), nullable=True))
    with op.batch_alter_table('recognition_bodies', schema=None) as batch_op:
        for column in ('kind', 'decision_days', 'appeal_days'):
            batch_op.alter_column(column, server_default=None)
    _append_only_case_events()



def _append_only_case_events() -> None:
    """The audit trail is append-only: the database itself refuses to change a row of `case_events`."""
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(
            "CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN RAISE EXCEPTION 'case_events is append-only'; END $$"
        )
        op.execute(
            'CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events '
            'FOR EACH ROW EXECUTE FUNCTION case_events_append_only()'
        )
    else:
        op.execute(
            'CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events '
            "BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END"
        )


def downgrade() -> None:
    op.execute('DROP TRIGGER IF EXISTS case_events_no_update' + (' ON case_events' if op.get_bind().dialect.name == 'postgresql' else ''))
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('DROP FUNCTION IF EXISTS case_events_append_only()')
    with op.batch_alter_table('recognition_bodies', schema=None) as batch_op:
        batch_op.drop_column('appeal_route')
        batch_op.drop_column('appeal_days')
        batch_op.drop_column('decision_days')
        batch_op.drop_column('kind')

    op.drop_table('case_shares')
    with op.batch_alter_table('case_events', schema=None) as batch_op:
        batch_op.drop_index('ix_case_events_case_id_id')

    op.drop_table('case_events')
    with op.batch_alter_table('case_decisions', schema=None) as batch_op:
        batch_op.drop_index('ix_case_decisions_precedent_level')
        batch_op.drop_index('ix_case_decisions_precedent_issuer')
        batch_op.drop_index('ix_case_decisions_case_id')

    op.drop_table('case_decisions')
    with op.batch_alter_table('recognition_cases', schema=None) as batch_op:
        batch_op.drop_index('ix_recognition_cases_queue')
        batch_op.drop_index('ix_recognition_cases_owner_id_id')
        batch_op.drop_index('ix_recognition_cases_body_due')

    op.drop_table('recognition_cases')
    with op.batch_alter_table('target_qualifications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_target_qualifications_body_id'))

    op.drop_table('target_qualifications')
