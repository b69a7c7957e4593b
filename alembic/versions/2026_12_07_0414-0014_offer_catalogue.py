"""offer catalogue: institutions' offers with their Annex I data, searchable in full text

`offers` holds each offer (its Annex I elements in `details`, the columns search filters on copied out of them) and
the text it is found by, in a search form (`search_title`, `search_text`). Full-text search is built per database,
outside the models (alembic/env.py leaves these objects out of autogenerate's compare):

- SQLite: `offers_fts`, an external-content FTS5 table over the two search columns (row id = `offers.seq`), and
  three triggers that keep it in step with every insert, update and delete (cascades from `institutions` included).
  A later batch migration that rebuilds `offers` drops the triggers with the old table: it must create them again
  (and `INSERT INTO offers_fts(offers_fts) VALUES ('rebuild')`).
- PostgreSQL: the generated columns `title_vector` and `document_vector` (`to_tsvector('simple', …)`: no stemming,
  no stop words, offers are in every language), each with a GIN index.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 04:14:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0014'
down_revision: str | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_SEARCH = (
    "CREATE VIRTUAL TABLE offers_fts USING fts5(search_title, search_text, content='offers', content_rowid='seq', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER offers_fts_after_insert AFTER INSERT ON offers BEGIN "
    "INSERT INTO offers_fts(rowid, search_title, search_text) VALUES (new.seq, new.search_title, new.search_text); "
    "END",
    "CREATE TRIGGER offers_fts_after_delete AFTER DELETE ON offers BEGIN "
    "INSERT INTO offers_fts(offers_fts, rowid, search_title, search_text) "
    "VALUES ('delete', old.seq, old.search_title, old.search_text); "
    "END",
    "CREATE TRIGGER offers_fts_after_update AFTER UPDATE OF search_title, search_text ON offers BEGIN "
    "INSERT INTO offers_fts(offers_fts, rowid, search_title, search_text) "
    "VALUES ('delete', old.seq, old.search_title, old.search_text); "
    "INSERT INTO offers_fts(rowid, search_title, search_text) VALUES (new.seq, new.search_title, new.search_text); "
    "END",
)
POSTGRESQL_SEARCH = (
    "ALTER TABLE offers ADD COLUMN title_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_title)) STORED",
    "ALTER TABLE offers ADD COLUMN document_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_title || ' ' || search_text)) STORED",
    "CREATE INDEX ix_offers_title_vector ON offers USING gin (title_vector)",
    "CREATE INDEX ix_offers_document_vector ON offers USING gin (document_vector)",
)


def upgrade() -> None:
    op.create_table('offers',
    sa.Column('seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('institution_id', sa.Uuid(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('details', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('achievement_id', sa.Uuid(), nullable=True),
    sa.Column('eqf_level', sa.Integer(), nullable=True),
    sa.Column('field_of_study', sa.String(length=4), nullable=True),
    sa.Column('field_broad', sa.String(length=2), nullable=True),
    sa.Column('field_narrow', sa.String(length=3), nullable=True),
    sa.Column('provider_kind', sa.String(length=32), nullable=False),
    sa.Column('participation', sa.String(length=16), nullable=True),
    sa.Column('ects_equivalent', sa.Float(), nullable=True),
    sa.Column('ects_basis', sa.String(length=32), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('language_codes', sa.String(length=400), nullable=False),
    sa.Column('free_of_charge', sa.Boolean(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('search_title', sa.Text(), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['achievement_id'], ['achievement_definitions.id'], name=op.f('fk_offers_achievement_id_achievement_definitions'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['institution_id'], ['institutions.id'], name=op.f('fk_offers_institution_id_institutions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_offers')),
    sa.UniqueConstraint('id', name=op.f('uq_offers_id')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('offers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_offers_achievement_id'), ['achievement_id'], unique=False)
        batch_op.create_index('ix_offers_country_seq', ['country', 'seq'], unique=False)
        batch_op.create_index('ix_offers_eqf_level_seq', ['eqf_level', 'seq'], unique=False)
        batch_op.create_index('ix_offers_field_broad_seq', ['field_broad', 'seq'], unique=False)
        batch_op.create_index('ix_offers_field_narrow_seq', ['field_narrow', 'seq'], unique=False)
        batch_op.create_index('ix_offers_field_of_study_seq', ['field_of_study', 'seq'], unique=False)
        batch_op.create_index('ix_offers_institution_id_seq', ['institution_id', 'seq'], unique=False)
        batch_op.create_index('ix_offers_provider_kind_seq', ['provider_kind', 'seq'], unique=False)

    dialect = op.get_bind().dialect.name
    for statement in SQLITE_SEARCH if dialect == 'sqlite' else POSTGRESQL_SEARCH:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        for trigger in ('offers_fts_after_insert', 'offers_fts_after_delete', 'offers_fts_after_update'):
            op.execute(f'DROP TRIGGER IF EXISTS {trigger}')
        op.execute('DROP TABLE IF EXISTS offers_fts')
    else:
        op.execute('DROP INDEX IF EXISTS ix_offers_document_vector')
        op.execute('DROP INDEX IF EXISTS ix_offers_title_vector')
    with op.batch_alter_table('offers', schema=None) as batch_op:
        batch_op.drop_index('ix_offers_provider_kind_seq')
        batch_op.drop_index('ix_offers_institution_id_seq')
        batch_op.drop_index('ix_offers_field_of_study_seq')
        batch_op.drop_index('ix_offers_field_narrow_seq')
        batch_op.drop_index('ix_offers_field_broad_seq')
        batch_op.drop_index('ix_offers_eqf_level_seq')
        batch_op.drop_index('ix_offers_country_seq')
        batch_op.drop_index(batch_op.f('ix_offers_achievement_id'))

    op.drop_table('offers')
