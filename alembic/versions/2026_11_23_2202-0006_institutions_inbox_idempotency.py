"""institutions, the learners' inbox, invitations, the change feed, idempotency records

Every institution client existing before this revision gets an institution of its own, with the client's id and
name: tokens name the institution as subject from now on, and the credit rules and grading tables institutions
kept under their client's id stay theirs.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 22:02:19.055931
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('idempotency_records',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('principal_id', sa.Uuid(), nullable=False),
    sa.Column('key', sa.String(length=255), nullable=False),
    sa.Column('request_digest', sa.String(length=64), nullable=False),
    sa.Column('status_code', sa.Integer(), nullable=True),
    sa.Column('response_body', sa.LargeBinary(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_idempotency_records')),
    sa.UniqueConstraint('principal_id', 'key', name=op.f('uq_idempotency_records_principal_id_key'))
    )
    op.create_table('institutions',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('erasmus_code', sa.String(length=32), nullable=True),
    sa.Column('schac_code', sa.String(length=255), nullable=True),
    sa.Column('pic', sa.String(length=16), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_institutions'))
    )
    op.create_table('institution_events',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('institution_id', sa.Uuid(), nullable=False),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('item_id', sa.Uuid(), nullable=True),
    sa.Column('data', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['institution_id'], ['institutions.id'], name=op.f('fk_institution_events_institution_id_institutions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_institution_events'))
    )
    with op.batch_alter_table('institution_events', schema=None) as batch_op:
        batch_op.create_index('ix_institution_events_institution_id_id', ['institution_id', 'id'], unique=False)

    op.create_table('inbox_invitations',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('institution_id', sa.Uuid(), nullable=False),
    sa.Column('email', sa.String(length=320), nullable=False),
    sa.Column('token_digest', sa.String(length=64), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('claimed_by', sa.Uuid(), nullable=True),
    sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['claimed_by'], ['users.id'], name=op.f('fk_inbox_invitations_claimed_by_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['institution_id'], ['institutions.id'], name=op.f('fk_inbox_invitations_institution_id_institutions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inbox_invitations')),
    sa.UniqueConstraint('token_digest', name=op.f('uq_inbox_invitations_token_digest'))
    )
    with op.batch_alter_table('inbox_invitations', schema=None) as batch_op:
        batch_op.create_index('ix_inbox_invitations_institution_email', ['institution_id', 'email'], unique=False)

    op.create_table('inbox_items',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('institution_id', sa.Uuid(), nullable=False),
    sa.Column('recipient_id', sa.Uuid(), nullable=True),
    sa.Column('invitation_id', sa.Uuid(), nullable=True),
    sa.Column('external_id', sa.String(length=200), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=False),
    sa.Column('format', sa.String(length=32), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=True),
    sa.Column('summary', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('credential_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['credential_id'], ['credentials.id'], name=op.f('fk_inbox_items_credential_id_credentials'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['institution_id'], ['institutions.id'], name=op.f('fk_inbox_items_institution_id_institutions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['invitation_id'], ['inbox_invitations.id'], name=op.f('fk_inbox_items_invitation_id_inbox_invitations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recipient_id'], ['users.id'], name=op.f('fk_inbox_items_recipient_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inbox_items')),
    sa.UniqueConstraint('institution_id', 'sha256', name=op.f('uq_inbox_items_institution_id_sha256'))
    )
    with op.batch_alter_table('inbox_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inbox_items_invitation_id'), ['invitation_id'], unique=False)
        batch_op.create_index('ix_inbox_items_recipient_id_id', ['recipient_id', 'id'], unique=False)

    with op.batch_alter_table('oauth_clients', schema=None) as batch_op:
        batch_op.add_column(sa.Column('institution_id', sa.Uuid(), nullable=True))
        batch_op.create_index(batch_op.f('ix_oauth_clients_institution_id'), ['institution_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_oauth_clients_institution_id_institutions'), 'institutions', ['institution_id'], ['id'], ondelete='CASCADE')
    op.execute(
        "INSERT INTO institutions (id, name, country, kind, created_at) "
        "SELECT id, name, NULL, 'other', created_at FROM oauth_clients WHERE role = 'institution'"
    )
    op.execute("UPDATE oauth_clients SET institution_id = id WHERE role = 'institution'")



def downgrade() -> None:
    with op.batch_alter_table('oauth_clients', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_oauth_clients_institution_id_institutions'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_oauth_clients_institution_id'))
        batch_op.drop_column('institution_id')

    with op.batch_alter_table('inbox_items', schema=None) as batch_op:
        batch_op.drop_index('ix_inbox_items_recipient_id_id')
        batch_op.drop_index(batch_op.f('ix_inbox_items_invitation_id'))

    op.drop_table('inbox_items')
    with op.batch_alter_table('inbox_invitations', schema=None) as batch_op:
        batch_op.drop_index('ix_inbox_invitations_institution_email')

    op.drop_table('inbox_invitations')
    with op.batch_alter_table('institution_events', schema=None) as batch_op:
        batch_op.drop_index('ix_institution_events_institution_id_id')

    op.drop_table('institution_events')
    op.drop_table('institutions')
    op.drop_table('idempotency_records')
