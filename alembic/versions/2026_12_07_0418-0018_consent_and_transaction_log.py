"""consent records: every share, recognition request and inbox acceptance points at the learner's consent

`consents` holds one row per consent (purpose, counterparty, privacy-notice version, time, actor, withdrawal);
`shares.consent_id` and `recognition_cases.consent_id` are NOT NULL foreign keys to it, and an accepted
`inbox_items` row must name one (CHECK `accepted_has_consent`). Shares, requests and accepted items made before this
revision get a consent backfilled from their own rows: granted at their creation (or acceptance) time, withdrawn when
they were revoked or withdrawn, notice version `recorded-at-migration` and `recorded_at_migration` true; each
institution a learner accepted a pushed item from gets an `institution_feed` consent from the first acceptance.
The transaction log (`GET /v1/wallet/log`) is read from these tables and needs none of its own.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07 04:18:00
"""

import os
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from alembic import op

revision: str = '0018'
down_revision: str | None = '0017'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NOTICE = 'recorded-at-migration'
JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')
KINDS = "kind IN ('share', 'recognition_request', 'inbox_acceptance', 'institution_feed')"
COUNTERPARTY_TYPES = (
    "counterparty_type IN ('anyone_with_link', 'email_recipient', 'recognition_body', 'institution', 'issuer')"
)


def _uuid7(at: datetime) -> uuid.UUID:
    """A UUIDv7 from the row's own time, so backfilled consents sort among later ones by when they were given."""
    aware = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    millis = int(aware.timestamp() * 1000) & ((1 << 48) - 1)
    random = int.from_bytes(os.urandom(10), 'big')
    value = (millis << 80) | (0x7 << 76) | ((random >> 62) & 0xFFF) << 64 | (0b10 << 62) | (random & ((1 << 62) - 1))
    return uuid.UUID(int=value)


