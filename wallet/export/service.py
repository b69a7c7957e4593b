"""Gathering a wallet into an export, and restoring an export into an empty wallet.

What an import trusts: nothing it can check. The manifest's hashes are checked for every file (`archive.read`);
each original's SHA-256 and size against its record; each credential is read and summarised again from its original
bytes (the archive's summaries are ignored); evidence files are sniffed again. Shares come back as history only:
each gets a fresh random token digest nobody holds, and is revoked at import if it was not already, so no share
link becomes valid again through an import. Ids are new on this service; the archive's ids only link its records.
"""

from __future__ import annotations

import contextlib
import uuid
from dataclasses import dataclass, field
from typing import Any, TypeVar

import anyio.to_thread
import structlog
from pydantic import BaseModel, TypeAdapter, ValidationError
from sqlalchemy import exists, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from core import jsonstrict
from core.accounts.models import RecognitionBody, User
from core.clock import utcnow
from core.ids import new_secret_token, token_digest
from wallet.consents.models import Consent, ConsentKind, CounterpartyType
from wallet.errors import DuplicateCredential
from wallet.export import archive, container
from wallet.export.archive import ExportFile, json_bytes
from wallet.export.errors import ArchiveInvalid, ArchiveTampered, PassphraseRequired, WalletNotEmpty
from wallet.export.records import (
    AccessLogRecord,
    AccountRecord,
    CredentialRecord,
    EndorsementRecord,
    EvidenceRecord,
    LearningEntryRecord,
    ShareItemRecord,
    ShareRecord,
)
from wallet.export.schema import Manifest, schema_bytes
from wallet.learning.evidence import check_evidence
from wallet.learning.models import (
    Endorsement,
    EndorsementRequest,
    LearningEntry,
    LearningEvidence,
    LearningEvidenceContent,
)
from wallet.models import Credential, CredentialDocument
from wallet.repository import CredentialRepository
from wallet.service import import_credential
from wallet.sharing.models import Share, ShareEvent, ShareItem
from wallet.transaction_log import LogFilter, export_log

log = structlog.get_logger("passerelle.export")

JSON = "application/json"
FILES = ("account.json", "credentials.json", "shares.json", "access_log.json", "learning.json")
RecordT = TypeVar("RecordT", bound=BaseModel)
IMPORTED_NOTICE_VERSION = "imported-from-export"
"""The notice version of consents rebuilt from an imported share: the notice was the exporting service's."""


@dataclass(frozen=True)
class Export:
    content: bytes
    encrypted: bool
    counts: dict[str, int]


# -- export ------------------------------------------------------------------------------------------------------


def _dump(records: list[Any]) -> bytes:
    return json_bytes([record.model_dump(mode="json") for record in records])


async def _gather(session: AsyncSession, owner_id: uuid.UUID) -> tuple[list[ExportFile], dict[str, int]]:
    user = await session.get(User, owner_id)
    files: list[ExportFile] = []
    if user is not None:
        account = AccountRecord(display_name=user.display_name, email=user.email, created_at=user.created_at)
        files.append(ExportFile("account.json", json_bytes(account.model_dump(mode="json")), JSON))

    rows = await session.execute(
        select(Credential, CredentialDocument.content)  # type: ignore[call-overload]
        .join(CredentialDocument, col(CredentialDocument.credential_id) == col(Credential.id))
        .where(col(Credential.owner_id) == owner_id)
        .order_by(col(Credential.id))
    )
    credentials: list[CredentialRecord] = []
    originals: list[ExportFile] = []
    for credential, content in rows.all():
        path = f"originals/{credential.id}"
        originals.append(ExportFile(path, content, credential.media_type))
        credentials.append(
            CredentialRecord.model_validate(
                {**credential.model_dump(exclude={"owner_id", "version"}), "original": path}
            )
        )

    shares = list(
        (await session.execute(select(Share).where(col(Share.owner_id) == owner_id).order_by(col(Share.id)))).scalars()
    )
    share_ids = [share.id for share in shares]
    items: dict[uuid.UUID, list[ShareItemRecord]] = {share_id: [] for share_id in share_ids}
    events: list[AccessLogRecord] = []
    if share_ids:
        for item in (
            await session.execute(
                select(ShareItem).where(col(ShareItem.share_id).in_(share_ids)).order_by(col(ShareItem.position))
            )
        ).scalars():
            items[item.share_id].append(ShareItemRecord.model_validate(item.model_dump(include=_ITEM_FIELDS)))
        events = [
            AccessLogRecord.model_validate(event.model_dump())
            for event in (
                await session.execute(
                    select(ShareEvent).where(col(ShareEvent.share_id).in_(share_ids)).order_by(col(ShareEvent.id))
                )
            ).scalars()
        ]
    # Never the token digest, never the presentation (the released values: the originals are in the archive).
    share_records = [
        ShareRecord.model_validate(
            {
                **share.model_dump(exclude={"owner_id", "token_digest", "version", "consent_id"}),
                "items": items[share.id],
            }
        )
        for share in shares
    ]

    entries, evidence_files = await _gather_learning(session, owner_id)
    # Consent records and the transaction log: for the learner to read (an import rebuilds both from the shares it
    # restores, so version 1 archives without them import as before).
    consent_rows = (
        await session.execute(select(Consent).where(col(Consent.learner_id) == owner_id).order_by(col(Consent.id)))
    ).scalars()
    files += [
        ExportFile(
            "consents.json",
            json_bytes([row.model_dump(mode="json", exclude={"learner_id"}) for row in consent_rows]),
            JSON,
        ),
        ExportFile("transaction_log.json", _dump(await export_log(session, owner_id, LogFilter())), JSON),
    ]
    files += [
        ExportFile("credentials.json", _dump(credentials), JSON),
        ExportFile("shares.json", _dump(share_records), JSON),
        ExportFile("access_log.json", _dump(events), JSON),
        ExportFile("learning.json", _dump(entries), JSON),
        ExportFile(archive.MANIFEST_SCHEMA, schema_bytes(), "application/schema+json"),
        *originals,
        *evidence_files,
    ]
    counts = {
        "credentials": len(credentials),
        "shares": len(share_records),
        "share_items": sum(len(record.items) for record in share_records),
        "access_log": len(events),
        "learning_entries": len(entries),
        "evidence": sum(len(entry.evidence) for entry in entries),
        "endorsements": sum(len(entry.endorsements) for entry in entries),
    }
    return files, counts


