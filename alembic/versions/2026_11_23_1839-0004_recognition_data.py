"""recognition data

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 18:39:17.201553
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('recognition_changes',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('actor_id', sa.Uuid(), nullable=True),
    sa.Column('actor_role', sa.String(length=16), nullable=False),
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('entity_id', sa.Uuid(), nullable=False),
    sa.Column('entity_key', sa.String(length=200), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('old_values', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('new_values', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recognition_changes'))
    )
    with op.batch_alter_table('recognition_changes', schema=None) as batch_op:
        batch_op.create_index('ix_recognition_changes_entity_entity_id', ['entity', 'entity_id'], unique=False)

    op.create_table('recognition_credit_rules',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('system', sa.String(length=40), nullable=False),
    sa.Column('scope', sa.String(length=64), nullable=False),
    sa.Column('institution_id', sa.Uuid(), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('aliases', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('from_units', sa.Float(), nullable=False),
    sa.Column('ects', sa.Float(), nullable=False),
    sa.Column('hours_per_unit', sa.Float(), nullable=True),
    sa.Column('basis', sa.String(length=24), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('source_url', sa.Text(), nullable=True),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('seed_hash', sa.String(length=64), nullable=True),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recognition_credit_rules')),
    sa.UniqueConstraint('system', 'scope', name=op.f('uq_recognition_credit_rules_system_scope'))
    )
    with op.batch_alter_table('recognition_credit_rules', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recognition_credit_rules_institution_id'), ['institution_id'], unique=False)

    op.create_table('recognition_frameworks',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('jurisdictions', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('name_original', sa.String(length=300), nullable=False),
    sa.Column('name_english', sa.String(length=300), nullable=False),
    sa.Column('language', sa.String(length=16), nullable=False),
    sa.Column('legacy', sa.Boolean(), nullable=False),
    sa.Column('eqf_referencing', sa.Text(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('source_url', sa.Text(), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('seed_hash', sa.String(length=64), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recognition_frameworks')),
    sa.UniqueConstraint('key', name=op.f('uq_recognition_frameworks_key'))
    )
    op.create_table('recognition_grading_tables',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('institution_id', sa.Uuid(), nullable=False),
    sa.Column('institution_name', sa.String(length=200), nullable=False),
    sa.Column('scale', sa.String(length=100), nullable=False),
    sa.Column('isced_f', sa.String(length=4), nullable=False),
    sa.Column('cycle', sa.String(length=16), nullable=False),
    sa.Column('years', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('grades', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('source_note', sa.Text(), nullable=True),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recognition_grading_tables'))
    )
    with op.batch_alter_table('recognition_grading_tables', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recognition_grading_tables_institution_id'), ['institution_id'], unique=False)
        batch_op.create_index('ix_recognition_grading_tables_reference_group', ['isced_f', 'cycle'], unique=False)

    op.create_table('recognition_levels',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('framework_id', sa.Uuid(), nullable=False),
    sa.Column('label', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('aliases', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('eqf_levels', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('decided_by', sa.Text(), nullable=True),
    sa.Column('qf_ehea_cycle', sa.String(length=16), nullable=True),
    sa.Column('typical_ects', sa.String(length=100), nullable=True),
    sa.Column('descriptors', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('examples', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('source_url', sa.Text(), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('seed_hash', sa.String(length=64), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['framework_id'], ['recognition_frameworks.id'], name=op.f('fk_recognition_levels_framework_id_recognition_frameworks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recognition_levels')),
    sa.UniqueConstraint('framework_id', 'label', name=op.f('uq_recognition_levels_framework_id_label'))
    )
    with op.batch_alter_table('recognition_levels', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recognition_levels_framework_id'), ['framework_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('recognition_levels', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recognition_levels_framework_id'))

    op.drop_table('recognition_levels')
    with op.batch_alter_table('recognition_grading_tables', schema=None) as batch_op:
        batch_op.drop_index('ix_recognition_grading_tables_reference_group')
        batch_op.drop_index(batch_op.f('ix_recognition_grading_tables_institution_id'))

    op.drop_table('recognition_grading_tables')
    op.drop_table('recognition_frameworks')
    with op.batch_alter_table('recognition_credit_rules', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recognition_credit_rules_institution_id'))

    op.drop_table('recognition_credit_rules')
    with op.batch_alter_table('recognition_changes', schema=None) as batch_op:
        batch_op.drop_index('ix_recognition_changes_entity_entity_id')

    op.drop_table('recognition_changes')
