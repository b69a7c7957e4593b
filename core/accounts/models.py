"""Account tables."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Enum, ForeignKey, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from core.clock import utcnow
from core.database import UTCDateTime
from core.ids import new_id


class Role(enum.StrEnum):
    LEARNER = "learner"
    OFFICER = "officer"
    INSTITUTION = "institution"
    ADMIN = "admin"


USER_ROLES = (Role.LEARNER, Role.OFFICER, Role.ADMIN)


def role_column() -> Column[Role]:
    return Column(
        Enum(Role, name="role", native_enum=False, length=16, values_callable=lambda roles: [r.value for r in roles]),
        nullable=False,
    )


class BodyKind(enum.StrEnum):
    ENIC_NARIC = "enic_naric"
    UNIVERSITY_ADMISSIONS = "university_admissions"
    EMPLOYER = "employer"
    PROFESSIONAL_BODY = "professional_body"
    OTHER = "other"


DEFAULT_DECISION_DAYS = 120
"""Four months: a common announced time limit among recognition centres (believed; each body sets its own)."""
DEFAULT_APPEAL_DAYS = 30


class RecognitionBody(SQLModel, table=True):
    """An organisation whose officers assess credentials (a recognition centre, an admissions office).

    `decision_days` is the time limit it announces beforehand (Lisbon Recognition Convention, Art. III.5);
    `appeal_days` how long a learner has to appeal a decision; `appeal_route` how (in the body's words).
    """

    __tablename__ = "recognition_bodies"

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    name: str = Field(max_length=200)
    country: str = Field(max_length=2, description="ISO 3166-1 alpha-2.")
    kind: str = Field(default=BodyKind.ENIC_NARIC.value, max_length=32)
    decision_days: int = DEFAULT_DECISION_DAYS
    appeal_days: int = DEFAULT_APPEAL_DAYS
    appeal_route: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class User(SQLModel, table=True):
    __tablename__ = "users"

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    email: str | None = Field(default=None, max_length=320, unique=True)
    """Lower-cased domain part; unique; empty for accounts known only through an external identity provider."""
    password_hash: str | None = Field(default=None, max_length=255)
    display_name: str = Field(max_length=100)
    language: str = Field(default="en", sa_column=Column(String(8), nullable=False, server_default="en"))
    """The learner's language for their own pages and e-mails (core.i18n.LANGUAGES); viewers negotiate theirs."""
    role: Role = Field(sa_column=role_column())
    # Officers act for one recognition body; everyone else has none.
    body_id: uuid.UUID | None = Field(
        default=None, sa_column=Column(ForeignKey("recognition_bodies.id", ondelete="RESTRICT"), nullable=True)
    )
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    disabled_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class ExternalIdentity(SQLModel, table=True):
    """A subject at an external OpenID Connect provider, mapped to one local user."""

    __tablename__ = "external_identities"
    __table_args__ = (UniqueConstraint("issuer", "subject"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    user_id: uuid.UUID = Field(sa_column=Column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True))
    issuer: str = Field(max_length=500)
    subject: str = Field(max_length=255)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class InstitutionKind(enum.StrEnum):
    UNIVERSITY = "university"
    VET_SCHOOL = "vet_school"
    ADULT_EDUCATION = "adult_education"
    NGO = "ngo"
    EMPLOYER = "employer"
    CHAMBER = "chamber"
    PUBLIC_EMPLOYMENT_SERVICE = "public_employment_service"
    MUNICIPALITY = "municipality"
    OTHER = "other"


class Institution(SQLModel, table=True):
    """An organisation whose systems push credentials to learners (a university, a VET school, an NGO …).

    Its machine clients (`oauth_clients.institution_id`) act for it: their access tokens name the institution as
    subject. Provider kind is recorded for statistics and never changes how a credential is assessed.
    """

    __tablename__ = "institutions"

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    name: str = Field(max_length=200)
    country: str | None = Field(default=None, max_length=2, description="ISO 3166-1 alpha-2.")
    kind: str = Field(default=InstitutionKind.OTHER.value, max_length=32)
    erasmus_code: str | None = Field(default=None, max_length=32)
    schac_code: str | None = Field(default=None, max_length=255)
    pic: str | None = Field(default=None, max_length=16, description="EU Participant Identification Code.")
    event_seq: int = Field(default=0, sa_column=Column(BigInteger, nullable=False, server_default="0"))
    """The last number given to one of its change-feed events (`InstitutionEvent.seq`)."""
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class OAuthClient(SQLModel, table=True):
    """A machine client (an institution's system) using the client-credentials grant."""

    __tablename__ = "oauth_clients"

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    client_id: str = Field(max_length=64, unique=True)
    secret_hash: str = Field(max_length=64)
    """SHA-256 of a 256-bit random secret (ASVS 5.0 6.5.2)."""
    name: str = Field(max_length=200)
    role: Role = Field(sa_column=role_column())
    institution_id: uuid.UUID | None = Field(
        default=None, sa_column=Column(ForeignKey("institutions.id", ondelete="CASCADE"), nullable=True, index=True)
    )
    """The institution an institution client acts for (its tokens' subject)."""
    auth_method: str = Field(default="client_secret", max_length=32)
    """`client_secret` (RFC 6749 §2.3.1) or `private_key_jwt` (RFC 7523 §2.2: a JWT signed with the client's key)."""
    jwks: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    """`private_key_jwt`: the client's public keys (a JWK Set), or"""
    jwks_uri: str | None = Field(default=None, max_length=500)
    """where the client publishes them (fetched through the SSRF guard, cached for five minutes)."""
    created_by: uuid.UUID | None = Field(
        default=None, sa_column=Column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    )
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    disabled_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class ClientAssertionUse(SQLModel, table=True):
    """A client assertion's `jti`, kept until the assertion expires: each assertion is used once (RFC 7523 §3)."""

    __tablename__ = "client_assertion_uses"

    digest: str = Field(max_length=64, primary_key=True)
    """SHA-256 of `client_id` and `jti`."""
    expires_at: datetime = Field(sa_type=UTCDateTime, index=True)


class RefreshToken(SQLModel, table=True):
    """One refresh token of a rotation family; only its SHA-256 is stored."""

    __tablename__ = "refresh_tokens"

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    family_id: uuid.UUID = Field(index=True)
    user_id: uuid.UUID = Field(sa_column=Column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True))
    token_hash: str = Field(max_length=64, unique=True)
    client_id: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