_ITEM_FIELDS = {"credential_id", "position", "fields", "disclosures"}
_ENDORSEMENT_FIELDS = set(EndorsementRecord.model_fields)


async def _gather_learning(
    session: AsyncSession, owner_id: uuid.UUID
) -> tuple[list[LearningEntryRecord], list[ExportFile]]:
    entries = list(
        (
            await session.execute(
                select(LearningEntry).where(col(LearningEntry.owner_id) == owner_id).order_by(col(LearningEntry.id))
            )
        ).scalars()
    )
    evidence: dict[uuid.UUID, list[EvidenceRecord]] = {entry.id: [] for entry in entries}
    endorsements: dict[uuid.UUID, list[EndorsementRecord]] = {entry.id: [] for entry in entries}
    files: list[ExportFile] = []
    rows = await session.execute(
        select(LearningEvidence, LearningEvidenceContent.content)  # type: ignore[call-overload]
        .join(LearningEvidenceContent, col(LearningEvidenceContent.evidence_id) == col(LearningEvidence.id))
        .where(col(LearningEvidence.owner_id) == owner_id)
        .order_by(col(LearningEvidence.id))
    )
    for row, content in rows.all():
        path = f"evidence/{row.id}"
        files.append(ExportFile(path, content, row.media_type))
        record = EvidenceRecord.model_validate({**row.model_dump(exclude={"entry_id", "owner_id"}), "file": path})
        evidence[row.entry_id].append(record)
    if entries:
        for endorsement in (
            await session.execute(
                select(Endorsement)
                .where(col(Endorsement.entry_id).in_(list(evidence)))
                .order_by(col(Endorsement.endorsed_at))
            )
        ).scalars():
            endorsements[endorsement.entry_id].append(
                EndorsementRecord.model_validate(endorsement.model_dump(include=_ENDORSEMENT_FIELDS))
            )
    records = [
        LearningEntryRecord.model_validate(
            {
                **entry.model_dump(exclude={"owner_id"}),
                "evidence": evidence[entry.id],
                "endorsements": endorsements[entry.id],
            }
        )
        for entry in entries
    ]
    return records, files


async def export_wallet(
    session: AsyncSession, owner_id: uuid.UUID, *, source: str, passphrase: str | None = None
) -> Export:
    """The learner's whole wallet as a ZIP (encrypted when a passphrase is given)."""
    files, counts = await _gather(session, owner_id)
    content = await anyio.to_thread.run_sync(
        lambda: archive.build(files, exported_at=utcnow(), counts=counts, source=source)
    )
    if passphrase:
        content = await anyio.to_thread.run_sync(container.encrypt, content, passphrase)
    log.info("wallet_exported", encrypted=bool(passphrase), size_bytes=len(content), **counts)
    return Export(content, bool(passphrase), counts)


# -- import ------------------------------------------------------------------------------------------------------


@dataclass
class ImportReport:
    counts: dict[str, int] = field(default_factory=dict)


