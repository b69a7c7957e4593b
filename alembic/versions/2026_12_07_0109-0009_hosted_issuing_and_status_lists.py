"""hosted issuing: achievement definitions, issued credentials, status lists, OpenID4VCI offers and nonces

`issuer_status_lists` keeps each list's bits (revocation, suspension, 2-bit token statuses) and its three published
documents as signed; `issued_credentials` takes one index per credential, unique per list. `credential_offers`
keeps only digests of the pre-authorized code, transaction code and access token; `oid4vci_nonces` are single-use.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 01:09:05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('oid4vci_nonces',
    sa.Column('nonce', sa.String(length=64), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('nonce', name=op.f('pk_oid4vci_nonces'))
    )
    with op.batch_alter_table('oid4vci_nonces', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_oid4vci_nonces_expires_at'), ['expires_at'], unique=False)

    op.create_table('achievement_definitions',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('institution_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('details', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('archived_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['institution_id'], ['institutions.id'], name=op.f('fk_achievement_definitions_institution_id_institutions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_achievement_definitions'))
    )
    with op.batch_alter_table('achievement_definitions', schema=None) as batch_op:
        batch_op.create_index('ix_achievement_definitions_institution_id_id', ['institution_id', 'id'], unique=False)

    op.create_table('issuer_status_lists',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('institution_id', sa.Uuid(), nullable=False),
    sa.Column('entries', sa.Integer(), nullable=False),
    sa.Column('used', sa.Integer(), nullable=False),
    sa.Column('revocation', sa.LargeBinary(), nullable=False),
    sa.Column('suspension', sa.LargeBinary(), nullable=False),
    sa.Column('token_statuses', sa.LargeBinary(), nullable=False),
    sa.Column('revocation_document', sa.Text(), nullable=False),
    sa.Column('suspension_document', sa.Text(), nullable=False),
    sa.Column('token_document', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['institution_id'], ['institutions.id'], name=op.f('fk_issuer_status_lists_institution_id_institutions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issuer_status_lists'))
    )
    with op.batch_alter_table('issuer_status_lists', schema=None) as batch_op:
        batch_op.create_index('ix_issuer_status_lists_institution_id', ['institution_id'], unique=False)

    op.create_table('issued_credentials',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('institution_id', sa.Uuid(), nullable=False),
    sa.Column('achievement_id', sa.Uuid(), nullable=False),
    sa.Column('external_id', sa.String(length=200), nullable=True),
    sa.Column('recipient', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('status_list_id', sa.Uuid(), nullable=False),
    sa.Column('status_index', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('state_reason', sa.Text(), nullable=True),
    sa.Column('formats', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('delivery', sa.String(length=16), nullable=False),
    sa.Column('inbox_item_ids', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('valid_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('state_changed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['achievement_id'], ['achievement_definitions.id'], name=op.f('fk_issued_credentials_achievement_id_achievement_definitions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['institution_id'], ['institutions.id'], name=op.f('fk_issued_credentials_institution_id_institutions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['status_list_id'], ['issuer_status_lists.id'], name=op.f('fk_issued_credentials_status_list_id_issuer_status_lists'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issued_credentials')),
    sa.UniqueConstraint('status_list_id', 'status_index', name=op.f('uq_issued_credentials_status_list_id_status_index'))
    )
    with op.batch_alter_table('issued_credentials', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_issued_credentials_achievement_id'), ['achievement_id'], unique=False)
        batch_op.create_index('ix_issued_credentials_institution_id_id', ['institution_id', 'id'], unique=False)

    op.create_table('credential_offers',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('institution_id', sa.Uuid(), nullable=False),
    sa.Column('issued_id', sa.Uuid(), nullable=False),
    sa.Column('code_digest', sa.String(length=64), nullable=False),
    sa.Column('tx_code_digest', sa.String(length=64), nullable=True),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.Column('token_digest', sa.String(length=64), nullable=True),
    sa.Column('token_expires_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('collected', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('redeemed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['institution_id'], ['institutions.id'], name=op.f('fk_credential_offers_institution_id_institutions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['issued_id'], ['issued_credentials.id'], name=op.f('fk_credential_offers_issued_id_issued_credentials'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_credential_offers')),
    sa.UniqueConstraint('code_digest', name=op.f('uq_credential_offers_code_digest')),
    sa.UniqueConstraint('token_digest', name=op.f('uq_credential_offers_token_digest'))
    )
    with op.batch_alter_table('credential_offers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_credential_offers_issued_id'), ['issued_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('credential_offers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_credential_offers_issued_id'))

    op.drop_table('credential_offers')
    with op.batch_alter_table('issued_credentials', schema=None) as batch_op:
        batch_op.drop_index('ix_issued_credentials_institution_id_id')
        batch_op.drop_index(batch_op.f('ix_issued_credentials_achievement_id'))

    op.drop_table('issued_credentials')
    with op.batch_alter_table('issuer_status_lists', schema=None) as batch_op:
        batch_op.drop_index('ix_issuer_status_lists_institution_id')

    op.drop_table('issuer_status_lists')
    with op.batch_alter_table('achievement_definitions', schema=None) as batch_op:
        batch_op.drop_index('ix_achievement_definitions_institution_id_id')

    op.drop_table('achievement_definitions')
    with op.batch_alter_table('oid4vci_nonces', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_oid4vci_nonces_expires_at'))

    op.drop_table('oid4vci_nonces')