def _create_table() -> None:
    op.create_table(
        'consents',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('learner_id', sa.Uuid(), nullable=False),
        sa.Column('kind', sa.String(length=32), nullable=False),
        sa.Column('purpose', sa.Text(), nullable=False),
        sa.Column('counterparty_type', sa.String(length=32), nullable=False),
        sa.Column('counterparty_id', sa.String(length=2048), nullable=True),
        sa.Column('counterparty_name', sa.String(length=320), nullable=False),
        sa.Column('attributes', JSON, nullable=False),
        sa.Column('notice_version', sa.String(length=64), nullable=False),
        sa.Column('granted_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('expires_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('actor_id', sa.Uuid(), nullable=False),
        sa.Column('withdrawn_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('withdrawn_by', sa.Uuid(), nullable=True),
        sa.Column('recorded_at_migration', sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.CheckConstraint(KINDS, name=op.f('ck_consents_kind_known')),
        sa.CheckConstraint(COUNTERPARTY_TYPES, name=op.f('ck_consents_counterparty_type_known')),
        sa.CheckConstraint('length(purpose) > 0', name=op.f('ck_consents_purpose_given')),
        sa.CheckConstraint('length(notice_version) > 0', name=op.f('ck_consents_notice_version_given')),
        sa.CheckConstraint('length(counterparty_name) > 0', name=op.f('ck_consents_counterparty_named')),
        sa.CheckConstraint(
            '(withdrawn_at IS NULL AND withdrawn_by IS NULL) OR (withdrawn_at IS NOT NULL AND withdrawn_by IS NOT NULL)',
            name=op.f('ck_consents_withdrawal_complete'),
        ),
        sa.ForeignKeyConstraint(
            ['learner_id'], ['users.id'], name=op.f('fk_consents_learner_id_users'), ondelete='CASCADE'
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_consents')),
    )
    with op.batch_alter_table('consents', schema=None) as batch_op:
        batch_op.create_index('ix_consents_learner_id_counterparty', ['learner_id', 'kind', 'counterparty_id'])
        batch_op.create_index('ix_consents_learner_id_id', ['learner_id', 'id'])


_consents = sa.table(
    'consents',
    sa.column('id', sa.Uuid()),
    sa.column('learner_id', sa.Uuid()),
    sa.column('kind', sa.String()),
    sa.column('purpose', sa.Text()),
    sa.column('counterparty_type', sa.String()),
    sa.column('counterparty_id', sa.String()),
    sa.column('counterparty_name', sa.String()),
    sa.column('attributes', JSON),
    sa.column('notice_version', sa.String()),
    sa.column('granted_at', sa.DateTime(timezone=True)),
    sa.column('expires_at', sa.DateTime(timezone=True)),
    sa.column('actor_id', sa.Uuid()),
    sa.column('withdrawn_at', sa.DateTime(timezone=True)),
    sa.column('withdrawn_by', sa.Uuid()),
    sa.column('recorded_at_migration', sa.Boolean()),
)
_shares = sa.table(
    'shares',
    sa.column('id', sa.Uuid()),
    sa.column('owner_id', sa.Uuid()),
    sa.column('purpose', sa.Text()),
    sa.column('recipient_email', sa.String()),
    sa.column('recipient_body_id', sa.Uuid()),
    sa.column('expires_at', sa.DateTime(timezone=True)),
    sa.column('revoked_at', sa.DateTime(timezone=True)),
    sa.column('created_at', sa.DateTime(timezone=True)),
    sa.column('consent_id', sa.Uuid()),
)
_share_items = sa.table('share_items', sa.column('share_id', sa.Uuid()), sa.column('fields', JSON))
_bodies = sa.table('recognition_bodies', sa.column('id', sa.Uuid()), sa.column('name', sa.String()))
_institutions = sa.table('institutions', sa.column('id', sa.Uuid()), sa.column('name', sa.String()))
_cases = sa.table(
    'recognition_cases',
    sa.column('id', sa.Uuid()),
    sa.column('owner_id', sa.Uuid()),
    sa.column('body_id', sa.Uuid()),
    sa.column('purpose', sa.String()),
    sa.column('withdrawn_at', sa.DateTime(timezone=True)),
    sa.column('created_at', sa.DateTime(timezone=True)),
    sa.column('consent_id', sa.Uuid()),
)
_items = sa.table(
    'inbox_items',
    sa.column('id', sa.Uuid()),
    sa.column('institution_id', sa.Uuid()),
    sa.column('issuer', sa.String()),
    sa.column('issuer_name', sa.String()),
    sa.column('recipient_id', sa.Uuid()),
    sa.column('title', sa.String()),
    sa.column('summary', JSON),
    sa.column('status', sa.String()),
    sa.column('created_at', sa.DateTime(timezone=True)),
    sa.column('decided_at', sa.DateTime(timezone=True)),
    sa.column('consent_id', sa.Uuid()),
)


def _consent(learner: uuid.UUID, kind: str, purpose: str, counterparty: tuple[str, str | None, str], at: datetime,
             **extra: Any) -> dict[str, Any]:
    withdrawn_at = extra.pop('withdrawn_at', None)
    return {
        'id': _uuid7(at),
        'learner_id': learner,
        'kind': kind,
        'purpose': purpose or kind.replace('_', ' '),
        'counterparty_type': counterparty[0],
        'counterparty_id': counterparty[1],
        'counterparty_name': (counterparty[2] or counterparty[0].replace('_', ' '))[:320],
        'attributes': extra.pop('attributes', []),
        'notice_version': NOTICE,
        'granted_at': at,
        'expires_at': extra.pop('expires_at', None),
        'actor_id': learner,
        'withdrawn_at': withdrawn_at,
        'withdrawn_by': learner if withdrawn_at is not None else None,
        'recorded_at_migration': True,
    }


def _backfill() -> None:  # noqa: PLR0912 - one pass per table, kept together
    bind = op.get_bind()
    bodies = {row.id: row.name for row in bind.execute(sa.select(_bodies.c.id, _bodies.c.name))}
    institutions = {row.id: row.name for row in bind.execute(sa.select(_institutions.c.id, _institutions.c.name))}
    fields: dict[uuid.UUID, set[str]] = {}
    for row in bind.execute(sa.select(_share_items.c.share_id, _share_items.c.fields)):
        fields.setdefault(row.share_id, set()).update(row.fields or [])

    consents: list[dict[str, Any]] = []
    links: dict[str, list[dict[str, Any]]] = {'shares': [], 'recognition_cases': [], 'inbox_items': []}
    for share in bind.execute(sa.select(_shares)).all():
        if share.recipient_body_id is not None:
            counterparty = ('recognition_body', str(share.recipient_body_id), bodies.get(share.recipient_body_id, ''))
        elif share.recipient_email is not None:
            counterparty = ('email_recipient', share.recipient_email, share.recipient_email)
        else:
            counterparty = ('anyone_with_link', None, 'Anyone with the link')
        consent = _consent(
            share.owner_id, 'share', share.purpose, counterparty, share.created_at,
            attributes=sorted(fields.get(share.id, ())), expires_at=share.expires_at, withdrawn_at=share.revoked_at,
        )
        consents.append(consent)
        links['shares'].append({'row_id': share.id, 'new_consent': consent['id']})
    for case in bind.execute(sa.select(_cases)).all():
        name = bodies.get(case.body_id, '')
        consent = _consent(
            case.owner_id, 'recognition_request',
            f"Recognition of my qualifications by {name} for {case.purpose.replace('_', ' ')}",
            ('recognition_body', str(case.body_id), name), case.created_at, withdrawn_at=case.withdrawn_at,
        )
        consents.append(consent)
        links['recognition_cases'].append({'row_id': case.id, 'new_consent': consent['id']})
    feeds: dict[tuple[uuid.UUID, uuid.UUID], datetime] = {}
    accepted = sa.select(_items).where(_items.c.status == 'accepted', _items.c.recipient_id.is_not(None))
    for item in bind.execute(accepted).all():
        at = item.decided_at or item.created_at
        if item.institution_id is not None:
            name = institutions.get(item.institution_id, '')
            counterparty = ('institution', str(item.institution_id), name)
            key = (item.recipient_id, item.institution_id)
            feeds[key] = min(feeds.get(key, at), at)
        else:
            counterparty = ('issuer', item.issuer, item.issuer_name or item.issuer or 'Unknown issuer')
        summary = item.summary or {}
        names = sorted(
            name for name, value in summary.items()
            if name not in {'schema_version', 'missing', 'parts', 'disclosable'} and value not in (None, [], {}, '')
        )
        purpose = f'Keep “{item.title}” in my wallet' if item.title else 'Keep a received credential in my wallet'
        consent = _consent(item.recipient_id, 'inbox_acceptance', purpose, counterparty, at, attributes=names)
        consents.append(consent)
        links['inbox_items'].append({'row_id': item.id, 'new_consent': consent['id']})
    for (learner, institution_id), at in feeds.items():
        name = institutions.get(institution_id, '')
        consents.append(
            _consent(learner, 'institution_feed', f'Receive credentials from {name} in my inbox',
                     ('institution', str(institution_id), name), at)
        )
    if consents:
        op.bulk_insert(_consents, consents)
    for table, rows in links.items():
        if rows:
            target = sa.table(table, sa.column('id', sa.Uuid()), sa.column('consent_id', sa.Uuid()))
            bind.execute(
                target.update().where(target.c.id == sa.bindparam('row_id')).values(consent_id=sa.bindparam('new_consent')),
                rows,
            )


def upgrade() -> None:
    _create_table()
    for table in ('shares', 'recognition_cases', 'inbox_items'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('consent_id', sa.Uuid(), nullable=True))
    _backfill()
    for table in ('shares', 'recognition_cases'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column('consent_id', existing_type=sa.Uuid(), nullable=False)
            batch_op.create_index(batch_op.f(f'ix_{table}_consent_id'), ['consent_id'], unique=False)
            batch_op.create_foreign_key(batch_op.f(f'fk_{table}_consent_id_consents'), 'consents', ['consent_id'], ['id'])
    with op.batch_alter_table('inbox_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inbox_items_consent_id'), ['consent_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_inbox_items_consent_id_consents'), 'consents', ['consent_id'], ['id'])
        batch_op.create_check_constraint(
            batch_op.f('ck_inbox_items_accepted_has_consent'), "status <> 'accepted' OR consent_id IS NOT NULL"
        )


def downgrade() -> None:
    with op.batch_alter_table('inbox_items', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_inbox_items_accepted_has_consent'), type_='check')
        batch_op.drop_constraint(batch_op.f('fk_inbox_items_consent_id_consents'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_inbox_items_consent_id'))
        batch_op.drop_column('consent_id')
    for table in ('recognition_cases', 'shares'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(batch_op.f(f'fk_{table}_consent_id_consents'), type_='foreignkey')
            batch_op.drop_index(batch_op.f(f'ix_{table}_consent_id'))
            batch_op.drop_column('consent_id')
    op.drop_table('consents')