def _records(files: dict[str, bytes], name: str, model: type[RecordT]) -> list[RecordT]:
    try:
        return TypeAdapter(list[model]).validate_python(jsonstrict.loads(files[name]))  # type: ignore[valid-type]
    except ValidationError as exc:
        raise ArchiveInvalid(f"{name} does not hold valid records: {exc.errors()[0]['msg'][:200]}") from exc


def _unpack(data: bytes, passphrase: str | None) -> tuple[Manifest, dict[str, bytes]]:
    if container.is_encrypted(data):
        if not passphrase:
            raise PassphraseRequired()
        data = container.decrypt(data, passphrase)
    return archive.read(data)


async def _wallet_is_empty(session: AsyncSession, owner_id: uuid.UUID) -> bool:
    held = select(
        exists().where(col(Credential.owner_id) == owner_id)
        | exists().where(col(Share.owner_id) == owner_id)
        | exists().where(col(LearningEntry.owner_id) == owner_id)
    )
    return not (await session.execute(held)).scalar()


async def import_wallet(
    session: AsyncSession, owner_id: uuid.UUID, data: bytes, *, passphrase: str | None = None
) -> ImportReport:
    """Restore an export into the learner's empty wallet; any check failing stores nothing (the caller rolls back)."""
    if not await _wallet_is_empty(session, owner_id):
        raise WalletNotEmpty()
    manifest, files = await anyio.to_thread.run_sync(_unpack, data, passphrase)
    for name in FILES[1:]:
        if name not in files:
            raise ArchiveInvalid(f"The archive has no {name}.")
    credentials = _records(files, "credentials.json", CredentialRecord)
    shares = _records(files, "shares.json", ShareRecord)
    events = _records(files, "access_log.json", AccessLogRecord)
    entries = _records(files, "learning.json", LearningEntryRecord)
    found = {
        "credentials": len(credentials),
        "shares": len(shares),
        "share_items": sum(len(share.items) for share in shares),
        "access_log": len(events),
        "learning_entries": len(entries),
        "evidence": sum(len(entry.evidence) for entry in entries),
        "endorsements": sum(len(entry.endorsements) for entry in entries),
    }
    if manifest.counts.model_dump() != found:
        raise ArchiveTampered("The records do not match the manifest's counts.")

    credential_ids = await _restore_credentials(session, owner_id, credentials, files)
    await _restore_shares(session, owner_id, shares, events, credential_ids)
    await _restore_learning(session, owner_id, entries, files)
    await session.flush()
    log.info("wallet_imported", **found)
    return ImportReport(found)


def _original(record: CredentialRecord, files: dict[str, bytes]) -> bytes:
    content = files.get(record.original)
    if content is None or len(content) != record.size_bytes:
        raise ArchiveTampered(f"The original of credential {record.id} is missing or has another size.")
    return content


async def _restore_credentials(
    session: AsyncSession, owner_id: uuid.UUID, records: list[CredentialRecord], files: dict[str, bytes]
) -> dict[uuid.UUID, uuid.UUID]:
    """Each original imported again (read and summarised afresh); bundles bring their parts back themselves."""
    in_archive = {record.id for record in records}
    repository = CredentialRepository(session)
    for record in records:
        content = _original(record, files)
        if record.parent_id is not None and record.parent_id in in_archive:
            continue  # a part: its bundle or transcript stores it again
        with contextlib.suppress(DuplicateCredential):  # already stored as a part of a bundle imported before it
            await import_credential(session, owner_id=owner_id, content=content, media_type=record.media_type)
    mapping: dict[uuid.UUID, uuid.UUID] = {}
    for record in records:
        stored_id = await repository.id_by_digest(owner_id, record.sha256)
        if stored_id is None:
            raise ArchiveTampered(f"Credential {record.id}'s original does not have the SHA-256 its record names.")
        mapping[record.id] = stored_id
        await session.execute(
            update(Credential)
            .where(col(Credential.id) == stored_id, col(Credential.owner_id) == owner_id)
            .values(
                label=record.label,
                tags=sorted(set(record.tags)),
                created_at=record.created_at,
                updated_at=record.updated_at,
            )
        )
    return mapping


