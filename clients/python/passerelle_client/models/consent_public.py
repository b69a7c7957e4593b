from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ConsentPublic")


@_attrs_define
class ConsentPublic:
    """
    Attributes:
        id (UUID):
        kind (str): `share`, `recognition_request`, `inbox_acceptance` or `institution_feed`.
        purpose (str):
        counterparty_type (str): `anyone_with_link`, `email_recipient`, `recognition_body`, `institution` or `issuer`.
        counterparty_id (None | str):
        counterparty_name (str):
        attributes (list[str]): Names of the fields released; never their values.
        notice_version (str): The version of the privacy notice the consent was given under.
        granted_at (datetime.datetime):
        expires_at (datetime.datetime | None):
        actor_id (UUID):
        withdrawn_at (datetime.datetime | None):
        withdrawn_by (None | UUID):
        recorded_at_migration (bool): True for consents recorded by the migration that introduced consent records (from
            the share's or request's creation time), not at the moment the learner gave them.
        active (bool): Not withdrawn and not past `expires_at`.
    """

    id: UUID
    kind: str
    purpose: str
    counterparty_type: str
    counterparty_id: None | str
    counterparty_name: str
    attributes: list[str]
    notice_version: str
    granted_at: datetime.datetime
    expires_at: datetime.datetime | None
    actor_id: UUID
    withdrawn_at: datetime.datetime | None
    withdrawn_by: None | UUID
    recorded_at_migration: bool
    active: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        kind = self.kind

        purpose = self.purpose

        counterparty_type = self.counterparty_type

        counterparty_id: None | str
        counterparty_id = self.counterparty_id

        counterparty_name = self.counterparty_name

        attributes = self.attributes

        notice_version = self.notice_version

        granted_at = self.granted_at.isoformat()

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        actor_id = str(self.actor_id)

        withdrawn_at: None | str
        if isinstance(self.withdrawn_at, datetime.datetime):
            withdrawn_at = self.withdrawn_at.isoformat()
        else:
            withdrawn_at = self.withdrawn_at

        withdrawn_by: None | str
        if isinstance(self.withdrawn_by, UUID):
            withdrawn_by = str(self.withdrawn_by)
        else:
            withdrawn_by = self.withdrawn_by

        recorded_at_migration = self.recorded_at_migration

        active = self.active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "purpose": purpose,
                "counterparty_type": counterparty_type,
                "counterparty_id": counterparty_id,
                "counterparty_name": counterparty_name,
                "attributes": attributes,
                "notice_version": notice_version,
                "granted_at": granted_at,
                "expires_at": expires_at,
                "actor_id": actor_id,
                "withdrawn_at": withdrawn_at,
                "withdrawn_by": withdrawn_by,
                "recorded_at_migration": recorded_at_migration,
                "active": active,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        kind = d.pop("kind")

        purpose = d.pop("purpose")

        counterparty_type = d.pop("counterparty_type")

        def _parse_counterparty_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        counterparty_id = _parse_counterparty_id(d.pop("counterparty_id"))

        counterparty_name = d.pop("counterparty_name")

        attributes = cast(list[str], d.pop("attributes"))

        notice_version = d.pop("notice_version")

        granted_at = datetime.datetime.fromisoformat(d.pop("granted_at"))

        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))

        actor_id = UUID(d.pop("actor_id"))

        def _parse_withdrawn_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                withdrawn_at_type_0 = datetime.datetime.fromisoformat(data)

                return withdrawn_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        withdrawn_at = _parse_withdrawn_at(d.pop("withdrawn_at"))

        def _parse_withdrawn_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                withdrawn_by_type_0 = UUID(data)

                return withdrawn_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        withdrawn_by = _parse_withdrawn_by(d.pop("withdrawn_by"))

        recorded_at_migration = d.pop("recorded_at_migration")

        active = d.pop("active")

        consent_public = cls(
            id=id,
            kind=kind,
            purpose=purpose,
            counterparty_type=counterparty_type,
            counterparty_id=counterparty_id,
            counterparty_name=counterparty_name,
            attributes=attributes,
            notice_version=notice_version,
            granted_at=granted_at,
            expires_at=expires_at,
            actor_id=actor_id,
            withdrawn_at=withdrawn_at,
            withdrawn_by=withdrawn_by,
            recorded_at_migration=recorded_at_migration,
            active=active,
        )

        consent_public.additional_properties = d
        return consent_public

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
