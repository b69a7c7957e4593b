"""Account rules: sign-up, the OAuth2 grants, refresh-token rotation with reuse detection, machine clients."""

from __future__ import annotations

import hmac
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from core import i18n
from core.accounts.models import (
    USER_ROLES,
    ExternalIdentity,
    Institution,
    OAuthClient,
    RecognitionBody,
    RefreshToken,
    Role,
    User,
)
from core.accounts.repository import AccountRepository
from core.accounts.schemas import BodyCreate, InstitutionCreate, SignupRequest
from core.accounts.tokens import FIRST_PARTY_CLIENT, ExternalSubject, Principal, TokenService
from core.clock import utcnow
from core.errors import AuthenticationFailed, Conflict, InvalidGrant, InvalidInput
from core.ids import new_id, new_secret_token, token_digest
from core.passwords import hash_password, verify_password

log = structlog.get_logger("passerelle.security")


class EmailTaken(Conflict):
    code = "email_taken"
    default_detail = "An account with this e-mail address already exists."


class InvalidClient(AuthenticationFailed):
    code = "invalid_client"
    default_detail = "Client authentication failed."


async def mail_language(
    session: AsyncSession,
    recipient: str,
    *,
    sender_id: uuid.UUID | None = None,
    sender_language: str | None = None,
) -> str:
    """The language of an e-mail to `recipient`: the recipient's own (`PATCH /v1/me`) when the address is an
    account's, else the sender's (the account `sender_id`, or `sender_language` as the sender stated it), else
    English (docs/languages.md)."""
    repository = AccountRepository(session)
    language = await repository.language_of(email=recipient)
    if language is None and sender_id is not None:
        language = await repository.language_of(user_id=sender_id)
    if language is None:
        language = sender_language
    return language if language is not None and i18n.is_supported(language) else i18n.DEFAULT_LANGUAGE


@dataclass(frozen=True)
class IssuedTokens:
    access_token: str
    expires_in: int
    refresh_token: str | None


async def create_user(
    session: AsyncSession,
    *,
    email: str,
    password: str | None,
    display_name: str,
    role: Role,
    body_id: uuid.UUID | None = None,
) -> User:
    """Create an account (sign-up for learners; the CLI for officers and admins). Officers act for one body."""
    if role not in USER_ROLES:
        raise InvalidInput(f"Users cannot have the role {role.value}.")
    if (role == Role.OFFICER) != (body_id is not None):
        raise InvalidInput("An officer belongs to exactly one recognition body; other roles to none.", code="body")
    repository = AccountRepository(session)
    if body_id is not None and await repository.body_by_id(body_id) is None:
        raise InvalidInput("No recognition body has this id.", code="unknown_body")
    if await repository.email_taken(email):
        raise EmailTaken()
    user = User(
        email=email,
        password_hash=await hash_password(password) if password is not None else None,
        display_name=display_name,
        role=role,
        body_id=body_id,
    )
    await repository.add(user)
    log.info("user_created", user_id=str(user.id), role=role.value)
    return user


async def create_body(session: AsyncSession, request: BodyCreate) -> RecognitionBody:
    """Register a recognition body: officers belong to it, learners bind shares and address requests to it."""
    body = RecognitionBody(**request.model_dump())
    await AccountRepository(session).add(body)
    log.info("recognition_body_created", body_id=str(body.id))
    return body


async def list_bodies(session: AsyncSession) -> list[RecognitionBody]:
    return await AccountRepository(session).bodies()


async def signup(session: AsyncSession, request: SignupRequest) -> User:
    return await create_user(
        session,
        email=request.email,
        password=request.password,
        display_name=request.display_name,
        role=Role.LEARNER,
    )


async def _issue_refresh_token(
    session: AsyncSession, tokens: TokenService, *, user_id: uuid.UUID, client_id: str, family_id: uuid.UUID
) -> str:
    secret = new_secret_token()
    record = RefreshToken(
        family_id=family_id,
        user_id=user_id,
        token_hash=token_digest(secret),
        client_id=client_id,
        expires_at=utcnow() + timedelta(days=tokens.settings.refresh_token_days),
    )
    await AccountRepository(session).add(record)
    return secret


async def password_grant(
    session: AsyncSession, tokens: TokenService, *, username: str, password: str, client_id: str | None
) -> IssuedTokens:
    """RFC 6749 §4.3: resource owner password credentials."""
    user = await AccountRepository(session).user_by_email(username)
    valid = await verify_password(user.password_hash if user else None, password)
    if user is None or not valid or user.disabled_at is not None:
        log.warning("authn_login_fail", reason="bad_credentials")
        raise InvalidGrant("The e-mail address or the password is wrong.")
    client = client_id or FIRST_PARTY_CLIENT
    log.info("authn_login_success", user_id=str(user.id))
    return IssuedTokens(
        access_token=tokens.issue_access_token(subject=user.id, role=user.role, client_id=client),
        expires_in=tokens.access_lifetime_seconds,
        refresh_token=await _issue_refresh_token(
            session, tokens, user_id=user.id, client_id=client, family_id=new_id()
        ),
    )


