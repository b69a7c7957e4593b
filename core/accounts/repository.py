"""Every query on account tables."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from core.accounts.models import ExternalIdentity, Institution, OAuthClient, RecognitionBody, RefreshToken, User


class AccountRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def user_by_email(self, email: str) -> User | None:
        result = await self.session.execute(select(User).where(User.email == email))
        return result.scalar_one_or_none()

    async def user_by_id(self, user_id: uuid.UUID) -> User | None:
        return await self.session.get(User, user_id)

    async def language_of(self, *, email: str | None = None, user_id: uuid.UUID | None = None) -> str | None:
        """The language of the account with this e-mail address or id, if there is one."""
        statement = select(col(User.language))
        if email is not None:
            statement = statement.where(col(User.email) == email)
        elif user_id is not None:
            statement = statement.where(col(User.id) == user_id)
        else:
            return None
        return (await self.session.execute(statement)).scalar_one_or_none()

    async def user_by_external_identity(self, issuer: str, subject: str) -> User | None:
        statement = (
            select(User)
            .join(ExternalIdentity, col(ExternalIdentity.user_id) == col(User.id))
            .where(ExternalIdentity.issuer == issuer, ExternalIdentity.subject == subject)
        )
        return (await self.session.execute(statement)).scalar_one_or_none()

    async def email_taken(self, email: str) -> bool:
        return await self.user_by_email(email) is not None

    async def body_by_id(self, body_id: uuid.UUID) -> RecognitionBody | None:
        return await self.session.get(RecognitionBody, body_id)

    async def bodies(self) -> list[RecognitionBody]:
        statement = select(RecognitionBody).order_by(col(RecognitionBody.name), col(RecognitionBody.id))
        return list((await self.session.execute(statement)).scalars())

    async def add(
        self, *objects: User | ExternalIdentity | OAuthClient | RefreshToken | RecognitionBody | Institution
    ) -> None:
        self.session.add_all(objects)
        await self.session.flush()

    async def client_by_client_id(self, client_id: str) -> OAuthClient | None:
        result = await self.session.execute(select(OAuthClient).where(OAuthClient.client_id == client_id))
        return result.scalar_one_or_none()

    async def consume_refresh_token(self, token_hash: str, now: datetime) -> RefreshToken | None:
        """Mark a live refresh token used in one atomic statement; `None` if it is not live."""
        statement = (
            update(RefreshToken)
            .where(
                col(RefreshToken.token_hash) == token_hash,
                col(RefreshToken.used_at).is_(None),
                col(RefreshToken.revoked_at).is_(None),
                col(RefreshToken.expires_at) > now,
            )
            .values(used_at=now)
            .returning(RefreshToken)
        )
        return (await self.session.execute(statement)).scalar_one_or_none()

    async def refresh_token_by_hash(self, token_hash: str) -> RefreshToken | None:
        result = await self.session.execute(select(RefreshToken).where(RefreshToken.token_hash == token_hash))
        return result.scalar_one_or_none()

    async def revoke_refresh_family(self, family_id: uuid.UUID, now: datetime) -> None:
        await self.session.execute(
            update(RefreshToken)
            .where(col(RefreshToken.family_id) == family_id, col(RefreshToken.revoked_at).is_(None))
            .values(revoked_at=now)
        )
