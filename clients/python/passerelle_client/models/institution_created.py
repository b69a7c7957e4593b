from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.institution_created_auth_method import InstitutionCreatedAuthMethod
from ..models.institution_kind import InstitutionKind

T = TypeVar("T", bound="InstitutionCreated")


@_attrs_define
class InstitutionCreated:
    """
    Attributes:
        id (UUID):
        name (str):
        country (None | str):
        kind (InstitutionKind):
        erasmus_code (None | str):
        schac_code (None | str):
        pic (None | str):
        created_at (datetime.datetime):
        client_id (str):
        client_secret (None | str): Shown once; only its SHA-256 is stored. None for a `private_key_jwt` client.
        auth_method (InstitutionCreatedAuthMethod):
    """

    id: UUID
    name: str
    country: None | str
    kind: InstitutionKind
    erasmus_code: None | str
    schac_code: None | str
    pic: None | str
    created_at: datetime.datetime
    client_id: str
    client_secret: None | str
    auth_method: InstitutionCreatedAuthMethod
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        country: None | str
        country = self.country

        kind = self.kind.value

        erasmus_code: None | str
        erasmus_code = self.erasmus_code

        schac_code: None | str
        schac_code = self.schac_code

        pic: None | str
        pic = self.pic

        created_at = self.created_at.isoformat()

        client_id = self.client_id

        client_secret: None | str
        client_secret = self.client_secret

        auth_method = self.auth_method.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "country": country,
                "kind": kind,
                "erasmus_code": erasmus_code,
                "schac_code": schac_code,
                "pic": pic,
                "created_at": created_at,
                "client_id": client_id,
                "client_secret": client_secret,
                "auth_method": auth_method,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        def _parse_country(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        country = _parse_country(d.pop("country"))

        kind = InstitutionKind(d.pop("kind"))

        def _parse_erasmus_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        erasmus_code = _parse_erasmus_code(d.pop("erasmus_code"))

        def _parse_schac_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        schac_code = _parse_schac_code(d.pop("schac_code"))

        def _parse_pic(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pic = _parse_pic(d.pop("pic"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        client_id = d.pop("client_id")

        def _parse_client_secret(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        client_secret = _parse_client_secret(d.pop("client_secret"))

        auth_method = InstitutionCreatedAuthMethod(d.pop("auth_method"))

        institution_created = cls(
            id=id,
            name=name,
            country=country,
            kind=kind,
            erasmus_code=erasmus_code,
            schac_code=schac_code,
            pic=pic,
            created_at=created_at,
            client_id=client_id,
            client_secret=client_secret,
            auth_method=auth_method,
        )

        institution_created.additional_properties = d
        return institution_created

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