async def refresh_grant(session: AsyncSession, tokens: TokenService, *, refresh_token: str) -> IssuedTokens:
    """RFC 6749 §6 with rotation; presenting a used token revokes its whole family (RFC 9700 §4.14.2)."""
    repository = AccountRepository(session)
    digest = token_digest(refresh_token)
    now = utcnow()
    record = await repository.consume_refresh_token(digest, now)
    if record is None:
        known = await repository.refresh_token_by_hash(digest)
        if known is not None and known.used_at is not None and known.revoked_at is None:
            await repository.revoke_refresh_family(known.family_id, now)
            log.warning("authn_token_reuse", user_id=str(known.user_id), family_id=str(known.family_id))
            raise InvalidGrant("This refresh token was already used; its session has been ended.", keeps_changes=True)
        log.warning("authn_token_invalid", reason="refresh_token_unknown_or_expired")
        raise InvalidGrant("The refresh token is invalid, expired or revoked.")
    user = await repository.user_by_id(record.user_id)
    if user is None or user.disabled_at is not None:
        log.warning("authn_token_invalid", reason="account_disabled")
        raise InvalidGrant("The account is disabled.")
    return IssuedTokens(
        access_token=tokens.issue_access_token(subject=user.id, role=user.role, client_id=record.client_id),
        expires_in=tokens.access_lifetime_seconds,
        refresh_token=await _issue_refresh_token(
            session, tokens, user_id=user.id, client_id=record.client_id, family_id=record.family_id
        ),
    )


async def client_credentials_grant(
    session: AsyncSession, tokens: TokenService, *, client_id: str, client_secret: str
) -> IssuedTokens:
    """RFC 6749 §4.4: a machine client authenticates with its id and secret."""
    client = await AccountRepository(session).client_by_client_id(client_id)
    expected = client.secret_hash if client else token_digest("unknown-client")
    matches = hmac.compare_digest(expected, token_digest(client_secret))
    if client is None or not matches or client.disabled_at is not None or client.auth_method != "client_secret":
        log.warning("authn_client_fail", client_id=client_id, method="client_secret", reason="bad_credentials")
        raise InvalidClient()
    return client_tokens(tokens, client)


def client_tokens(tokens: TokenService, client: OAuthClient) -> IssuedTokens:
    """The access token of an authenticated machine client (no refresh token: it authenticates again)."""
    return IssuedTokens(
        # An institution's client acts for the institution: the institution is the token's subject.
        access_token=tokens.issue_access_token(
            subject=client.institution_id or client.id, role=client.role, client_id=client.client_id
        ),
        expires_in=tokens.access_lifetime_seconds,
        refresh_token=None,
    )


async def create_institution(session: AsyncSession, request: InstitutionCreate) -> Institution:
    institution = Institution(**request.institution_fields())
    await AccountRepository(session).add(institution)
    log.info("institution_created", institution_id=str(institution.id), kind=institution.kind)
    return institution


async def create_client(
    session: AsyncSession,
    *,
    name: str,
    created_by: uuid.UUID | None,
    role: Role = Role.INSTITUTION,
    institution_id: uuid.UUID | None = None,
    jwks: dict[str, Any] | None = None,
    jwks_uri: str | None = None,
) -> tuple[OAuthClient, str]:
    """A new machine client; the secret is returned once and only its hash is kept. An institution client acts for
    `institution_id`, or for a new institution of the same name. A client registered with its public keys (`jwks`
    or `jwks_uri`) authenticates with `private_key_jwt` only: its secret is never accepted (nor shown)."""
    if role == Role.INSTITUTION and institution_id is None:
        institution_id = (await create_institution(session, InstitutionCreate(name=name))).id
    secret = new_secret_token()
    client = OAuthClient(
        client_id=f"inst_{new_secret_token()[:22]}",
        secret_hash=token_digest(secret),
        name=name,
        role=role,
        institution_id=institution_id,
        created_by=created_by,
        auth_method="private_key_jwt" if jwks is not None or jwks_uri is not None else "client_secret",
        jwks=jwks,
        jwks_uri=jwks_uri,
    )
    await AccountRepository(session).add(client)
    log.info("client_created", client_id=client.client_id, role=role.value, auth_method=client.auth_method)
    return client, secret


async def resolve_external_subject(session: AsyncSession, subject: ExternalSubject) -> Principal:
    """Map an external provider's subject to a local learner, creating the account on first sight."""
    repository = AccountRepository(session)
    user = await repository.user_by_external_identity(subject.issuer, subject.subject)
    if user is None:
        # A verified e-mail is kept only if no local account uses it: we never link accounts silently.
        email = subject.email if subject.email and not await repository.email_taken(subject.email) else None
        user = User(email=email, display_name=(subject.name or "Learner")[:100], role=Role.LEARNER)
        await repository.add(user)
        await repository.add(ExternalIdentity(user_id=user.id, issuer=subject.issuer, subject=subject.subject))
        log.info("user_created", user_id=str(user.id), role=user.role.value, source="external_oidc")
    if user.disabled_at is not None:
        raise AuthenticationFailed("The account is disabled.", code="account_disabled")
    return Principal(id=user.id, role=user.role, client_id=subject.client_id)