async def _restore_shares(
    session: AsyncSession,
    owner_id: uuid.UUID,
    shares: list[ShareRecord],
    events: list[AccessLogRecord],
    credential_ids: dict[uuid.UUID, uuid.UUID],
) -> None:
    """Shares as history: a token digest nobody holds, revoked now unless revoked before."""
    named_bodies = {share.recipient_body_id for share in shares} | {event.viewer_body_id for event in events}
    named_bodies.discard(None)
    known_bodies: set[uuid.UUID | None] = set()
    if named_bodies:
        known = select(col(RecognitionBody.id)).where(col(RecognitionBody.id).in_(list(named_bodies)))
        known_bodies = set((await session.execute(known)).scalars())
    now = utcnow()
    mapping: dict[uuid.UUID, uuid.UUID] = {}
    for record in shares:
        # Each share comes back with a consent record rebuilt from it (given when the share was made, withdrawn when
        # it was revoked — or now, as the import revokes it).
        consent = Consent(
            learner_id=owner_id,
            kind=ConsentKind.SHARE.value,
            purpose=record.purpose,
            counterparty_type=(
                CounterpartyType.RECOGNITION_BODY
                if record.recipient_body_id is not None
                else CounterpartyType.EMAIL_RECIPIENT
                if record.recipient_email is not None
                else CounterpartyType.ANYONE_WITH_LINK
            ).value,
            counterparty_id=str(record.recipient_body_id) if record.recipient_body_id else record.recipient_email,
            counterparty_name=record.recipient_email
            or ("A recognition body" if record.recipient_body_id else "Anyone with the link"),
            attributes=sorted({name for item in record.items for name in item.fields}),
            notice_version=IMPORTED_NOTICE_VERSION,
            granted_at=record.created_at,
            expires_at=record.expires_at,
            actor_id=owner_id,
            withdrawn_at=record.revoked_at or now,
            withdrawn_by=owner_id,
        )
        session.add(consent)
        await session.flush()  # the share points at it
        share = Share(
            owner_id=owner_id,
            consent_id=consent.id,
            token_digest=token_digest(new_secret_token()),  # the token is thrown away: no link to this share exists
            purpose=record.purpose,
            recipient_email=record.recipient_email,
            recipient_body_id=record.recipient_body_id if record.recipient_body_id in known_bodies else None,
            expires_at=record.expires_at,
            max_views=record.max_views,
            views=record.views,
            notify_first_reveal=False,
            include_skills_profile=record.include_skills_profile,
            revoked_at=record.revoked_at or now,
            first_revealed_at=record.first_revealed_at,
            created_at=record.created_at,
            updated_at=now,
        )
        session.add(share)
        mapping[record.id] = share.id
        for item in record.items:
            credential_id = credential_ids.get(item.credential_id)
            if credential_id is None:
                raise ArchiveTampered(f"Share {record.id} names a credential the archive does not hold.")
            session.add(
                ShareItem(
                    share_id=share.id,
                    credential_id=credential_id,
                    position=item.position,
                    fields=item.fields,
                    disclosures=[],  # released disclosures belong to a presentation; a revoked share keeps none
                    presentation=None,
                )
            )
    await session.flush()
    for event in events:
        share_id = mapping.get(event.share_id)
        if share_id is None:
            raise ArchiveTampered(f"Access-log entry {event.id} names a share the archive does not hold.")
        session.add(
            ShareEvent(
                share_id=share_id,
                event=event.event,
                fields=event.fields,
                viewer_class=event.viewer_class,
                viewer_body_id=event.viewer_body_id if event.viewer_body_id in known_bodies else None,
                automated=event.automated,
                network=event.network,
                at=event.at,
                count=event.count,
            )
        )


def _evidence_content(record: EvidenceRecord, files: dict[str, bytes]) -> bytes:
    content = files.get(record.file)
    if content is None or len(content) != record.size_bytes:
        raise ArchiveTampered(f"Evidence file {record.id} is missing or has another size.")
    return content


async def _restore_learning(
    session: AsyncSession, owner_id: uuid.UUID, entries: list[LearningEntryRecord], files: dict[str, bytes]
) -> None:
    for record in entries:
        entry = LearningEntry(
            owner_id=owner_id,
            **record.model_dump(exclude={"id", "evidence", "endorsements"}),
        )
        session.add(entry)
        await session.flush()
        for evidence in record.evidence:
            content = _evidence_content(evidence, files)
            media_type = check_evidence(content, evidence.media_type)  # the content's own type, sniffed again
            row = LearningEvidence(
                entry_id=entry.id,
                owner_id=owner_id,
                filename=evidence.filename[:200],
                media_type=media_type,
                size_bytes=len(content),
                sha256=evidence.sha256,
                created_at=evidence.created_at,
            )
            session.add(row)
            await session.flush()
            session.add(LearningEvidenceContent(evidence_id=row.id, content=content))
        for endorsement in record.endorsements:
            # The request behind it is recreated as used, with a token digest nobody holds.
            request = EndorsementRequest(
                entry_id=entry.id,
                owner_id=owner_id,
                token_digest=token_digest(new_secret_token()),
                endorser_name=endorsement.endorser_name[:200],
                endorser_organisation=endorsement.endorser_organisation,
                expires_at=endorsement.endorsed_at,
                used_at=endorsement.endorsed_at,
                created_at=endorsement.endorsed_at,
            )
            session.add(request)
            await session.flush()
            session.add(Endorsement(entry_id=entry.id, request_id=request.id, **endorsement.model_dump()))
    await session.flush()
