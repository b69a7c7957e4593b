"""The outbox: messages written in the same transaction as the change that causes them, sent afterwards.

A row is acknowledged work: it is only deleted of its content once delivered. `deliver_mail()` sends pending
e-mail through the SMTP server from settings, retrying with exponential backoff (1 min, 2 min, … capped at one
hour, at most `MAX_ATTEMPTS`); a delivered message keeps its envelope (recipient, subject, time) but its body,
which may hold a one-time code, is erased. `OutboxDispatcher` runs the delivery loop inside the service.
"""

from __future__ import annotations

import email.policy
import smtplib
import ssl
import uuid
from datetime import datetime, timedelta
from email.message import EmailMessage

import anyio.to_thread
import structlog
from sqlalchemy import Column, Text, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import Field, SQLModel, col

from core.background import RoundLoop
from core.clock import utcnow
from core.database import UTCDateTime
from core.ids import new_id
from core.settings import Settings

log = structlog.get_logger("passerelle.outbox")

MAX_ATTEMPTS = 12
BATCH = 50
SUBJECT_MAX = 200
MAIL_POLICY = email.policy.default.clone(cte_type="7bit")
"""A translated body is sent quoted-printable or base64, never as raw 8-bit: `smtplib` does not announce 8-bit
data (RFC 6152 `BODY=8BITMIME`), and a server that does not offer it may refuse or mangle it."""


class OutboxMail(SQLModel, table=True):
    __tablename__ = "outbox_mail"

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    recipient: str = Field(max_length=320)
    subject: str = Field(max_length=SUBJECT_MAX)
    body: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    language: str | None = Field(default=None, max_length=35)
    """The language subject and body are written in (a BCP 47 tag), sent as `Content-Language` (RFC 3282) so that
    mail clients and screen readers read the text in it; None for mail queued before it was recorded."""
    attempts: int = 0
    next_attempt_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    failed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_error: str | None = Field(default=None, max_length=500)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


def mail_text(*paragraphs: str) -> str:
    """A plain-text mail body: the paragraphs with a blank line between them, ending with a newline."""
    return "\n\n".join(paragraphs) + "\n"


async def enqueue_mail(session: AsyncSession, *, recipient: str, subject: str, body: str, language: str) -> OutboxMail:
    """Queue an e-mail written in `language`; it is sent only if the caller's transaction commits."""
    message = mail_message(recipient=recipient, subject=subject, body=body, language=language)
    session.add(message)
    await session.flush()
    return message


def mail_message(*, recipient: str, subject: str, body: str, language: str) -> OutboxMail:
    """An e-mail to queue (`enqueue_mail`, or `Session.add` in a synchronous transaction)."""
    if len(subject) > SUBJECT_MAX:  # a long name in a subject (a body's, an institution's) must not fail the request
        subject = subject[: SUBJECT_MAX - 1] + "…"
    return OutboxMail(recipient=recipient, subject=subject, body=body, language=language)


def _send(settings: Settings, recipient: str, subject: str, body: str, language: str | None) -> None:
    assert settings.smtp_host is not None
    message = EmailMessage(policy=MAIL_POLICY)
    message["From"] = settings.mail_from
    message["To"] = recipient
    message["Subject"] = subject
    message.set_content(body)
    if language:  # after set_content, which replaces every Content-* header
        message["Content-Language"] = language
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=10) as smtp:
        if settings.smtp_starttls and smtp.has_extn("starttls"):
            smtp.starttls(context=ssl.create_default_context())
        if settings.smtp_username and settings.smtp_password:
            smtp.login(settings.smtp_username, settings.smtp_password)
        smtp.send_message(message)


def _backoff(attempts: int) -> timedelta:
    return timedelta(minutes=min(60, 2 ** max(0, attempts - 1)))


async def deliver_mail(sessions: async_sessionmaker[AsyncSession], settings: Settings) -> int:
    """Send the e-mail that is due; answers how many were delivered."""
    if settings.smtp_host is None:
        return 0
    now = utcnow()
    async with sessions() as session, session.begin():
        statement = (
            select(OutboxMail)
            .where(
                col(OutboxMail.sent_at).is_(None),
                col(OutboxMail.failed_at).is_(None),
                col(OutboxMail.next_attempt_at) <= now,
            )
            .order_by(col(OutboxMail.next_attempt_at))
            .limit(BATCH)
        )
        if session.get_bind().dialect.name == "postgresql":
            statement = statement.with_for_update(skip_locked=True)
        due = list((await session.execute(statement)).scalars())
        delivered = 0
        for message in due:
            try:
                await anyio.to_thread.run_sync(
                    _send, settings, message.recipient, message.subject, message.body or "", message.language
                )
            except (OSError, smtplib.SMTPException) as exc:
                message.attempts += 1
                message.last_error = f"{type(exc).__name__}: {exc}"[:500]
                if message.attempts >= MAX_ATTEMPTS:
                    message.failed_at = now
                message.next_attempt_at = now + _backoff(message.attempts)
                log.warning("mail_delivery_failed", mail_id=str(message.id), attempts=message.attempts)
            else:
                message.sent_at = utcnow()
                message.body = None  # it may hold a one-time code: keep only the envelope
                delivered += 1
                log.info("mail_delivered", mail_id=str(message.id))
    return delivered


class OutboxDispatcher(RoundLoop):
    """Delivers due mail every `interval` seconds, and at once when `wake()` is called after a commit."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], settings: Settings, interval: float = 5.0) -> None:
        async def run_round() -> bool:
            await deliver_mail(sessions, settings)
            return False

        super().__init__("outbox-dispatcher", run_round, interval)
        self.settings = settings

    def start(self) -> None:
        if self.settings.smtp_host is None:
            log.warning("smtp_not_configured", detail="e-mail waits in the outbox until PASSERELLE_SMTP_HOST is set")
            return
        super().start()
